// Runs the CLI in-process against a temp state dir with a fixed clock, capturing its output.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { fixedClock } from '../../src/core/index.js';

export function cliHarness(startMs = Date.parse('2026-11-21T09:00:00.000Z')) {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-cli-'));
  const clock = fixedClock(startMs);
  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      stdin: Readable.from([]),
      env: { WARROOM_STATE_DIR: dir, WARROOM_ACTOR: 'tester', TZ: 'UTC' },
      clock,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  return { dir, clock, run };
}
