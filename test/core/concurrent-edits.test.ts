// Conflicting concurrent edits of a shared incident, found from the merged record alone, and the banner's
// sync mark built from what sync recorded.
import { describe, expect, it } from 'vitest';
import { concurrentEdits, syncMarkText } from '../../src/core/index.js';
import type { MergedEvent } from '../../src/core/merge-order.js';

const T = Date.parse('2026-12-03T10:00:00Z');
let n = 0;
const ev = (origin: string, actor: string, kind: string, data: Record<string, unknown>, at: number, pushedAt?: number): MergedEvent => ({
  seq: ++n, ts: new Date(at).toISOString(), actor, kind, data, prev: '', hash: '', origin, originSeq: n, hlc: at, late: false, ...(pushedAt !== undefined ? { pushedAt } : {}),
});

describe('concurrent edits', () => {
  it('two severity changes neither writer had seen are a conflict; a later edit written after seeing both settles it', () => {
    const a = ev('aaaa', 'ic', 'severity.changed', { severity: 'SEV2' }, T, T + 60_000);
    const b = ev('bbbb', 'dba', 'severity.changed', { severity: 'SEV3' }, T + 5_000, T + 61_000);
    expect(concurrentEdits([a, b])).toEqual([{ target: 'severity', values: [{ value: 'SEV2', actor: 'ic', origin: 'aaaa' }, { value: 'SEV3', actor: 'dba', origin: 'bbbb' }] }]);
    const settle = ev('aaaa', 'ic', 'severity.changed', { severity: 'SEV2' }, T + 70_000);
    expect(concurrentEdits([a, b, settle])).toEqual([]);
  });

  it('an edit made after the other was pushed (and pulled) is no conflict; nor is the same value, or one origin', () => {
    const a = ev('aaaa', 'ic', 'status.changed', { status: 'mitigating' }, T, T + 500);
    const b = ev('bbbb', 'dba', 'status.changed', { status: 'recovered' }, T + 10_000, T + 10_500);
    expect(concurrentEdits([a, b])).toEqual([]);
    const same = ev('bbbb', 'dba', 'status.changed', { status: 'mitigating' }, T + 1_000);
    expect(concurrentEdits([a, same])).toEqual([]);
    const mine = ev('aaaa', 'ic', 'status.changed', { status: 'recovered' }, T + 1_000);
    expect(concurrentEdits([a, mine])).toEqual([]);
  });

  it('a step marked differently on two machines, and a milestone set to two times, are named', () => {
    const a = ev('aaaa', 'ic', 'step.completed', { scenario: 'db', step: 'promote' }, T);
    const b = ev('bbbb', 'dba', 'step.failed', { scenario: 'db', step: 'promote', reason: 'replica lag' }, T + 100);
    const m1 = ev('aaaa', 'ic', 'milestone.set', { milestone: 'mitigated', at: '2026-12-03T10:00:00.000Z', backdated: false }, T + 200);
    const m2 = ev('bbbb', 'dba', 'milestone.set', { milestone: 'mitigated', at: '2026-12-03T09:58:00.000Z', backdated: true }, T + 300);
    expect(concurrentEdits([a, b, m1, m2]).map((c) => c.target)).toEqual(['milestone mitigated', 'step db/promote']);
  });
});

describe('the sync mark', () => {
  it('says synced, pending, behind, offline since and why, who is here, and conflicts', () => {
    expect(syncMarkText({ lastOkAt: T - 3_000, pending: 0, behind: 0, here: [{ actor: 'dba', seenAt: T }], conflicts: [] }, T)).toEqual({ text: 'sync: synced 3 s ago | here: dba', tone: 'ok' });
    expect(syncMarkText({ lastOkAt: T, pending: 2, behind: 5, here: [], conflicts: [] }, T).text).toBe('sync: synced 0 s ago, 2 pending, 5 behind');
    expect(syncMarkText({ lastOkAt: T, via: 'eu-west-1', pending: 0, behind: 0, here: [], conflicts: [] }, T)).toEqual({ text: 'sync: synced 0 s ago via replica eu-west-1', tone: 'warn' });
    expect(syncMarkText({ pending: 1, behind: 0, here: [], conflicts: [] }, T).text).toBe('sync: not synced yet, 1 pending');
    const off = syncMarkText({ lastOkAt: T - 60_000, offlineSince: Date.parse('2026-12-03T09:41:30Z'), why: 'TimeoutError: connect ECONNREFUSED 127.0.0.1:9', pending: 1, behind: 0, here: [], conflicts: [] }, T);
    expect(off).toEqual({ text: 'sync: offline since 09:41 UTC (connect ECONNREFUSED 127.0.0.1:9), 1 pending', tone: 'crit' });
    const c = syncMarkText({ lastOkAt: T, pending: 0, behind: 0, here: [], conflicts: [{ target: 'status', values: [{ value: 'mitigating', actor: 'ic', origin: 'a' }, { value: 'recovered', actor: 'dba', origin: 'b' }] }] }, T);
    expect(c).toEqual({ text: 'sync: synced 0 s ago | CONFLICT status: mitigating (ic) vs recovered (dba): settle with a new event', tone: 'crit' });
  });
});
