// The console's drill, through the reducer with a fixed clock: start, ticks at a speed, P, + and -, J and F.
import { describe, expect, it } from 'vitest';
import { simElapsed } from '../../src/core/index.js';
import type { Effect } from '../../src/ui/app/msg.js';
import type { AppState } from '../../src/ui/app/state.js';
import { run } from './fixtures/drive.js';
import { appended, clockEffects, consoleState, drillEvents, echo, EXERCISE_ID, exerciseEvents, injected, kinds, pressE as press, schedule, started, tick } from './fixtures/exercise.js';
import { T0 } from './fixtures/state.js';

describe('starting a drill in the console', () => {
  it('records exercise.clock start with the speed and seed, and the first inject at T+0:00', () => {
    const [s, fx] = started(60, 7);
    expect(appended(fx)).toEqual([
      { kind: 'exercise.lease', data: { holder: 'facilitator' } },
      { kind: 'exercise.clock', data: { control: 'start', speed: 60, seed: 7, simSeconds: 0, detail: 'seed 7' } },
      { kind: 'exercise.inject', data: { inject: 'missing-records', text: schedule(7)[0]!.text, offsetSeconds: 0, firedAtSeconds: 0, how: 'scheduled', channel: { kind: 'email', from: 'Support desk', subject: 'Customers report missing log entries' } } },
    ]);
    expect(fx.every((e) => e.type !== 'drill-append' || (e.id === EXERCISE_ID && e.afterSeq === 3))).toBe(true);
    // The clock read back from the record: the start control's wall time anchors it.
    expect(clockEffects(fx).at(-1)).toEqual({ type: 'drill-clock', clock: { anchorSim: 0, anchorReal: T0, speed: 60, paused: false }, startedAt: T0 });
    expect(s.drill).toMatchObject({ incidentId: EXERCISE_ID, facilitator: true, role: 'controller', lastFired: { id: 'missing-records' } });
    expect(s.pendingDrill).toBeUndefined();
  });

  it('does not start a drill waiting for another incident', () => {
    const evs = exerciseEvents();
    const [s, fx] = run(consoleState({ incidentId: 'INC-20261121-OTHR', speed: 60, facilitator: true }), { type: 'incident.loaded', id: EXERCISE_ID, events: evs, offset: 1 });
    // It joins this one as a player, and drives nothing.
    expect(s.drill?.role).toBe('player');
    expect(appended(fx)).toEqual([{ kind: 'exercise.joined', data: { role: 'player' } }]);
  });
});

describe('drill ticks', () => {
  it('fire each inject when simulated time reaches it at the chosen speed, once', () => {
    const plan = schedule(7);
    let [s] = started(60, 7);
    const fired: unknown[] = [];
    for (const inject of plan.slice(1)) {
      const dueReal = Math.ceil((inject.atSeconds * 1000) / 60);
      let fx: Effect[];
      [s, fx] = tick(s, dueReal - 1);
      expect(injected(fx), `${inject.id} not yet due ${dueReal - 1} ms in`).not.toContain(inject.id);
      fired.push(...injected(fx));
      [s, fx] = tick(s, dueReal);
      expect(injected(fx)).toContain(inject.id);
      expect(appended(fx).find((e) => e.data.inject === inject.id)?.data.offsetSeconds).toBe(inject.atSeconds);
      expect(clockEffects(fx)).toEqual([]); // a tick is no control: the runner's clock is already right
      fired.push(...injected(fx));
    }
    expect(fired).toEqual(plan.slice(1).map((i) => i.id));
    expect(injected(tick(s, 10 * 3_600_000)[1])).toEqual([]);
  });

  it('at x1 fires the 5-minute inject after 5 real minutes, not before', () => {
    const at = schedule()[1]!;
    expect(at).toMatchObject({ id: 'errors-rise', atSeconds: 300 });
    const [s] = started(1);
    expect(injected(tick(s, 299_000)[1])).toEqual([]);
    expect(injected(tick(s, 300_000)[1])).toEqual(['errors-rise']);
  });
});

describe('P pauses and resumes', () => {
  it('records pause, fires nothing while paused however many ticks, and resumes where it stopped', () => {
    let [s] = started(60);
    [s] = tick(s, 2_000); // T+2:00
    let fx: Effect[];
    [s, fx] = press({ ...s, now: T0 + 2_000 }, 'P');
    expect(appended(fx)).toEqual([{ kind: 'exercise.clock', data: { control: 'pause', speed: 60, simSeconds: 120 } }]);
    expect(clockEffects(fx)).toEqual([{ type: 'drill-clock', clock: { anchorSim: 120_000, anchorReal: T0 + 2_000, speed: 60, paused: true }, startedAt: T0 }]);
    for (let sec = 3; sec <= 3_600; sec += 1) {
      [s, fx] = tick(s, sec * 1000);
      // Escalations keep wall-clock time (as the report does); the drill itself records nothing.
      expect(drillEvents(fx)).toEqual([]);
      expect(clockEffects(fx)).toEqual([]);
    }
    expect(simElapsed(s.drill!.session.clock, s.now)).toBe(120_000);
    [s, fx] = press(s, 'P');
    expect(appended(fx)).toEqual([{ kind: 'exercise.clock', data: { control: 'resume', speed: 60, simSeconds: 120 } }]);
    expect(clockEffects(fx)[0]).toMatchObject({ clock: { paused: false, anchorSim: 120_000, anchorReal: T0 + 3_600_000 } });
    // errors-rise is at T+5:00: three simulated minutes, 3 real seconds at x60, after the resume.
    expect(injected(tick(s, 3_600_000 + 2_999)[1])).toEqual([]);
    expect(injected(tick(s, 3_600_000 + 3_000)[1])).toEqual(['errors-rise']);
  });
});

describe('+ and - step the speed', () => {
  const speedsPressing = (s: AppState, key: string, times: number) => {
    const out: unknown[] = [];
    for (let i = 0; i < times; i++) {
      let fx: Effect[];
      [s, fx] = press(s, key);
      out.push(...appended(fx).map((e) => e.data.speed));
      expect(clockEffects(fx)).toHaveLength(appended(fx).length);
    }
    return [s, out] as const;
  };

  it('goes through x1, x2, x5, x10, x30, x60 and back, stopping at the ends without recording anything', () => {
    const [fast, up] = speedsPressing(started(1)[0], '+', 6);
    expect(up).toEqual([2, 5, 10, 30, 60]);
    expect(fast.drill!.session.clock.speed).toBe(60);
    expect(fast.toast?.text).toBe('the drill clock is already at x60');
    const [slow, down] = speedsPressing(fast, '-', 6);
    expect(down).toEqual([30, 10, 5, 2, 1]);
    expect(slow.drill!.session.clock.speed).toBe(1);
    expect(slow.toast?.text).toBe('the drill clock is already at x1');
  });

  it('from a speed between the steps, goes to the next step up or down', () => {
    expect(speedsPressing(started(3)[0], '+', 1)[1]).toEqual([5]);
    expect(speedsPressing(started(3)[0], '-', 1)[1]).toEqual([2]);
  });

  it('keeps simulated time continuous across a change of speed', () => {
    let [s] = started(1);
    [s] = tick(s, 60_000); // T+1:00 at x1
    for (let i = 0; i < 5; i++) [s] = press(s, '+'); // x60
    expect(injected(tick(s, 60_000 + 3_999)[1])).toEqual([]);
    expect(injected(tick(s, 60_000 + 4_000)[1])).toEqual(['errors-rise']); // 4 min more at x60
  });
});

describe('J and F', () => {
  it('J jumps the clock to the next inject, which fires at once, in schedule order', () => {
    let [s] = started(1, 7);
    const plan = schedule(7);
    for (const inject of plan.slice(1)) {
      let fx: Effect[];
      [s, fx] = press(s, 'J');
      expect(kinds(fx)).toEqual(['exercise.clock:jump', `exercise.inject:${inject.id}`]);
      expect(appended(fx)[0]!.data).toEqual({ control: 'jump', speed: 1, simSeconds: inject.atSeconds, detail: `to ${inject.id}` });
      expect(appended(fx)[1]!.data).toMatchObject({ firedAtSeconds: inject.atSeconds, how: 'jumped' });
      expect(clockEffects(fx)[0]).toMatchObject({ clock: { anchorSim: inject.atSeconds * 1000 } });
    }
    const [after, fx] = press(s, 'J');
    expect(fx).toEqual([]);
    expect(after.toast?.text).toBe('drill: nothing left to fire (every inject has fired)');
  });

  it('F fires the next inject now without moving the clock; once all fired it only says so', () => {
    let [s] = started(1);
    let fx: Effect[];
    [s, fx] = press(s, 'F');
    expect(kinds(fx)).toEqual(['exercise.inject:errors-rise']);
    expect(appended(fx)[0]!.data).toMatchObject({ offsetSeconds: 300, firedAtSeconds: 0, how: 'early' });
    expect(simElapsed(s.drill!.session.clock, s.now)).toBe(0);
    expect(clockEffects(fx)).toHaveLength(0); // the clock did not move
    for (let i = 0; i < 3; i++) [s] = press(s, 'F');
    expect(s.drill!.session.fired).toEqual(schedule().map((i) => i.id));
    // Its time comes later: an inject fired early does not fire again.
    expect(injected(tick(s, 3_600_000)[1])).toEqual([]);
    [s, fx] = press(s, 'F');
    expect(fx).toEqual([]);
    expect(s.toast?.text).toBe('drill: nothing left to fire (every inject has fired)');
  });
});

describe('clock controls are recorded at the moment of the key press', () => {
  // The screen refreshes once a second; a key pressed between two refreshes carries its own time.
  // The journal stamps what a key appends with the time it was written: the moment of the press, not the last tick.
  const pressAt = (s: AppState, key: string, realMs: number): [AppState, Effect[]] => {
    const [next, fx] = run(s, { type: 'key', key, at: T0 + realMs });
    const [read, all] = echo([{ ...next, now: Math.max(next.now, T0 + realMs) }, fx]);
    return [{ ...read, now: next.now }, all]; // the console's own time moves only as its messages say

  };
  const controls = (fx: Effect[]) => appended(fx).filter((e) => e.kind === 'exercise.clock');

  it('a control 0.5 s after the last tick at x5 records the drill time of that moment', () => {
    let [s] = started(5);
    [s] = tick(s, 10_000); // T+0:50
    let fx: Effect[];
    [s, fx] = pressAt(s, '+', 10_500);
    expect(controls(fx).map((e) => e.data)).toEqual([{ control: 'speed', speed: 10, simSeconds: 52.5 }]);
    [s, fx] = pressAt(s, 'P', 11_000); // half a second more, now at x10
    expect(controls(fx).map((e) => e.data)).toEqual([{ control: 'pause', speed: 10, simSeconds: 57.5 }]);
    expect(simElapsed(s.drill!.session.clock, T0 + 11_000)).toBe(57_500);
  });

  it('consecutive controls between ticks continue the clock: never earlier than the segment before puts that moment', () => {
    let [s] = started(2);
    const times: number[] = [];
    let fx: Effect[] = [];
    const steps: [string[], number][] = [[['+'], 1_200], [['+'], 1_700], [['-'], 1_900], [['P'], 2_400], [['P'], 2_950], [['J'], 3_100], [['X', 'e', 'n', 'd', 'return'], 3_600]];
    for (const [keys, at] of steps) {
      if (at % 1000 < 300) [s] = tick(s, Math.floor(at / 1000) * 1000);
      for (const key of keys) {
        // Where the clock as last recorded puts the moment of this press.
        const due = simElapsed(s.drill!.session.clock, T0 + at) / 1000;
        [s, fx] = pressAt(s, key, at);
        for (const c of controls(fx)) {
          if (c.data.control !== 'jump') expect(c.data.simSeconds, `${String(c.data.control)} at ${at} ms`).toBe(due);
          times.push(Number(c.data.simSeconds));
        }
      }
    }
    expect(controls(fx).map((e) => e.data.control)).toEqual(['end']);
    expect(times).toHaveLength(7);
    for (let i = 1; i < times.length; i++) expect(times[i], `control ${i} after ${times[i - 1]}`).toBeGreaterThanOrEqual(times[i - 1]!);
  });
});
