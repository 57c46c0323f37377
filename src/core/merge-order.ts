// The one order every machine shows for a shared incident: each origin's feed is its own hash chain;
// the feeds are merged by a hybrid logical clock (the event's time, never earlier than the event before
// it in its own feed), then origin, then seq. Machines holding the same events get the same list.
import type { TimelineEvent } from './events.js';

export interface OriginFeed {
  origin: string;
  events: readonly TimelineEvent[];
  /** When the origin pushed each event to the shared table (ms), when known; used to mark late events. */
  pushedAt?: (seq: number) => number | undefined;
}

export interface MergedEvent extends TimelineEvent {
  /** The machine whose feed holds the event, and its seq there (`seq` is the position in the merged order). */
  origin: string;
  originSeq: number;
  /** Hybrid logical clock, in ms: the event's time, raised to the previous event of its feed when earlier. */
  hlc: number;
  /** Pushed long after it happened (its writer was offline): it took its place in the past. */
  late: boolean;
  /** When its origin pushed it to the table (ms); absent while not pushed. Others could not see it before. */
  pushedAt?: number;
}

/** An event pushed more than this after its own time is marked late. */
export const LATE_AFTER_MS = 60_000;

export function mergeFeeds(feeds: readonly OriginFeed[]): MergedEvent[] {
  const all: MergedEvent[] = [];
  for (const feed of feeds) {
    let hlc = Number.NEGATIVE_INFINITY;
    for (const e of feed.events) {
      hlc = hlcAfter(hlc, e);
      all.push(placed(e, feed, hlc));
    }
  }
  all.sort(compareMerged);
  all.forEach((e, i) => (e.seq = i + 1)); // each made by placed(), so ours to number
  return all;
}

/** The hybrid clock of `e`, given the clock of the event before it in its feed. */
const hlcAfter = (before: number, e: TimelineEvent) => {
  const t = Date.parse(e.ts);
  return Math.max(before, Number.isFinite(t) ? t : before);
};

/**
 * A copy with the same keys in the same order as `{ ...e }`, many times faster on an object JSON.parse made
 * (measured 25x in Node 20). `__proto__`, a key JSON can carry, is the one Object.assign would treat differently.
 */
export const copyOf = <T extends object>(e: T): T => (Object.hasOwn(e, '__proto__') ? { ...e } : Object.assign({}, e));

/** `e` as the merged order holds it (its `seq` still its feed's until numbered). */
function placed(e: TimelineEvent, feed: Omit<OriginStream, 'events'>, hlc: number): MergedEvent {
  const pushed = feed.pushedAt?.(e.seq, e);
  // Assigned one by one onto a copy: the same keys in the same order as spreading them into a literal.
  const m = copyOf(e) as MergedEvent;
  m.origin = feed.origin;
  m.originSeq = e.seq;
  m.hlc = hlc;
  m.late = pushed !== undefined && pushed - hlc > LATE_AFTER_MS;
  if (pushed !== undefined) m.pushedAt = pushed;
  return m;
}

/** A feed read as it is streamed: its events in file order, pulled one at a time. */
export interface OriginStream {
  origin: string;
  events: Iterable<TimelineEvent>;
  /** As OriginFeed's, also handed the event (a stream cannot look an event up by its seq). */
  pushedAt?: (seq: number, e: TimelineEvent) => number | undefined;
}

/** A feed whose own order is not the merged order (a damaged feed): its events cannot be merged as a stream. */
export class FeedOrderError extends Error {
  constructor(readonly origin: string, readonly seq: number) {
    super(`origin ${origin}: seq ${seq} is out of order in its feed`);
  }
}

/**
 * The same order as `mergeFeeds`, holding one event per feed: each feed of a valid chain is already in merged
 * order (its clock never goes back, its seqs rise), so the next event is the least of the feeds' next events;
 * ties go to the earlier feed, as the stable sort keeps them. A feed found out of its own order throws
 * FeedOrderError. Feeds are few (one per machine), so the least is found by looking at each.
 */
export function* mergeStreams(feeds: readonly OriginStream[]): Generator<MergedEvent> {
  const heads = feeds.map((feed) => ({ feed, it: feed.events[Symbol.iterator](), hlc: Number.NEGATIVE_INFINITY, next: undefined as MergedEvent | undefined }));
  const advance = (h: (typeof heads)[number]) => {
    const r = h.it.next();
    const prev = h.next;
    h.next = r.done ? undefined : placed(r.value, h.feed, (h.hlc = hlcAfter(h.hlc, r.value)));
    if (prev && h.next && compareMerged(prev, h.next) >= 0) throw new FeedOrderError(h.feed.origin, h.next.originSeq);
  };
  try {
    for (const h of heads) advance(h);
    let seq = 0;
    for (;;) {
      let least: (typeof heads)[number] | undefined;
      for (const h of heads) if (h.next && (!least || compareMerged(h.next, least.next!) < 0)) least = h;
      if (!least) return;
      const e = least.next!; // made by placed(), so ours to number
      advance(least);
      e.seq = ++seq;
      yield e;
    }
  } finally {
    for (const h of heads) h.it.return?.(); // a feed read from a file closes it
  }
}

/** The incident's opening always comes first (a joiner's skewed clock never puts its feed before it). */
export function compareMerged(a: MergedEvent, b: MergedEvent): number {
  const oa = isOpening(a) ? 0 : 1;
  const ob = isOpening(b) ? 0 : 1;
  if (oa !== ob) return oa - ob;
  if (a.hlc !== b.hlc) return a.hlc - b.hlc;
  if (a.origin !== b.origin) return a.origin < b.origin ? -1 : 1;
  return a.originSeq - b.originSeq;
}

const isOpening = (e: MergedEvent) => e.kind === 'incident.opened' && e.originSeq === 1;

/** One line per origin, sorted, naming its head: equal on every machine that holds the same events. */
export function feedHeads(feeds: readonly OriginFeed[]): { origin: string; seq: number; hash: string }[] {
  return feeds
    .map((f) => {
      const last = f.events[f.events.length - 1];
      return { origin: f.origin, seq: last?.seq ?? 0, hash: last?.hash ?? '' };
    })
    .sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
}

/** Where a merged order ended: the key of its last event and how many events it held. */
export interface MergeFrontier {
  count: number;
  last?: Pick<MergedEvent, 'hlc' | 'origin' | 'originSeq' | 'kind'>;
}

/** Events that follow a merged order already folded: each feed's new events and the hybrid clock of its last event before them. */
export interface FeedTail extends OriginFeed {
  hlcBefore: number;
}

/**
 * The merged order continued past `frontier` with each feed's new events, numbered after it; undefined when
 * any new event sorts before the frontier (an offline machine's late events took their place in the past), so
 * what was folded up to the frontier is no longer a prefix of the order and the whole order must be rebuilt.
 */
export function mergeAfter(frontier: MergeFrontier, tails: readonly FeedTail[]): MergedEvent[] | undefined {
  const fresh: MergedEvent[] = [];
  for (const feed of tails) {
    let hlc = feed.hlcBefore;
    for (const e of feed.events) {
      const t = Date.parse(e.ts);
      hlc = Math.max(hlc, Number.isFinite(t) ? t : hlc);
      const pushed = feed.pushedAt?.(e.seq);
      fresh.push({ ...e, origin: feed.origin, originSeq: e.seq, hlc, late: pushed !== undefined && pushed - hlc > LATE_AFTER_MS });
    }
  }
  fresh.sort(compareMerged);
  const last = frontier.last;
  if (last && fresh.length > 0 && compareMerged(fresh[0]!, { ...last, late: false } as MergedEvent) <= 0) return undefined;
  return fresh.map((e, i) => ({ ...e, seq: frontier.count + i + 1 }));
}
