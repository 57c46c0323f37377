// Folding an incident without holding its timeline: from its checkpoint (checkpoint.ts) plus the events
// appended since, or, when there is no usable checkpoint, by folding the journal while it is streamed. A shared
// incident continues its merged order from the checkpoint only when every new event sorts after it
// (core/merge-order.ts mergeAfter); otherwise the whole merged order is rebuilt, exactly as without one.
import { IncidentFolder, type IncidentState, type TimelineEvent } from '../core/index.js';
import { FeedOrderError, mergeAfter, mergeStreams, type FeedTail, type MergedEvent } from '../core/merge-order.js';
import { CHECKPOINT_AFTER_BYTES, checkpointPath, markable, readCheckpoint, resumeFeed, scanFeed, writeCheckpoint, type Checkpoint, type FeedMark, type Resumed } from './checkpoint.js';
import { VerifiedFeed } from './feed-stream.js';
import type { Journal } from './journal.js';
import { pushedAtInLine, readSyncConfig, sharedFeeds } from './origin-feeds.js';
import { sharedHeadHash, withOriginFeeds } from './shared-load.js';
import type { VerifyResult } from './verify.js';

export interface StateLoad {
  /** Undefined when the timeline has no opening event to fold from. */
  state: IncidentState | undefined;
  /** The whole chain's check (its events are not kept). */
  verification: VerifyResult;
  /** The seq of the checkpoint the fold continued from, or 0 when it folded from the start. */
  resumedFrom: number;
  /** Incidents that are not shared: the end of the journal's last complete line folded (where a follower resumes). */
  offset?: number;
}

/** A fold that records why it could not go on instead of throwing in the middle of a read. */
function folderFrom(state?: IncidentState) {
  const folder = new IncidentFolder(state);
  let broken = false;
  return {
    push: (e: TimelineEvent) => {
      if (broken) return;
      try {
        folder.push(e);
      } catch {
        broken = true;
      }
    },
    result: () => (broken ? undefined : (() => {
      try {
        return folder.result();
      } catch {
        return undefined;
      }
    })()),
  };
}

export function loadIncidentState(incidentsDir: string, id: string, journal: Journal): StateLoad {
  const config = readSyncConfig(incidentsDir, id);
  const cp = readCheckpoint(checkpointPath(incidentsDir, id), id);
  return config ? loadShared(incidentsDir, id, journal, cp, config) : loadOwn(incidentsDir, id, journal, cp);
}

function loadOwn(incidentsDir: string, id: string, journal: Journal, cp: Checkpoint | undefined): StateLoad {
  const mark = cp?.feeds.length === 1 && cp.feeds[0]!.origin === '' ? cp.feeds[0]! : undefined;
  if (cp && mark) {
    const folder = folderFrom(cp.state);
    const r = resumeFeed(journal.path, mark, { incidentId: id, onEvent: folder.push });
    const state = r && folder.result();
    if (r && state) {
      if (r.read >= CHECKPOINT_AFTER_BYTES && markable(r.verification)) saveOwn(incidentsDir, id, state, r);
      return { state, verification: r.verification, resumedFrom: mark.seq, offset: r.offset };
    }
  }
  const folder = folderFrom();
  const r = journal.read({ onEvent: folder.push });
  const state = folder.result();
  if (state && r.offset >= CHECKPOINT_AFTER_BYTES && markable(r.verification)) saveOwn(incidentsDir, id, state, { ...r, read: r.offset });
  return { state, verification: r.verification, resumedFrom: 0, offset: r.offset };
}

function saveOwn(incidentsDir: string, id: string, state: IncidentState, r: Resumed): void {
  const v = r.verification;
  const mark: FeedMark = { origin: '', ...r.file, seq: v.headSeq, hash: v.headHash, offset: r.offset, hlc: 0 };
  writeCheckpoint(checkpointPath(incidentsDir, id), { version: 1, id, feeds: [mark], frontier: { count: v.headSeq }, state });
}

function loadShared(incidentsDir: string, id: string, journal: Journal, cp: Checkpoint | undefined, config: NonNullable<ReturnType<typeof readSyncConfig>>): StateLoad {
  const feeds = sharedFeeds(incidentsDir, id, journal.path, config);
  const resumable = cp && cp.feeds.every((m) => m.origin !== '' && feeds.some((f) => f.origin === m.origin));
  if (cp && resumable) {
    const tails: (FeedTail & { r: Resumed })[] = [];
    for (const f of feeds) {
      const mark = cp.feeds.find((m) => m.origin === f.origin);
      const events: TimelineEvent[] = [];
      const opts = { incidentId: id, onEvent: (e: TimelineEvent) => void events.push(e) };
      const r = mark ? resumeFeed(f.path, mark, opts) : scanFeed(f.path, opts);
      if (!r) break;
      tails.push({ origin: f.origin, events, hlcBefore: mark?.hlc ?? Number.NEGATIVE_INFINITY, r, ...(f.pushedAt ? { pushedAt: f.pushedAt } : {}) });
    }
    const merged = tails.length === feeds.length ? mergeAfter(cp.frontier, tails) : undefined;
    if (merged) {
      const folder = folderFrom(cp.state);
      for (const e of merged) folder.push(e);
      const state = folder.result();
      if (state) {
        const verification = sharedVerification(tails.map((t) => ({ origin: t.origin, v: t.r.verification })), cp.frontier.count + merged.length);
        const read = tails.reduce((n, t) => n + t.r.read, 0);
        if (read >= CHECKPOINT_AFTER_BYTES && verification.ok) {
          const last = merged.at(-1);
          const marks = tails.map((t) => {
            const lastOfFeed = [...merged].reverse().find((e) => e.origin === t.origin);
            const old = cp.feeds.find((m) => m.origin === t.origin);
            return { origin: t.origin, ...t.r.file, seq: t.r.verification.headSeq, hash: t.r.verification.headHash, offset: t.r.offset, hlc: lastOfFeed?.hlc ?? old?.hlc ?? Number.NEGATIVE_INFINITY };
          });
          const frontier = { count: verification.count, ...(last ? { last: pick(last) } : cp.frontier.last ? { last: cp.frontier.last } : {}) };
          writeCheckpoint(checkpointPath(incidentsDir, id), { version: 1, id, feeds: marks, frontier, state });
        }
        return { state, verification, resumedFrom: cp.frontier.count };
      }
    }
  }
  return foldMergedStream(incidentsDir, id, journal, feeds) ?? foldMergedWhole(incidentsDir, id, journal);
}

type Feed = ReturnType<typeof sharedFeeds>[number];

/**
 * No usable checkpoint: every feed streamed and checked at once, merged as it is read (mergeStreams, one
 * event of each feed held), folded; then a checkpoint of it. Undefined when a feed fails its check (other
 * than torn bytes at its end): a damaged feed's order is what sorting everything gives, so it is loaded whole.
 */
function foldMergedStream(incidentsDir: string, id: string, journal: Journal, feeds: Feed[]): StateLoad | undefined {
  const streams = feeds.map((f, k) => new VerifiedFeed(f.path, id, k === 0 ? 'read the journal' : 'read the pulled feed'));
  const folder = folderFrom();
  const lastOf = new Map<string, MergedEvent>();
  let last: MergedEvent | undefined;
  try {
    const merged = mergeStreams(feeds.map((f, k) => ({ origin: f.origin, events: streams[k]!, pushedAt: f.pushedAt ?? pushedAtInLine })));
    for (const e of merged) {
      folder.push(e);
      lastOf.set(e.origin, e);
      last = e;
    }
  } catch (err) {
    if (err instanceof FeedOrderError) return undefined;
    throw err;
  }
  const results = streams.map((s) => s.result()!);
  if (results.some((r) => r.verification.firstBad && r.verification.firstBad.problem !== 'torn')) return undefined;
  const state = folder.result();
  const verification = sharedVerification(feeds.map((f, k) => ({ origin: f.origin, v: results[k]!.verification })), last?.seq ?? 0);
  if (state && verification.ok && last) {
    const marks = feeds.map((f, k) => {
      const e = lastOf.get(f.origin);
      const r = results[k]!;
      return e && { origin: f.origin, dev: r.file.dev, ino: r.file.ino, seq: e.originSeq, hash: e.hash, offset: r.file.end, hlc: e.hlc };
    });
    const bytes = results.reduce((n, r) => n + r.file.end, 0);
    if (bytes >= CHECKPOINT_AFTER_BYTES && marks.every((m) => m)) {
      writeCheckpoint(checkpointPath(incidentsDir, id), { version: 1, id, feeds: marks as FeedMark[], frontier: { count: last.seq, last: pick(last) }, state });
    }
  }
  return { state, verification, resumedFrom: 0 };
}

/** A damaged feed: the whole merged order, loaded and sorted as before (no checkpoint is made of it). */
function foldMergedWhole(incidentsDir: string, id: string, journal: Journal): StateLoad {
  const full = withOriginFeeds(incidentsDir, id, journal.load());
  const folder = folderFrom();
  for (const e of full.events) folder.push(e);
  return { state: folder.result(), verification: { ...full.verification, events: [] }, resumedFrom: 0 };
}

const pick = (e: MergedEvent) => ({ hlc: e.hlc, origin: e.origin, originSeq: e.originSeq, kind: e.kind });

/** A shared incident's check as withOriginFeeds reports it: the first problem of any feed, the merged count, one digest of the heads. */
function sharedVerification(feeds: { origin: string; v: VerifyResult }[], count: number): VerifyResult {
  let firstBad = feeds[0]!.v.firstBad;
  for (const f of feeds.slice(1)) firstBad ??= f.v.firstBad && { ...f.v.firstBad, message: `origin ${f.origin}: ${f.v.firstBad.message}` };
  const heads = feeds.map((f) => ({ origin: f.origin, seq: f.v.headSeq, hash: f.v.headHash })).sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0));
  const v: VerifyResult = { ok: !firstBad, events: [], count, headSeq: count, headHash: sharedHeadHash(heads) };
  if (firstBad) v.firstBad = firstBad;
  return v;
}

