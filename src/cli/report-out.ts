// The one writer for a rendered document: to the --out file, whole or not at all (a temporary file beside
// it, fsynced, then renamed over it), or to standard output a line-aligned chunk at a time. Writes are
// gathered into chunks of about 1 MiB, so a document streamed row by row costs few system calls.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ioError } from '../store/io-errors.js';

const CHUNK = 1 << 20;

export interface DocumentSink {
  write(text: string): void;
  /** UTF-8 bytes, in order with the text (a buffer the caller may reuse once this returns). */
  bytes(buf: Buffer): void;
  /** Everything written is now in place (the file renamed into place, or printed). */
  finish(): void;
  /** Gives up: a file being written is removed, the one at the path is left as it was. */
  abort(): void;
}

/** A sink that writes `out` atomically; errors name the path asked for and what was being written. */
export function outFileSink(out: string, what: string): DocumentSink & { path: string } {
  const path = resolve(out);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = (err: unknown) => ioError(err, path, `write ${what}`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
  } catch (err) {
    throw fail(err);
  }
  const buffer = chunked((text) => {
    try {
      writeSync(fd!, text);
    } catch (err) {
      throw fail(err);
    }
  });
  const abort = () => {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
      fd = undefined;
    }
    try {
      unlinkSync(temp);
    } catch {
      /* never made, or renamed into place */
    }
  };
  return {
    path,
    write: buffer.write,
    bytes: (buf) => {
      buffer.flush();
      try {
        writeSync(fd!, buf);
      } catch (err) {
        throw fail(err);
      }
    },
    finish: () => {
      try {
        buffer.flush();
        fsyncSync(fd!);
        closeSync(fd!);
        fd = undefined;
        renameSync(temp, path);
      } catch (err) {
        abort();
        throw fail(err);
      }
    },
    abort,
  };
}

/**
 * A sink for standard output: `write` takes text as it is; without it (a caller that only prints lines),
 * whole lines go through `out`, which ends each call with a newline.
 */
export function printSink(io: { out: (lines: string) => void; write?: (text: string) => void }): DocumentSink {
  const decoder = new StringDecoder('utf8');
  if (io.write) {
    const buffer = chunked(io.write);
    return { write: buffer.write, bytes: (buf) => buffer.write(decoder.write(buf)), finish: () => (buffer.write(decoder.end()), buffer.flush()), abort: () => {} };
  }
  let rest: string[] = [];
  const buffer = chunked((text) => {
    const nl = text.lastIndexOf('\n');
    if (nl < 0) {
      rest.push(text);
      return;
    }
    io.out(rest.join('') + text.slice(0, nl));
    rest = [text.slice(nl + 1)];
  });
  return {
    write: buffer.write,
    bytes: (buf) => buffer.write(decoder.write(buf)),
    finish: () => {
      buffer.write(decoder.end());
      buffer.flush();
      const last = rest.join('');
      if (last) io.out(last);
      rest = [];
    },
    abort: () => {},
  };
}

function chunked(emit: (text: string) => void) {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    emit(text);
  };
  return {
    write: (text: string) => {
      parts.push(text);
      size += text.length;
      if (size >= CHUNK) flush();
    },
    flush,
  };
}

/** Writes a rendered document to the path asked for, atomically; a failure names the path and what was being written. */
export function writeOutFile(out: string, text: string, what: string): string {
  const sink = outFileSink(out, what);
  try {
    sink.write(text);
    sink.finish();
  } catch (err) {
    sink.abort();
    throw err;
  }
  return sink.path;
}
