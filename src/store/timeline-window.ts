// The console's timeline as a window over the journal file: an index of where each line starts, built by
// scanning bytes for newlines (no JSON parsing), so a page of events is read with one positional read
// whatever the journal's length. The index grows as the journal does; a journal cut shorter than what was
// indexed is said so (the console shows it as a verification failure), never read as if it were whole.
import { closeSync, fstatSync } from 'node:fs';
import type { TimelineEvent } from '../core/index.js';
import { openJournalFile, readRange } from './journal-file.js';

const CHUNK = 1 << 20;
const KIND = Buffer.from('"kind":"');

/** One line seen while indexing: its number, its kind (read without parsing) and a way to parse it. */
export interface IndexedLine {
  index: number;
  kind: string;
  event: () => TimelineEvent | undefined;
}

export class JournalWindow {
  /** Byte offset where each complete line starts; line i is the journal's i-th line. */
  private starts: number[] = [];
  /** End of the last complete line indexed. */
  private end = 0;
  /** Set once the file was found shorter than what was indexed. */
  cutShort?: string;

  constructor(readonly path: string) {}

  /** Complete lines indexed so far. */
  get count(): number {
    return this.starts.length;
  }

  get indexedTo(): number {
    return this.end;
  }

  /**
   * Indexes the lines that end at or before `upTo` (a follower's offset), handing each new one to `onLine`.
   * Returns the line count. A file now shorter than what was indexed is reported in `cutShort`.
   */
  extend(upTo: number, onLine?: (line: IndexedLine) => void): number {
    if (upTo <= this.end && !onLine) return this.checkLength();
    const fd = openJournalFile(this.path, 'read');
    try {
      const size = fstatSync(fd).size;
      if (size < this.end) {
        this.cutShort ??= `the journal is now ${size} bytes, shorter than the ${this.end} bytes already shown (it was cut short or rewritten; run "warroom verify")`;
        return this.count;
      }
      const stop = Math.min(upTo, size);
      let lineStart = this.end;
      let carry: Buffer | undefined;
      for (let pos = this.end; pos < stop; ) {
        const chunk = readRange(fd, pos, Math.min(CHUNK, stop - pos));
        if (chunk.length === 0) break;
        const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
        const base = pos - (carry?.length ?? 0);
        let from = lineStart - base;
        for (let nl = buf.indexOf(10, from); nl >= 0; nl = buf.indexOf(10, from)) {
          const index = this.starts.length;
          this.starts.push(base + from);
          if (onLine && nl > from) onLine(lineOf(buf, from, nl, index));
          from = nl + 1;
        }
        lineStart = base + from;
        carry = from < buf.length ? buf.subarray(from) : undefined;
        pos += chunk.length;
      }
      this.end = lineStart;
      return this.count;
    } finally {
      closeSync(fd);
    }
  }

  /** The events of lines [from, to) in file order (a line that does not parse is left out). */
  read(from: number, to: number): TimelineEvent[] {
    return this.readLines(from, to).filter((e): e is TimelineEvent => e !== undefined);
  }

  /** Lines [from, to), one entry per line: undefined where a line does not parse. */
  readLines(from: number, to: number): (TimelineEvent | undefined)[] {
    const a = Math.max(0, from);
    const b = Math.min(to, this.starts.length);
    if (a >= b) return [];
    const start = this.starts[a]!;
    const next = (i: number) => (i < this.starts.length ? this.starts[i]! : this.end);
    const fd = openJournalFile(this.path, 'read');
    let buf: Buffer;
    try {
      buf = readRange(fd, start, next(b) - start);
    } finally {
      closeSync(fd);
    }
    const out: (TimelineEvent | undefined)[] = [];
    for (let i = a; i < b; i++) out.push(parse(buf, this.starts[i]! - start, Math.min(buf.length, next(i + 1) - 1 - start)));
    return out;
  }

  /**
   * The line numbers whose event `match`es, scanning every line a batch at a time and yielding between
   * batches so the console keeps drawing; `onProgress` gets the lines scanned and the hits so far.
   */
  async search(match: (e: TimelineEvent) => boolean, start: number, onProgress: (scanned: number, hits: readonly number[]) => void, signal?: AbortSignal, batch = 4_000): Promise<{ hits: number[]; scanned: number }> {
    const hits: number[] = [];
    const total = this.count;
    let from = Math.max(0, Math.min(start, total));
    for (; from < total; from += batch) {
      if (signal?.aborted) return { hits, scanned: from };
      this.readLines(from, Math.min(total, from + batch)).forEach((e, i) => {
        if (e && match(e)) hits.push(from + i);
      });
      onProgress(Math.min(total, from + batch), hits);
      await new Promise((r) => setImmediate(r));
    }
    return { hits, scanned: total };
  }

  /** Lines that end at or before `offset` (a line boundary). */
  linesBefore(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private checkLength(): number {
    if (this.cutShort) return this.count;
    const fd = openJournalFile(this.path, 'read');
    try {
      const size = fstatSync(fd).size;
      if (size < this.end) this.cutShort = `the journal is now ${size} bytes, shorter than the ${this.end} bytes already shown (it was cut short or rewritten; run "warroom verify")`;
    } finally {
      closeSync(fd);
    }
    return this.count;
  }
}

/** The events whose kind `wanted` accepts, in file order; the other lines are not parsed. */
export function eventsOfKinds(path: string, wanted: (kind: string) => boolean): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  new JournalWindow(path).extend(Number.MAX_SAFE_INTEGER, (line) => {
    if (!wanted(line.kind)) return;
    const e = line.event();
    if (e) out.push(e);
  });
  return out;
}

function lineOf(buf: Buffer, from: number, nl: number, index: number): IndexedLine {
  const k = buf.indexOf(KIND, from);
  let kind = '';
  if (k >= 0 && k < nl) {
    const q = buf.indexOf(34, k + KIND.length);
    if (q >= 0 && q < nl) kind = buf.toString('utf8', k + KIND.length, q);
  }
  return { index, kind, event: () => parse(buf, from, nl) };
}

function parse(buf: Buffer, from: number, to: number): TimelineEvent | undefined {
  if (to <= from) return undefined;
  try {
    const e = JSON.parse(buf.toString('utf8', from, to)) as TimelineEvent;
    return e && typeof e === 'object' && typeof e.seq === 'number' && typeof e.kind === 'string' ? e : undefined;
  } catch {
    return undefined;
  }
}
