// The state directory: one journal per incident under incidents/, and a small lowdb index that caches
// each incident's summary so `list` and the home screen need not fold every journal.
import { randomInt } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { lock } from 'proper-lockfile';
import {
  ExitCode,
  foldIncident,
  notFound,
  WarroomError,
  type Clock,
  type IncidentState,
  type NewEvent,
  type TimelineEvent,
} from '../core/index.js';
import { ioError } from './io-errors.js';
import { Journal, type JournalWarning, type LoadedJournal } from './journal.js';
import { sharedClock, sharedStamp, withOriginFeeds, type SharedView } from './shared-load.js';
import { checkpointPath, readCheckpoint, resumeFeed } from './checkpoint.js';
import { pushedAtInLine, readSyncConfig, sharedFeeds } from './origin-feeds.js';
import { feedEvents } from './feed-stream.js';
import { mergeStreams, type MergedEvent } from '../core/merge-order.js';
import { loadIncidentState, type StateLoad } from './state-load.js';
import type { VerifyResult } from './verify.js';

export interface IncidentSummary {
  id: string;
  title: string;
  severity: string;
  status: string;
  mode: string;
  openedAt: string;
  updatedAt: string;
  events: number;
  /** Set when the journal is unreadable, half-made or fails verification: it is listed, marked, never hidden. */
  problem?: JournalProblem;
}

export interface JournalProblem {
  kind: 'unreadable' | 'corrupt' | 'tampered';
  message: string;
}

interface IndexDoc {
  version: 2;
  /** Each summary with the journal's stamp (size, inode, ctime) when it was made: any change to the file changes it. */
  incidents: Record<string, { stamp: string; summary: IncidentSummary }>;
}

export const ID_PATTERN = /^INC-\d{8}-[0-9A-Z]{4}$/;
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export class IncidentStore {
  readonly dir: string;
  readonly incidentsDir: string;

  constructor(
    stateDir: string,
    readonly clock: Clock,
    private readonly onWarning: (w: JournalWarning) => void = () => {},
  ) {
    this.dir = resolve(stateDir);
    this.incidentsDir = join(this.dir, 'incidents');
  }

  /** Creates the state dir (0700) if needed and checks it is writable. */
  ensureWritable(): void {
    try {
      for (const d of [this.dir, this.incidentsDir]) {
        if (!existsSync(d)) {
          mkdirSync(d, { recursive: true, mode: 0o700 });
          chmodSync(d, 0o700);
        }
      }
      accessSync(this.incidentsDir, constants.W_OK);
    } catch (err) {
      throw ioError(err, this.dir, 'use the state dir');
    }
    this.secureDirs();
  }

  private secured = false;
  private readonly journals = new Map<string, Journal>();

  /** Makes an existing state dir private (0700), saying so, since journals hold incident details. */
  private secureDirs(): void {
    if (this.secured) return;
    this.secured = true;
    for (const d of [this.dir, this.incidentsDir]) {
      let mode: number;
      try {
        const st = statSync(d);
        if (!st.isDirectory()) continue; // reported by whatever uses it
        mode = st.mode & 0o777;
      } catch {
        continue; // absent: made 0700 when it is created
      }
      if ((mode & 0o077) === 0) continue;
      const was = mode.toString(8).padStart(4, '0');
      try {
        chmodSync(d, 0o700);
      } catch (err) {
        throw ioError(err, d, `make the state dir private (it is mode ${was}; run "chmod 700 ${d}" as its owner)`);
      }
      this.onWarning({ message: `state dir ${d} was open to other users (mode ${was}); made it 0700` });
    }
  }

  journalPath(id: string): string {
    return join(this.incidentsDir, `${id}.jsonl`);
  }

  /** The journal of `id`, which must be a plain file inside the state dir (a symbolic link is refused). */
  journal(id: string, chunkSize?: number): Journal {
    if (!ID_PATTERN.test(id)) throw notFound(`unknown incident id "${id}": ids look like INC-20261121-7QK2 (see "warroom list")`);
    this.secureDirs();
    const path = this.journalPath(id);
    let st;
    try {
      st = lstatSync(path);
    } catch {
      throw notFound(`unknown incident id "${id}": no journal at ${path} (see "warroom list")`);
    }
    if (st.isSymbolicLink()) {
      throw new WarroomError(
        `the journal of ${id} at ${path} is a symbolic link to ${linkTarget(path)}, and journals are used only in place (replace the link with the journal file itself)`,
        ExitCode.corrupt,
      );
    }
    if (!st.isFile()) throw new WarroomError(`the journal of ${id} at ${path} is not a regular file (a journal is a plain file; move it away)`, ExitCode.corrupt);
    if (chunkSize !== undefined) return new Journal(path, sharedClock(this.clock, this.incidentsDir, id), this.onWarning, id, chunkSize);
    // One Journal per incident in this process, so appends from several parts of it are committed together.
    let journal = this.journals.get(id);
    if (!journal) this.journals.set(id, (journal = new Journal(path, sharedClock(this.clock, this.incidentsDir, id), this.onWarning, id)));
    return journal;
  }

  /** Opens a new incident: picks a fresh id and writes its first event with `followUps`, as one batch. */
  async create(opened: Omit<NewEvent<'incident.opened'>['data'], 'id'>, actor: string, followUps: readonly NewEvent[] = []): Promise<TimelineEvent> {
    this.ensureWritable();
    const day = new Date(this.clock.now()).toISOString().slice(0, 10).replaceAll('-', '');
    for (let attempt = 0; attempt < 20; attempt++) {
      const suffix = Array.from({ length: 4 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
      const id = `INC-${day}-${suffix}`;
      const path = this.journalPath(id);
      if (existsSync(path)) continue;
      const journal = new Journal(path, this.clock, this.onWarning, id);
      try {
        const first = await journal.create({ kind: 'incident.opened', data: { ...opened, id } }, actor, followUps);
        const s = this.summarise(id);
        await this.refreshIndex([[id, s]]).catch(() => {});
        return first;
      } catch (err) {
        if (err instanceof WarroomError && err.message.includes('already exists')) continue;
        throw err;
      }
    }
    throw new WarroomError('could not find a free incident id after 20 attempts', ExitCode.io);
  }

  async append(id: string, events: readonly NewEvent[], actor: string, opts: { afterSeq?: number } = {}): Promise<TimelineEvent[]> {
    // The index is refreshed lazily by list(), so an append's cost stays independent of the timeline's length.
    return this.journal(id).append(events, actor, opts);
  }

  load(id: string): LoadedJournal & { state: IncidentState; shared?: SharedView } {
    // A shared incident reads every origin's feed in the merged order (docs/sharing.md).
    const loaded = withOriginFeeds(this.incidentsDir, id, this.journal(id).load());
    const bad = loaded.verification.firstBad;
    if (loaded.events.length === 0 || bad?.problem === 'empty' || bad?.problem === 'no-opening') {
      throw new WarroomError(`the journal of ${id} fails verification at ${bad?.message ?? 'seq 1: it has no events'} (run "warroom verify ${id}")`, ExitCode.corrupt);
    }
    return { ...loaded, state: foldIncident(loaded.events) };
  }

  /**
   * The folded state and the chain's check without holding the timeline: from the checkpoint beside the
   * journal and what was appended since, or by folding the journal as it streams (state-load.ts).
   */
  state(id: string): StateLoad & { state: IncidentState } {
    const loaded = loadIncidentState(this.incidentsDir, id, this.journal(id));
    const bad = loaded.verification.firstBad;
    if (!loaded.state || loaded.verification.count === 0 || bad?.problem === 'empty' || bad?.problem === 'no-opening') {
      throw new WarroomError(`the journal of ${id} fails verification at ${bad?.message ?? 'seq 1: it has no events'} (run "warroom verify ${id}")`, ExitCode.corrupt);
    }
    return { ...loaded, state: loaded.state };
  }

  /**
   * Checks the journal's chain. Unless `full`, the prefix a checkpoint vouches for (checked when it was
   * made, and its last event still in place unchanged) is not read again; `full` reads every line.
   */
  verify(id: string, opts: { hashOfSeq?: number; full?: boolean } = {}): VerifyResult {
    const journal = this.journal(id);
    if (!opts.full) {
      let cp = readCheckpoint(checkpointPath(this.incidentsDir, id), id);
      const origin = readSyncConfig(this.incidentsDir, id)?.origin ?? '';
      if (!cp && origin && opts.hashOfSeq === undefined) {
        // A shared incident with no checkpoint yet: fold it (which makes one when it is large), then check from it.
        try {
          loadIncidentState(this.incidentsDir, id, journal);
        } catch {
          /* a feed that cannot be read is reported by the checks below */
        }
        cp = readCheckpoint(checkpointPath(this.incidentsDir, id), id);
      }
      const mark = cp?.feeds.find((m) => m.origin === origin);
      const want = opts.hashOfSeq;
      if (mark && (want === undefined || want >= mark.seq)) {
        const r = resumeFeed(journal.path, mark, { incidentId: id, ...(want !== undefined && want > mark.seq ? { hashOfSeq: want } : {}) });
        if (r) return want === mark.seq ? { ...r.verification, hashAtSeq: mark.hash } : r.verification;
      }
      // No checkpoint yet (not shared): fold while checking, so the next check starts from one.
      if (!origin && want === undefined) return loadIncidentState(this.incidentsDir, id, journal).verification;
    }
    return journal.verify(opts.hashOfSeq);
  }

  /** How long each feed of a shared incident is now: a timeline streamed after its check reads no further. */
  feedEnds(id: string): Map<string, number> {
    const config = readSyncConfig(this.incidentsDir, id);
    const ends = new Map<string, number>();
    if (!config) return ends;
    for (const f of sharedFeeds(this.incidentsDir, id, this.journal(id).path, config)) {
      try {
        ends.set(f.origin, statSync(f.path).size);
      } catch {
        /* a feed removed meanwhile is not read */
      }
    }
    return ends;
  }

  /**
   * A shared incident's merged order as a stream (the same order and events as `load`), each feed read up
   * to its end in `ends`, holding one event of each at a time. Throws FeedOrderError on a feed out of its
   * own order, which a feed that passed its check never is.
   */
  *mergedTimeline(id: string, ends: ReadonlyMap<string, number>): Generator<MergedEvent> {
    const config = readSyncConfig(this.incidentsDir, id);
    if (!config) return;
    const feeds = sharedFeeds(this.incidentsDir, id, this.journal(id).path, config).filter((f) => ends.has(f.origin));
    yield* mergeStreams(feeds.map((f) => ({ origin: f.origin, events: feedEvents(f.path, ends.get(f.origin)), pushedAt: f.pushedAt ?? pushedAtInLine })));
  }

  /** Whether `id` is shared (its timeline is every origin's feed merged). */
  isShared(id: string): boolean {
    return readSyncConfig(this.incidentsDir, id) !== undefined;
  }

  ids(): string[] {
    if (!existsSync(this.incidentsDir)) return [];
    return readdirSync(this.incidentsDir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => f.slice(0, -'.jsonl'.length))
      .filter((id) => ID_PATTERN.test(id))
      .sort();
  }

  /**
   * Every incident's summary, newest first, refreshing index entries whose journal has changed. A journal
   * that cannot be read or fails verification is listed with its problem, never left out.
   */
  async list(): Promise<IncidentSummary[]> {
    this.secureDirs();
    const ids = this.ids();
    const db = await this.openIndex();
    const fresh: [string, { stamp: string; summary: IncidentSummary }][] = [];
    const summaries = ids.map((id) => {
      const cached = db.data.incidents[id];
      const stamp = this.stampOf(id);
      if (cached && stamp && cached.stamp === stamp) return cached.summary;
      const entry = this.summarise(id);
      fresh.push([id, entry]);
      return entry.summary;
    });
    if (fresh.length > 0) await this.refreshIndex(fresh).catch(() => {});
    return summaries.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  }

  /** Size, inode and change time: a write, rename, chmod or utimes on the journal changes it. */
  private stampOf(id: string): string {
    try {
      const st = lstatSync(this.journalPath(id), { bigint: true });
      return `${st.size}:${st.ino}:${st.ctimeNs}:${st.mtimeNs}:${st.mode}${sharedStamp(this.incidentsDir, id)}`;
    } catch {
      return '';
    }
  }

  private summarise(id: string): { stamp: string; summary: IncidentSummary } {
    const stamp = this.stampOf(id);
    let loaded: StateLoad;
    try {
      loaded = loadIncidentState(this.incidentsDir, id, this.journal(id));
    } catch (err) {
      return { stamp, summary: this.problemSummary(id, 'unreadable', err instanceof Error ? err.message : String(err)) };
    }
    const v = loaded.verification;
    const bad = v.firstBad && v.firstBad.problem !== 'torn' ? v.firstBad : undefined;
    const state = loaded.state;
    if ((bad && (bad.problem === 'empty' || bad.problem === 'no-opening')) || !state) {
      return { stamp, summary: this.problemSummary(id, 'corrupt', `journal fails verification at ${bad?.message ?? 'seq 1: it has no events'}`) };
    }
    const summary: IncidentSummary = {
      id,
      title: state.title,
      severity: state.severity,
      status: state.status,
      mode: state.mode,
      openedAt: state.openedAt,
      updatedAt: state.updatedAt,
      events: v.count,
      ...(bad ? { problem: { kind: 'tampered' as const, message: `journal fails verification at ${bad.message}` } } : {}),
    };
    return { stamp, summary };
  }

  /** A listing for a journal that cannot be folded: dated by its file, named by its problem. */
  private problemSummary(id: string, kind: JournalProblem['kind'], message: string): IncidentSummary {
    let changed = '';
    try {
      changed = lstatSync(this.journalPath(id)).mtime.toISOString();
    } catch {
      /* the file vanished meanwhile */
    }
    return { id, title: '', severity: '?', status: kind, mode: '?', openedAt: changed, updatedAt: changed, events: 0, problem: { kind, message } };
  }

  private async openIndex(): Promise<Low<IndexDoc>> {
    // JSONFile (not JSONFilePreset, which silently switches to memory under NODE_ENV=test).
    const empty = (): IndexDoc => ({ version: 2, incidents: {} });
    const db = new Low<IndexDoc>(new JSONFile(join(this.dir, 'index.json')), empty());
    try {
      await db.read();
    } catch {
      db.data = empty(); // the index is a cache: a broken one is rebuilt
    }
    if (!db.data || db.data.version !== 2 || typeof db.data.incidents !== 'object' || db.data.incidents === null) db.data = empty();
    return db;
  }

  private async refreshIndex(entries: readonly [string, { stamp: string; summary: IncidentSummary }][]): Promise<void> {
    if (!existsSync(this.dir)) return;
    const indexPath = join(this.dir, 'index.json');
    const release = await lock(this.dir, { lockfilePath: `${indexPath}.lock`, retries: { retries: 50, minTimeout: 5, maxTimeout: 50 }, stale: 5_000 });
    try {
      const db = await this.openIndex();
      for (const [id, entry] of entries) db.data.incidents[id] = entry;
      await db.write();
      chmodSync(indexPath, 0o600);
    } finally {
      await release().catch(() => {});
    }
  }
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '(unreadable)';
  }
}
