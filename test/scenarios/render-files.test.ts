// `warroom scenarios render --write-files DIR`: the JSON files a step's command reads (file://NAME) are written
// from the runbook, and the printed commands name them where they were written, so a copied command runs.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixedClock } from '../../src/core/index.js';
import { SAMPLE } from './fixtures/sample.js';

let stateDir: string;
beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'warroom-render-files-'));
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), stdin: new PassThrough(), env: { WARROOM_STATE_DIR: stateDir, WARROOM_ACTOR: 'tester' }, clock: fixedClock(Date.parse('2026-01-31T10:00:00Z')) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const WITH_FILE = SAMPLE.replace(
  '    command: aws dynamodb describe-table --table-name {{table}}\n',
  `    command: aws dynamodb restore-table-from-backup --cli-input-json file://restore-{{table}}.json
    files:
      "restore-{{table}}.json": { TargetTableName: "{{table}}-restored", BackupArn: "arn:aws:dynamodb:eu-west-2:123456789012:table/{{table}}/backup/1" }
`,
);

function runbooks(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-runbooks-'));
  writeFileSync(join(dir, 'sample.yaml'), text);
  return dir;
}

describe('scenarios render --write-files', () => {
  it('writes each file a command reads, filled with the params, and prints the command with its written path', async () => {
    const out = join(stateDir, 'files');
    const r = await run('scenarios', 'render', 'sample', '--runbooks', runbooks(WITH_FILE), '--param', 'table=orders', '--write-files', out);
    expect(r.code, r.err).toBe(0);
    const path = join(out, 'restore-orders.json');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ TargetTableName: 'orders-restored', BackupArn: 'arn:aws:dynamodb:eu-west-2:123456789012:table/orders/backup/1' });
    expect(r.out).toContain(`$ aws dynamodb restore-table-from-backup --cli-input-json file://${path}`);
    expect(r.out).toContain(`wrote ${path} (step check)`);
  });

  it('without --write-files prints the command as written and says which files it needs', async () => {
    const r = await run('scenarios', 'render', 'sample', '--runbooks', runbooks(WITH_FILE), '--param', 'table=orders');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--cli-input-json file://restore-orders.json');
    expect(r.out).toMatch(/reads file:\/\/restore-orders\.json \(written by --write-files DIR\)/);
  });

  it('says when a command reads a file the runbook does not define', async () => {
    const out = join(stateDir, 'files');
    const undefinedFile = SAMPLE.replace(
      '    command: aws dynamodb describe-table --table-name {{table}}\n',
      '    command: aws dynamodb restore-table-from-backup --cli-input-json file://restore-{{table}}.json\n',
    );
    const r = await run('scenarios', 'render', 'sample', '--runbooks', runbooks(undefinedFile), '--param', 'table=orders', '--write-files', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/warroom: warning: step check reads file:\/\/\S+, which the runbook does not define \(write it yourself\)/);
  });

  it('never writes outside DIR: a file name with a directory part is refused', async () => {
    const out = join(stateDir, 'files');
    const text = WITH_FILE.replace('"restore-{{table}}.json":', '"../escape-{{table}}.json":').replace('file://restore-{{table}}.json', 'file://../escape-{{table}}.json');
    const r = await run('scenarios', 'render', 'sample', '--runbooks', runbooks(text), '--param', 'table=orders', '--write-files', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^warroom: step check: file name "\.\.\/escape-orders\.json" is not a plain file name \(use a name without \/\)$/);
    expect(existsSync(join(stateDir, 'escape-orders.json'))).toBe(false);
  });
});
