// Storage for a shared incident (docs/sharing.md) beside its journal: the journal stays this machine's own
// feed; other machines' feeds, pulled from the table, are kept one file per origin under
// `incidents/ID.origins/ORIGIN.jsonl` (the same event lines plus the origin's signature and push time),
// each checked as its own hash chain; `incidents/ID.sync.json` holds where this machine shares it.
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { TimelineEvent } from '../core/index.js';
import { openJournalFile, readTail, scanLines } from './journal-file.js';
import { ChainVerifier, type VerifyResult } from './verify.js';
import { hashEvent } from './journal.js';

/** An event as a pulled feed holds it: the origin's line, its signature and when the origin pushed it. */
export interface FeedEvent extends TimelineEvent {
  sig?: string;
  pushedAt?: number;
}

export interface SyncConfig {
  version: 1;
  table: string;
  region: string;
  /** The global table's replica region, read and written when the primary region cannot be reached. */
  replicaRegion?: string;
  /** Set while the last sync reached only the replica (the primary region impaired). */
  via?: string;
  /** This machine's origin id in the shared incident (digest of its public key). */
  origin: string;
  /** Whether the table names this origin and its key yet (share works offline; the next sync does it). */
  registered: boolean;
  /** Seq ranges of the journal pushed, with the push time every machine sees for them. */
  pushed: { from: number; to: number; at: number }[];
  /** Byte offset in the journal after the last pushed event, and that event's hash: where the next push reads from. */
  pushedOffset?: number;
  pushedHash?: string;
  /** The last event confirmed in the table: the journal must still hold it, or it forked from what was pushed. */
  lastPushed?: { seq: number; hash: string };
  /** A push under way (written before it is sent, so a retry after a crash reuses its time). */
  pushing?: { from: number; to: number; at: number };
  lastOkAt?: number;
  offlineSince?: number;
  lastError?: string;
  /** The latest event time pulled from other origins (ms): this machine's next events never date before it. */
  seenUntil?: number;
  /** Each origin's head in the table at the last sync that reached it, sorted by origin: what the report compares with. */
  tableHeads?: { origin: string; seq: number; hash: string }[];
  /** Who was on the incident at the last sync (presence items), with each origin's head in the table. */
  here?: { origin: string; actor: string; seenAt: number; head?: number }[];
  /** Differences found that sync will not resolve on its own (a conflict, a bad item). */
  problems?: string[];
}

export const originsDir = (incidentsDir: string, id: string) => join(incidentsDir, `${id}.origins`);
export const feedPath = (incidentsDir: string, id: string, origin: string) => join(originsDir(incidentsDir, id), `${origin}.jsonl`);
export const syncConfigPath = (incidentsDir: string, id: string) => join(incidentsDir, `${id}.sync.json`);

export function readSyncConfig(incidentsDir: string, id: string): SyncConfig | undefined {
  const path = syncConfigPath(incidentsDir, id);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as SyncConfig;
}

/** Written whole (temporary file, fsync, rename): a crash leaves the old or the new config, never half. */
export function writeSyncConfig(incidentsDir: string, id: string, config: SyncConfig): void {
  const path = syncConfigPath(incidentsDir, id);
  const temp = `${path}.new-${randomBytes(4).toString('hex')}`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeAll(fd, Buffer.from(JSON.stringify(config, null, 1) + '\n'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

export function pulledOrigins(incidentsDir: string, id: string): string[] {
  const dir = originsDir(incidentsDir, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[0-9a-f]{16}\.jsonl$/.test(f))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
}

/** A pulled feed, checked as its own chain (it must open with incident.opened or incident.joined). */
export function readFeed(incidentsDir: string, id: string, origin: string): VerifyResult & { events: FeedEvent[] } {
  const path = feedPath(incidentsDir, id, origin);
  const verifier = new ChainVerifier(hashEvent, { keepEvents: true, incidentId: id });
  const fd = openJournalFile(path, 'read');
  try {
    const { torn } = scanLines(fd, 0, (line) => verifier.push(line));
    return verifier.finish(torn);
  } finally {
    closeSync(fd);
  }
}

/** The last complete event of a pulled feed (where a pull resumes), or undefined when none is held. */
export function feedHead(incidentsDir: string, id: string, origin: string): FeedEvent | undefined {
  const path = feedPath(incidentsDir, id, origin);
  if (!existsSync(path)) return undefined;
  return readTail(path).last;
}

/** Appends verified lines to a pulled feed, durably; bytes torn off by an earlier crash are cut first. */
export function appendFeed(incidentsDir: string, id: string, origin: string, events: readonly FeedEvent[]): void {
  if (events.length === 0) return;
  mkdirSync(originsDir(incidentsDir, id), { recursive: true, mode: 0o700 });
  const path = feedPath(incidentsDir, id, origin);
  if (!existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
  const tail = readTail(path);
  const fd = openJournalFile(path, 'update');
  try {
    if (tail.goodLength !== tail.size) ftruncateSync(fd, tail.goodLength);
    const buf = Buffer.from(events.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off, tail.goodLength + off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every feed of a shared incident: this machine's journal first, then each pulled origin's, sorted. */
export function sharedFeeds(incidentsDir: string, id: string, journalPath: string, config: SyncConfig): { origin: string; path: string; pushedAt?: (seq: number) => number | undefined }[] {
  return [
    { origin: config.origin, path: journalPath, pushedAt: pushedAtOf(config) },
    ...pulledOrigins(incidentsDir, id)
      .filter((o) => o !== config.origin)
      .map((origin) => ({ origin, path: feedPath(incidentsDir, id, origin) })),
  ];
}

/** When a pulled feed's origin pushed an event: the feed's line carries it. */
export const pushedAtInLine = (_seq: number, e: FeedEvent) => e.pushedAt;

/** When this machine pushed its own event `seq`, as recorded in its sync config. */
export function pushedAtOf(config: SyncConfig): (seq: number) => number | undefined {
  return (seq) => config.pushed.find((r) => seq >= r.from && seq <= r.to)?.at;
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}
