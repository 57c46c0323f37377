import { describe, expect, it } from 'vitest';
import { escalationTimers, formatDuration, nextUpdateDue, parseWhen } from '../../src/core/index.js';

const T = Date.parse('2026-11-21T09:00:00Z');
const MIN = 60_000;
const plan = { first_update_minutes: 5, cadence_minutes: 30 };

describe('nextUpdateDue', () => {
  it.each<[string, number[], number]>([
    ['first update within 5 minutes of declaring', [], T + 5 * MIN],
    ['then a cadence after the last one sent', [T + 3 * MIN], T + 33 * MIN],
    ['the latest send counts', [T + 3 * MIN, T + 40 * MIN], T + 70 * MIN],
    ['sends before declaring do not count', [T - 10 * MIN], T + 5 * MIN],
  ])('%s', (_n, sent, due) => expect(nextUpdateDue(plan, T, sent)).toBe(due));
});

describe('escalationTimers', () => {
  const levels = [
    { level: 2, after_minutes: 30, who: 'head of engineering' },
    { level: 1, after_minutes: 15, who: 'DBA on-call' },
  ];
  it('orders levels by time and counts down from the start', () => {
    const t = escalationTimers(levels, T, new Set(), T + 10 * MIN);
    expect(t.map((x) => [x.level, x.remainingMs, x.due])).toEqual([
      ['level 1', 5 * MIN, false],
      ['level 2', 20 * MIN, false],
    ]);
  });
  it('is due once its time passes, until recorded as fired', () => {
    expect(escalationTimers(levels, T, new Set(), T + 15 * MIN).map((x) => x.due)).toEqual([true, false]);
    expect(escalationTimers(levels, T, new Set(['level 1']), T + 16 * MIN).map((x) => [x.fired, x.due])).toEqual([
      [true, false],
      [false, false],
    ]);
  });
  it('never fires once stopped (mitigated)', () => {
    expect(escalationTimers(levels, T, new Set(), T + 60 * MIN, true).some((x) => x.due)).toBe(false);
  });
  it('keeps named levels as they are', () => {
    expect(escalationTimers([{ level: 'exec', after_minutes: 1, who: 'CTO' }], T, new Set(), T)[0]!.level).toBe('exec');
  });
});

describe('formatDuration', () => {
  it.each<[number, string]>([
    [50 * MIN, '50m 00s'],
    [-5 * MIN, '-5m 00s'],
    [12_345, '12s'],
    [3 * 3600_000 + 5 * MIN, '3h 05m'],
    [2 * 86_400_000 + 3600_000, '2d 01h'],
  ])('%d -> %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('parseWhen', () => {
  const now = Date.parse('2026-11-21T09:30:00Z');
  it.each<[string, string, boolean]>([
    ['now', '2026-11-21T09:30:00.000Z', false],
    ['-20m', '2026-11-21T09:10:00.000Z', true],
    ['-2h', '2026-11-21T07:30:00.000Z', true],
    ['09:00', '2026-11-21T09:00:00.000Z', true],
    ['23:00', '2026-11-20T23:00:00.000Z', true],
    ['2026-11-21T08:15:00Z', '2026-11-21T08:15:00.000Z', true],
  ])('%s', (input, at, backdated) => expect(parseWhen(input, now)).toMatchObject({ ok: true, at, backdated }));
  it.each(['yesterday', '25:00', '2026-11-21T08:15', '2026-11-22T08:15:00Z'])('rejects %s with a message', (input) => {
    const w = parseWhen(input, now);
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.error).toMatch(/time|future/);
  });
});
