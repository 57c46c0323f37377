// The suggested response to an inject goes by when the act started, not when it was recorded: a check a player
// started before the inject (and whose result was recorded after it, once its polling ended) answers
// something else; one started after the inject answers it, at the moment it started.
import { describe, expect, it } from 'vitest';
import { actStartedAt, foldDrill, foldIncident, onExerciseTime, suggestCredit, type TimelineEvent } from '../../src/core/index.js';
import { injectRows } from '../../src/core/report/exercise.js';

const T0 = Date.parse('2026-12-03T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function journal(rows: [actor: string, atMs: number, kind: string, data: Record<string, unknown>][]): TimelineEvent[] {
  return rows.map(([actor, at, kind, data], i) => ({ seq: i + 1, ts: iso(at), actor, kind, data, prev: '', hash: String(i + 1) }));
}

const opening: [string, number, string, Record<string, unknown>][] = [
  ['fac', T0, 'incident.opened', { id: 'INC-1', title: 'drill', severity: 'SEV2', mode: 'exercise', scenarios: [], params: {} }],
  ['fac', T0, 'exercise.lease', { holder: 'fac' }],
  ['fac', T0, 'exercise.clock', { control: 'start', speed: 1, simSeconds: 0 }],
  ['pat', T0 + 5_000, 'exercise.joined', { role: 'player' }],
  ['fac', T0 + 100_000, 'exercise.inject', { inject: 'errors-rise', text: 'errors climb', offsetSeconds: 100, firedAtSeconds: 100, how: 'scheduled' }],
];
const verified = (startedMs: number) => ({ scenario: 's', step: 'check', passed: true, summary: 'ACTIVE', evidence: {}, startedAt: iso(startedMs) });

describe('suggested credit for an inject', () => {
  it('does not count a verification started before the inject and recorded after it', () => {
    const events = journal([
      ...opening,
      ['pat', T0 + 130_000, 'step.verified', verified(T0 + 90_000)], // started T+1:30, before the inject at T+1:40
      ['pat', T0 + 150_000, 'note', { text: 'errors on the table, stopping writes' }],
    ]);
    const inject = events.find((e) => e.kind === 'exercise.inject')!;
    const credit = suggestCredit(events, inject, foldDrill(events));
    expect(credit?.kind).toBe('note');
    // With only checks of step.verified expected, nothing started after the inject answered it.
    expect(suggestCredit(events, inject, foldDrill(events), { kinds: ['step.verified'] })).toBeUndefined();
  });

  it('counts only an act of someone the inject was aimed at (an inject for @quinn is not answered by pat)', () => {
    const events = journal([
      ...opening,
      ['quinn', T0 + 6_000, 'exercise.joined', { role: 'player' }],
      ['fac', T0 + 200_000, 'exercise.inject', { inject: 'added-1', text: 'regulator', offsetSeconds: 200, firedAtSeconds: 200, how: 'scheduled', audience: ['@quinn'], channel: { kind: 'email' } }],
      ['pat', T0 + 210_000, 'note', { text: 'restoring' }],
      ['quinn', T0 + 220_000, 'decision', { text: 'answer the regulator by 11:00' }],
      ['fac', T0 + 230_000, 'role.assigned', { role: 'comms-lead', name: 'pat' }],
      ['fac', T0 + 240_000, 'exercise.inject', { inject: 'press', text: 'a reporter calls', offsetSeconds: 240, firedAtSeconds: 240, how: 'scheduled', audience: ['comms-lead'] }],
      ['quinn', T0 + 250_000, 'note', { text: 'not mine' }],
      ['pat', T0 + 260_000, 'note', { text: 'holding statement sent' }],
    ]);
    const [regulator, press] = events.filter((e) => e.kind === 'exercise.inject').slice(1);
    expect(suggestCredit(events, regulator!, foldDrill(events))?.actor).toBe('quinn');
    expect(suggestCredit(events, press!, foldDrill(events))?.actor).toBe('pat');
  });

  it('counts a verification started after the inject, at the time it started', () => {
    const events = journal([
      ...opening,
      ['pat', T0 + 150_000, 'note', { text: 'looking' }],
      ['pat', T0 + 170_000, 'step.verified', verified(T0 + 110_000)], // started T+1:50, recorded T+2:50
    ]);
    const inject = events.find((e) => e.kind === 'exercise.inject')!;
    // Of all acts the check started first, though it was recorded after the note.
    const credit = suggestCredit(events, inject, foldDrill(events));
    expect(credit?.kind).toBe('step.verified');
    expect(actStartedAt(credit!)).toBe(iso(T0 + 110_000));
  });

  it('an act without a start time started when it was recorded', () => {
    const [e] = journal([['pat', T0, 'note', { text: 'x' }]]);
    expect(actStartedAt(e!)).toBe(iso(T0));
    const [bad] = journal([['pat', T0, 'step.verified', { ...verified(T0), startedAt: 'yesterday' }]]);
    expect(actStartedAt(bad!)).toBe(iso(T0));
  });

  it("the report's inject rows go by when the act started too", () => {
    const events = journal([
      ...opening,
      ['pat', T0 + 130_000, 'step.verified', verified(T0 + 90_000)], // started before the inject
      ['quinn', T0 + 170_000, 'step.verified', verified(T0 + 120_000)], // started T+2:00, 20 s after the inject
      ['pat', T0 + 180_000, 'note', { text: 'errors on the table' }],
    ]);
    const timed = onExerciseTime(foldIncident(events), events, T0 + 200_000);
    const [row] = injectRows(timed.events);
    expect(row!.response).toMatchObject({ seq: 7, by: 'quinn', kind: 'step.verified', seconds: 20 });
  });
});
