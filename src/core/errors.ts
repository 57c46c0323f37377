// One error type for everything a user can get wrong: a one-line message and the exit code to leave with.
export const ExitCode = {
  ok: 0,
  failure: 1, // a check failed (verify, validate) or an unexpected error
  usage: 2, // bad arguments or input values
  notFound: 3, // unknown incident, scenario, step or seq
  corrupt: 4, // a journal or file that cannot be trusted as it is
  io: 5, // state dir not writable, disk full, lock not obtained
  aws: 6, // an AWS call failed (denied, throttled, unreachable)
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class WarroomError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
  ) {
    super(message);
    this.name = 'WarroomError';
  }
}

export const usageError = (message: string) => new WarroomError(message, ExitCode.usage);
export const notFound = (message: string) => new WarroomError(message, ExitCode.notFound);
