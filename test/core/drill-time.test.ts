// A drill's durations run on exercise time, rebuilt from the clock controls on its timeline.
import { describe, expect, it } from 'vitest';
import { drillTime, foldIncident, onExerciseTime, type NewEvent, type TimelineEvent } from '../../src/core/index.js';

const T = Date.parse('2026-11-21T09:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const timeline = (rows: [number, NewEvent][]): TimelineEvent[] =>
  rows.map(([at, e], i) => ({ seq: i + 1, ts: iso(at), actor: 'fac', kind: e.kind, data: e.data as Record<string, unknown>, prev: '', hash: `h${i}` }));
const opened: NewEvent = { kind: 'incident.opened', data: { id: 'INC-20261121-DRL1', title: 'drill', severity: 'SEV2', mode: 'exercise', scenarios: [], params: {} } };

describe('drillTime', () => {
  it('follows speed, pauses and recorded jumps', () => {
    const map = drillTime(timeline([
      [T, opened],
      [T, { kind: 'exercise.clock', data: { control: 'start', speed: 10, simSeconds: 0 } }],
      [T + 2 * MIN, { kind: 'exercise.clock', data: { control: 'pause', speed: 10, simSeconds: 1200 } }],
      [T + 10 * MIN, { kind: 'exercise.clock', data: { control: 'resume', speed: 10, simSeconds: 1200 } }],
      [T + 11 * MIN, { kind: 'exercise.clock', data: { control: 'jump', speed: 10, simSeconds: 3600 } }],
    ]));
    expect(map(T + MIN) - T).toBe(10 * MIN);
    expect(map(T + 5 * MIN) - T).toBe(20 * MIN); // paused
    expect(map(T + 10.5 * MIN) - T).toBe(25 * MIN);
    expect(map(T + 12 * MIN) - T).toBe(70 * MIN);
  });

  it('does not move the clock to an inject fired early (F or K): it fired at the drill time it records', () => {
    const map = drillTime(timeline([
      [T, opened],
      [T, { kind: 'exercise.clock', data: { control: 'start', speed: 2, simSeconds: 0 } }],
      [T + MIN, { kind: 'exercise.inject', data: { inject: 'exec-asks', text: 'x', offsetSeconds: 1910, firedAtSeconds: 120, how: 'early' } }],
    ]));
    expect(map(T + 2 * MIN) - T).toBe(4 * MIN);
  });

  it('is the wall clock for a live incident', () => {
    const events = timeline([[T, { ...opened, data: { ...opened.data, mode: 'live' } } as NewEvent]]);
    const state = foldIncident(events);
    expect(onExerciseTime(state, events, T + 5 * MIN).now).toBe(T + 5 * MIN);
  });

  it('measures RTO of a drill at x60 in exercise minutes', () => {
    const events = timeline([
      [T, opened],
      [T, { kind: 'exercise.clock', data: { control: 'start', speed: 60, simSeconds: 0 } }],
      [T, { kind: 'milestone.set', data: { milestone: 'impact-started', at: iso(T), backdated: false } }],
      [T + MIN, { kind: 'milestone.set', data: { milestone: 'mitigated', at: iso(T + MIN), backdated: false } }],
    ]);
    const t = onExerciseTime(foldIncident(events), events, T + 2 * MIN);
    expect(Date.parse(t.state.milestones.mitigated!.at) - Date.parse(t.state.milestones['impact-started']!.at)).toBe(60 * MIN);
    expect(t.now - T).toBe(120 * MIN);
  });
});
