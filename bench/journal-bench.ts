// Append latency against its baseline: each durable append to the journal (lock, head, write, fsync) is
// paired with a plain write + fsync of the same bytes to another file in the same directory, taken in
// alternation so both see the same disk and the same machine load. And group commit: `log --stdin` fed a
// pipe of N lines, in events per second.
import { spawn } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Journal } from '../src/store/journal.js';
import { BENCH_ID, generateJournal } from './generate.js';
import { round, stats, type Stats } from './stats.js';

const clock = { now: () => Date.now() };
const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

export interface AppendFigures {
  existing: number;
  warroom: Stats;
  raw: Stats;
  /** warroom / raw, at the median and at p99. */
  ratioMedian: number;
  ratioP99: number;
}

export async function benchAppendOn(path: string, existing: number, appends: number): Promise<AppendFigures> {
  const journal = new Journal(path, clock, () => {}, BENCH_ID);
  const rawFd = openSync(join(dirname(path), 'raw-baseline'), 'a', 0o600);
  try {
    const text = (i: number) => `appended ${i}: replica lag back under threshold`;
    for (let i = 0; i < 20; i++) await journal.append([{ kind: 'note', data: { text: text(i) } }], 'bench');
    (globalThis as { gc?: () => void }).gc?.();
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < appends; i++) {
      let t = performance.now();
      const [e] = await journal.append([{ kind: 'note', data: { text: text(i) } }], 'bench');
      ours.push(performance.now() - t);
      const line = Buffer.from(JSON.stringify(e) + '\n');
      t = performance.now();
      writeSync(rawFd, line);
      fsyncSync(rawFd);
      theirs.push(performance.now() - t);
    }
    const warroom = stats(ours);
    const raw = stats(theirs);
    return { existing, warroom, raw, ratioMedian: round(warroom.medianMs / raw.medianMs), ratioP99: round(warroom.p99Ms / raw.p99Ms) };
  } finally {
    closeSync(rawFd);
  }
}

export interface StdinFigures {
  lines: number;
  ms: number;
  /** Lines over the whole run, process start included. */
  eventsPerSecond: number;
  /** From the first seq printed to the last: the rate once the process is running. */
  steadyEventsPerSecond: number;
}

/** `log --stdin` of `lines` lines written into its pipe as fast as it takes them; every seq must come back. */
export async function benchLogStdin(lines: number): Promise<StdinFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-stdin-'));
  try {
    generateJournal(dir, 1);
    const input = Buffer.from(Array.from({ length: lines }, (_, i) => `line ${i}: replica lag back under threshold on shard ${i % 13}`).join('\n') + '\n');
    const t = performance.now();
    const child = spawn(process.execPath, [CLI, 'log', BENCH_ID, '--stdin', '--state-dir', dir], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, WARROOM_ACTOR: 'bench' } });
    let acked = 0;
    let firstAck = 0;
    child.stdout.on('data', (d: Buffer) => {
      if (acked === 0) firstAck = performance.now();
      for (const b of d) if (b === 10) acked++;
    });
    child.stdin.end(input);
    const code = await new Promise<number | null>((r) => child.on('close', r));
    const ms = performance.now() - t;
    if (code !== 0 || acked !== lines) throw new Error(`log --stdin exited ${code} after ${acked} of ${lines} seqs`);
    const steady = performance.now() - firstAck;
    return { lines, ms: Math.round(ms), eventsPerSecond: Math.round(lines / (ms / 1000)), steadyEventsPerSecond: Math.round(lines / (steady / 1000)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Append figures at each size, on a journal generated directly. */
export async function benchAppend(sizes: number[], appends: number): Promise<AppendFigures[]> {
  const out: AppendFigures[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-append-'));
    try {
      out.push(await benchAppendOn(generateJournal(dir, n), n, appends));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
