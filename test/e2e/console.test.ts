// End to end: the built bundle in a pseudo-terminal at 80x24 and 160x48, driven by keys, read from the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { CLI, startApp, type PtyApp } from './pty.js';

const DOWN = '\u001b[B';
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

function open(stateDir: string, cols: number, rows: number, env?: Record<string, string>): PtyApp {
  const app = startApp(['--state-dir', stateDir], { cols, rows, ...(env ? { env } : {}) });
  apps.push(app);
  return app;
}

/** Answers one question: waits for its text, then types. */
async function answer(app: PtyApp, question: string, keys: string) {
  await app.waitFor((s) => s.includes(question));
  app.press(keys);
}

describe.each([
  [80, 24],
  [160, 48],
])('the console at %dx%d', (cols, rows) => {
  it('declares, triages, works the checklist, notes, resolves and exports', async () => {
    const stateDir = join(dir, `run-${cols}`);
    const app = open(stateDir, cols, rows);
    await app.waitFor((s) => s.includes('No incidents yet'));
    expect(app.bufferType()).toBe('alternate');
    app.press('N');
    await answer(app, 'What is happening', 'Orders table returns corrupted items\r');
    await answer(app, 'What is affected', 'dynamodb orders table\r');
    await answer(app, 'Scope', '\r');
    await answer(app, 'data integrity', `${DOWN}\r`);
    await answer(app, 'security involved', '\r');
    await answer(app, 'Customer impact', `${DOWN}${DOWN}\r`);
    await answer(app, 'Since when', '\u0015-15m\r');
    await answer(app, 'suggested SEV1', '\r');
    await app.waitFor((s) => s.includes('Which scenario fits') && s.includes('score'));
    app.press('corruption');
    await app.waitFor((s) => s.includes('DynamoDB table corruption'));
    app.press('\r');
    // No runbook param is asked up front: a step that needs one asks for it when it is started (Tab fills
    // in the runbook's example).
    await app.waitFor((s) => s.includes('assess') && s.includes('DECLARED'));
    app.press('\r');
    for (let i = 0; i < 10; i++) {
      await app.waitFor((s) => /\S+ needs \w+: /.test(s) || s.includes('[>] assess'));
      const asked = /(\S+) needs (\w+): /.exec(app.screen());
      if (!asked || app.screen().includes('[>] assess')) break;
      app.press('\t\r');
      await app.waitFor((s) => !s.includes(`needs ${asked[2]}: `));
    }
    await app.waitFor((s) => s.includes('[>] assess'));
    app.press('\r');
    await app.waitFor((s) => s.includes('[x] assess'));
    app.press('v');
    await app.waitFor((s) => /verified|passed/.test(s) && !s.includes('not connected'));
    app.press('n');
    await answer(app, 'Note', 'writers stopped at 09:10\r');
    app.press('T');
    await answer(app, 'New status', 'resolved\r');
    await answer(app, 'Why', '\r');
    // Most of the runbook's steps are not done: resolving asks first.
    await answer(app, 'steps not done? (y/n)', 'y');
    await app.waitFor((s) => s.includes('RESOLVED'));
    app.press('E');
    await app.waitFor((s) => s.includes('report written to'));
    await app.settle();
    app.press('q');
    const { exitCode } = await app.exited;
    expect(exitCode).toBe(0);
    expect(app.bufferType()).toBe('normal');

    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const [id] = store.ids();
    const loaded = store.load(id!);
    expect(loaded.verification.ok).toBe(true);
    const kinds = loaded.events.map((e) => e.kind);
    expect(kinds.slice(0, 6)).toEqual(['incident.opened', 'triage.answered', 'scenario.selected', 'milestone.set', 'milestone.set', 'status.changed']);
    expect(kinds).toEqual(expect.arrayContaining(['step.started', 'step.completed', 'note', 'report.exported']));
    expect(kinds).toContain('step.verified');
    expect(loaded.state.steps['dynamodb-table-corruption/assess']?.verification?.passed).toBe(true);
    expect(loaded.state.status).toBe('resolved');
    expect(loaded.state.milestones.resolved).toBeDefined();
    expect(loaded.state.milestones['impact-started']?.backdated).toBe(true);
    expect(loaded.state.scenarios).toEqual(['dynamodb-table-corruption']);
    expect(loaded.events.every((e) => e.actor === 'commander')).toBe(true);
    const exported = loaded.events.find((e) => e.kind === 'report.exported')!;
    expect(readFileSync(String(exported.data.path), 'utf8')).toContain('writers stopped at 09:10');
  });
});

describe('the console in a terminal', () => {
  it('shows a second terminal\'s events within a second', async () => {
    const stateDir = join(dir, 'multi');
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const first = await store.create({ title: 'shared incident', severity: 'SEV2', mode: 'live', scenarios: [], params: {} }, 'commander');
    const id = String(first.data.id);
    const commander = open(stateDir, 160, 48);
    const scribe = open(stateDir, 120, 40, { WARROOM_ACTOR: 'scribe' });
    for (const a of [commander, scribe]) {
      await a.waitFor((s) => s.includes('shared incident'));
      a.press('\r');
      await a.waitFor((s) => s.includes('Timeline'));
    }
    scribe.press('n');
    await answer(scribe, 'Note', 'scribe joined\r');
    await commander.waitFor((s) => s.includes('scribe joined'), 1500);
    commander.press('n');
    await answer(commander, 'Note', 'commander ack\r');
    await scribe.waitFor((s) => s.includes('commander ack'), 1500);
    for (const a of [commander, scribe]) a.press('q');
    await Promise.all([commander.exited, scribe.exited]);
    const actors = store.load(id).events.filter((e) => e.kind === 'note').map((e) => e.actor);
    expect(actors).toEqual(['scribe', 'commander']);
  });

  it('opens the third incident for Down, Down, Enter sent in one write', async () => {
    const stateDir = join(dir, 'fast');
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    for (const title of ['alpha fire', 'bravo fire', 'charlie fire']) {
      await store.create({ title, severity: 'SEV3', mode: 'live', scenarios: [], params: {} }, 'commander');
    }
    const list = await store.list();
    const app = open(stateDir, 100, 30);
    await app.waitFor((s) => s.includes('alpha fire') && s.includes('charlie fire'));
    app.press(`${DOWN}${DOWN}\r`);
    await app.waitFor((s) => s.includes('Checklist') && s.includes(list[2]!.id));
    app.press('q');
    await app.exited;
  });

  it('explains a terminal smaller than 80x24 instead of crashing', async () => {
    const app = open(join(dir, 'small'), 60, 20);
    await app.waitFor((s) => s.includes('Terminal too small: 60x20') && s.includes('at least 80x24'));
    app.press('q');
    expect((await app.exited).exitCode).toBe(0);
  });

  it('restores the terminal on Ctrl+C and on SIGTERM', async () => {
    const a = open(join(dir, 'sig'), 100, 30);
    await a.waitFor((s) => s.includes('warroom'));
    // Raw mode is set just after the first frame; a Ctrl+C before it is a SIGINT (exit 130), not a key.
    await a.settle();
    a.press('\u0003');
    // Interrupted, as the shell expects of Ctrl+C: 130, after the terminal was given back.
    expect((await a.exited).exitCode).toBe(130);
    expect(a.bufferType()).toBe('normal');
    expect(a.raw()).toContain('\u001b[?1049l');
    expect(a.raw().lastIndexOf('\u001b[?25h')).toBeGreaterThan(a.raw().lastIndexOf('\u001b[?25l'));

    const b = open(join(dir, 'sig'), 100, 30);
    await b.waitFor((s) => s.includes('warroom'));
    b.pty.kill('SIGTERM');
    await b.exited;
    expect(b.bufferType()).toBe('normal');
    expect(b.raw()).toContain('\u001b[?1049l');
  });

  it('re-lays out when the terminal is resized', async () => {
    const stateDir = join(dir, 'resize');
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    await store.create({ title: 'resize me', severity: 'SEV3', mode: 'live', scenarios: [], params: {} }, 'commander');
    const app = open(stateDir, 80, 24);
    await app.waitFor((s) => s.includes('resize me'));
    app.press('\r');
    await app.waitFor((s) => s.includes('1 checklist') && s.includes('5 comms'));
    app.resize(160, 48);
    await app.waitFor((s) => s.includes('Metrics') && s.includes('Alarms') && s.includes('Timeline') && !s.includes('1 checklist'));
    app.resize(70, 20);
    await app.waitFor((s) => s.includes('Terminal too small: 70x20'));
    app.press('q');
    expect((await app.exited).exitCode).toBe(0);
  });

  it('restores the terminal when the process crashes', async () => {
    const script = `import { takeTerminal } from ${JSON.stringify(new URL('../../src/cli/terminal.ts', import.meta.url).pathname)};
      takeTerminal(process.stdin, process.stdout, (l) => process.stderr.write(l + '\\n'));
      process.stdin.setRawMode(true);
      process.stdout.write('\\u001b[?25l drawn');
      setTimeout(() => { throw new Error('boom'); }, 50);`;
    const { spawn } = await import('node-pty');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cols: 80, rows: 24, env, cwd: new URL('../..', import.meta.url).pathname });
    let out = '';
    p.onData((d) => (out += d));
    const { exitCode } = await new Promise<{ exitCode: number }>((r) => p.onExit(r));
    expect(exitCode).toBe(1);
    expect(out).toContain('\u001b[?1049h');
    expect(out.indexOf('\u001b[?1049l')).toBeGreaterThan(out.indexOf('drawn'));
    expect(out.lastIndexOf('\u001b[?25h')).toBeGreaterThan(out.lastIndexOf('\u001b[?25l'));
    // Bracketed paste goes off too, or the shell would get pasted text wrapped in markers.
    expect(out).toContain('\u001b[?2004h');
    expect(out.lastIndexOf('\u001b[?2004l')).toBeGreaterThan(out.lastIndexOf('\u001b[?2004h'));
    expect(out).toContain('warroom: unexpected error: boom');
  });

  it('prints one clear line and exits 2 without a TTY', () => {
    const env = { ...process.env };
    delete env.CI;
    const r = spawnSync(process.execPath, [CLI, '--state-dir', join(dir, 'notty')], { input: '', encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^warroom: the console needs an interactive terminal \(stdin is not a TTY\)/)]);
  });
});
