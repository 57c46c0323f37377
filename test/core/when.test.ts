// Strict times: what an operator types for a milestone (console) or --at/--since/--until (CLI).
import { describe, expect, it } from 'vitest';
import { parseIsoDate, parseIsoTime, parseWhen } from '../../src/core/index.js';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');

describe('parseIsoTime', () => {
  it.each([
    ['2026-11-21T09:30Z', '2026-11-21T09:30:00.000Z'],
    ['2026-11-21T09:30:05.25Z', '2026-11-21T09:30:05.250Z'],
    ['2026-11-21T10:30+01:00', '2026-11-21T09:30:00.000Z'],
    ['2026-11-21T04:00-0530', '2026-11-21T09:30:00.000Z'],
    ['2024-02-29T00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00Z', '2000-02-29T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    const t = parseIsoTime(text);
    expect(t.ok && new Date(t.ms).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T10:00Z', /2026-02 has 28 days/],
    ['2100-02-29T10:00Z', /2100-02 has 28 days/],
    ['2026-00-10T10:00Z', /no month 0/],
    ['2026-11-21T24:00Z', /not a time of day/],
    ['2026-11-21T23:60Z', /not a time of day/],
    ['2026-11-21T23:59:60Z', /not a time of day/],
    ['2026-11-21T10:00+15:00', /no such zone offset/],
    ['1969-12-31T23:59Z', /before 1970/],
    ['0000-01-01T00:00Z', /before 1970/],
    ['2200-01-01T00:00Z', /too far in the future/],
    ['2026-11-21T10:00', /not an ISO 8601 time with a zone/],
  ])('refuses %s, naming the value and the accepted form', (text, why) => {
    const t = parseIsoTime(text);
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.error).toMatch(why);
    expect(t.error).toContain(text);
    expect(t.error).toMatch(/2026-11-21T09:30Z|2026-11-21/);
  });

  it('a date alone', () => {
    expect(parseIsoDate('2026-02-28')).toEqual({ ok: true, ms: Date.parse('2026-02-28T00:00:00Z') });
    expect(parseIsoDate('2026-02-29')).toMatchObject({ ok: false, error: expect.stringMatching(/28 days/) });
  });
});

describe('parseWhen (the console)', () => {
  it('refuses an impossible date instead of rolling it into the next month', () => {
    expect(parseWhen('2026-02-30T10:00Z', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/not a date/) });
    expect(parseWhen('1900-01-01T00:00Z', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/before 1970/) });
  });
  it('still reads now, 09:30, -20m and a full time', () => {
    expect(parseWhen('now', NOW)).toEqual({ ok: true, at: '2026-11-21T10:00:00.000Z', backdated: false });
    expect(parseWhen('09:30', NOW)).toMatchObject({ ok: true, at: '2026-11-21T09:30:00.000Z', backdated: true });
    expect(parseWhen('-20m', NOW)).toMatchObject({ ok: true, at: '2026-11-21T09:40:00.000Z' });
    expect(parseWhen('2026-11-21T09:00Z', NOW)).toMatchObject({ ok: true, at: '2026-11-21T09:00:00.000Z' });
    expect(parseWhen('2026-11-21T11:00Z', NOW)).toMatchObject({ ok: false, error: expect.stringMatching(/in the future/) });
  });
  it('says which day a bare time of day was read as', () => {
    expect(parseWhen('09:30', NOW)).toMatchObject({ ok: true, note: '09:30 read as 2026-11-21 09:30 UTC (today)' });
    // Just after midnight, 23:50 is the evening before: taken, and said so.
    const justAfterMidnight = Date.parse('2026-11-21T00:10:00Z');
    expect(parseWhen('23:50', justAfterMidnight)).toMatchObject({ ok: true, at: '2026-11-20T23:50:00.000Z', note: '23:50 read as 2026-11-20 23:50 UTC (yesterday)' });
  });
  it('refuses a bare time later today instead of silently taking yesterday\'s', () => {
    // At 10:00, "10:20" is 20 minutes ahead today or 23h40m ago: a slip (or local time), never guessed.
    const r = parseWhen('10:20', NOW);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/"10:20" is later today .*\(for yesterday type 2026-11-20T10:20Z/) });
  });
});
