// The merged order is a pure function of the set of events: the same on every machine, whatever order the
// feeds arrive in; the opening comes first; a feed's own order is kept when its clock steps back.
import { describe, expect, it } from 'vitest';
import { LATE_AFTER_MS, mergeFeeds, type OriginFeed } from '../../src/core/merge-order.js';
import type { TimelineEvent } from '../../src/core/index.js';

const ev = (seq: number, ts: string, kind = 'note', text = `e${seq}`): TimelineEvent => ({ seq, ts, actor: 'x', kind, data: { text }, prev: '', hash: `h${seq}${ts}` });
const at = (s: string) => `2026-11-21T10:${s}.000Z`;
const keys = (feeds: OriginFeed[]) => mergeFeeds(feeds).map((e) => `${e.origin}:${e.originSeq}`);

describe('mergeFeeds', () => {
  const a: OriginFeed = { origin: 'aaaa', events: [ev(1, at('00:00'), 'incident.opened'), ev(2, at('00:05')), ev(3, at('00:09'))] };
  const b: OriginFeed = { origin: 'bbbb', events: [ev(1, at('00:01'), 'incident.joined'), ev(2, at('00:05')), ev(3, at('00:07'))] };

  it('orders by clock, then origin, then seq, and renumbers 1..N', () => {
    const merged = mergeFeeds([a, b]);
    expect(merged.map((e) => `${e.origin}:${e.originSeq}`)).toEqual(['aaaa:1', 'bbbb:1', 'aaaa:2', 'bbbb:2', 'bbbb:3', 'aaaa:3']);
    expect(merged.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('is the same whatever order the feeds come in', () => {
    expect(keys([b, a])).toEqual(keys([a, b]));
  });

  it('puts the opening first even when a joiner\'s clock is earlier', () => {
    const early: OriginFeed = { origin: '0000', events: [ev(1, '2026-11-21T09:00:00.000Z', 'incident.joined')] };
    expect(keys([early, a])[0]).toBe('aaaa:1');
  });

  it('keeps a feed in seq order when its clock steps back (the clock is raised to the event before)', () => {
    const stepped: OriginFeed = { origin: 'cccc', events: [ev(1, at('00:01'), 'incident.joined'), ev(2, at('00:08')), ev(3, at('00:02'))] };
    const order = keys([a, stepped]);
    expect(order.indexOf('cccc:3')).toBeGreaterThan(order.indexOf('cccc:2'));
    expect(mergeFeeds([a, stepped]).find((e) => e.origin === 'cccc' && e.originSeq === 3)!.hlc).toBe(Date.parse(at('00:08')));
  });

  it('marks an event late when it was pushed long after it happened', () => {
    const pushed = Date.parse(at('00:05')) + LATE_AFTER_MS + 1;
    const merged = mergeFeeds([a, { ...b, pushedAt: (seq) => (seq === 2 ? pushed : Date.parse(at('00:09'))) }]);
    expect(merged.filter((e) => e.late).map((e) => `${e.origin}:${e.originSeq}`)).toEqual(['bbbb:2']);
  });
});
