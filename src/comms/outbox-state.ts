// The outbox as the timeline records it: each queued update and, per channel, its attempts and last
// result. Folded from the journal, so a crash or quit loses nothing: what was queued is still there.
import type { Severity, TimelineEvent } from '../core/index.js';

export type DeliveryOutcome = 'delivered' | 'failed' | 'uncertain' | 'gave-up';

export interface Delivery {
  channel: string;
  attempts: number;
  results: number;
  outcome?: DeliveryOutcome;
  status?: number;
  messageId?: string;
  error?: string;
  retryAt?: number;
  ts?: string;
}

export interface QueuedUpdate {
  /** What deliveries name: the queued event's seq in its own origin's feed (its seq when not shared). */
  seq: number;
  /** Its place in the timeline as loaded (the merged order of a shared incident). */
  position: number;
  ts: string;
  kind: 'initial' | 'update' | 'resolution' | 'page' | 'test';
  severity: Severity;
  exercise: boolean;
  text: string;
  page?: { level: string; action: 'trigger' | 'acknowledge' | 'resolve' };
  deliveries: Delivery[];
  /** On a shared incident, the machine (origin) that queued it. */
  origin?: string;
}

/** Still to do: never tried, or failed and not yet given up. */
export const isOpen = (d: Delivery): boolean => d.outcome === undefined || d.outcome === 'failed';
/** An attempt was written but no result: the process stopped while the request was out. */
export const isInterrupted = (d: Delivery): boolean => d.attempts > d.results;

// References between outbox events are seqs in the writer's own feed: on a shared incident the merged
// position of an event moves when a late event takes its place before it; its origin seq never does.
const refOf = (e: TimelineEvent): number => (e as { originSeq?: number }).originSeq ?? e.seq;
const originOf = (e: TimelineEvent): string => (e as { origin?: string }).origin ?? '';

export function foldOutbox(events: readonly TimelineEvent[]): QueuedUpdate[] {
  const bySeq = new Map<string, TimelineEvent>();
  const updates = new Map<string, QueuedUpdate>();
  const lastSent = new Map<string, TimelineEvent>();
  for (const e of events) {
    if (e.kind === 'comms.sent') {
      bySeq.set(`${originOf(e)}:${refOf(e)}`, e);
      lastSent.set(originOf(e), e);
    }
    const d = e.data as Record<string, unknown>;
    if (e.kind === 'comms.queued') {
      const sent = d.withSent === true ? lastSent.get(originOf(e)) : typeof d.sentSeq === 'number' ? bySeq.get(`${originOf(e)}:${d.sentSeq}`) : undefined;
      const text = typeof d.text === 'string' ? d.text : String((sent?.data as { text?: unknown } | undefined)?.text ?? '');
      updates.set(`${originOf(e)}:${refOf(e)}`, {
        seq: refOf(e),
        position: e.seq,
        ts: e.ts,
        kind: d.kind as QueuedUpdate['kind'],
        severity: d.severity as Severity,
        exercise: d.exercise === true,
        text,
        ...(d.page ? { page: d.page as QueuedUpdate['page'] & object } : {}),
        ...(typeof (e as { origin?: unknown }).origin === 'string' ? { origin: (e as unknown as { origin: string }).origin } : {}),
        deliveries: ((d.channels as string[]) ?? []).map((channel) => ({ channel, attempts: 0, results: 0 })),
      });
    } else if (e.kind === 'comms.attempt' || e.kind === 'comms.delivery') {
      const u = updates.get(`${originOf(e)}:${d.update as number}`);
      const del = u?.deliveries.find((x) => x.channel === d.channel);
      if (!del) continue;
      if (e.kind === 'comms.attempt') {
        del.attempts = Math.max(del.attempts, d.attempt as number);
        continue;
      }
      del.results = Math.max(del.results, d.attempt as number);
      del.outcome = d.outcome as DeliveryOutcome;
      del.ts = e.ts;
      for (const k of ['status', 'messageId', 'error'] as const) {
        if (d[k] !== undefined) (del as unknown as Record<string, unknown>)[k] = d[k];
        else delete del[k];
      }
      if (typeof d.retryAt === 'string') del.retryAt = Date.parse(d.retryAt);
      else delete del.retryAt;
    }
  }
  return [...updates.values()];
}

export interface OutboxCounts {
  pending: number;
  failed: number;
  uncertain: number;
  delivered: number;
  gaveUp: number;
}

/** For the banner and `comms status`: pending counts never-tried and retrying deliveries. */
export function countOutbox(updates: readonly QueuedUpdate[]): OutboxCounts {
  const c: OutboxCounts = { pending: 0, failed: 0, uncertain: 0, delivered: 0, gaveUp: 0 };
  for (const d of updates.flatMap((u) => u.deliveries)) {
    if (d.outcome === undefined) c.pending++;
    else if (d.outcome === 'failed') c.failed++;
    else if (d.outcome === 'uncertain') c.uncertain++;
    else if (d.outcome === 'delivered') c.delivered++;
    else c.gaveUp++;
  }
  return c;
}

const badges = new WeakMap<readonly TimelineEvent[], string>();

/** The banner's word on delivery, e.g. "comms: 2 pending, 1 failing"; empty when nothing is owed or wrong. Cached per events array. */
export function outboxBadge(events: readonly TimelineEvent[]): string {
  const cached = badges.get(events);
  if (cached !== undefined) return cached;
  const c = countOutbox(foldOutbox(events));
  const parts = [
    c.pending ? `${c.pending} pending` : '',
    c.failed ? `${c.failed} failing` : '',
    c.uncertain ? `${c.uncertain} uncertain` : '',
    c.gaveUp ? `${c.gaveUp} failed` : '',
  ].filter(Boolean);
  const badge = parts.length ? `comms: ${parts.join(', ')}` : '';
  badges.set(events, badge);
  return badge;
}
