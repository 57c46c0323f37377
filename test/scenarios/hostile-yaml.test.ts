// A bad runbook file hurts only itself: a YAML bomb, an alias inside its own anchor, an oversized file or a
// schema error is listed with its file and reason, and every other runbook still works. Built CLI, real
// processes with a deadline (a bomb that is expanded would otherwise take the test run down with it).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';
import { SAMPLE } from './fixtures/sample.js';

const laughs = (levels: number) => {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
};

const BAD: Record<string, [string, RegExp]> = {
  'bomb.yaml': [laughs(9), /bomb\.yaml: YAML: .*alias.*at most 100 aliases/],
  'self-seq.yaml': ['id: &x\n  - *x\n', /self-seq\.yaml:2: alias \*x is inside its own anchor &x/],
  'self-steps.yaml': [SAMPLE.replace('id: sample', 'id: selfref').replace('steps:\n', 'steps: &s\n  - *s\n'), /self-steps\.yaml:\d+: alias \*s is inside its own anchor/],
  'huge.yaml': [`${SAMPLE.replace('id: sample', 'id: huge')}# ${'x'.repeat(1_100_000)}\n`, /huge\.yaml: the file is \d+ bytes; a runbook is at most 1048576/],
  'schema.yaml': [SAMPLE.replace('id: sample', 'id: schema').replace('role: dba', 'role: wizard'), /schema\.yaml:19: steps\[0\]\.role: /],
  'deep.yaml': [`${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, /deep\.yaml(:\d+)?: /],
};

function cli(state: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, '--state-dir', state, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, WARROOM_ACTOR: 'tester' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function stateWithBadFiles(): string {
  const state = tempDir('warroom-badyaml-');
  mkdirSync(join(state, 'runbooks'));
  for (const [name, [text]] of Object.entries(BAD)) writeFileSync(join(state, 'runbooks', name), text);
  writeFileSync(join(state, 'runbooks', 'good.yaml'), SAMPLE.replace('id: sample', 'id: good-one'));
  return state;
}

describe('bad runbook files beside good ones', () => {
  it('scenarios list names each bad file with its reason and lists every good runbook', () => {
    const state = stateWithBadFiles();
    const r = cli(state, 'scenarios', 'list');
    expect(r.signal, 'killed at the deadline').toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/unexpected error/);
    for (const [name, [, reason]] of Object.entries(BAD)) {
      expect(r.stderr, name).toMatch(reason);
    }
    expect(r.stdout).toMatch(/^good-one\t/m);
    expect(r.stdout).toMatch(/^dynamodb-table-corruption\t/m);
  });

  it('every other catalog command still works', () => {
    const state = stateWithBadFiles();
    const show = cli(state, 'scenarios', 'show', 'good-one');
    expect(show.code, show.stderr).toBe(0);
    const render = cli(state, 'scenarios', 'render', 'good-one', '--param', 'table=orders');
    expect(render.code, render.stderr).toBe(0);
    const made = cli(state, 'new', '--title', 't', '--severity', 'SEV2', '--scenario', 'good-one', '--param', 'table=orders');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^INC-/);
  });

  it('scenarios validate reports each bad file as a problem, one line each, exit 1', () => {
    const state = stateWithBadFiles();
    for (const [name, [, reason]] of Object.entries(BAD)) {
      const r = cli(state, 'scenarios', 'validate', join(state, 'runbooks', name));
      expect(r.signal, `${name}: killed at the deadline`).toBeNull();
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      expect(r.stdout + r.stderr, name).toMatch(reason);
      expect(r.stdout + r.stderr).not.toMatch(/unexpected error/);
    }
  });
});
