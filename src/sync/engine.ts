// Sync of a shared incident (docs/sharing.md): push this machine's pending events to the table, pull the
// other origins' events into their feed files. Idempotent and crash-safe: every write is conditional, a
// retry of a write that had in fact landed is recognised by its hash, and a pull resumes from the last
// event its feed file holds. Nothing in the table is ever overwritten; a difference is reported.
import { ExitCode, WarroomError, type Clock, type TimelineEvent } from '../core/index.js';
import { acquireLock } from '../store/journal-lock.js';
import { hashEvent } from '../store/journal.js';
import { readTail } from '../store/journal-file.js';
import type { IncidentStore } from '../store/incident-store.js';
import { appendFeed, feedHead, readSyncConfig, writeSyncConfig, type FeedEvent, type SyncConfig } from '../store/origin-feeds.js';
import { checkSignature, originOf, signEvent, type OriginKey } from './keys.js';
import type { EventItem, OriginItem, SyncTable } from './table.js';

export interface SyncDeps {
  store: IncidentStore;
  key: OriginKey;
  table: SyncTable;
  clock: Clock;
  actor: string;
}

export interface SyncResult {
  pushed: number;
  /** Events pulled per origin. */
  pulled: Record<string, number>;
  /** Differences sync will not settle on its own: conflicts, altered or forged items. */
  problems: string[];
  /** Set when the table could not be reached: why. Local work is unaffected. */
  offline?: string;
}

/** A responder counts as on the incident this long after its last sync. */
export const PRESENCE_TTL_MS = 2 * 60_000;

/** Writes in flight at once while pushing. */
const PUSH_PARALLEL = 16;

export async function withSyncLock<T>(store: IncidentStore, id: string, work: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(`${store.incidentsDir}/${id}.sync.lock`, id);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

export function requireConfig(store: IncidentStore, id: string): SyncConfig {
  const config = readSyncConfig(store.incidentsDir, id);
  if (!config) throw new WarroomError(`${id} is not shared (run "warroom share ${id} --table NAME" or "warroom join ${id} --table NAME")`, ExitCode.usage);
  return config;
}

/** One round: push, then pull. A network failure is recorded as offline, never thrown. */
export async function syncOnce(deps: SyncDeps, id: string): Promise<SyncResult> {
  return withSyncLock(deps.store, id, async () => {
    const config = requireConfig(deps.store, id);
    if (config.origin !== deps.key.origin) {
      // A new key would sign this machine's events as another origin: its feed would fork in two.
      throw new WarroomError(
        `this state dir's key (${deps.store.dir}/sync-key.pem) is not the one ${id} was shared with (origin ${config.origin}, the key now is ${deps.key.origin}); nothing was synced (restore the original sync-key.pem)`,
        ExitCode.failure,
      );
    }
    const result: SyncResult = { pushed: 0, pulled: {}, problems: [] };
    try {
      if (!config.registered) {
        await registerOrigin(deps, id);
        config.registered = true;
      }
      result.pushed = await pushPending(deps, id, config, result.problems);
      // Presence after the push, so the head it names is in the table.
      await deps.table.putPresence({ incident: id, origin: deps.key.origin, actor: deps.actor, seenAt: deps.clock.now(), head: pushedThrough(config), expiresAt: Math.ceil((deps.clock.now() + PRESENCE_TTL_MS) / 1000) });
      const heads = await pullOrigins(deps, id, config, result);
      if (config.lastPushed) heads.push({ origin: config.origin, ...config.lastPushed });
      config.tableHeads = heads.sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
      config.here = (await deps.table.presence(id, deps.clock.now())).map((p) => ({ origin: p.origin, actor: p.actor, seenAt: p.seenAt, ...(p.head !== undefined ? { head: p.head } : {}) }));
      config.lastOkAt = deps.clock.now();
      delete config.offlineSince;
      delete config.lastError;
    } catch (err) {
      if (err instanceof WarroomError) throw err;
      result.offline = describeNetworkError(err);
      config.offlineSince ??= deps.clock.now();
      config.lastError = result.offline;
    }
    config.problems = result.problems;
    writeSyncConfig(deps.store.incidentsDir, id, config);
    return result;
  });
}

export function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; message?: string; code?: string };
  return `${e.name ?? 'Error'}: ${(e.message ?? String(err)).split('\n')[0]}`.slice(0, 200);
}

export const pushedThrough = (config: SyncConfig) => config.pushed.reduce((m, r) => Math.max(m, r.to), 0);

/**
 * The journal's events after the last pushed one. Read from the byte offset where the last push ended and
 * checked to chain on from its hash, so a sync costs what was appended; anything unexpected (an edited or
 * replaced journal, no offset yet) falls back to reading and verifying the whole journal.
 */
function pendingEvents(deps: SyncDeps, id: string, config: SyncConfig): { events: TimelineEvent[]; offset: number } {
  const journal = deps.store.journal(id);
  const done = pushedThrough(config);
  // The fast path only while the journal still reaches past what was pushed: a journal cut short (and
  // perhaps written again) is read whole below, where the fork is found.
  const tail = readTail(deps.store.journalPath(id));
  if (config.pushedOffset !== undefined && config.pushedHash !== undefined && tail.size >= config.pushedOffset && (tail.last?.seq ?? 0) >= done) {
    const r = journal.readSince(config.pushedOffset);
    let prev = config.pushedHash;
    let seq = done;
    const chained = r.events.every((e) => {
      const { hash, ...rest } = e;
      const ok = e.seq === seq + 1 && e.prev === prev && hashEvent(rest) === hash;
      prev = hash;
      seq += 1;
      return ok;
    });
    if (chained) return r;
  }
  const own = journal.load();
  const bad = own.verification.firstBad;
  if (bad && bad.problem !== 'torn') {
    throw new WarroomError(`the journal of ${id} fails verification at ${bad.message}; nothing was pushed (run "warroom verify ${id}")`, ExitCode.corrupt);
  }
  const known = config.lastPushed ?? (config.pushedHash !== undefined ? { seq: done, hash: config.pushedHash } : undefined);
  const held = own.events[done - 1];
  if (done > 0 && (!held || (known && known.seq === done && held.hash !== known.hash))) {
    // Pushing on would put a second history under this origin's seqs: the table must keep the first.
    const how = held ? `its seq ${done} is not the one pushed` : `it ends at seq ${own.events.length}`;
    throw new WarroomError(
      `the journal of ${id} was cut short after seq ${done} was pushed (${how}), so it forks from what the table holds; nothing was pushed (run "warroom verify ${id} --remote" and restore the journal from a backup or "warroom join" it again in a new state dir)`,
      ExitCode.failure,
    );
  }
  return { events: own.events.slice(done), offset: own.offset };
}

/** Pushes the journal's events after the last pushed one, in order; returns how many were confirmed. */
async function pushPending(deps: SyncDeps, id: string, config: SyncConfig, problems: string[]): Promise<number> {
  let done = pushedThrough(config);
  const pending = pendingEvents(deps, id, config);
  const first = done;
  const head = done + pending.events.length;
  let confirmed = 0;
  while (done < head) {
    // The push time is fixed before the first try and reused by every retry, so a retry of a write that
    // had landed carries the same signature and is recognised.
    const range = config.pushing && config.pushing.from === done + 1 && config.pushing.to <= head ? config.pushing : { from: done + 1, to: head, at: deps.clock.now() };
    if (config.pushing !== range) {
      config.pushing = range;
      writeSyncConfig(deps.store.incidentsDir, id, config);
    }
    for (let seq = range.from; seq <= range.to; seq += PUSH_PARALLEL) {
      const chunk: TimelineEvent[] = [];
      for (let s = seq; s <= Math.min(range.to, seq + PUSH_PARALLEL - 1); s++) chunk.push(bySeqFrom(pending.events, first, s));
      const outcomes = await Promise.all(chunk.map((e) => pushOne(deps, id, e, range.at)));
      const conflict = outcomes.find((o) => o !== undefined);
      if (conflict) {
        problems.push(conflict);
        return confirmed;
      }
      confirmed += chunk.length;
    }
    config.pushed.push(range);
    delete config.pushing;
    done = range.to;
    // Where the next push reads from: known only when this push reached the end of what was read.
    const last = bySeqFrom(pending.events, first, done);
    config.lastPushed = { seq: done, hash: last.hash };
    if (done === head) {
      config.pushedOffset = pending.offset;
      config.pushedHash = last.hash;
    } else {
      delete config.pushedOffset;
      delete config.pushedHash;
    }
    writeSyncConfig(deps.store.incidentsDir, id, config);
  }
  return confirmed;
}

const bySeqFrom = (events: readonly TimelineEvent[], first: number, seq: number): TimelineEvent => events[seq - first - 1]!;

/** Undefined when the table holds this event (written now, or by an earlier try); else the conflict. */
async function pushOne(deps: SyncDeps, id: string, e: TimelineEvent, at: number): Promise<string | undefined> {
  const item: EventItem = { incident: id, origin: deps.key.origin, seq: e.seq, hash: e.hash, event: JSON.stringify(e), sig: signEvent(deps.key, id, e.seq, e.hash, at), pushedAt: at };
  const outcome = await deps.table.putEvent(item);
  if (outcome.written) return undefined;
  const there = outcome.existing;
  if (!there) throw new Error(`the item for seq ${e.seq} was refused as existing, then not found; retry`);
  if (there.hash === e.hash) return undefined; // a retry whose first try had landed
  return `conflict: the table holds another event as origin ${deps.key.origin} seq ${e.seq} (hash ${there.hash.slice(0, 16)}, ours ${e.hash.slice(0, 16)}); it was not overwritten and nothing after it was pushed (run "warroom verify ${id} --remote")`;
}

/** Registers this machine's origin (and key) in the table; refuses an origin item with another key. */
export async function registerOrigin(deps: SyncDeps, id: string): Promise<void> {
  const mine: OriginItem = { incident: id, origin: deps.key.origin, publicKey: deps.key.publicKey, actor: deps.actor, at: deps.clock.now() };
  const there = await deps.table.putOrigin(mine);
  if (there.publicKey !== mine.publicKey) {
    throw new WarroomError(`the table ${deps.table.table} already names origin ${mine.origin} of ${id} with another key; nothing was shared (run "warroom verify ${id} --remote")`, ExitCode.failure);
  }
}

/** Pulls every other origin's new events (the caller holds the sync lock); network errors are thrown. */
export async function pullAll(deps: SyncDeps, id: string, config: SyncConfig): Promise<SyncResult> {
  const result: SyncResult = { pushed: 0, pulled: {}, problems: [] };
  await pullOrigins(deps, id, config, result);
  return result;
}

/** Pulls every other origin; returns each one's head in the table as the query found it. */
async function pullOrigins(deps: SyncDeps, id: string, config: SyncConfig, result: SyncResult): Promise<{ origin: string; seq: number; hash: string }[]> {
  const heads: { origin: string; seq: number; hash: string }[] = [];
  for (const o of await deps.table.origins(id)) {
    if (o.origin === config.origin) continue;
    if (originOf(o.publicKey) !== o.origin) {
      result.problems.push(`forged: the origin item ${o.origin} carries a key that is not that origin's; its events are not pulled`);
      continue;
    }
    const seen: { until?: number; head?: { seq: number; hash: string } } = {};
    const n = await pullOrigin(deps, id, o, result.problems, seen);
    if (seen.until !== undefined) config.seenUntil = Math.max(config.seenUntil ?? seen.until, seen.until);
    if (seen.head) heads.push({ origin: o.origin, ...seen.head });
    if (n > 0) result.pulled[o.origin] = n;
  }
  return heads;
}

/** Appends the origin's items after the feed's head, each checked; stops at the first that fails. */
async function pullOrigin(deps: SyncDeps, id: string, o: OriginItem, problems: string[], seen: { until?: number; head?: { seq: number; hash: string } }): Promise<number> {
  const dir = deps.store.incidentsDir;
  const head = feedHead(dir, id, o.origin);
  let prev = head?.hash ?? '';
  let next = (head?.seq ?? 0) + 1;
  const good: FeedEvent[] = [];
  const items = await deps.table.eventsOf(id, o.origin, next);
  const last = items[items.length - 1];
  if (last) seen.head = { seq: last.seq, hash: last.hash };
  else if (head) seen.head = { seq: head.seq, hash: head.hash };
  for (const item of items) {
    // A gap is an origin still pushing (its writes go in parallel): the rest is pulled next time.
    // A gap that stays (an item deleted from the table) is named by verify --remote.
    if (item.seq > next) break;
    const why = checkItem(item, id, o, next, prev);
    if (why) {
      problems.push(`origin ${o.origin} seq ${item.seq}: ${why}; it and the events after it were not pulled (run "warroom verify ${id} --remote")`);
      break;
    }
    const e = JSON.parse(item.event) as TimelineEvent;
    good.push({ ...e, sig: item.sig, pushedAt: item.pushedAt });
    seen.until = Math.max(seen.until ?? Number.NEGATIVE_INFINITY, Date.parse(e.ts) || Number.NEGATIVE_INFINITY);
    prev = e.hash;
    next += 1;
  }
  appendFeed(dir, id, o.origin, good);
  return good.length;
}

/** Why an item cannot be the next event of its origin's feed, or undefined when it can. */
export function checkItem(item: EventItem, id: string, o: OriginItem, expectedSeq: number, prevHash: string): string | undefined {
  if (item.seq !== expectedSeq) return item.seq > expectedSeq ? `missing: seq ${expectedSeq} is not in the table` : 'out of order';
  let e: TimelineEvent;
  try {
    e = JSON.parse(item.event) as TimelineEvent;
  } catch {
    return 'altered: the item holds no readable event';
  }
  if (e.seq !== item.seq || e.hash !== item.hash) return 'altered: the event does not match its item';
  const { hash, ...rest } = e;
  if (hashEvent(rest) !== hash) return 'altered: its content does not match its hash';
  if (!checkSignature(o.publicKey, id, o.origin, item.seq, item.hash, item.pushedAt, item.sig)) return "forged: its signature is not the origin's";
  if (e.prev !== prevHash) return 'altered: its prev hash does not match the event before it';
  if (e.seq === 1 && !((e.kind === 'incident.opened' || e.kind === 'incident.joined') && e.data.id === id)) return 'forged: the feed does not open this incident';
  if ((e.kind === 'incident.joined' || e.kind === 'origin.key') && (e.data.publicKey !== o.publicKey || e.data.origin !== o.origin)) {
    return "forged: the feed names another key than its origin's";
  }
  return undefined;
}
