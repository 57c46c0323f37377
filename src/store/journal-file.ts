// Low-level reads of a JSON-Lines journal: the tail (for O(1) appends) and the whole file (for folds).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ExitCode, WarroomError, type TimelineEvent } from '../core/index.js';

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
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let pos = size;
    let buf = Buffer.alloc(0);
    while (pos > 0) {
      const len = Math.min(CHUNK, pos);
      pos -= len;
      const chunk = Buffer.alloc(len);
      readSync(fd, chunk, 0, len, pos);
      buf = Buffer.concat([chunk, buf]);
      const lastNl = buf.lastIndexOf(0x0a);
      if (lastNl < 0) continue;
      const prevNl = lastNl === 0 ? -1 : buf.lastIndexOf(0x0a, lastNl - 1);
      if (prevNl < 0 && pos > 0) continue; // the last line starts further back
      const line = buf.subarray(prevNl + 1, lastNl).toString('utf8');
      return { goodLength: pos + lastNl + 1, size, last: parseLine(line, path, undefined) };
    }
    // Empty, or no newline at all: the whole file is one torn line.
    return { goodLength: 0, size };
  } finally {
    closeSync(fd);
  }
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

export interface RawJournal {
  /** Complete lines, in file order. */
  lines: string[];
  /** Bytes after the last newline (a write cut short), if any. */
  torn: string;
  size: number;
}

export function splitJournal(content: Buffer): RawJournal {
  const lastNl = content.lastIndexOf(0x0a);
  const good = lastNl < 0 ? '' : content.subarray(0, lastNl).toString('utf8');
  const torn = content.subarray(lastNl + 1).toString('utf8');
  const lines = good === '' ? [] : good.split('\n');
  return { lines, torn, size: content.length };
}

/** Complete events appended after byte `offset` (reads only those bytes), and the offset to resume from. */
export function readFrom(path: string, offset: number): { events: TimelineEvent[]; offset: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size <= offset) return { events: [], offset };
    const buf = readRange(fd, offset, size - offset);
    const lastNl = buf.lastIndexOf(0x0a);
    if (lastNl < 0) return { events: [], offset };
    const events = buf
      .subarray(0, lastNl)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as TimelineEvent];
        } catch {
          return []; // a damaged line is reported by "warroom verify"; following goes on
        }
      });
    return { events, offset: offset + lastNl + 1 };
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes from `start` (fewer if the file is shorter): readSync may return short reads. */
export function readRange(fd: number, start: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, start + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}
