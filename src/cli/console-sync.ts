// A shared incident in the console: while it is open, sync runs every second in the background (and right
// after this console records something), and the follower delivers the other origins' events as they are
// pulled. Events arriving in order are renumbered
// on from the last one shown; the true merged order (late events in their place) is shown when the
// incident is opened again. An incident that is not shared is followed exactly as before.
import { statSync } from 'node:fs';
import type { MergedEvent } from '../core/merge-order.js';
import { concurrentEdits, WarroomError, type SyncMark, type TimelineEvent } from '../core/index.js';
import type { IncidentStore } from '../store/incident-store.js';
import { readTail } from '../store/journal-file.js';
import { feedHead, feedPath, pulledOrigins, readSyncConfig } from '../store/origin-feeds.js';

/** How often the console syncs a shared incident it has open. */
export const CONSOLE_SYNC_MS = 1_000;

interface Followed {
  shown: Set<string>;
  lastSeq: number;
  stamp: string;
  timer?: ReturnType<typeof setInterval>;
  /** The merged timeline as last loaded: where conflicting concurrent edits are found. */
  latest: readonly MergedEvent[];
  /** Why the last background sync refused to run (a forked journal, another key): shown, not swallowed. */
  problem?: string;
}

/** A responder counts as here this long after its last sync (the presence items' TTL). */
const HERE_MS = 2 * 60_000;

const keyOf = (e: MergedEvent) => `${e.origin}:${e.originSeq}`;

export class SharedFollower {
  private readonly followed = new Map<string, Followed>();

  constructor(
    private readonly store: IncidentStore,
    private readonly actor: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  isShared(id: string): boolean {
    try {
      return readSyncConfig(this.store.incidentsDir, id) !== undefined;
    } catch {
      return false;
    }
  }

  /** Remembers what the console shows now and starts syncing in the background. */
  opened(id: string, events: readonly TimelineEvent[]): void {
    const prev = this.followed.get(id);
    if (prev?.timer) clearInterval(prev.timer);
    const f: Followed = { shown: new Set((events as MergedEvent[]).map(keyOf)), lastSeq: events.length, stamp: this.stamp(id), latest: events as MergedEvent[] };
    this.followed.set(id, f);
    f.timer = setInterval(() => void this.syncInBackground(id), CONSOLE_SYNC_MS);
    f.timer.unref();
    void this.syncInBackground(id);
  }

  /** The events not shown yet, in merged order, numbered on from the last one shown. */
  readSince(id: string, offset: number): { events: TimelineEvent[]; offset: number } {
    const f = this.followed.get(id);
    if (!f) return { events: [], offset };
    const stamp = this.stamp(id);
    if (stamp === f.stamp) return { events: [], offset };
    f.stamp = stamp;
    f.latest = this.store.load(id).events as MergedEvent[];
    const fresh = f.latest.filter((e) => !f.shown.has(keyOf(e)));
    for (const e of fresh) f.shown.add(keyOf(e));
    return { events: fresh.map((e) => ({ ...e, seq: ++f.lastSeq })), offset: offset + fresh.length };
  }

  /** The banner's sync mark for an open shared incident: read from the sync config and the feeds, no network. */
  mark(id: string): SyncMark | undefined {
    const f = this.followed.get(id);
    const config = f ? readSyncConfig(this.store.incidentsDir, id) : undefined;
    if (!f || !config) return undefined;
    const now = this.store.clock.now();
    const pushed = config.pushed.reduce((m, r) => Math.max(m, r.to), 0);
    const own = readTail(this.store.journalPath(id)).last?.seq ?? 0;
    const others = (config.here ?? []).filter((h) => h.origin !== config.origin);
    const behind = others.reduce((n, h) => n + Math.max(0, (h.head ?? 0) - (feedHead(this.store.incidentsDir, id, h.origin)?.seq ?? 0)), 0);
    const problem = f.problem ?? config.problems?.[0];
    return {
      ...(config.lastOkAt !== undefined ? { lastOkAt: config.lastOkAt } : {}),
      ...(config.offlineSince !== undefined ? { offlineSince: config.offlineSince } : {}),
      ...(config.lastError ? { why: config.lastError } : {}),
      ...(config.via ? { via: config.via } : {}),
      pending: Math.max(0, own - pushed),
      behind,
      here: others.filter((h) => now - h.seenAt < HERE_MS).map((h) => ({ actor: h.actor, seenAt: h.seenAt, origin: h.origin })),
      origin: config.origin,
      conflicts: concurrentEdits(f.latest),
      ...(problem ? { problem } : {}),
    };
  }

  /** Sizes of the journal and every pulled feed: any pull or append changes it. */
  private stamp(id: string): string {
    const sizes = [this.store.journalPath(id), ...pulledOrigins(this.store.incidentsDir, id).map((o) => feedPath(this.store.incidentsDir, id, o))].map((p) => {
      try {
        return statSync(p).size;
      } catch {
        return -1;
      }
    });
    return sizes.join(',');
  }

  private syncing = false;
  private again = false;

  /** This console just recorded something on a shared incident: push it now rather than at the next round. */
  appended(id: string): void {
    if (this.followed.has(id)) void this.syncInBackground(id);
  }

  private async syncInBackground(id: string): Promise<void> {
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    try {
      // Loaded here, not at start-up: a console that opens no shared incident never loads the AWS SDK.
      const [{ syncPreferringPrimary }, { loadOrCreateKey }, { SyncTable }] = await Promise.all([import('../sync/replica.js'), import('../sync/keys.js'), import('../sync/table.js')]);
      const config = readSyncConfig(this.store.incidentsDir, id);
      if (!config) return;
      const tableIn = (region: string) => new SyncTable({ table: config.table, region }, this.env);
      const f = this.followed.get(id);
      await syncPreferringPrimary({ store: this.store, key: loadOrCreateKey(this.store.dir), clock: this.store.clock, actor: this.actor, tableIn }, id);
      if (f) delete f.problem;
    } catch (err) {
      // A network failure is recorded in the sync config (offline since, why) by syncOnce; a refusal is kept for the banner.
      const f = this.followed.get(id);
      if (f && err instanceof WarroomError) f.problem = err.message;
    } finally {
      this.syncing = false;
      if (this.again && this.followed.has(id)) {
        this.again = false;
        void this.syncInBackground(id);
      }
    }
  }

  stop(): void {
    for (const f of this.followed.values()) if (f.timer) clearInterval(f.timer);
    this.followed.clear();
  }
}
