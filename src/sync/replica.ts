// A global table's replica as the way round an impaired region: sync goes to the primary region first and,
// when that cannot be reached, to the replica. Writing through either is safe: no two writers ever write one
// key, so the tables' last-writer-wins replication never chooses between two versions of an item.
import type { Clock } from '../core/index.js';
import type { IncidentStore } from '../store/incident-store.js';
import { readSyncConfig, writeSyncConfig } from '../store/origin-feeds.js';
import { requireConfig, syncOnce, withSyncLock, type SyncResult } from './engine.js';
import type { OriginKey } from './keys.js';
import type { SyncTable } from './table.js';

export interface ReplicaSyncDeps {
  store: IncidentStore;
  key: OriginKey;
  clock: Clock;
  actor: string;
  /** A table client for the region (the caller's endpoint and timeouts). */
  tableIn: (region: string) => SyncTable;
}

export async function syncPreferringPrimary(deps: ReplicaSyncDeps, id: string): Promise<SyncResult & { via?: string }> {
  const config = requireConfig(deps.store, id);
  const primary = await syncIn(deps, id, config.region);
  if (!primary.offline || !config.replicaRegion || config.replicaRegion === config.region) {
    if (!primary.offline) await noteVia(deps.store, id, undefined);
    return primary;
  }
  const replica = await syncIn(deps, id, config.replicaRegion);
  if (replica.offline) return { ...replica, offline: `${config.region}: ${primary.offline}; replica ${config.replicaRegion}: ${replica.offline}` };
  await noteVia(deps.store, id, config.replicaRegion);
  return { ...replica, via: config.replicaRegion };
}

async function syncIn(deps: ReplicaSyncDeps, id: string, region: string): Promise<SyncResult> {
  const table = deps.tableIn(region);
  try {
    return await syncOnce({ store: deps.store, key: deps.key, clock: deps.clock, actor: deps.actor, table }, id);
  } finally {
    table.destroy();
  }
}

async function noteVia(store: IncidentStore, id: string, via: string | undefined): Promise<void> {
  await withSyncLock(store, id, async () => {
    const c = readSyncConfig(store.incidentsDir, id);
    if (!c || c.via === via) return;
    if (via) c.via = via;
    else delete c.via;
    writeSyncConfig(store.incidentsDir, id, c);
  });
}
