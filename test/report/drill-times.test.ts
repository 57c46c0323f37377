// A drill's report: durations on the drill clock, but a time shown as UTC is one that happened on the wall
// clock, never a drill-clock instant passed off as a time of day.
import { describe, expect, it } from 'vitest';
import { drillTime, foldIncident, wallTimeOf, type TimelineEvent } from '../../src/core/index.js';
import { buildReport } from '../../src/core/report/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';

const T0 = Date.parse('2026-12-03T10:00:00.000Z');
const ev = (seq: number, wallMs: number, kind: string, data: Record<string, unknown>): TimelineEvent => ({ seq, ts: new Date(wallMs).toISOString(), actor: 'fac', kind, data, prev: '', hash: String(seq) });

describe('the report of a drill at x60', () => {
  it('gives the update due and sent times as the wall-clock times they fell at', () => {
    const events = [
      ev(1, T0, 'incident.opened', { id: 'INC-20261203-X60A', title: 'Drill', severity: 'SEV2', mode: 'exercise', scenarios: [], params: {} }),
      ev(2, T0, 'milestone.set', { milestone: 'declared', at: new Date(T0).toISOString(), backdated: false }),
      ev(3, T0, 'exercise.clock', { control: 'start', speed: 60, simSeconds: 0 }),
      // Sent ten wall seconds in: T+10:00, five drill minutes after the first update was due at T+5:00.
      ev(4, T0 + 10_000, 'comms.sent', { channel: 'status', text: '[EXERCISE] first update' }),
    ];
    const m = buildReport({ events, state: foldIncident(events), scenarios: [], now: T0 + 11_000, verification: { ok: true, count: events.length, headHash: 'h' } });
    expect(m.comms.cadence.late).toEqual([{ dueAt: new Date(T0 + 5_000).toISOString(), sentAt: new Date(T0 + 10_000).toISOString(), lateBySeconds: 300 }]);
    expect(m.comms.sent.map((s) => s.at)).toEqual([new Date(T0 + 10_000).toISOString()]);
    const md = renderMarkdown(m);
    // Nothing after the last event (10:00:10) is shown as a time of day: the drill lasted ten wall seconds.
    const times = [...md.matchAll(/2026-12-03 (\d\d):(\d\d)(?::(\d\d))?Z?/g)].map((x) => Date.parse(`2026-12-03T${x[1]}:${x[2]}:${x[3] ?? '00'}Z`));
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toBeLessThanOrEqual(T0 + 11_000);
  });
});

describe('wall time of a drill instant', () => {
  it('inverts the drill clock through speeds, pauses and jumps', () => {
    const events = [
      ev(1, T0, 'exercise.clock', { control: 'start', speed: 60, simSeconds: 0 }),
      ev(2, T0 + 10_000, 'exercise.clock', { control: 'pause', speed: 60, simSeconds: 600 }),
      ev(3, T0 + 70_000, 'exercise.clock', { control: 'resume', speed: 60, simSeconds: 600 }),
      ev(4, T0 + 80_000, 'exercise.clock', { control: 'jump', speed: 60, simSeconds: 3_600 }),
    ];
    const wall = wallTimeOf(events);
    const drill = (s: number) => T0 + s * 1000;
    expect(wall(drill(300))).toBe(T0 + 5_000); // T+5:00 at x60
    expect(wall(drill(600))).toBe(T0 + 10_000); // reached when the pause began
    expect(wall(drill(900))).toBe(T0 + 75_000); // five real seconds after the resume
    expect(wall(drill(2_000))).toBe(T0 + 80_000); // jumped over: it fell at the jump
    expect(wall(drill(3_660))).toBe(T0 + 81_000);
    for (const w of [T0 + 5_000, T0 + 75_000, T0 + 81_000]) expect(wall(drillTime(events)(w))).toBe(w);
  });
});
