// Time and memory per journal size (1k, 10k, 100k, 1M events, generated directly): each command as its own
// process, timed from spawn to exit, peak RSS from /usr/bin/time. `show` runs first without a checkpoint
// (cold: it folds the whole journal and writes one), then with it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { firstFrame, keyToFrameIn, type KeyFigures } from './console-bench.js';
import { BENCH_ID, generateJournal } from './generate.js';
import { benchAppendOn, type AppendFigures } from './journal-bench.js';
import { round } from './stats.js';
import { REPORT_FORMATS } from '../src/report/render.js';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const TIME = '/usr/bin/time';

export interface Run {
  ms: number;
  rssMb: number;
}

export interface CommandFigures {
  name: string;
  medianMs: number;
  rssMb: number;
  runs: number;
}

/** Runs `node args` `runs` times; the median wall time and the largest peak RSS. */
export function timeNode(args: string[], runs: number, env: NodeJS.ProcessEnv = {}): { medianMs: number; rssMb: number; runs: number } {
  const samples: Run[] = [];
  const timed = existsSync(TIME);
  for (let i = 0; i < runs; i++) {
    const cmd = timed ? TIME : process.execPath;
    const argv = timed ? ['-f', '%M', process.execPath, ...args] : args;
    const t = performance.now();
    const r = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, WARROOM_ACTOR: 'bench', ...env }, maxBuffer: 1 << 26 });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
    const kb = timed ? Number(r.stderr.trim().split('\n').at(-1)) : NaN;
    samples.push({ ms, rssMb: kb / 1024 });
  }
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { medianMs: round(sorted[Math.floor((sorted.length - 1) / 2)]!), rssMb: Math.round(Math.max(...samples.map((s) => s.rssMb))), runs };
}

export interface SizeFigures {
  events: number;
  generateMs: number;
  journalMb: number;
  commands: CommandFigures[];
  append: AppendFigures;
  firstFrame: { medianMs: number; p99Ms: number; runs: number; rssMb: number };
  /** Scrolling the incident's timeline one event at a time (opened from the checkpoint `show` wrote). */
  keyToFrame: KeyFigures;
}

/** `report` in each format, as the table names them. */
export const reportCommands = REPORT_FORMATS.map((f) => `report --format ${f}`);

/** The commands timed at one size; timeline only where it was asked for (its json format holds every event). */
export async function benchSize(events: number, opts: { runs: number; heavy: boolean; appends: number; frames: number; keys: number }): Promise<SizeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-size-'));
  try {
    const t = performance.now();
    const path = generateJournal(dir, events);
    const generateMs = Math.round(performance.now() - t);
    spawnSync('sync');
    const cli = (...a: string[]) => [CLI, ...a, '--state-dir', dir];
    const commands: CommandFigures[] = [];
    const add = (name: string, f: { medianMs: number; rssMb: number; runs: number }) => commands.push({ name, ...f });
    add('show (no checkpoint yet)', timeNode(cli('show', BENCH_ID), 1));
    add('show', timeNode(cli('show', BENCH_ID), opts.runs));
    add('verify', timeNode(cli('verify', BENCH_ID), opts.runs));
    add('verify --full', timeNode(cli('verify', BENCH_ID, '--full'), 1));
    add('list', timeNode(cli('list'), opts.runs));
    if (opts.heavy) add('timeline --format jsonl', timeNode(cli('timeline', BENCH_ID, '--format', 'jsonl'), 1));
    // The report streams, so it runs at every size (after show, as a user's would: from the checkpoint).
    for (const name of reportCommands) add(name, timeNode(cli(...name.split(' '), BENCH_ID), 1));
    const journalMb = Math.round((statSync(path).size / 1048576) * 10) / 10;
    // The console's home screen listing this incident (its index entry is stale: the commands above changed the journal).
    const frame = await firstFrame(opts.frames, dir);
    const keyToFrame = await keyToFrameIn(dir, events, opts.keys);
    const append = await benchAppendOn(path, events, opts.appends);
    return { events, generateMs, journalMb, commands, append, firstFrame: frame, keyToFrame };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    spawnSync('sync');
  }
}
