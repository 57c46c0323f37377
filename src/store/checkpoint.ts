// A checkpoint beside a journal (`incidents/ID.checkpoint`): the incident's folded state and, for each feed
// (the journal, and a shared incident's pulled feeds), the verified prefix it covers: seq, hash, byte offset
// and file. Opening an incident reads only what was appended after it. It is a cache and never outranks the
// journal: it is used only when its digest is intact and each feed still holds, at the recorded offset of the
// same file, the recorded event unchanged; anything else and the journal is read whole and a new one written.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { IncidentState, TimelineEvent } from '../core/index.js';
import type { MergeFrontier } from '../core/merge-order.js';
import { MAX_LINE, newlineBefore, openJournalFile, readRange, scanLines } from './journal-file.js';
import { hashEvent } from './journal.js';
import { ChainVerifier, type VerifyResult } from './verify.js';

/** A new checkpoint is written once this many bytes were read past the last one (about 4,000 events). */
export const CHECKPOINT_AFTER_BYTES = 1 << 20;

/** Where a feed's verified prefix ends. `origin` is '' for the journal of an incident that is not shared. */
export interface FeedMark {
  origin: string;
  dev: number;
  ino: number;
  seq: number;
  hash: string;
  offset: number;
  /** The hybrid clock of the feed's last event (shared incidents; see core/merge-order.ts). */
  hlc: number;
}

export interface Checkpoint {
  version: 1;
  id: string;
  feeds: FeedMark[];
  /** The merged order folded so far (for an incident that is not shared: its event count). */
  frontier: MergeFrontier;
  state: IncidentState;
}

export const checkpointPath = (incidentsDir: string, id: string) => join(incidentsDir, `${id}.checkpoint`);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The checkpoint of `id`, or undefined when there is none or it is damaged (a damaged one is simply rebuilt). */
export function readCheckpoint(path: string, id: string): Checkpoint | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  const body = text.slice(nl + 1);
  if (sha256(body) !== text.slice(0, nl)) return undefined;
  try {
    const c = JSON.parse(body) as Checkpoint;
    const ok = c.version === 1 && c.id === id && Array.isArray(c.feeds) && c.feeds.length > 0 && typeof c.frontier?.count === 'number' && typeof c.state === 'object' && c.state !== null;
    return ok ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the checkpoint whole (temporary file, then rename): a crash leaves the old one, the new one, or a
 * file whose digest fails, never one that is trusted half-written. Failing to write it (a read-only state
 * dir, a full disk) costs only speed, so it is not an error.
 */
export function writeCheckpoint(path: string, c: Checkpoint): void {
  const body = JSON.stringify(c);
  // The writer's pid in the name: a file left by a writer that was killed can be told from one being written.
  const temp = `${path}.new-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    writeFileSync(temp, `${sha256(body)}\n${body}`, { mode: 0o600, flag: 'wx' });
    renameSync(temp, path);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      /* never made */
    }
    return;
  }
  removeStaleTemps(path);
}

/** A writer takes milliseconds between its write and its rename; a temporary file this much older than the checkpoint is long dead. */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes temporary files that killed writers of this checkpoint left behind (they are never read): those
 * whose writer process is gone, and any (a pid reused, or a name from before names carried one) older than
 * the checkpoint now in place by STALE_TEMP_MS. A live writer's file is left alone; were it removed all the
 * same (a writer on another machine sharing the directory), its rename would fail, which costs only speed.
 */
export function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  const prefix = `${basename(path)}.new-`;
  let names: string[];
  let newest: number;
  try {
    newest = statSync(path).mtimeMs;
    names = readdirSync(dir).filter((f) => f.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const temp = join(dir, name);
    const pid = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1];
    try {
      const gone = pid !== undefined && Number(pid) !== process.pid && !processAlive(Number(pid));
      if (gone || statSync(temp).mtimeMs < newest - STALE_TEMP_MS) unlinkSync(temp);
    } catch {
      /* removed meanwhile by another sweep */
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // another user's process: alive
  }
}

export interface Resumed {
  /** The chain checked from the mark to the end (count, head and problems cover the whole feed). */
  verification: VerifyResult;
  /** End of the last complete line, and how many bytes were read past the mark. */
  offset: number;
  read: number;
  file: { dev: number; ino: number };
}

type ScanOpts = { incidentId?: string; hashOfSeq?: number; onEvent?: (e: TimelineEvent) => void };

/**
 * Checks the feed at `path` from `mark` on: undefined unless the same file still holds the marked event,
 * unchanged (its hash recomputed), ending exactly at the marked offset.
 */
export function resumeFeed(path: string, mark: FeedMark, opts: ScanOpts = {}): Resumed | undefined {
  let fd: number;
  try {
    fd = openJournalFile(path, 'read');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (st.dev !== mark.dev || st.ino !== mark.ino || st.size < mark.offset || mark.offset < 1) return undefined;
    const nl = newlineBefore(fd, mark.offset);
    if (nl !== mark.offset - 1) return undefined;
    const prevNl = newlineBefore(fd, nl);
    if (nl - prevNl - 1 > MAX_LINE) return undefined;
    let e: TimelineEvent;
    try {
      e = JSON.parse(readRange(fd, prevNl + 1, nl - prevNl - 1).toString('utf8')) as TimelineEvent;
    } catch {
      return undefined;
    }
    const { hash, ...rest } = e;
    if (e.seq !== mark.seq || hash !== mark.hash || hashEvent(rest) !== mark.hash) return undefined;
    const verifier = new ChainVerifier(hashEvent, { ...opts, after: { seq: mark.seq, hash: mark.hash } });
    const { end, torn } = scanLines(fd, mark.offset, (line) => verifier.push(line));
    return { verification: verifier.finish(torn), offset: end, read: end - mark.offset, file: { dev: st.dev, ino: st.ino } };
  } finally {
    closeSync(fd);
  }
}

/** Checks a whole feed from its first byte (a feed with no mark yet). */
export function scanFeed(path: string, opts: ScanOpts = {}): Resumed {
  const fd = openJournalFile(path, 'read');
  try {
    const st = fstatSync(fd);
    const verifier = new ChainVerifier(hashEvent, opts);
    const { end, torn } = scanLines(fd, 0, (line) => verifier.push(line));
    return { verification: verifier.finish(torn), offset: end, read: end, file: { dev: st.dev, ino: st.ino } };
  } finally {
    closeSync(fd);
  }
}

/** Whether a feed read this way may be the base of a checkpoint: its chain holds (torn bytes after it do not matter). */
export const markable = (v: VerifyResult) => v.count > 0 && (!v.firstBad || v.firstBad.problem === 'torn');
