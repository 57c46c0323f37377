// A shared incident in the console: while it is open, sync runs every 2 s in the background, and the
// follower delivers the other origins' events as they are pulled. Events arriving in order are renumbered
// on from the last one shown; the true merged order (late events in their place) is shown when the
// incident is opened again. An incident that is not shared is followed exactly as before.
import { statSync } from 'node:fs';
import type { MergedEvent } from '../core/merge-order.js';
import type { TimelineEvent } from '../core/index.js';
import type { IncidentStore } from '../store/incident-store.js';
import { feedPath, pulledOrigins, readSyncConfig } from '../store/origin-feeds.js';

/** How often the console syncs a shared incident it has open. */
export const CONSOLE_SYNC_MS = 2_000;

interface Followed {
  shown: Set<string>;
  lastSeq: number;
  stamp: string;
  timer?: ReturnType<typeof setInterval>;
}

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
    const f: Followed = { shown: new Set((events as MergedEvent[]).map(keyOf)), lastSeq: events.length, stamp: this.stamp(id) };
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
    const fresh = (this.store.load(id).events as MergedEvent[]).filter((e) => !f.shown.has(keyOf(e)));
    for (const e of fresh) f.shown.add(keyOf(e));
    return { events: fresh.map((e) => ({ ...e, seq: ++f.lastSeq })), offset: offset + fresh.length };
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

  private async syncInBackground(id: string): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    try {
      // Loaded here, not at start-up: a console that opens no shared incident never loads the AWS SDK.
      const [{ syncOnce }, { loadOrCreateKey }, { SyncTable }] = await Promise.all([import('../sync/engine.js'), import('../sync/keys.js'), import('../sync/table.js')]);
      const config = readSyncConfig(this.store.incidentsDir, id);
      if (!config) return;
      const table = new SyncTable({ table: config.table, region: config.region }, this.env);
      try {
        await syncOnce({ store: this.store, key: loadOrCreateKey(this.store.dir), table, clock: this.store.clock, actor: this.actor }, id);
      } finally {
        table.destroy();
      }
    } catch {
      /* recorded in the sync config (offline since, why) by syncOnce; the next round retries */
    } finally {
      this.syncing = false;
    }
  }

  stop(): void {
    for (const f of this.followed.values()) if (f.timer) clearInterval(f.timer);
    this.followed.clear();
  }
}
