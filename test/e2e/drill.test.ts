// End to end: `warroom exercise` in a pseudo-terminal at 160x48 runs a drill at x60, then the journal and
// the report are checked. Every wait is on what the screen shows.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { runCli } from '../support/cli.js';
import { CLI, startApp, type PtyApp } from './pty.js';

const SCENARIO = 'dynamodb-table-corruption';
const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;
let app: PtyApp | undefined;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'warroom-drill-e2e-'));
});
afterAll(() => {
  app?.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** The banner's wall clock, in epoch ms. */
const wallClock = (screen: string) => {
  const m = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) UTC/.exec(screen);
  return m ? Date.parse(`${m[1]!.replace(' ', 'T')}Z`) : NaN;
};
/** The comms pane's drill line: simulated seconds and injects fired. */
const drillLine = (screen: string) => {
  const m = /drill (PAUSED|x\d+) at T\+(\d+):(\d\d); (\d)\/(\d) injects fired/.exec(screen);
  return m ? { state: m[1]!, simSeconds: Number(m[2]) * 60 + Number(m[3]), fired: Number(m[4]), of: Number(m[5]) } : undefined;
};
const fired = (s: string) => drillLine(s)?.fired ?? -1;

async function answer(a: PtyApp, question: string, keys: string) {
  await a.waitFor((s) => s.includes(question));
  a.press(keys);
}

describe('warroom exercise in a terminal', () => {
  it('runs a seeded drill at x60: injects, pause, checklist, update, resolve, export; the journal and report show it', async () => {
    const stateDir = join(dir, 'state');
    const script = await runCli(['exercise', SCENARIO, '--script', '--seed', '7', '--json']);
    expect(script.code).toBe(0);
    const schedule = (JSON.parse(script.out.join('\n')) as { schedule: { id: string; atSeconds: number }[] }).schedule;

    const a = (app = startApp(['exercise', SCENARIO, '--speed', '60', '--seed', '7', '--state-dir', stateDir], { cols: 160, rows: 48, env: { WARROOM_ACTOR: 'facilitator' } }));
    await a.waitFor((s) => s.includes('EXERCISE x60 T+'), 10_000);
    await a.waitFor((s) => fired(s) === 1 && s.includes('facilitator (missing-records)'));
    expect(drillLine(a.screen())?.of).toBe(schedule.length);

    // The second inject fires on its own as simulated time passes (T+~5:00 is ~5 real seconds at x60).
    await a.waitFor((s) => fired(s) >= 2, 15_000);
    a.press('P');
    await a.waitFor((s) => s.includes('EXERCISE PAUSED') && drillLine(s)?.state === 'PAUSED');
    await a.settle();
    const paused = drillLine(a.screen())!;
    const pausedAtWall = wallClock(a.screen());
    // Stay paused until well past the real time the next inject would have fired at x60.
    const next = schedule[paused.fired];
    const wouldFireIn = next ? Math.ceil((next.atSeconds - paused.simSeconds) / 60) * 1000 : 0;
    await a.waitFor((s) => wallClock(s) >= pausedAtWall + wouldFireIn + 2000, wouldFireIn + 10_000);
    expect(drillLine(a.screen())).toEqual(paused);
    a.press('P');
    await a.waitFor((s) => s.includes('EXERCISE x60') && drillLine(s)?.state === 'x60');
    if (next) await a.waitFor((s) => fired(s) === paused.fired + 1, wouldFireIn + 10_000);

    // Work the checklist: start, finish and verify the first step.
    await a.waitFor((s) => s.includes('assess'));
    a.press('\r');
    await a.waitFor((s) => s.includes('[>] assess'));
    a.press('\r');
    await a.waitFor((s) => s.includes('[x] assess'));
    a.press('v');
    await a.waitFor((s) => /verified|passed/.test(s) && !s.includes('not connected'), 10_000);

    // A status update.
    a.press('c');
    await a.waitFor((s) => s.includes('Status update (initial)') && s.includes('s / Enter: send'));
    expect(a.screen()).not.toContain('{{');
    a.press('s');
    await a.waitFor((s) => s.includes('status update sent'));

    // J jumps to each remaining inject; F has nothing left to fire.
    while (fired(a.screen()) < schedule.length) {
      const before = fired(a.screen());
      a.press('J');
      await a.waitFor((s) => fired(s) > before);
    }
    await a.waitFor((s) => s.includes('every inject has fired'));
    a.press('F');
    await a.waitFor((s) => s.includes('every inject has fired') && fired(s) === schedule.length);

    a.press('T');
    await answer(a, 'New status', 'resolved\r');
    await answer(a, 'Why', '\r');
    // Most steps are not done: resolving asks first.
    await answer(a, 'steps not done? (y/n)', 'y');
    await a.waitFor((s) => s.includes('RESOLVED'));
    a.press('E');
    await a.waitFor((s) => s.includes('report written to'), 10_000);
    await a.settle();
    a.press('q');
    await Promise.race([a.exited, a.waitFor((s) => s.includes('Quit anyway'), 2_000).then(() => a.press('y'), () => undefined)]);
    expect((await a.exited).exitCode).toBe(0);
    expect(a.bufferType()).toBe('normal');

    // The journal.
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const ids = store.ids();
    expect(ids).toHaveLength(1);
    const id = ids[0]!;
    const { events, state, verification } = store.load(id);
    expect(verification.ok).toBe(true);
    expect(state.mode).toBe('exercise');
    expect(state.milestones.declared).toBeDefined();
    expect(state.milestones['impact-started']).toBeDefined();
    expect(state.status).toBe('resolved');
    const controls = events.filter((e) => e.kind === 'exercise.clock');
    expect(controls.map((e) => e.data.control).slice(0, 3)).toEqual(['start', 'pause', 'resume']);
    expect(controls[0]!.data).toEqual({ control: 'start', speed: 60, seed: 7, simSeconds: 0, detail: 'seed 7' });
    const injects = events.filter((e) => e.kind === 'exercise.inject');
    expect(injects.map((e) => e.data.inject)).toEqual(schedule.map((i) => i.id));
    expect(injects.map((e) => e.data.offsetSeconds)).toEqual(schedule.map((i) => i.atSeconds));
    // Nothing fired between the pause and the resume.
    const pauseSeq = controls[1]!.seq;
    const resumeSeq = controls[2]!.seq;
    expect(injects.filter((e) => e.seq > pauseSeq && e.seq < resumeSeq)).toEqual([]);
    expect(injects.filter((e) => e.seq < pauseSeq)).toHaveLength(paused.fired);
    const kinds = events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['step.started', 'step.completed', 'step.verified', 'comms.sent', 'report.exported']));
    expect(state.steps[`${SCENARIO}/assess`]?.verification?.passed).toBe(true);
    expect(events.every((e) => e.actor === 'facilitator')).toBe(true);

    // The report, in Markdown and JSON.
    const report = (format: string) => execFileSync(process.execPath, [CLI, 'report', id, '--format', format, '--state-dir', stateDir], { encoding: 'utf8', env: { ...process.env, WARROOM_ACTOR: 'facilitator', TZ: 'UTC' } });
    const md = report('md');
    expect(md).toContain('## Exercise injects');
    expect(md).toContain('## After-action review');
    for (const i of schedule) expect(md).toContain(`| ${i.id} |`);
    expect(md).toMatch(/### What went well\n\n- /);
    // `warroom exercise` declares the incident, so the update cadence is scored and no milestone is missing. It is
    // scored on the exercise clock: at x60 the first update is due 5 exercise minutes (5 real seconds) after
    // declaring, long before the team sent it.
    expect(md).toMatch(/update due [^\n]* went out [^\n]* late/);
    expect(md).not.toContain('{{'); // step titles and the update name the drill's resources
    expect(md).not.toMatch(/\| declared \| MISSING/);
    const json = JSON.parse(report('json')) as { exercise: { injects: { inject: string; response: { seconds: number; kind: string } | null }[]; afterAction: { wentWell: string[]; toImprove: string[] } } | null };
    expect(json.exercise).not.toBeNull();
    expect(json.exercise!.injects.map((i) => i.inject)).toEqual(schedule.map((i) => i.id));
    // missing-records fired at the start and the team answered it (at the latest by starting a step).
    const first = json.exercise!.injects[0]!.response;
    expect(first).not.toBeNull();
    expect(first!.seconds).toBeGreaterThanOrEqual(0);
    expect([...json.exercise!.afterAction.wentWell, ...json.exercise!.afterAction.toImprove].some((t) => t.includes('inject '))).toBe(true);
  }, 120_000);
});
