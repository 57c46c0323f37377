// A feed read as a stream: its complete lines pulled one at a time from a byte range, a chunk read at a
// time, so a shared incident's feeds can be merged (core/merge-order.ts mergeStreams) holding one event of
// each. Optionally checked as a chain while it is read, so one pass both verifies and merges.
import { closeSync, fstatSync } from 'node:fs';
import type { TimelineEvent } from '../core/index.js';
import { linesOf, openJournalFile, READ_CHUNK } from './journal-file.js';
import { ioError } from './io-errors.js';
import { hashEvent } from './journal.js';
import { ChainVerifier, type VerifyResult } from './verify.js';

/** Each feed is read this much at a time (several feeds are open at once). */
const FEED_CHUNK = READ_CHUNK / 4;


/** The same lines verification counts as events (see verify.ts): others are skipped. */
function asEvent(line: string): TimelineEvent | undefined {
  try {
    const e = JSON.parse(line) as TimelineEvent;
    return e && typeof e === 'object' && typeof e.seq === 'number' && typeof e.hash === 'string' && typeof e.kind === 'string' && !!e.data && typeof e.data === 'object' ? e : undefined;
  } catch {
    return undefined;
  }
}

/** The events of the feed at `path` up to byte `end` (its size when absent), in file order; the file is closed when the stream ends or is dropped. */
export function* feedEvents(path: string, end?: number): Generator<TimelineEvent> {
  const fd = openJournalFile(path, 'read');
  try {
    const lines = linesOf(fd, 0, end ?? fstatSync(fd).size, FEED_CHUNK);
    for (let r = lines.next(); !r.done; r = lines.next()) {
      const e = asEvent(r.value);
      if (e) yield e;
    }
  } finally {
    closeSync(fd);
  }
}

/** A feed streamed and checked as its own chain at once; `result` is its check once the stream has ended. */
export class VerifiedFeed implements Iterable<TimelineEvent> {
  private verification: VerifyResult | undefined;
  private file: { dev: number; ino: number; end: number } | undefined;

  constructor(
    readonly path: string,
    private readonly incidentId: string,
    /** What reading it is, for the error a failed read gives. */
    private readonly doing = 'read the feed',
  ) {}

  *[Symbol.iterator](): Generator<TimelineEvent> {
    let fd: number;
    try {
      fd = openJournalFile(this.path, 'read');
    } catch (err) {
      throw ioError(err, this.path, this.doing);
    }
    try {
      const st = fstatSync(fd);
      let got: TimelineEvent | undefined;
      const verifier = new ChainVerifier(hashEvent, { incidentId: this.incidentId, onEvent: (e) => void (got = e) });
      const lines = linesOf(fd, 0, st.size, FEED_CHUNK);
      let r = lines.next();
      for (; !r.done; r = lines.next()) {
        verifier.push(r.value);
        if (got) yield got;
        got = undefined;
      }
      this.verification = verifier.finish(r.value.torn);
      this.file = { dev: st.dev, ino: st.ino, end: r.value.end };
    } finally {
      closeSync(fd);
    }
  }

  /** The whole feed's check and where its complete lines end; undefined until it was read to its end. */
  result(): { verification: VerifyResult; file: { dev: number; ino: number; end: number } } | undefined {
    return this.verification && this.file && { verification: this.verification, file: this.file };
  }
}
