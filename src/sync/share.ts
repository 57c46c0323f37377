// Publishing an incident to a table (share) and bringing one to this machine (join).
import { ExitCode, notFound, WarroomError, type Clock } from '../core/index.js';
import { ID_PATTERN } from '../store/incident-store.js';
import { Journal } from '../store/journal.js';
import { existsSync } from 'node:fs';
import { readFeed, pulledOrigins, readSyncConfig, writeSyncConfig, type SyncConfig } from '../store/origin-feeds.js';
import { pullAll, registerOrigin, syncOnce, withSyncLock, type SyncDeps, type SyncResult } from './engine.js';

export interface Place {
  table: string;
  region: string;
  /** The global table's replica region, used when the primary region cannot be reached. */
  replicaRegion?: string;
}

const replicaOf = (place: Place) => (place.replicaRegion ? { replicaRegion: place.replicaRegion } : {});

function checkSamePlace(store: SyncDeps['store'], config: SyncConfig, id: string, place: Place): void {
  if (config.table !== place.table || config.region !== place.region) {
    throw new WarroomError(`${id} is already shared through table ${config.table} in ${config.region} (run "warroom sync ${id}")`, ExitCode.usage);
  }
  if (place.replicaRegion && place.replicaRegion !== config.replicaRegion) writeSyncConfig(store.incidentsDir, id, { ...config, replicaRegion: place.replicaRegion });
}

/** Shares a local incident: records where, names this origin's key in its feed, then syncs. */
export async function shareIncident(deps: SyncDeps, id: string, place: Place): Promise<SyncResult> {
  const journal = deps.store.journal(id);
  await withSyncLock(deps.store, id, async () => {
    const existing = readSyncConfig(deps.store.incidentsDir, id);
    if (existing) return checkSamePlace(deps.store, existing, id, place);
    const own = journal.load();
    const bad = own.verification.firstBad;
    if (bad && bad.problem !== 'torn') throw new WarroomError(`the journal of ${id} fails verification at ${bad.message}; it was not shared (run "warroom verify ${id}")`, ExitCode.corrupt);
    const named = own.events.some((e) => (e.kind === 'origin.key' || e.kind === 'incident.joined') && e.data.publicKey === deps.key.publicKey);
    if (!named) await journal.append([{ kind: 'origin.key', data: { origin: deps.key.origin, publicKey: deps.key.publicKey } }], deps.actor);
    writeSyncConfig(deps.store.incidentsDir, id, { version: 1, table: place.table, region: place.region, ...replicaOf(place), origin: deps.key.origin, registered: false, pushed: [] });
  });
  return syncOnce(deps, id);
}

/** Brings a shared incident here: pulls every origin, then opens this machine's own feed and syncs. */
export async function joinIncident(deps: SyncDeps, id: string, place: Place): Promise<SyncResult> {
  if (!ID_PATTERN.test(id)) throw notFound(`unknown incident id "${id}": ids look like INC-20261121-7QK2`);
  deps.store.ensureWritable();
  const path = deps.store.journalPath(id);
  await withSyncLock(deps.store, id, async () => {
    const existing = readSyncConfig(deps.store.incidentsDir, id);
    if (existing) return checkSamePlace(deps.store, existing, id, place);
    if (existsSync(path)) throw new WarroomError(`${id} is already on this machine and not shared from here (run "warroom share ${id} --table ${place.table}")`, ExitCode.usage);
    const origins = await deps.table.origins(id);
    if (origins.length === 0) throw new WarroomError(`the table ${place.table} holds no incident ${id} (check the id and the table, and that it was shared)`, ExitCode.failure);
    await registerOrigin(deps, id);
    // Pulled with a temporary config naming this origin, so the pull skips it; the journal comes after.
    const config: SyncConfig = { version: 1, table: place.table, region: place.region, ...replicaOf(place), origin: deps.key.origin, registered: true, pushed: [] };
    writeSyncConfig(deps.store.incidentsDir, id, config);
    const round = await pullAll(deps, id, config);
    writeSyncConfig(deps.store.incidentsDir, id, config);
    let latest = 0;
    let opened = false;
    for (const origin of pulledOrigins(deps.store.incidentsDir, id)) {
      const feed = readFeed(deps.store.incidentsDir, id, origin);
      if (feed.events[0]?.kind === 'incident.opened') opened = true;
      for (const e of feed.events) latest = Math.max(latest, Date.parse(e.ts) || 0);
    }
    if (!opened) {
      throw new WarroomError(`the table ${place.table} does not (yet) hold the opening of ${id}${round.problems.length ? `: ${round.problems[0]}` : ''} (run "warroom join ${id} --table ${place.table}" again)`, ExitCode.failure);
    }
    // The joiner's first event never dates before what it has seen (a hybrid logical clock).
    const clock: Clock = { now: () => Math.max(deps.clock.now(), latest + 1) };
    await new Journal(path, clock, undefined, id).create({ kind: 'incident.joined', data: { id, origin: deps.key.origin, publicKey: deps.key.publicKey } }, deps.actor);
  });
  return syncOnce(deps, id);
}

