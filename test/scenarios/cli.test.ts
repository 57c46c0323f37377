// `warroom scenarios ...` and `warroom new --scenario` through main(), with a fake terminal.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixedClock } from '../../src/core/index.js';
import { SAMPLE } from './fixtures/sample.js';

let stateDir: string;
beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'warroom-scenarios-'));
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: new PassThrough(),
    env: { WARROOM_STATE_DIR: stateDir, WARROOM_ACTOR: 'tester' },
    clock: fixedClock(Date.parse('2026-01-31T10:00:00Z')),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function userDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-runbooks-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('scenarios list', () => {
  it('lists the built-in catalog', async () => {
    const r = await run('scenarios', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ID\tCATEGORY\tSEV\tSTEPS\tTITLE/);
    expect(r.out).toMatch(/dynamodb-table-corruption\tdata\tSEV2\t\d+\tDynamoDB table corruption/);
    expect(r.err).toBe('');
  });

  it('prints JSON with file and origin', async () => {
    const r = await run('scenarios', 'list', '--json');
    const rows = JSON.parse(r.out) as { id: string; builtin: boolean; file: string; sources: string[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.find((x) => x.id === 'az-failure')).toMatchObject({ builtin: true, file: expect.stringMatching(/az-failure\.yaml$/) });
  });

  it('says when a user file overrides a built-in one (--runbooks)', async () => {
    const dir = userDir({ 'mine.yaml': SAMPLE.replace('id: sample', 'id: az-failure').replace('title: Sample', 'title: Our AZ runbook') });
    const r = await run('scenarios', 'list', '--runbooks', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/az-failure\t.*Our AZ runbook {2}\(user file .*mine\.yaml overrides .*az-failure\.yaml\)/);
  });

  it('reads <state-dir>/runbooks too', async () => {
    mkdirSync(join(stateDir, 'runbooks'));
    writeFileSync(join(stateDir, 'runbooks', 'sample.yaml'), SAMPLE);
    const r = await run('scenarios', 'list');
    expect(r.out).toMatch(/sample\tdata\t-\t2\tSample {2}\(user file .*sample\.yaml\)/);
  });

  it('reports a broken user file on stderr, one line, and lists the rest', async () => {
    const dir = userDir({ 'broken.yaml': SAMPLE.replace('role: dba', 'role: nobody'), 'good.yaml': SAMPLE });
    const r = await run('--runbooks', dir, 'scenarios', 'list');
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^warroom: warning: skipped runbook .*broken\.yaml:19: steps\[0\]\.role: text "nobody" is not allowed here/);
    expect(r.out).toMatch(/\nsample\t/);
  });
});

describe('scenarios show', () => {
  it('prints the normalized scenario as JSON', async () => {
    const r = await run('scenarios', 'show', 'dynamodb-table-corruption', '--json');
    const s = JSON.parse(r.out);
    expect(s.id).toBe('dynamodb-table-corruption');
    expect(s.objectives[0]).toMatchObject({ component: 'DynamoDB', rto_seconds: 1800, rpo_seconds: 60, plan: 'simple-log-service' });
  });

  it('prints a readable summary', async () => {
    const r = await run('scenarios', 'show', 'aurora-failover');
    expect(r.out).toContain('aurora-failover: Aurora / RDS cluster failover');
    expect(r.out).toContain('Aurora Database: RTO 5m, RPO 1m');
    expect(r.out).toMatch(/action: rds FailoverDBCluster .*confirm by typing \{\{cluster\}\}/);
  });

  it('names the known ids for an unknown one (exit 3)', async () => {
    const r = await run('scenarios', 'show', 'dynamo');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^warroom: unknown scenario "dynamo": did you mean dynamodb-restore-from-backup, dynamodb-table-corruption\? known scenarios: /);
  });
});

describe('scenarios render', () => {
  const params = ['table=orders', 'target_table=orders-restored', 'restore_time=2026-01-31T10:00:00Z', 'function_name=orders-writer', 'read_function=orders-reader', 'region=eu-west-1'];

  it('fills every command with the params', async () => {
    const r = await run('scenarios', 'render', 'dynamodb-table-corruption', ...params.flatMap((p) => ['--param', p]));
    expect(r.code).toBe(0);
    expect(r.out).toContain('$ aws dynamodb restore-table-to-point-in-time --source-table-name orders --target-table-name orders-restored --restore-date-time 2026-01-31T10:00:00Z --region eu-west-1');
    expect(r.out).not.toContain('{{');
  });

  it('renders verify and action arguments in --json', async () => {
    const r = await run('scenarios', 'render', 'dynamodb-table-corruption', '--json', ...params.flatMap((p) => ['--param', p]));
    const restore = JSON.parse(r.out).steps.find((s: { id: string }) => s.id === 'restore');
    expect(restore.action).toMatchObject({ operation: 'RestoreTableToPointInTime', args: { SourceTableName: 'orders', TargetTableName: 'orders-restored' }, confirm: 'orders-restored' });
  });

  it('names the missing params with their examples (exit 2)', async () => {
    const r = await run('scenarios', 'render', 'dynamodb-table-corruption', '--param', 'table=orders');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/needs params target_table \(.*e\.g\. --param target_table=simple-log-service-dev-logs-restored\), restore_time/);
    expect(r.err).not.toMatch(/needs params table/);
  });

  it('rejects a value that does not match the pattern, naming the param', async () => {
    const bad = params.map((p) => (p.startsWith('restore_time') ? 'restore_time=yesterday' : p));
    const r = await run('scenarios', 'render', 'dynamodb-table-corruption', ...bad.flatMap((p) => ['--param', p]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/param "restore_time" = "yesterday" does not match/);
  });

  it('rejects an unknown param', async () => {
    const r = await run('scenarios', 'render', 'kubernetes-node-failure', '--param', 'nodes=x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/has no param "nodes"; its params are node, namespace, instance_id, region/);
  });

  it('uses a default when the param is not given', async () => {
    const dir = userDir({ 's.yaml': SAMPLE.replace('    example: orders', '    example: orders\n    default: logs') });
    const r = await run('scenarios', 'render', 'sample', '--runbooks', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('$ aws dynamodb describe-table --table-name logs');
  });
});

describe('scenarios validate', () => {
  it('passes the built-in catalog (exit 0)', async () => {
    const r = await run('scenarios', 'validate', 'src/scenarios/catalog');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: \d+ files, \d+ scenarios$/);
  });

  it('prints every problem with file, line and path (exit 1)', async () => {
    const dir = userDir({
      'a.yaml': SAMPLE.replace('role: dba', 'role: nobody').replace('{{table}}\n', '{{tabel}}\n'),
      'b.yaml': 'id: [oops',
    });
    const r = await run('scenarios', 'validate', dir);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/a\.yaml:19: steps\[0\]\.role: /));
    expect(lines).toContainEqual(expect.stringMatching(/a\.yaml:21: steps\[0\]\.command: placeholder \{\{tabel\}\}/));
    expect(lines).toContainEqual(expect.stringMatching(/b\.yaml:\d+: YAML syntax: /));
    expect(lines[lines.length - 1]).toMatch(/^\d+ problems in 2 files$/);
  });

  it('finds duplicate scenario ids across files', async () => {
    const dir = userDir({ 'one.yaml': SAMPLE, 'two.yaml': SAMPLE });
    const r = await run('scenarios', 'validate', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/two\.yaml:1: id: duplicate scenario id "sample" \(also in .*one\.yaml\)/);
  });

  it('reports a path that does not exist', async () => {
    const r = await run('scenarios', 'validate', join(stateDir, 'nope.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.yaml: no such file or directory/);
  });
});

describe('scenarios schema', () => {
  it('prints a JSON Schema of the runbook format', async () => {
    const r = await run('scenarios', 'schema');
    const schema = JSON.parse(r.out);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'steps', 'comms']));
    expect(schema.properties.category.enum).toEqual(['infrastructure', 'data', 'security', 'application']);
    expect(schema.properties.steps.items.additionalProperties).toBe(false);
    expect(schema.description).toContain('next_update');
    const step = schema.properties.steps.items.properties;
    expect(step.verify.properties.operation.enum).toContain('DescribeTable');
    expect(step.verify.properties.operation.enum).not.toContain('RestoreTableToPointInTime');
    expect(step.action.properties.operation.enum).toContain('FailoverDBCluster');
    expect(step.action.properties.wait.properties.operation.enum).toContain('DescribeDBClusters');
  });
});

describe('new --scenario', () => {
  it('rejects an unknown scenario id and creates nothing', async () => {
    const r = await run('new', '--title', 'x', '--severity', 'SEV2', '--scenario', 'no-such-thing');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^warroom: unknown scenario "no-such-thing": .*known scenarios: /);
    expect((await run('list', '--json')).out).toBe('[]');
  });

  it('accepts a known one', async () => {
    const r = await run('new', '--title', 'orders table', '--severity', 'SEV2', '--scenario', 'dynamodb-table-corruption', '--params-later', '--json');
    expect(r.code).toBe(0);
    const { id } = JSON.parse(r.out);
    const journal = readFileSync(join(stateDir, 'incidents', `${id}.jsonl`), 'utf8');
    expect(journal).toContain('dynamodb-table-corruption');
  });
});
