// What every command gets: where the state lives, who is acting, the clock and the output streams.
import { userInfo } from 'node:os';
import { sanitize, type Clock } from '../core/index.js';
import { systemClock } from '../system-clock.js';
import { IncidentStore } from '../store/incident-store.js';

export interface GlobalOptions {
  stateDir?: string;
  actor?: string;
  runbooks?: string[];
}

export interface CliIo {
  out: (line: string) => void;
  /** Text as it is, no newline added (a document written in pieces); without it, write whole lines through `out`. */
  write?: (text: string) => void;
  /** Resolves once what `out` wrote has drained to a slow reader (a pipe), so a long output stays flat in memory. */
  drained?: () => Promise<void>;
  err: (line: string) => void;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  clock: Clock;
}

export interface CliContext extends CliIo {
  stateDir: string;
  actor: string;
  /** Extra runbook directories from --runbooks (the catalog also reads <stateDir>/runbooks). */
  runbookDirs: string[];
  store: () => IncidentStore;
}


// Control characters that survive JSON.stringify (C1, DEL) or were missed upstream, and bidi overrides.
const UNSAFE_OUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const escapeUnsafe = (text: string) => text.replace(UNSAFE_OUT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The real process's streams, environment and clock. The last line of defence at the process boundary:
 * stderr passes the sanitizer; on stdout a control character left in any output (JSON keeps C1 bytes raw) is
 * written as its \uXXXX escape, which leaves JSON meaning the same and shows text that would act on a terminal.
 */
export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${escapeUnsafe(line)}\n`),
    write: (text) => process.stdout.write(escapeUnsafe(text)),
    drained: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
    err: (line) => process.stderr.write(`${sanitize(line)}\n`),
    stdin: process.stdin,
    env: process.env,
    clock: systemClock,
  };
}

export function defaultActor(env: NodeJS.ProcessEnv): string {
  if (env.WARROOM_ACTOR) return env.WARROOM_ACTOR;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return env.USER ?? env.LOGNAME ?? 'unknown';
  }
}

export function makeContext(opts: GlobalOptions, io: CliIo): CliContext {
  const stateDir = opts.stateDir ?? io.env.WARROOM_STATE_DIR ?? 'state';
  let store: IncidentStore | undefined;
  return {
    ...io,
    // Wrapped so a command's `return ctx.out(...)` never turns a writer's return value into an exit code.
    out: (line) => void io.out(line),
    err: (line) => void io.err(line),
    stateDir,
    actor: opts.actor ?? defaultActor(io.env),
    runbookDirs: opts.runbooks ?? [],
    store: () => (store ??= new IncidentStore(stateDir, io.clock, (w) => io.err(`warroom: warning: ${w.message}`))),
  };
}
