// Loading a shared incident: this machine's journal and every pulled origin feed, merged into the one
// order every machine shows (core/merge-order.ts). An incident that is not shared loads unchanged.
import { createHash } from 'node:crypto';
import { feedHeads, mergeFeeds, type MergedEvent, type OriginFeed } from '../core/merge-order.js';
import type { LoadedJournal } from './journal.js';
import type { Clock } from '../core/index.js';
import { statSync } from 'node:fs';
import { feedPath, pulledOrigins, pushedAtOf, readFeed, readSyncConfig, syncConfigPath } from './origin-feeds.js';
import { checkpointPath, readCheckpoint, resumeFeed, scanFeed } from './checkpoint.js';

export interface SharedView {
  events: MergedEvent[];
  heads: { origin: string; seq: number; hash: string }[];
}

export function withOriginFeeds(incidentsDir: string, id: string, own: LoadedJournal): LoadedJournal & { shared?: SharedView } {
  const config = readSyncConfig(incidentsDir, id);
  if (!config) return own;
  const feeds: OriginFeed[] = [{ origin: config.origin, events: own.events, pushedAt: pushedAtOf(config) }];
  let firstBad = own.verification.firstBad;
  for (const origin of pulledOrigins(incidentsDir, id)) {
    if (origin === config.origin) continue;
    const v = readFeed(incidentsDir, id, origin);
    firstBad ??= v.firstBad && { ...v.firstBad, message: `origin ${origin}: ${v.firstBad.message}` };
    feeds.push({ origin, events: v.events, pushedAt: (seq) => v.events[seq - 1]?.pushedAt });
  }
  const events = mergeFeeds(feeds);
  const heads = feedHeads(feeds);
  const headHash = sharedHeadHash(heads);
  const verification = { ...own.verification, ok: !firstBad, events, count: events.length, headSeq: events.length, headHash };
  if (firstBad) verification.firstBad = firstBad;
  return { ...own, events, verification, shared: { events, heads } };
}

/** One digest of every origin's head (sorted by origin): the same on every machine that holds the same events. */
export function sharedHeadHash(heads: readonly { origin: string; seq: number; hash: string }[]): string {
  return createHash('sha256').update(heads.map((h) => `${h.origin}:${h.seq}:${h.hash}`).join('\n')).digest('hex');
}

/** A clock raised past another origin's clock by at most this: a wildly wrong clock elsewhere is not followed. */
export const MAX_CLOCK_RAISE_MS = 5 * 60_000;

/**
 * The clock a shared incident's appends are dated by: a hybrid logical clock that never dates an event
 * before the other origins' events already pulled, so a reply sorts after what it answers even when this
 * machine's clock is behind. Read only when an event is written; an unshared incident gets `clock` itself.
 */
export function sharedClock(clock: Clock, incidentsDir: string, id: string): Clock {
  return {
    now: () => {
      const now = clock.now();
      let seen: number | undefined;
      try {
        seen = readSyncConfig(incidentsDir, id)?.seenUntil;
      } catch {
        return now; // an unreadable config is reported by sync; dating the event must not fail
      }
      return seen !== undefined && seen >= now && seen - now < MAX_CLOCK_RAISE_MS ? seen + 1 : now;
    },
  };
}

/**
 * The first problem of any pulled feed of a shared incident (verify checks them with the journal). Each is
 * checked from its mark in the checkpoint, as the journal is, when the same file still holds the marked
 * event unchanged at the marked offset; otherwise, or with `full`, read whole: the feed always wins.
 */
export function pulledFeedProblem(incidentsDir: string, id: string, opts: { full?: boolean } = {}): string | undefined {
  const config = readSyncConfig(incidentsDir, id);
  if (!config) return undefined;
  const cp = opts.full ? undefined : readCheckpoint(checkpointPath(incidentsDir, id), id);
  for (const origin of pulledOrigins(incidentsDir, id)) {
    const path = feedPath(incidentsDir, id, origin);
    const mark = cp?.feeds.find((m) => m.origin === origin);
    const r = (mark && resumeFeed(path, mark, { incidentId: id })) || scanFeed(path, { incidentId: id });
    const bad = r.verification.firstBad;
    if (bad) return `the pulled feed of origin ${origin} fails verification at ${bad.message}`;
  }
  return undefined;
}

/** For the index's cache key: a shared incident's summary changes whenever a sync ends (it rewrites its config). */
export function sharedStamp(incidentsDir: string, id: string): string {
  try {
    const st = statSync(syncConfigPath(incidentsDir, id), { bigint: true });
    return `:shared:${st.ino}:${st.mtimeNs}`;
  } catch {
    return '';
  }
}
