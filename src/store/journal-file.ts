// Low-level reads of a JSON-Lines journal: the tail (for O(1) appends) and the whole file, streamed in
// chunks so a journal of any size can be read (a whole-file string stops at V8's 512 MiB string limit).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ExitCode, WarroomError, type TimelineEvent } from '../core/index.js';

export type OpenMode = 'read' | 'update' | 'append' | 'read-append';

const FLAGS: Record<OpenMode, number> = {
  read: constants.O_RDONLY,
  update: constants.O_RDWR,
  append: constants.O_WRONLY | constants.O_APPEND,
  /** Reads the tail and appends through one descriptor. */
  'read-append': constants.O_RDWR | constants.O_APPEND,
};

/**
 * Opens a journal that must be a regular file in place: a symbolic link is not followed (ELOOP), and a
 * FIFO or device is refused before anything blocks on it (O_NONBLOCK has no effect on regular files).
 */
export function openJournalFile(path: string, mode: OpenMode): number {
  const fd = openSync(path, FLAGS[mode] | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
  }
  return fd;
}

export interface Tail {
  /** Byte length of the complete lines (everything up to and including the last newline). */
  goodLength: number;
  /** Total byte length of the file. */
  size: number;
  last?: TimelineEvent;
}

const CHUNK = 16 * 1024;

/** Reads only the end of the file: the last complete line and any torn bytes after it. */
export function readTail(path: string): Tail {
  const fd = openJournalFile(path, 'read');
  try {
    return readTailOf(fd, path, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

/** The tail of an open journal of `size` bytes (see readTail). */
export function readTailOf(fd: number, path: string, size: number): Tail {
  const lastNl = newlineBefore(fd, size);
  // Empty, or no newline at all: the whole file is one torn line.
  if (lastNl < 0) return { goodLength: 0, size };
  const prevNl = newlineBefore(fd, lastNl);
  if (lastNl - prevNl - 1 > MAX_LINE) {
    throw new WarroomError(`${path}: the last journal line is longer than 64 MiB, far more than any event (run "warroom verify")`, ExitCode.corrupt);
  }
  const line = readRange(fd, prevNl + 1, lastNl - prevNl - 1).toString('utf8');
  return { goodLength: lastNl + 1, size, last: parseLine(line, path, undefined) };
}

/** The offset of the last newline before `end`, or -1; reads backwards, a growing chunk at a time. */
export function newlineBefore(fd: number, end: number): number {
  let chunk = Buffer.allocUnsafe(CHUNK);
  let pos = end;
  while (pos > 0) {
    const len = Math.min(chunk.length, pos);
    pos -= len;
    const got = readRange(fd, pos, len, chunk);
    const i = got.lastIndexOf(0x0a);
    if (i >= 0) return pos + i;
    if (chunk.length < READ_CHUNK) chunk = Buffer.allocUnsafe(chunk.length * 2); // a long line: larger steps
  }
  return -1;
}

export function parseLine(line: string, path: string, lineNo: number | undefined): TimelineEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new WarroomError(`${path}${lineNo ? `:${lineNo}` : ''}: journal line is not valid JSON (run "warroom verify")`, ExitCode.corrupt);
  }
  const e = value as Partial<TimelineEvent>;
  if (
    !e ||
    typeof e !== 'object' ||
    typeof e.seq !== 'number' ||
    typeof e.ts !== 'string' ||
    typeof e.kind !== 'string' ||
    typeof e.actor !== 'string' ||
    typeof e.hash !== 'string' ||
    typeof e.prev !== 'string' ||
    typeof e.data !== 'object' ||
    e.data === null
  ) {
    throw new WarroomError(`${path}${lineNo ? `:${lineNo}` : ''}: journal line is missing seq, ts, actor, kind, data, prev or hash`, ExitCode.corrupt);
  }
  return e as TimelineEvent;
}

/** Bytes read at a time when streaming a journal. */
export const READ_CHUNK = 1 << 20;

/**
 * The longest line assembled for parsing. No event comes near it; a longer line (damage, or a torn tail of
 * junk) is reported as unreadable by its length instead of being held in memory.
 */
export const MAX_LINE = 64 << 20;

/** Passed to `onLine` in place of a line longer than MAX_LINE. */
export const OVERSIZED_LINE = '\u0000oversized';

export interface Scan {
  /** Byte offset after the last complete line. */
  end: number;
  /** How many bytes follow the last newline (a write cut short); 0 when none. */
  torn: number;
}

/** Complete lines of the open file between `from` and `end`; returns where the last one ended and the torn bytes after it. */
export function* linesOf(fd: number, from: number, end: number, chunkSize = READ_CHUNK, maxLine = MAX_LINE): Generator<string, Scan> {
  const chunk = Buffer.alloc(Math.max(1, chunkSize));
  let pos = from;
  let carry: Buffer[] = [];
  let carryLen = 0;
  while (pos < end) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, end - pos), pos);
    if (n === 0) break;
    pos += n;
    const view = chunk.subarray(0, n);
    let start = 0;
    for (let nl = view.indexOf(0x0a); nl !== -1; nl = view.indexOf(0x0a, start)) {
      const piece = view.subarray(start, nl);
      start = nl + 1;
      const line = carryLen + piece.length > maxLine ? OVERSIZED_LINE : (carryLen > 0 ? Buffer.concat([...carry, piece]) : piece).toString('utf8');
      carry = [];
      carryLen = 0;
      yield line;
    }
    if (start < n) {
      const rest = view.subarray(start);
      if (carryLen + rest.length <= maxLine) carry.push(Buffer.from(rest));
      else carry = []; // too long to be an event: only its length is kept
      carryLen += rest.length;
    }
  }
  return { end: pos - carryLen, torn: carryLen };
}

/**
 * Calls `onLine` for each complete line from byte `from` up to the file's size when the scan started,
 * holding one chunk and one line in memory at a time.
 */
export function scanLines(fd: number, from: number, onLine: (line: string) => void, chunkSize = READ_CHUNK, maxLine = MAX_LINE): Scan {
  const lines = linesOf(fd, from, fstatSync(fd).size, chunkSize, maxLine);
  for (let r = lines.next(); ; r = lines.next()) {
    if (r.done) return r.value;
    onLine(r.value);
  }
}

/** Complete events appended after byte `offset` (reads only those bytes), and the offset to resume from. */
export function readFrom(path: string, offset: number, chunkSize = READ_CHUNK): { events: TimelineEvent[]; offset: number } {
  const fd = openJournalFile(path, 'read');
  try {
    const events: TimelineEvent[] = [];
    const { end } = scanLines(
      fd,
      offset,
      (l) => {
        if (l.length === 0) return;
        try {
          events.push(JSON.parse(l) as TimelineEvent);
        } catch {
          /* a damaged line is reported by "warroom verify"; following goes on */
        }
      },
      chunkSize,
    );
    return { events, offset: Math.max(offset, end) };
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes from `start` (fewer if the file is shorter): readSync may return short reads. */
export function readRange(fd: number, start: number, length: number, into?: Buffer): Buffer {
  const buf = into && into.length >= length ? into : Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, start + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}
