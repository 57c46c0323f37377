// A runbook pattern that backtracks catastrophically, such as (a+)+$, must not hang any command nor make the
// process deaf to SIGTERM. Real processes (dist/cli.js) with deadlines: a hang fails the test, never the run.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';
import { SAMPLE } from './fixtures/sample.js';

const EVIL = '(a+)+$';
const ATTACK = `${'a'.repeat(32)}b`;

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  killed: boolean;
}

/** Runs a command; SIGKILLs it at `deadline` ms (then `killed` is true). `term` sends SIGTERM after that many ms. */
function runWithin(args: string[], opts: { deadline: number; term?: number; stdin?: string; node?: string[] }): Promise<Finished> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...(opts.node ?? [CLI]), ...args], {
      env: { ...process.env, WARROOM_ACTOR: 'tester' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    const term = opts.term === undefined ? undefined : setTimeout(() => child.kill('SIGTERM'), opts.term);
    const kill = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, opts.deadline);
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      if (term) clearTimeout(term);
      done({ code, signal, stdout, stderr, ms: Date.now() - started, killed });
    });
  });
}

function stateWith(files: Record<string, string>): string {
  const state = tempDir('warroom-hostile-');
  mkdirSync(join(state, 'runbooks'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(state, 'runbooks', name), text);
  return state;
}

const withPattern = (id: string, pattern: string, example: string) =>
  SAMPLE.replace('id: sample', `id: ${id}`).replace('pattern: "[a-z-]+"', `pattern: ${JSON.stringify(pattern)}`).replace('example: orders', `example: ${example}`);

describe('a catastrophically backtracking runbook pattern', () => {
  it('does not hang the catalog: the runbook whose example fails its pattern is skipped with file:line', async () => {
    const state = stateWith({ 'evil.yaml': withPattern('evil', EVIL, ATTACK) });
    const r = await runWithin(['--state-dir', state, 'scenarios', 'list'], { deadline: 15_000 });
    expect(r.killed, `scenarios list still running after 15 s`).toBe(false);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dynamodb-table-corruption/);
    expect(r.stderr).toMatch(/evil\.yaml:15: params\.table\.example: example "a+b" does not match/);
  });

  it('does not hang `new --param` checked against it, and the value is refused', async () => {
    const state = stateWith({ 'evil.yaml': withPattern('evil', EVIL, 'aaa') });
    const r = await runWithin(['--state-dir', state, 'new', '--title', 't', '--severity', 'SEV2', '--scenario', 'evil', '--param', `table=${ATTACK}`], { deadline: 15_000 });
    expect(r.killed, 'new still running after 15 s').toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^warroom: param "table" = "a+b" does not match \(a\+\)\+\$/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('leaves the process responsive to SIGTERM while it loads the catalog', async () => {
    // Long enough that a backtracking engine is still busy (for minutes) when the signal comes.
    const state = stateWith({ 'evil.yaml': withPattern('evil', EVIL, `${'a'.repeat(40)}b`) });
    const r = await runWithin(['--state-dir', state, 'scenarios', 'list'], { deadline: 15_000, term: 1_500 });
    expect(r.killed, 'SIGTERM ignored: still running 13 s later').toBe(false);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('leaves a command waiting on its input responsive to %s', async (signal) => {
    const state = tempDir('warroom-hostile-');
    const made = await runWithin(['--state-dir', state, 'new', '--title', 't', '--severity', 'SEV3'], { deadline: 15_000 });
    const id = made.stdout.trim();
    const child = spawn(process.execPath, [CLI, '--state-dir', state, 'log', id, '--stdin'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write('first line\n');
    await new Promise((r) => child.stdout.once('data', r));
    const ended = new Promise<NodeJS.Signals | number | null>((r) => child.on('close', (code, signal) => r(signal ?? code)));
    child.kill(signal);
    const how = await Promise.race([ended, new Promise((r) => setTimeout(() => r('still running'), 5_000))]);
    if (how === 'still running') child.kill('SIGKILL');
    expect(how).not.toBe('still running');
  });

  it('refuses at load, with file:line, a pattern that cannot run in linear time (back-reference)', async () => {
    const state = stateWith({ 'backref.yaml': withPattern('backref', '(a)\\1', 'aa') });
    const r = await runWithin(['--state-dir', state, 'scenarios', 'validate', join(state, 'runbooks', 'backref.yaml')], { deadline: 15_000 });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/backref\.yaml:14: params\.table\.pattern: pattern "\(a\)\\\\1" cannot be used/);
  });

  it('refuses at load a verify `matches` that cannot run in linear time', async () => {
    const text = withPattern('lookahead', '[a-z]+', 'orders').replace('expect: { equals: ACTIVE }', 'expect: { matches: "(?=A)ACTIVE" }');
    const state = stateWith({ 'look.yaml': text });
    const r = await runWithin(['--state-dir', state, 'scenarios', 'validate', join(state, 'runbooks', 'look.yaml')], { deadline: 15_000 });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/look\.yaml:27: steps\[0\]\.verify\.expect\.matches: pattern "\(\?=A\)ACTIVE" cannot be used/);
  });
});

describe('other places a runbook regex is matched (each in a child process with a deadline)', () => {
  const tsx = (code: string) => ['--import', 'tsx', '--input-type=module', '-e', code];

  it('a verify `matches` against a long AWS value', async () => {
    const code = `import { checkExpect } from './src/aws/probe-eval.ts';
      const r = checkExpect([${JSON.stringify(`${'a'.repeat(40)}b`)}], { matches: ${JSON.stringify(EVIL)} });
      console.log(JSON.stringify(r));`;
    const r = await runWithin([], { deadline: 20_000, node: tsx(code) });
    expect(r.killed, 'checkExpect still running after 20 s').toBe(false);
    expect(JSON.parse(r.stdout)).toMatchObject({ passed: false });
  });

  it('the console field that checks a param value', async () => {
    const code = `import { fieldKey } from './src/ui/app/field.ts';
      const step = { key: 'table', label: 'table', pattern: ${JSON.stringify(EVIL)} };
      const r = fieldKey(step, { text: ${JSON.stringify(`${'a'.repeat(40)}b`)}, cursor: 0 }, 'return', 'submit');
      console.log(JSON.stringify(r));`;
    const r = await runWithin([], { deadline: 20_000, node: tsx(code) });
    expect(r.killed, 'the field check still running after 20 s').toBe(false);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'edit', field: { error: expect.stringMatching(/does not match/) } });
  });

  it('an alarm-name glob with many stars', async () => {
    const code = `import { globMatch } from './src/core/triage.ts';
      console.log(JSON.stringify([globMatch('*a*a*a*a*a*a*a*a*a*a*a*a*c', ${JSON.stringify('a'.repeat(250))}), globMatch('prod-*-ddb-?', 'PROD-orders-ddb-1')]));`;
    const r = await runWithin([], { deadline: 20_000, node: tsx(code) });
    expect(r.killed, 'globMatch still running after 20 s').toBe(false);
    expect(JSON.parse(r.stdout)).toEqual([false, true]);
  });
});
