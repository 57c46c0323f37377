// How an error leaves the CLI: one line on stderr and an exit code from core/errors (a stack trace only
// with WARROOM_DEBUG=1). Apart from main.ts so the console can start without loading commander.
import { ExitCode, WarroomError } from '../core/index.js';
import type { CliIo } from './context.js';

export function reportWarroomError(err: unknown, io: Pick<CliIo, 'err' | 'env'>): number {
  if (err instanceof WarroomError) {
    io.err(`warroom: ${err.message}`);
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.err(`warroom: unexpected error: ${message.split('\n')[0]}`);
  if (io.env.WARROOM_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
  return ExitCode.failure;
}
