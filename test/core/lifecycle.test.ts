// Milestones keep their order, status follows them, and RTO is never "met" before recovery.
import { describe, expect, it } from 'vitest';
import { foldIncident, isResolved, milestoneConflict, milestoneEvents, rtoVerdict, statusEvents, type NewEvent, type TimelineEvent } from '../../src/core/index.js';

const T = Date.parse('2026-11-21T09:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

function state(list: NewEvent[]) {
  const evs: TimelineEvent[] = [{ kind: 'incident.opened', data: { id: 'INC-20261121-AAAA', title: 't', severity: 'SEV2', mode: 'live', scenarios: [], params: {} } } as NewEvent, ...list].map((e, i) => ({
    seq: i + 1, ts: iso(T), actor: 'alice', kind: e.kind, data: e.data as Record<string, unknown>, prev: '', hash: `h${i}`,
  }));
  return foldIncident(evs);
}
const mark = (milestone: 'impact-started' | 'detected' | 'declared' | 'mitigated' | 'resolved', at: number): NewEvent => ({ kind: 'milestone.set', data: { milestone, at: iso(at), backdated: true } });

describe('milestone order', () => {
  it('names the milestone a new time conflicts with, either side', () => {
    const s = state([mark('impact-started', T), mark('declared', T + 30 * MIN)]);
    expect(milestoneConflict(s.milestones, 'mitigated', iso(T - 18 * 60 * MIN))).toBe(`mitigated at ${iso(T - 18 * 60 * MIN)} would be before impact-started (${iso(T)})`);
    expect(milestoneConflict(s.milestones, 'detected', iso(T + 40 * MIN))).toBe(`detected at ${iso(T + 40 * MIN)} would be after declared (${iso(T + 30 * MIN)})`);
    expect(milestoneConflict(s.milestones, 'detected', iso(T + 10 * MIN))).toBeUndefined();
    expect(milestoneConflict(s.milestones, 'declared', iso(T + 30 * MIN))).toBeUndefined();
  });

  it('moves the status forward with the milestone, never back', () => {
    const s = state([mark('declared', T)]);
    expect(milestoneEvents(s, 'resolved', iso(T + MIN), false)).toEqual({ events: [{ kind: 'milestone.set', data: { milestone: 'resolved', at: iso(T + MIN), backdated: false } }, { kind: 'status.changed', data: { status: 'resolved', reason: 'resolved milestone set' } }] });
    const resolved = state([{ kind: 'status.changed', data: { status: 'resolved' } }]);
    expect(milestoneEvents(resolved, 'mitigated', iso(T), true)).toEqual({ events: [mark('mitigated', T)] });
    expect(statusEvents(resolved, 'resolved', undefined, iso(T))).toEqual({ error: 'the status is already resolved' });
    expect(isResolved(state([mark('resolved', T)]))).toBe(true);
  });
});

describe('rtoVerdict', () => {
  const impact = state([mark('impact-started', T)]).milestones;
  it.each<[string, ReturnType<typeof state>['milestones'], number, string]>([
    ['no impact start', state([mark('resolved', T)]).milestones, T, 'unknown (no impact start)'],
    ['running', impact, T + 10 * MIN, 'not yet: 50m 00s left'],
    ['overrun, not recovered', impact, T + 70 * MIN, 'missed by 10m 00s (not yet recovered)'],
    ['recovered in time', state([mark('impact-started', T), mark('mitigated', T + 20 * MIN)]).milestones, T + 500 * MIN, 'met, 40m 00s to spare'],
    ['recovered late', state([mark('impact-started', T), mark('resolved', T + 80 * MIN)]).milestones, T + 500 * MIN, 'missed by 20m 00s'],
  ])('%s', (_name, ms, now, text) => expect(rtoVerdict(ms, 3600, now).text).toBe(text));
});

describe('responders', () => {
  it('are the people who acted, not a terminal that recorded an alarm change it saw', () => {
    const evs: TimelineEvent[] = [
      { kind: 'incident.opened', data: { id: 'INC-20261121-AAAA', title: 't', severity: 'SEV2', mode: 'live', scenarios: [], params: {} }, actor: 'ann' },
      { kind: 'alarm.changed', data: { alarm: 'a', from: 'OK', to: 'ALARM' }, actor: 'viewer' },
      { kind: 'note', data: { text: 'on it' }, actor: 'bo' },
    ].map((e, i) => ({ seq: i + 1, ts: iso(T), actor: e.actor, kind: e.kind, data: e.data, prev: '', hash: `h${i}` }));
    expect(foldIncident(evs).responders).toEqual(['ann', 'bo']);
  });
});

describe('folding a hand-edited journal', () => {
  it('skips a status, severity or milestone no schema allows instead of folding it in', () => {
    const s = state([
      { kind: 'status.changed', data: { status: 'on fire' } } as unknown as NewEvent,
      { kind: 'severity.changed', data: { severity: 'SEV9' } } as unknown as NewEvent,
      { kind: 'milestone.set', data: { milestone: 'lunch', at: iso(T), backdated: false } } as unknown as NewEvent,
    ]);
    expect([s.status, s.severity, Object.keys(s.milestones)]).toEqual(['triage', 'SEV2', []]);
  });
});
