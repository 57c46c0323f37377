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
      const t = Date.parse(e.ts);
      hlc = Math.max(hlc, Number.isFinite(t) ? t : hlc);
      const pushed = feed.pushedAt?.(e.seq);
      all.push({ ...e, origin: feed.origin, originSeq: e.seq, hlc, late: pushed !== undefined && pushed - hlc > LATE_AFTER_MS, ...(pushed !== undefined ? { pushedAt: pushed } : {}) });
    }
  }
  all.sort(compareMerged);
  return all.map((e, i) => ({ ...e, seq: i + 1 }));
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
