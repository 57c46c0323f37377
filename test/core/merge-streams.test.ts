// Merging feeds as streams (one event per feed held) gives exactly the order mergeFeeds gives by sorting
// everything, on random interleavings: clocks that tie, step back, are unreadable, and a feed whose events
// are dated in the past (a machine that was offline).
import { describe, expect, it } from 'vitest';
import { FeedOrderError, mergeFeeds, mergeStreams, type OriginFeed } from '../../src/core/merge-order.js';
import type { TimelineEvent } from '../../src/core/index.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function randomFeeds(seed: number): OriginFeed[] {
  const r = rng(seed);
  const count = 1 + r(5);
  const origins = Array.from({ length: count }, (_, k) => `${String.fromCharCode(97 + k)}${'0'.repeat(15)}`).sort(() => r(3) - 1);
  return origins.map((origin, k) => {
    const past = k > 0 && r(3) === 0; // an offline machine: dated well before the others
    let t = T0 + (past ? -3_600_000 : r(5_000));
    const events: TimelineEvent[] = Array.from({ length: r(60) }, (_, i) => {
      const step = r(10);
      t += step < 2 ? 0 : step < 3 ? -r(4_000) : r(3_000); // ties, clocks that step back, and forward
      const ts = r(40) === 0 ? 'not a time' : new Date(t).toISOString();
      const kind = i === 0 ? (k === 0 ? 'incident.opened' : 'incident.joined') : 'note';
      return { seq: i + 1, ts, actor: 'x', kind, data: { text: `${origin} ${i + 1}` }, prev: '', hash: `h${k}-${i}`, ...(r(2) ? { pushedAt: t + r(120_000) } : {}) } as TimelineEvent;
    });
    const pushed = new Map(events.map((e) => [e.seq, (e as { pushedAt?: number }).pushedAt]));
    return { origin, events, ...(r(2) ? { pushedAt: (seq: number) => pushed.get(seq) } : {}) };
  });
}

describe('mergeStreams', () => {
  it('equals mergeFeeds on 500 random interleavings, field for field', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const feeds = randomFeeds(seed);
      const streamed = [...mergeStreams(feeds.map((f) => ({ ...f, events: f.events.values() })))];
      expect(JSON.stringify(streamed), `seed ${seed}`).toBe(JSON.stringify(mergeFeeds(feeds)));
    }
  });

  it('holds one event per feed: it reads a feed only as far as the order needs', () => {
    let read = 0;
    const lazy = function* (origin: string, n: number, start: number): Generator<TimelineEvent> {
      for (let i = 1; i <= n; i++) {
        read++;
        yield { seq: i, ts: new Date(start + i * 1000).toISOString(), actor: 'x', kind: i === 1 && origin === 'a' ? 'incident.opened' : 'note', data: {}, prev: '', hash: `${origin}${i}` };
      }
    };
    const it = mergeStreams([{ origin: 'a', events: lazy('a', 1_000_000, T0) }, { origin: 'b', events: lazy('b', 1_000_000, T0 + 500) }]);
    const first = Array.from({ length: 10 }, () => it.next().value as TimelineEvent);
    expect(first.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(read).toBeLessThan(20);
  });

  it('refuses a feed that is out of its own order (a damaged feed cannot be merged as a stream)', () => {
    const ev = (seq: number, s: number): TimelineEvent => ({ seq, ts: new Date(T0 + s * 1000).toISOString(), actor: 'x', kind: 'note', data: {}, prev: '', hash: `${seq}` });
    expect(() => [...mergeStreams([{ origin: 'a', events: [ev(1, 1), ev(3, 2), ev(2, 2)] }])]).toThrow(FeedOrderError);
  });
});
