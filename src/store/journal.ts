// The append-only incident journal: one JSON line per event, hash-chained, fsynced before an append
// returns, and serialised across processes by a lock file so concurrent responders never lose or
// duplicate a seq. Appends read only the tail, so their cost does not grow with the timeline.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { lock } from 'proper-lockfile';
import {
  canonicalJson,
  ExitCode,
  validateEventData,
  WarroomError,
  type Clock,
  type NewEvent,
  type TimelineEvent,
} from '../core/index.js';
import { ioError } from './io-errors.js';
import { readFrom, readRange, readTail, splitJournal } from './journal-file.js';
import { verifyLines, type VerifyResult } from './verify.js';

export function hashEvent(e: Omit<TimelineEvent, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson({ seq: e.seq, ts: e.ts, actor: e.actor, kind: e.kind, data: e.data, prev: e.prev }))
    .digest('hex');
}

export interface JournalWarning {
  message: string;
}

export interface LoadedJournal {
  events: TimelineEvent[];
  verification: VerifyResult;
  /** Byte offset after the last complete line: where a follower resumes. */
  offset: number;
}

const LOCK_OPTIONS = {
  // A writer killed while holding the lock leaves it behind; it goes stale after 2 s (the minimum allowed).
  stale: 2_000,
  update: 1_000,
  realpath: false,
  retries: { retries: 600, factor: 1.1, minTimeout: 2, maxTimeout: 25 },
};

export class Journal {
  constructor(
    readonly path: string,
    private readonly clock: Clock,
    private readonly onWarning: (w: JournalWarning) => void = () => {},
  ) {}

  /**
   * Creates the journal with its first event and any that follow it, in one write; fails if a journal already
   * exists at this path. When the write fails the empty journal is removed, so no half-declared incident stays.
   */
  async create(first: NewEvent<'incident.opened'>, actor: string, rest: readonly NewEvent[] = []): Promise<TimelineEvent> {
    let fd: number;
    try {
      fd = openSync(this.path, 'wx', 0o600);
    } catch (err) {
      throw ioError(err, this.path, 'create the incident journal');
    }
    closeSync(fd);
    try {
      const [e] = await this.append([first, ...rest], actor);
      return e!;
    } catch (err) {
      if (statSync(this.path, { throwIfNoEntry: false })?.size === 0) unlinkSync(this.path);
      throw err;
    }
  }

  /** Appends events atomically as one batch; resolves once they are fsynced. */
  async append(batch: readonly NewEvent[], defaultActor: string): Promise<TimelineEvent[]> {
    if (!existsSync(this.path)) throw new WarroomError(`journal ${this.path} does not exist`, ExitCode.notFound);
    const validated = batch.map((n) => ({ kind: n.kind, actor: n.actor ?? defaultActor, data: validateEventData(n.kind, n.data) }));
    let release: () => Promise<void>;
    try {
      release = await lock(this.path, LOCK_OPTIONS);
    } catch (err) {
      throw ioError(err, this.path, 'lock the journal');
    }
    try {
      let tail = readTail(this.path);
      const written: TimelineEvent[] = [];
      let lines = '';
      let prev = tail.last?.hash ?? '';
      let seq = tail.last?.seq ?? 0;
      const ts = new Date(this.clock.now()).toISOString();
      const torn = tail.goodLength !== tail.size;
      if (torn) {
        const recovered = this.preserveTorn(tail.goodLength, tail.size, seq + 1);
        tail = readTail(this.path);
        validated.unshift({ kind: 'journal.recovered', actor: 'warroom', data: recovered });
      }
      for (const v of validated) {
        seq += 1;
        const base = { seq, ts, actor: v.actor, kind: v.kind, data: v.data, prev };
        const e: TimelineEvent = { ...base, hash: hashEvent(base) };
        prev = e.hash;
        lines += JSON.stringify(e) + '\n';
        written.push(e);
      }
      this.writeDurably(lines, tail.size);
      return torn ? written.slice(1) : written;
    } finally {
      await release().catch(() => {});
    }
  }

  private writeDurably(lines: string, sizeBefore: number): void {
    let fd: number;
    try {
      fd = openSync(this.path, 'a', 0o600);
    } catch (err) {
      throw ioError(err, this.path, 'open the journal for appending');
    }
    try {
      const buf = Buffer.from(lines, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } catch (err) {
      // Roll back a partial write so the journal never keeps half an event we did not acknowledge.
      try {
        ftruncateSync(fd, sizeBefore);
        fsyncSync(fd);
      } catch {
        /* the next open detects and preserves any torn bytes */
      }
      throw ioError(err, this.path, 'append to the journal; nothing was recorded');
    } finally {
      closeSync(fd);
    }
  }

  /** Moves bytes left by a write that was cut short into a file beside the journal, then trims them. */
  private preserveTorn(goodLength: number, size: number, nextSeq: number) {
    const fd = openSync(this.path, 'r+');
    try {
      const torn = readRange(fd, goodLength, size - goodLength);
      const savedTo = `${this.path}.torn-${nextSeq}-${this.clock.now()}`;
      const out = openSync(savedTo, 'wx', 0o600);
      try {
        writeSync(out, torn);
        fsyncSync(out);
      } finally {
        closeSync(out);
      }
      ftruncateSync(fd, goodLength);
      fsyncSync(fd);
      const text = `a write cut short left ${torn.length} bytes after seq ${nextSeq - 1}; they were moved to ${savedTo}`;
      this.onWarning({ message: text });
      return { tornBytes: torn.length, savedTo, text };
    } finally {
      closeSync(fd);
    }
  }

  /** Reads and checks the whole journal. Never modifies it. */
  load(): LoadedJournal {
    let content: Buffer;
    try {
      content = readFileSync(this.path);
    } catch (err) {
      throw ioError(err, this.path, 'read the journal');
    }
    const raw = splitJournal(content);
    const verification = verifyLines(raw, hashEvent);
    return { events: verification.events, verification, offset: content.length - Buffer.byteLength(raw.torn) };
  }

  /** Events appended after `offset` by any writer (complete lines only), and the new offset. */
  readSince(offset: number): { events: TimelineEvent[]; offset: number } {
    try {
      return readFrom(this.path, offset);
    } catch (err) {
      throw ioError(err, this.path, 'read the journal');
    }
  }

}

