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

/** An append made on a head that has moved on: another console wrote first, so the decision is taken again on the new record. */
export class StaleHeadError extends WarroomError {
  constructor(expected: number, found: number) {
    super(`the timeline moved on (seq ${found}, not ${expected}) before this was recorded; nothing was written (try again)`, ExitCode.failure);
    this.name = 'StaleHeadError';
  }
}
export const isStaleHead = (err: unknown): boolean => err instanceof Error && err.name === 'StaleHeadError';
