// The append-only incident journal: one JSON line per event, hash-chained, fsynced before an append
// returns, and serialised across processes by a lock (journal-lock.ts) so concurrent responders never
// lose, duplicate or fork a seq. Appends read only the tail, so their cost does not grow with the timeline.
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { closeSync, fstatSync, fsyncSync, ftruncateSync, linkSync, lstatSync, openSync, unlinkSync, writeSync } from 'node:fs';
import {
  canonicalJson,
  ExitCode,
  StaleHeadError,
  validateEventData,
  WarroomError,
  type Clock,
  type NewEvent,
  type TimelineEvent,
} from '../core/index.js';
import { ioError } from './io-errors.js';
import { acquireLock, type HeldLock } from './journal-lock.js';
import { openJournalFile, READ_CHUNK, readFrom, readRange, readTailOf, scanLines, type Tail } from './journal-file.js';
import { ChainVerifier, type VerifyResult } from './verify.js';

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

/** How many times an append that finds its lock taken away re-locks and rebases before it gives up. */
const REBASE_ATTEMPTS = 3;

export class Journal {
  constructor(
    readonly path: string,
    private readonly clock: Clock,
    private readonly onWarning: (w: JournalWarning) => void = () => {},
    /** The incident this journal must open with (checked by verification), when known. */
    private readonly incidentId?: string,
    /** Bytes read at a time when streaming the whole journal. */
    private readonly chunkSize = READ_CHUNK,
  ) {}

  private get label(): string {
    return this.incidentId ?? basename(this.path);
  }

  /**
   * Creates the journal with its first event, atomically: the event is written and fsynced to a temporary
   * file that is then hard-linked into place (which, unlike rename, fails if a journal exists), so a
   * failure leaves no journal at all and a journal never exists without its opening event. The events that
   * follow the opening (a declaration's scenario, severity, roles) land in the same write, so a declaration
   * is all there or not there.
   */
  async create(first: NewEvent<'incident.opened'> | NewEvent<'incident.joined'>, actor: string, rest: readonly NewEvent[] = []): Promise<TimelineEvent> {
    const ts = new Date(this.clock.now()).toISOString();
    const events: TimelineEvent[] = [];
    for (const n of [first, ...rest] as NewEvent[]) {
      const prev = events.at(-1);
      const base = { seq: events.length + 1, ts, actor: n.actor ?? actor, kind: n.kind, data: validateEventData(n.kind, n.data), prev: prev?.hash ?? '' };
      events.push({ ...base, hash: hashEvent(base) });
    }
    const event = events[0]!;
    const temp = `${dirname(this.path)}/.${basename(this.path)}.new-${randomBytes(6).toString('hex')}`;
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeAll(fd, Buffer.from(events.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8'));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      linkSync(temp, this.path);
      syncDir(dirname(this.path));
    } catch (err) {
      throw ioError(err, this.path, 'create the incident journal');
    } finally {
      try {
        unlinkSync(temp);
      } catch {
        /* never created */
      }
    }
    return event;
  }

  /**
   * Appends events atomically as one batch; resolves once they are fsynced. Batches handed in while an
   * earlier commit is under way are committed together (group commit): one lock, one write and one fsync
   * for all of them, each batch still whole and each caller answered only once its events are durable.
   * With `afterSeq` the batch lands only on that head (else StaleHeadError and nothing written), so it is
   * committed alone: a decision taken on the record as read stays true.
   */
  append(batch: readonly NewEvent[], defaultActor: string, opts: { afterSeq?: number } = {}): Promise<TimelineEvent[]> {
    let validated: Validated[];
    try {
      validated = batch.map((n) => ({ kind: n.kind, actor: n.actor ?? defaultActor, data: validateEventData(n.kind, n.data) }));
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ validated, ...(opts.afterSeq !== undefined ? { afterSeq: opts.afterSeq } : {}), resolve, reject });
      if (!this.committing) void this.commitQueued();
    });
  }

  private readonly queue: Pending[] = [];
  private committing = false;
  /** The head this process last wrote and the file's identity then: reused while nobody else has written. */
  private known: { ino: bigint; size: number; ctimeNs: bigint; last: TimelineEvent } | undefined;

  private async commitQueued(): Promise<void> {
    this.committing = true;
    try {
      while (this.queue.length > 0) {
        const group = takeGroup(this.queue);
        try {
          const written = await this.commit(group.flatMap((p) => p.validated), group[0]?.afterSeq);
          let at = 0;
          for (const p of group) {
            p.resolve(written.slice(at, at + p.validated.length));
            at += p.validated.length;
          }
        } catch (err) {
          // A batch refused for a moved head fails alone; otherwise the batches queued behind a failed commit
          // fail with it: none of them was written.
          for (const p of err instanceof StaleHeadError ? group : [...group, ...this.queue.splice(0)]) p.reject(err);
        }
      }
    } finally {
      this.committing = false;
    }
  }

  private async commit(validated: Validated[], afterSeq?: number): Promise<TimelineEvent[]> {
    let fd: number;
    try {
      fd = openJournalFile(this.path, 'read-append'); // a missing, linked or special file is refused before locking
    } catch (err) {
      throw ioError(err, this.path, 'open the journal');
    }
    try {
      for (let attempt = 1; ; attempt++) {
        let lock: HeldLock;
        try {
          lock = await acquireLock(`${this.path}.lock`, this.label);
        } catch (err) {
          throw ioError(err, this.path, 'lock the journal');
        }
        try {
          fd = this.reopenIfReplaced(fd);
          const written = this.appendLocked(fd, validated, lock, afterSeq);
          if (written) return written;
        } catch (err) {
          this.known = undefined;
          throw ioError(err, this.path, 'append to the journal');
        } finally {
          lock.release();
        }
        // The lock was removed or taken over while this process held it (by hand, or by a process that
        // judged it gone): nothing was written; lock again and rebase the events on the true head.
        if (attempt >= REBASE_ATTEMPTS) {
          throw new WarroomError(
            `could not append to the journal of ${this.label}: its lock at ${this.path}.lock was taken away ${attempt} times while held; nothing was recorded (check what else writes to this state dir, then retry)`,
            ExitCode.io,
          );
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  /** The file opened before locking may have been replaced meanwhile (moved aside, restored): append to the one in place. */
  private reopenIfReplaced(fd: number): number {
    const open = fstatSync(fd);
    const now = lstatSync(this.path);
    if (open.ino === now.ino && open.dev === now.dev) return fd;
    closeSync(fd);
    return openJournalFile(this.path, 'read-append');
  }

  /** Under the lock: finds the head, builds the lines on it, and writes them only if the lock is still ours. */
  private appendLocked(fd: number, validated: Validated[], lock: HeldLock, afterSeq?: number): TimelineEvent[] | undefined {
    const st = fstatSync(fd, { bigint: true });
    const k = this.known;
    // Nobody else wrote since this process's last append (same file, size and change time): its head is still the head.
    let tail: Tail =
      k && k.ino === st.ino && k.size === Number(st.size) && k.ctimeNs === st.ctimeNs ? { goodLength: k.size, size: k.size, last: k.last } : readTailOf(fd, this.path, Number(st.size));
    if (!tail.last && tail.goodLength === 0) {
      throw new WarroomError(
        `the journal of ${this.label} has no opening event, so nothing can be appended to it (run "warroom verify ${this.label}"; declare the incident again with "warroom new")`,
        ExitCode.corrupt,
      );
    }
    if (afterSeq !== undefined && (tail.last?.seq ?? 0) !== afterSeq) throw new StaleHeadError(afterSeq, tail.last?.seq ?? 0);
    const events = [...validated];
    const torn = tail.goodLength !== tail.size;
    if (torn) {
      if (!lock.stillHeld()) return undefined;
      const recovered = this.preserveTorn(tail.goodLength, tail.size, (tail.last?.seq ?? 0) + 1);
      tail = readTailOf(fd, this.path, fstatSync(fd).size);
      events.unshift({ kind: 'journal.recovered', actor: 'warroom', data: recovered });
    }
    const written: TimelineEvent[] = [];
    const lines: string[] = [];
    let prev = tail.last?.hash ?? '';
    let seq = tail.last?.seq ?? 0;
    const ts = new Date(this.clock.now()).toISOString();
    for (const v of events) {
      seq += 1;
      const base = { seq, ts, actor: v.actor, kind: v.kind, data: v.data, prev };
      const e: TimelineEvent = { ...base, hash: hashEvent(base) };
      prev = e.hash;
      lines.push(JSON.stringify(e), '\n');
      written.push(e);
    }
    // Checked last, just before the write: a holder that lost its lock never writes on a stale head.
    if (!lock.stillHeld()) return undefined;
    this.writeDurably(fd, Buffer.from(lines.join(''), 'utf8'), tail.size);
    const after = fstatSync(fd, { bigint: true });
    this.known = { ino: after.ino, size: Number(after.size), ctimeNs: after.ctimeNs, last: written[written.length - 1]! };
    return torn ? written.slice(1) : written;
  }

  private writeDurably(fd: number, bytes: Buffer, sizeBefore: number): void {
    try {
      writeAll(fd, bytes);
      // A synchronous fsync: handing it to the thread pool costs more than it saves for one writer, and
      // batches queued meanwhile (a writer waiting for the lock) are still committed together next.
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
    }
  }

  /** Moves bytes left by a write that was cut short into a file beside the journal, then trims them. */
  private preserveTorn(goodLength: number, size: number, nextSeq: number) {
    const fd = openJournalFile(this.path, 'update');
    try {
      const savedTo = `${this.path}.torn-${nextSeq}-${this.clock.now()}`;
      const out = openSync(savedTo, 'wx', 0o600);
      try {
        // Copied a chunk at a time: the torn bytes may be anything, of any length.
        const chunk = Buffer.alloc(Math.min(READ_CHUNK, size - goodLength));
        for (let pos = goodLength; pos < size; ) {
          const got = readRange(fd, pos, Math.min(chunk.length, size - pos), chunk);
          if (got.length === 0) break;
          writeAll(out, got);
          pos += got.length;
        }
        fsyncSync(out);
      } finally {
        closeSync(out);
      }
      ftruncateSync(fd, goodLength);
      fsyncSync(fd);
      const tornBytes = size - goodLength;
      const text = `a write cut short left ${tornBytes} bytes after seq ${nextSeq - 1}; they were moved to ${savedTo}`;
      this.onWarning({ message: text });
      return { tornBytes, savedTo, text };
    } finally {
      closeSync(fd);
    }
  }

  /** Reads and checks the whole journal, streaming it. Never modifies it. */
  load(): LoadedJournal {
    const { verification, offset } = this.read({ keepEvents: true });
    return { events: verification.events, verification, offset };
  }

  /** Checks the whole journal without keeping its events in memory; `hashOfSeq` also reports that event's hash. */
  verify(hashOfSeq?: number): VerifyResult {
    return this.read(hashOfSeq !== undefined ? { hashOfSeq } : {}).verification;
  }

  /**
   * Streams the whole journal through the chain check, handing each event to `onEvent` (to fold it while
   * reading); `file` is the journal read (device and inode), `offset` the end of its last complete line.
   */
  read(opts: { keepEvents?: boolean; hashOfSeq?: number; onEvent?: (e: TimelineEvent) => void } = {}): { verification: VerifyResult; offset: number; file: { dev: number; ino: number } } {
    const verifier = new ChainVerifier(hashEvent, { ...opts, ...(this.incidentId ? { incidentId: this.incidentId } : {}) });
    let fd: number;
    try {
      fd = openJournalFile(this.path, 'read');
    } catch (err) {
      throw ioError(err, this.path, 'read the journal');
    }
    try {
      const st = fstatSync(fd);
      const { end, torn } = scanLines(fd, 0, (line) => verifier.push(line), this.chunkSize);
      return { verification: verifier.finish(torn), offset: end, file: { dev: st.dev, ino: st.ino } };
    } catch (err) {
      throw ioError(err, this.path, 'read the journal');
    } finally {
      closeSync(fd);
    }
  }

  /** Hands each event that parses to `onEvent`, in file order, reading a chunk at a time; stops when it returns false. */
  forEachEvent(onEvent: (e: TimelineEvent) => boolean): void {
    let fd: number;
    try {
      fd = openJournalFile(this.path, 'read');
    } catch (err) {
      throw ioError(err, this.path, 'read the journal');
    }
    let going = true;
    try {
      scanLines(
        fd,
        0,
        (line) => {
          if (!going || line.length === 0) return;
          let e: TimelineEvent;
          try {
            e = JSON.parse(line) as TimelineEvent;
          } catch {
            return; // an unreadable line is what verification reports; it is not an event
          }
          // The same lines verification counts as events.
          if (e && typeof e === 'object' && typeof e.seq === 'number' && typeof e.hash === 'string' && typeof e.kind === 'string' && !!e.data && typeof e.data === 'object') going = onEvent(e);
        },
        this.chunkSize,
      );
    } catch (err) {
      throw ioError(err, this.path, 'read the journal');
    } finally {
      closeSync(fd);
    }
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

type Validated = { kind: NewEvent['kind']; actor: string; data: TimelineEvent['data'] };

interface Pending {
  validated: Validated[];
  /** Lands only on this head: such a batch is committed on its own. */
  afterSeq?: number;
  resolve: (events: TimelineEvent[]) => void;
  reject: (err: unknown) => void;
}

/** The most events one group commit writes at once (about a few MiB). */
const GROUP_MAX_EVENTS = 8_192;

/** Takes whole batches off the queue, up to GROUP_MAX_EVENTS events (always at least one batch). */
function takeGroup(queue: Pending[]): Pending[] {
  if (queue[0]?.afterSeq !== undefined) return queue.splice(0, 1);
  let n = 0;
  let take = 0;
  while (take < queue.length && (take === 0 || (queue[take]!.afterSeq === undefined && n + queue[take]!.validated.length <= GROUP_MAX_EVENTS))) n += queue[take++]!.validated.length;
  return queue.splice(0, take);
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** Makes a new directory entry durable (where the platform allows fsync on a directory). */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported here: the entry is still written, only its durability on power loss is weaker */
  }
}
