// End to end: one drill in four consoles (a controller, two players and an evaluator), each a real binary in
// its own pseudo-terminal on the same state dir. The controller quits and comes back mid-drill; every inject
// fires once, every screen shows the same T+, and the AAR/IP comes out on drill time. Waits are on screens.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { CLI, startApp, type PtyApp } from './pty.js';

const SCENARIO = 'dynamodb-table-corruption';
const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'warroom-drill4-e2e-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

const SIZE = { cols: 160, rows: 48 };
const open = (args: string[], actor: string): PtyApp => {
  const a = startApp([...args, '--state-dir', join(dir, 'state')], { ...SIZE, env: { WARROOM_ACTOR: actor } });
  apps.push(a);
  return a;
};

/** The banner's drill clock: state and T+. */
const clock = (screen: string) => /EXERCISE (PAUSED|ENDED|x\d+) (T\+[\d:]+)/.exec(screen)?.slice(1, 3).join(' ');
const fired = (screen: string) => Number(/(\d)\/\d injects fired/.exec(screen)?.[1] ?? -1);

/** A console joining the drill from the home screen: the one incident in the list, opened with Enter. */
async function joinConsole(args: string[], actor: string): Promise<PtyApp> {
  const a = open(args, actor);
  await a.waitFor((s) => s.includes('Exercise:'), 15_000);
  a.press('\r');
  await a.waitFor((s) => clock(s) !== undefined, 15_000);
  return a;
}

async function quit(a: PtyApp) {
  a.press('q');
  await Promise.race([a.exited, a.waitFor((s) => s.includes('Quit anyway'), 3_000).then(() => a.press('y'), () => undefined)]);
  expect((await a.exited).exitCode).toBe(0);
}

describe('a drill in four consoles', () => {
  it('one controller, two players and an evaluator; the controller restarts mid-drill; every inject fires once and every screen agrees', async () => {
    let fac = open(['exercise', SCENARIO, '--speed', '60', '--seed', '7'], 'fac');
    await fac.waitFor((s) => clock(s)?.startsWith('x60') === true && fired(s) >= 1, 20_000);
    const pat = await joinConsole(['--role', 'player'], 'pat');
    const quinn = await joinConsole(['--role', 'player'], 'quinn');
    const eve = await joinConsole(['--role', 'evaluator'], 'eve');
    await pat.waitFor((s) => s.includes('you are player'), 10_000);
    await eve.waitFor((s) => s.includes('you are evaluator'), 10_000);

    // A player cannot move the clock: one line says who can.
    pat.press('P');
    await pat.waitFor((s) => s.includes('drill: fac controls this drill and you are player'));
    // Players never see the facilitator's lines.
    expect(pat.screen()).not.toMatch(/facilitator \(|facilitator next/);
    await fac.waitFor((s) => /facilitator \([a-z-]+\):/.test(s));

    // The second inject fires at T+~5:00 (about five real seconds at x60); the players answer.
    await fac.waitFor((s) => fired(s) >= 2, 20_000);
    pat.press('n');
    await pat.waitFor((s) => s.includes('Note'));
    pat.paste('stopping writes to the table until the restore is checked');
    pat.press('\r');
    await pat.waitFor((s) => s.includes('stopping writes'), 10_000);

    // Pause: every console shows the same paused T+.
    fac.press('P');
    let consoles = [fac, pat, quinn, eve];
    await fac.waitFor((s) => clock(s)?.startsWith('PAUSED') === true);
    const paused = clock(fac.screen())!;
    for (const c of consoles) await c.waitFor((s) => clock(s) === paused, 10_000);

    // The controller quits and comes back: the record gives it the same paused clock, and it drives again.
    await quit(fac);
    fac = await joinConsole(['--facilitator'], 'fac');
    consoles = [fac, pat, quinn, eve];
    await fac.waitFor((s) => clock(s) === paused, 10_000);
    for (const c of [pat, quinn, eve]) expect(clock(c.screen())).toBe(paused);
    fac.press('P');
    await fac.waitFor((s) => clock(s)?.startsWith('x60') === true);

    // Jump through the rest of the script.
    for (let guard = 0; guard < 10; guard++) {
      await fac.settle();
      const n = fired(fac.screen());
      if (n >= 5) break;
      fac.press('J');
      await fac.waitFor((s) => fired(s) > n, 10_000);
    }
    await fac.waitFor((s) => fired(s) === 5);

    // The evaluator marks the errors-rise inject, with the suggested credit the console proposes.
    eve.press('M');
    await eve.waitFor((s) => s.includes('Mark an expectation'));
    eve.paste('errors-rise');
    await eve.waitFor((s) => s.includes('suggested #') || s.includes('no response yet'));
    eve.press('\r');
    await eve.waitFor((s) => s.includes('Expectation'));
    eve.paste('partly');
    eve.press('\r');
    await eve.waitFor((s) => s.includes('Note (what you saw'));
    eve.paste('writes stopped, but nobody said who decides');
    eve.press('\r');
    await eve.waitFor((s) => s.includes('evaluated inject errors-rise: partly'), 10_000);

    // The controller ends the drill: the clock stops at the same T+ on every screen.
    fac.press('X');
    await fac.waitFor((s) => s.includes('Type "end"'));
    fac.paste('end');
    fac.press('\r');
    await fac.waitFor((s) => clock(s)?.startsWith('ENDED') === true, 10_000);
    const ended = clock(fac.screen())!;
    for (const c of consoles) await c.waitFor((s) => clock(s) === ended, 10_000);
    await new Promise((r) => setTimeout(r, 2_000)); // a stopped clock stays stopped
    for (const c of consoles) expect(clock(c.screen())).toBe(ended);
    for (const c of consoles) await quit(c);

    // The record: one controller, everyone's role, every inject exactly once.
    const store = new IncidentStore(join(dir, 'state'), { now: () => Date.now() });
    const [id] = store.ids();
    const { events, verification } = store.load(id!);
    expect(verification.ok).toBe(true);
    const injects = events.filter((e) => e.kind === 'exercise.inject').map((e) => String(e.data.inject));
    expect(injects).toHaveLength(5);
    expect(new Set(injects).size).toBe(5);
    // The lease names a console: the restarted controller took it back on the record, from its old console.
    const leases = events.filter((e) => e.kind === 'exercise.lease');
    expect(leases.map((e) => e.data.holder)).toEqual(['fac', 'fac']);
    expect(leases[1]!.data).toMatchObject({ from: 'fac', fromConsole: leases[0]!.data.console, detail: 'took control back in a new console' });
    expect(leases[1]!.data.console).not.toBe(leases[0]!.data.console);
    expect(events.filter((e) => e.kind === 'exercise.joined').map((e) => [e.actor, e.data.role])).toEqual(expect.arrayContaining([['pat', 'player'], ['quinn', 'player'], ['eve', 'evaluator']]));
    expect(events.filter((e) => e.kind === 'exercise.clock' && e.actor !== 'fac')).toEqual([]);
    expect(events.filter((e) => e.kind === 'exercise.clock').map((e) => e.data.control).at(-1)).toBe('end');
    // Four consoles ran the same simulated AWS; each alarm change is on the record once, by the controller's console.
    const changes = events.filter((e) => e.kind === 'alarm.changed');
    expect(changes.map((e) => [e.actor, e.data.alarm, e.data.to])).toContainEqual(['fac', 'simple-log-service-dev-lambda-errors', 'ALARM']);
    expect(changes.filter((e) => e.actor !== 'fac')).toEqual([]);
    for (const [i, e] of changes.entries()) {
      const before = changes.slice(0, i).filter((x) => x.data.alarm === e.data.alarm).at(-1);
      expect(before?.data.to, `alarm.changed #${e.seq} repeats #${before?.seq}`).not.toBe(e.data.to);
    }

    // The AAR/IP, on drill time.
    const out = join(dir, 'aar.md');
    execFileSync(process.execPath, [CLI, 'aar', id!, '--out', out, '--state-dir', join(dir, 'state')], { encoding: 'utf8', env: { ...process.env, WARROOM_ACTOR: 'eve', TZ: 'UTC' } });
    const aar = readFileSync(out, 'utf8');
    if (process.env.WARROOM_AAR_COPY) copyFileSync(out, process.env.WARROOM_AAR_COPY);
    // No row of the AAR's tables twice.
    const rows = aar.split('\n').filter((l) => l.startsWith('|') && !/^\|[\s|:-]+\|$/.test(l));
    expect(rows.filter((r, i) => rows.indexOf(r) !== i)).toEqual([]);
    expect(aar).toContain('## Exercise overview');
    expect(aar).toContain('## Analysis of core capabilities');
    expect(aar).toContain('## Appendix A: Improvement plan');
    expect(aar).toContain(`Duration (drill time) | ${ended.replace('ENDED ', '')}; ended by the controller at ${ended.replace('ENDED ', '')}`);
    expect(aar).toMatch(/controller: fac<br>player: pat, quinn<br>evaluator: eve/);
    expect(aar).toMatch(/errors-rise \[#\d+\] \| T\+\d+:\d\d \| T\+\d+:\d\d \| scheduled/);
    expect(aar).toContain('partly (eve: writes stopped, but nobody said who decides)');
    expect(aar).toMatch(/note by pat at T\+\d+:\d\d/);
    expect(aar).not.toMatch(/\d\d:\d\d(:\d\d)? ?UTC|T\d\d:\d\d/);
  }, 240_000);
});
