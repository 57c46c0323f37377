// The durable outbox. An update is recorded (comms.sent, then comms.queued naming its channels) before
// anything leaves; each attempt is written before its request and each result after it. A flush sends
// what is due, one incident at a time under a lock, so several consoles never send the same attempt.
import { lock } from 'proper-lockfile';
import { foldIncident, usageError, type Clock, type IncidentState, type NewEvent, type TimelineEvent } from '../core/index.js';
import { channelByName, drillTargets, isIdempotent, routeFor, type Channel, type ChannelsConfig, type RoutedKind } from './config.js';
import type { OutgoingMessage } from './message.js';
import { foldOutbox, isInterrupted, isOpen, type QueuedUpdate } from './outbox-state.js';
import type { Redactor } from './redact.js';
import type { SendContext, SendResult } from './channels/result.js';

export interface OutboxStore {
  load(id: string): { events: TimelineEvent[]; state: IncidentState };
  append(id: string, events: readonly NewEvent[], actor: string): Promise<TimelineEvent[]>;
  journalPath(id: string): string;
  /** A shared incident's origin on this machine: its outbox sends only the updates this origin queued. */
  ownOrigin?(id: string): string | undefined;
  /** Only the comms.* events, read without parsing the rest (undefined where it cannot: a shared incident). */
  commsEvents?(id: string): TimelineEvent[] | undefined;
}

/** The updates this machine sends: all of them, or on a shared incident those its own origin queued. */
export function ownUpdates(store: OutboxStore, id: string, updates: QueuedUpdate[]): QueuedUpdate[] {
  const mine = store.ownOrigin?.(id);
  return mine ? updates.filter((u) => u.origin === undefined || u.origin === mine) : updates;
}

export type SendFn = (ch: Channel, m: OutgoingMessage, ctx: SendContext) => Promise<SendResult>;

export interface OutboxDeps {
  store: OutboxStore;
  config: ChannelsConfig;
  clock: Clock;
  actor: string;
  send: SendFn;
  secret: (ref: string) => Promise<string>;
  redactor: Redactor;
}

export interface QueueRequest {
  kind: RoutedKind | 'test';
  /** The update's text; recorded as comms.sent unless `sentSeq` names one already recorded. */
  text: string;
  sentSeq?: number;
  /** Explicit channels instead of the routing. */
  channels?: readonly string[];
  page?: { level: string; action: 'trigger' | 'acknowledge' | 'resolve' };
}

export interface Queued {
  update: number;
  channels: string[];
  /** Channels asked for that a drill may not reach. */
  heldBack: string[];
  exercise: boolean;
}

export async function queueUpdate(deps: OutboxDeps, id: string, req: QueueRequest): Promise<Queued> {
  const plan = await planQueue(deps, id, req);
  const queued = (await deps.store.append(id, plan.batch, deps.actor)).at(-1);
  return { update: queued!.seq, channels: plan.channels, heldBack: plan.heldBack, exercise: plan.exercise };
}

/**
 * What queueing an update appends, not yet written: a new update's text (comms.sent) and its queue entry
 * go in one append, so a crash between them cannot leave an update recorded as sent that no channel
 * will ever receive.
 */
export async function planQueue(deps: OutboxDeps, id: string, req: QueueRequest): Promise<{ batch: NewEvent[]; channels: string[]; heldBack: string[]; exercise: boolean }> {
  const { state } = deps.store.load(id);
  const cfg = deps.config;
  for (const n of req.channels ?? []) {
    if (!channelByName(cfg, n)) throw usageError(`unknown channel "${n}" (configured: ${cfg.targets.map((t) => t.name).join(', ') || 'none'}; see docs/comms.md)`);
  }
  const wanted = req.channels ? [...req.channels] : req.kind === 'test' ? cfg.targets.map((t) => t.name) : routeFor(cfg, req.kind, state.severity);
  const exercise = state.mode === 'exercise';
  // A drill reaches only the drill channels: named ones if asked for, otherwise all of them.
  const channels = exercise ? (req.channels || req.kind === 'test' ? drillTargets(cfg, wanted) : [...cfg.drill]) : wanted;
  const heldBack = exercise ? wanted.filter((n) => !channels.includes(n)) : [];
  await knowSecrets(deps);
  const text = deps.redactor.redact(req.text);
  const carriesText = req.page !== undefined || req.kind === 'test';
  const withSent = req.sentSeq === undefined && !carriesText;
  const sentKind = req.kind === 'page' || req.kind === 'test' ? undefined : req.kind;
  const batch: NewEvent[] = [
    ...(withSent ? [{ kind: 'comms.sent' as const, data: { channel: 'outbox', text, ...(sentKind ? { kind: sentKind } : {}) } }] : []),
    {
      kind: 'comms.queued',
      data: {
        ...(withSent ? { withSent: true as const } : req.sentSeq !== undefined ? { sentSeq: req.sentSeq } : { text }),
        kind: req.kind,
        severity: state.severity,
        channels,
        exercise,
        ...(req.page ? { page: req.page } : {}),
      },
    },
  ];
  return { batch, channels, heldBack, exercise };
}

/** Resolves every channel's secrets (best effort) so a secret pasted into an update is redacted before it is recorded. */
async function knowSecrets(deps: OutboxDeps): Promise<void> {
  const refs = deps.config.targets.flatMap((t) => secretRefs(t));
  await Promise.all(refs.map((r) => deps.secret(r).catch(() => undefined)));
}

export function secretRefs(ch: Channel): string[] {
  switch (ch.kind) {
    case 'slack':
    case 'teams':
      return [ch.webhook];
    case 'webhook':
      return [ch.url, ch.signing_secret];
    case 'pagerduty':
      return [ch.routing_key];
    default:
      return [];
  }
}

export interface FlushLine {
  update: number;
  channel: string;
  outcome: 'delivered' | 'failed' | 'uncertain' | 'gave-up' | 'waiting';
  detail: string;
}

export interface FlushResult {
  lines: FlushLine[];
  /** The earliest retry still ahead, if any delivery waits for one. */
  nextRetryAt?: number;
  /** Another process holds this incident's outbox; it will do the sending. */
  busy?: boolean;
}

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_MAX_MS = 5 * 60_000;
export const backoffMs = (attempt: number): number => Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));

/** Sends every delivery of the incident that is due now; failed ones get a retry time. */
export async function flushIncident(deps: OutboxDeps, id: string): Promise<FlushResult> {
  const path = deps.store.journalPath(id);
  let release: (() => Promise<void>) | undefined;
  try {
    // Keyed apart from the journal's own lock (proper-lockfile keys its locks by file path).
    release = await lock(`${path}.outbox`, { lockfilePath: `${path}.outbox.lock`, stale: 10_000, retries: 0, realpath: false, onCompromised: () => {} });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') return { lines: [], busy: true };
    throw err;
  }
  try {
    const { events } = deps.store.load(id);
    // Another machine's updates, pulled into a shared timeline, are that machine's to send.
    const updates = ownUpdates(deps.store, id, foldOutbox(events));
    const result: FlushResult = { lines: [] };
    const jobs: Promise<void>[] = [];
    for (const u of updates) {
      const message = messageFor(id, u, events);
      for (const d of u.deliveries) {
        if (!isOpen(d) && !isInterrupted(d)) continue;
        jobs.push(deliver(deps, id, u, d.channel, message, result));
      }
    }
    // Channels go out side by side, so one that hangs delays no other.
    await Promise.all(jobs);
    return result;
  } finally {
    await release().catch(() => {});
  }
}

function messageFor(id: string, u: QueuedUpdate, events: readonly TimelineEvent[]): OutgoingMessage {
  // The incident as it stood when the update was queued: a retry an hour later sends the same words.
  const state = foldIncident(events.filter((e) => e.seq <= u.position));
  return {
    incidentId: id,
    title: state.title,
    severity: u.severity,
    status: state.status,
    kind: u.kind,
    text: u.text,
    exercise: u.exercise,
    update: u.seq,
    ...(u.page ? { page: u.page } : {}),
  };
}

async function deliver(deps: OutboxDeps, id: string, u: QueuedUpdate, channel: string, m: OutgoingMessage, out: FlushResult): Promise<void> {
  const d = u.deliveries.find((x) => x.channel === channel)!;
  const ch = channelByName(deps.config, channel);
  const record = async (data: Omit<NewEvent<'comms.delivery'>['data'], 'update' | 'channel'>, detail: string) => {
    const error = data.error !== undefined ? deps.redactor.redact(data.error).slice(0, 500) : undefined;
    await deps.store.append(id, [{ kind: 'comms.delivery', data: { ...data, ...(error !== undefined ? { error } : {}), update: u.seq, channel } }], deps.actor);
    out.lines.push({ update: u.seq, channel, outcome: data.outcome, detail: deps.redactor.redact(detail) });
  };
  const attempt = d.attempts + 1;
  if (!ch) return record({ attempt: d.attempts, outcome: 'gave-up', error: `channel "${channel}" is no longer configured` }, 'not configured');
  if (u.exercise && !deps.config.drill.includes(channel)) {
    return record({ attempt: d.attempts, outcome: 'gave-up', error: 'an exercise reaches only drill channels' }, 'not a drill channel');
  }
  if (isInterrupted(d) && !isIdempotent(ch)) {
    // The request may have arrived before the process stopped; the channel cannot tell us, so say so.
    return record({ attempt: d.attempts, outcome: 'uncertain', error: 'delivery uncertain: the process stopped while the request was out' }, 'delivery uncertain (interrupted mid-send)');
  }
  const now = deps.clock.now();
  if (d.outcome === 'failed' && d.retryAt !== undefined && d.retryAt > now && !isInterrupted(d)) {
    out.nextRetryAt = Math.min(out.nextRetryAt ?? Infinity, d.retryAt);
    out.lines.push({ update: u.seq, channel, outcome: 'waiting', detail: `retry at ${new Date(d.retryAt).toISOString()}` });
    return;
  }
  await deps.store.append(id, [{ kind: 'comms.attempt', data: { update: u.seq, channel, attempt } }], deps.actor);
  let r: SendResult;
  try {
    r = await deps.send(ch, m, { timeoutMs: deps.config.timeout_seconds * 1000, secret: deps.secret, nowMs: now });
  } catch (err) {
    // A secret that cannot be read, or an adapter fault: nothing was sent, so it is safe to retry.
    r = { outcome: 'failed', retryable: true, error: (err as Error).message };
  }
  const at = (ms: number) => new Date(ms).toISOString();
  if (r.outcome === 'delivered') {
    return record({ attempt, outcome: 'delivered', ...(r.status !== undefined ? { status: r.status } : {}), ...(r.messageId ? { messageId: r.messageId } : {}) }, r.messageId ?? `HTTP ${r.status}`);
  }
  if (r.outcome === 'timeout' && !isIdempotent(ch)) {
    return record({ attempt, outcome: 'uncertain', error: `delivery uncertain: ${r.error}` }, `delivery uncertain: ${r.error}`);
  }
  const status = r.outcome === 'failed' && r.status !== undefined ? { status: r.status } : {};
  const retryable = r.outcome === 'timeout' || r.retryable;
  if (!retryable || attempt >= deps.config.max_attempts) {
    return record({ attempt, outcome: 'gave-up', ...status, error: r.error }, `gave up after ${attempt} attempt(s): ${r.error}`);
  }
  const wait = (r.outcome === 'failed' ? r.retryAfterMs : undefined) ?? backoffMs(attempt);
  const retryAt = deps.clock.now() + wait;
  out.nextRetryAt = Math.min(out.nextRetryAt ?? Infinity, retryAt);
  return record({ attempt, outcome: 'failed', ...status, error: r.error, retryAt: at(retryAt) }, `${r.error}; retry at ${at(retryAt)}`);
}
