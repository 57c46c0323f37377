// An append made on a known head lands only there: how a drill's controller keeps a decision true when
// another console wrote first.
import { describe, expect, it } from 'vitest';
import { fixedClock, isStaleHead } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-12-03T10:00:00.000Z');

describe('append onto a known head', () => {
  it('writes when the head is the one named and refuses, writing nothing, when it moved on', async () => {
    const store = new IncidentStore(tempDir(), fixedClock(T0));
    const id = String((await store.create({ title: 'Drill', severity: 'SEV2', mode: 'exercise' }, 'fac')).data.id);
    const head = store.load(id).events.at(-1)!.seq;
    const inject = { kind: 'exercise.inject' as const, data: { inject: 'alarm', text: 'alarm fires' } };
    const [written] = await store.append(id, [inject], 'fac', { afterSeq: head });
    expect(written!.seq).toBe(head + 1);
    // A second console decided on the same head: refused, and the journal is unchanged.
    const err = await store.append(id, [inject], 'fac', { afterSeq: head }).then(() => undefined, (e: unknown) => e);
    expect(isStaleHead(err)).toBe(true);
    expect((err as Error).message).toMatch(/^the timeline moved on \(seq \d+, not \d+\)/);
    const { events, verification } = store.load(id);
    expect(verification.ok).toBe(true);
    expect(events.filter((e) => e.kind === 'exercise.inject')).toHaveLength(1);
  });
});
