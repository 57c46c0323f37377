// Runs the CLI in-process with captured output, a fixed clock and a given stdin.
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Clock } from '../../src/core/index.js';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export async function runCli(argv: string[], opts: { clock?: Clock; stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (l) => out.push(...l.split('\n')),
    err: (l) => err.push(...l.split('\n')),
    stdin: Readable.from(opts.stdin !== undefined ? [opts.stdin] : []),
    env: { WARROOM_ACTOR: 'tester', TZ: 'UTC', ...opts.env },
    clock: opts.clock ?? { now: () => Date.parse('2026-11-21T10:00:00.000Z') },
  });
  return { code, out, err };
}
