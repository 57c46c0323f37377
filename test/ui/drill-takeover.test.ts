// The console's drill resumed or taken over from the timeline, keys away from the drill, and seeds.
import { describe, expect, it } from 'vitest';
import { seedFrom, simElapsed, type NewEvent } from '../../src/core/index.js';
import { press, run } from './fixtures/drive.js';
import { appended, clockEffects, consoleState, echo, EXERCISE_ID, exerciseEvents, injected, PARAMS, schedule, SCENARIO, started, tick } from './fixtures/exercise.js';
import { T0 } from './fixtures/state.js';
import { runCli } from '../support/cli.js';

describe('a console reopening a drill on the record', () => {
  const before: NewEvent[] = [
    { kind: 'exercise.clock', data: { control: 'start', speed: 60 } },
    { kind: 'exercise.inject', data: { inject: 'missing-records', text: 'x', offsetSeconds: 0 } },
    { kind: 'exercise.inject', data: { inject: 'errors-rise', text: 'x', offsetSeconds: 300 } },
  ];

  it('the controller back after a restart records nothing new, fires none again and carries on from the recorded clock', () => {
    let [s, fx] = started(60, undefined, before);
    expect(appended(fx)).toEqual([]);
    expect(s.drill).toMatchObject({ role: 'controller', facilitator: true });
    expect(s.drill!.session.fired).toEqual(['missing-records', 'errors-rise']);
    expect(simElapsed(s.drill!.session.clock, s.now)).toBe(300_000);
    expect(clockEffects(fx)).toEqual([{ type: 'drill-clock', clock: s.drill!.session.clock, startedAt: T0 }]);
    const seen: unknown[] = [];
    for (let sec = 1; sec <= 60; sec++) {
      [s, fx] = tick(s, sec * 1000);
      seen.push(...injected(fx));
    }
    expect(seen).toEqual(['writer-alarm', 'restore-done', 'exec-asks']); // T+7:00 at 2 s, T+25:00 at 20 s, T+30:00 at 25 s
  });

  it('a console opening a drill rebuilds its simulated AWS from the injects on the record, on the drill clock', () => {
    // The controller back after a restart and a player joining late: each console runs its own simulation.
    for (const actor of ['facilitator', 'pat']) {
      const console_ = { ...consoleState(), config: { ...consoleState().config, actor } };
      const [, fx] = run(console_, { type: 'incident.loaded', id: EXERCISE_ID, events: exerciseEvents(before), offset: 1 });
      const kinds = fx.map((e) => e.type);
      const replayed = fx.filter((e) => e.type === 'apply-inject');
      expect(replayed.map((e) => e.type === 'apply-inject' && [e.inject, e.replay])).toEqual([['missing-records', true], ['errors-rise', true]]);
      // After the drill clock is set, so the simulation moves on drill time.
      expect(kinds.lastIndexOf('drill-clock')).toBeLessThan(kinds.indexOf('apply-inject'));
    }
  });

  it('a player pressing P on a drill another console controls is refused with one line and records nothing', () => {
    const evs = exerciseEvents(before);
    const player = { ...consoleState(), config: { ...consoleState().config, actor: 'pat' } };
    const [s, joined] = echo(run(player, { type: 'incident.loaded', id: EXERCISE_ID, events: evs, offset: 1 }));
    expect(appended(joined)).toEqual([{ kind: 'exercise.joined', data: { role: 'player' } }]);
    for (const key of ['P', '+', '-', 'J', 'F']) {
      const [after, fx] = press(s, key);
      expect(appended(fx)).toEqual([]);
      expect(after.toast?.text).toMatch(/^drill: facilitator controls this drill and you are player; only the controller moves the clock/);
    }
    // It shows the drill clock all the same, from the record.
    expect(simElapsed(s.drill!.session.clock, s.now)).toBe(300_000);
    expect(injected(tick(s, 60_000)[1])).toEqual([]);
  });

  it('a second --facilitator console does not become a second driver: it watches as an observer and says who drives', () => {
    const evs = exerciseEvents(before);
    const second = { ...consoleState({ incidentId: EXERCISE_ID, speed: 1, facilitator: true }), config: { ...consoleState().config, actor: 'fac2' } };
    const [s, fx] = run(second, { type: 'incident.loaded', id: EXERCISE_ID, events: evs, offset: 1 });
    expect(appended(fx)).toEqual([{ kind: 'exercise.joined', data: { role: 'observer' } }]);
    expect(s.drill).toMatchObject({ role: 'observer', facilitator: false });
    expect(s.toast?.text).toMatch(/^drill: facilitator controls this drill; you joined as observer/);
  });
});

describe('a console joining a seeded drill', () => {
  it('uses the schedule of the recorded seed and the clock at the speed it last ran at', () => {
    const plan = schedule(7);
    const before: NewEvent[] = [
      { kind: 'exercise.clock', data: { control: 'start', speed: 60, seed: 7, simSeconds: 0, detail: 'seed 7' } },
      { kind: 'exercise.inject', data: { inject: plan[0]!.id, text: plan[0]!.text, offsetSeconds: 0 } },
      { kind: 'exercise.clock', data: { control: 'speed', speed: 30, simSeconds: plan[1]!.atSeconds } },
      { kind: 'exercise.inject', data: { inject: plan[1]!.id, text: plan[1]!.text, offsetSeconds: plan[1]!.atSeconds } },
    ];
    const [s] = run(consoleState({ incidentId: EXERCISE_ID, speed: 1, facilitator: true }), { type: 'incident.loaded', id: EXERCISE_ID, events: exerciseEvents(before), offset: 1 });
    expect(s.drill!.session.schedule.map((i) => i.atSeconds)).toEqual(plan.map((i) => i.atSeconds));
    expect(s.drill!.session.clock.speed).toBe(30);
    expect(simElapsed(s.drill!.session.clock, s.now)).toBe(plan[1]!.atSeconds * 1000);
    const dueReal = Math.ceil(((plan[2]!.atSeconds - plan[1]!.atSeconds) * 1000) / 30);
    expect(injected(tick(s, dueReal - 1)[1])).toEqual([]);
    expect(injected(tick(s, dueReal)[1])).toEqual([plan[2]!.id]);
  });

  it('ignores a recorded speed out of range', () => {
    const before: NewEvent[] = [
      { kind: 'exercise.clock', data: { control: 'start', speed: 1 } },
      { kind: 'exercise.clock', data: { control: 'speed', speed: 500 } },
      { kind: 'exercise.inject', data: { inject: 'missing-records', text: 'x', offsetSeconds: 0 } },
    ];
    const [s] = run(consoleState(), { type: 'incident.loaded', id: EXERCISE_ID, events: exerciseEvents(before), offset: 1 });
    expect(s.drill?.session.clock.speed).toBe(1);
  });
});

describe('drill keys away from a drill', () => {
  const live = () => {
    const evs = exerciseEvents([], 'live');
    return run(consoleState(), { type: 'incident.loaded', id: EXERCISE_ID, events: evs, offset: 1 })[0];
  };

  it.each(['P', '+', '-', 'J', 'F'])('%s on a live incident only explains, with a toast', (key) => {
    const [s, fx] = press(live(), key);
    expect(fx).toEqual([]);
    expect(s.drill).toBeUndefined();
    expect(s.toast).toMatchObject({ tone: 'warn', text: expect.stringContaining('no drill') });
  });

  it.each(['P', '+', '-', 'J', 'F'])('%s on a live incident leaves a drill running elsewhere alone', (key) => {
    const [drilling] = started(60);
    const evs = exerciseEvents([], 'live').map((e) => (e.kind === 'incident.opened' ? { ...e, data: { ...e.data, id: 'INC-20261121-LIVE' } } : e));
    const [s] = run({ ...drilling, screen: 'home' }, { type: 'incident.loaded', id: 'INC-20261121-LIVE', events: evs, offset: 1 });
    expect(s.incident?.incident.mode).toBe('live');
    const [after, fx] = press(s, key);
    expect(fx).toEqual([]);
    expect(after.drill).toEqual(s.drill);
    expect(after.toast).toMatchObject({ tone: 'warn', text: expect.stringContaining(EXERCISE_ID) });
  });
});

describe('the same seed gives the same drill', () => {
  const script = async (seed: string) => {
    const r = await runCli(['exercise', SCENARIO.id, '--script', '--seed', seed, '--json']);
    expect(r.code).toBe(0);
    return JSON.parse(r.out.join('\n')) as { seed: number; params: Record<string, string>; schedule: unknown[] };
  };
  const consoleSchedule = (seed: number) => started(60, seed)[0].drill!.session.schedule.map(({ inject: _raw, ...rest }) => rest);

  it.each(['7', 'blue-team'])('the console drives exactly the --script schedule for seed %s', async (seed) => {
    const printed = await script(seed);
    expect(printed.seed).toBe(seedFrom(seed));
    expect(printed.params).toEqual(PARAMS);
    expect(consoleSchedule(seedFrom(seed))).toEqual(printed.schedule);
  });

  it('another seed moves the injects', async () => {
    const times = (list: unknown[]) => (list as { atSeconds: number }[]).map((i) => i.atSeconds);
    expect(times(consoleSchedule(seedFrom('8')))).not.toEqual(times((await script('7')).schedule));
  });
});
