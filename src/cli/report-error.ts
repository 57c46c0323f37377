// How an error leaves the CLI: one line on stderr, through the sanitizer (messages echo what was typed),
// and an exit code from core/errors (a stack trace only with WARROOM_DEBUG=1). Apart from main.ts so the console can start without loading commander.
import { ExitCode, sanitize, sanitizeLine, WarroomError } from '../core/index.js';
import type { CliIo } from './context.js';

export function reportWarroomError(err: unknown, io: Pick<CliIo, 'err' | 'env'>): number {
  if (err instanceof WarroomError) {
    io.err(`warroom: ${sanitizeLine(err.message)}`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`warroom: unexpected error: ${sanitizeLine(message.split('\n')[0])}`);
  if (io.env.WARROOM_DEBUG && err instanceof Error && err.stack) io.err(sanitize(err.stack));
  return ExitCode.failure;
}
