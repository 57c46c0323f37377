// Timelines that used to load every event, at large sizes: `timeline --format json` of an incident that is
// not shared, and a shared incident (this machine's journal and two pulled feeds, merged as they are read):
// its timeline, `show` with no checkpoint (the merged order folded as it streams) and with one, and `verify`
// (each feed from its mark) against `verify --full`. Each command is its own process, timed from spawn to
// exit, with its CPU time and peak RSS. Alone: `node --import tsx bench/feeds-bench.ts [events...]`.
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hashEvent } from '../src/store/journal.js';
import { feedPath, writeSyncConfig } from '../src/store/origin-feeds.js';
import { BENCH_ID, generateJournal } from './generate.js';
import type { CommandFigures } from './sizes-bench.js';
import { round } from './stats.js';

// FEEDS_BENCH_CLI: another build to compare with (the same commands on an earlier version).
const CLI = process.env.FEEDS_BENCH_CLI ?? new URL('../dist/cli.js', import.meta.url).pathname;
const OWN = 'aaaaaaaaaaaaaaaa';
const PULLED = ['bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];
const T0 = Date.parse('2026-11-21T09:00:00.000Z');

export interface FeedsFigures {
  events: number;
  journalMb: number;
  sharedMb: number;
  commands: TimedCommand[];
}

/** A pulled feed of `n` events, one every `stepMs` from `start`, as a pull writes it (line, signature, push time). */
function generateFeed(path: string, origin: string, n: number, start: number, stepMs: number): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    let prev = '';
    let out: string[] = [];
    for (let seq = 1; seq <= n; seq++) {
      const t = start + seq * stepMs;
      const [kind, data] = seq === 1 ? ['incident.joined', { id: BENCH_ID, origin, publicKey: 'MCowBQYDK2VwAyEA' }] : seq % 9 === 0 ? ['decision', { text: `decision ${seq} from ${origin}` }] : ['note', { text: `observation ${seq} from ${origin}: replica lag ${seq % 300} ms` }];
      const base = { seq, ts: new Date(t).toISOString(), actor: `dba-${origin.slice(0, 2)}`, kind, data, prev };
      const hash = hashEvent(base);
      out.push(JSON.stringify({ ...base, hash, sig: 'c2lnbmF0dXJl', pushedAt: t + 400 }));
      prev = hash;
      if (out.length === 10_000 || seq === n) {
        writeSync(fd, out.join('\n') + '\n');
        out = [];
      }
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A shared incident of `n` events in all: half in this machine's journal (one a second), a quarter in each pulled feed (interleaved). */
export function generateShared(dir: string, n: number): number {
  const journal = generateJournal(dir, Math.ceil(n / 2));
  const incidents = join(dir, 'incidents');
  writeSyncConfig(incidents, BENCH_ID, { version: 1, table: 'bench', region: 'eu-west-2', origin: OWN, registered: true, pushed: [] });
  mkdirSync(join(incidents, `${BENCH_ID}.origins`), { recursive: true, mode: 0o700 });
  PULLED.forEach((origin, k) => generateFeed(feedPath(incidents, BENCH_ID, origin), origin, Math.floor(n / 4), T0 + 333 * (k + 1), 2000));
  return [journal, ...PULLED.map((o) => feedPath(incidents, BENCH_ID, o))].reduce((sum, p) => sum + statSync(p).size, 0);
}

export interface TimedCommand extends CommandFigures {
  /** Median CPU time (user + system): steadier than wall time on a machine shared with other work. */
  cpuMs: number;
}

/** Runs `node args` `runs` times under /usr/bin/time: median wall and CPU time, largest peak RSS. */
function timeCommand(args: string[], runs: number): Omit<TimedCommand, 'name'> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, WARROOM_ACTOR: 'bench' }, maxBuffer: 1 << 26 });
    wall.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
    const [user, sys, kb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
    cpu.push((user + sys) * 1000);
    rss = Math.max(rss, kb / 1024);
  }
  const median = (xs: number[]) => round([...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!);
  return { medianMs: median(wall), cpuMs: median(cpu), rssMb: Math.round(rss), runs };
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export function benchFeeds(events: number, runs: number): FeedsFigures {
  const own = mkdtempSync(join(tmpdir(), 'warroom-bench-feeds-'));
  const shared = mkdtempSync(join(tmpdir(), 'warroom-bench-shared-'));
  try {
    const journalMb = mb(statSync(generateJournal(own, events)).size);
    const sharedMb = mb(generateShared(shared, events));
    spawnSync('sync');
    const commands: TimedCommand[] = [];
    const add = (name: string, dir: string, args: string[], n: number) => commands.push({ name, ...timeCommand([CLI, ...args, '--state-dir', dir], n) });
    add('show (no checkpoint yet)', own, ['show', BENCH_ID], 1);
    add('timeline --format json', own, ['timeline', BENCH_ID, '--format', 'json'], runs);
    add('shared: show (no checkpoint yet)', shared, ['show', BENCH_ID], 1);
    add('shared: show', shared, ['show', BENCH_ID], runs);
    add('shared: verify', shared, ['verify', BENCH_ID], runs);
    add('shared: verify --full', shared, ['verify', BENCH_ID, '--full'], 1);
    add('shared: timeline --format jsonl', shared, ['timeline', BENCH_ID, '--format', 'jsonl'], runs);
    add('shared: timeline --format json', shared, ['timeline', BENCH_ID, '--format', 'json'], runs);
    return { events, journalMb, sharedMb, commands };
  } finally {
    rmSync(own, { recursive: true, force: true });
    rmSync(shared, { recursive: true, force: true });
    spawnSync('sync');
  }
}

export function printFeeds(f: FeedsFigures, previous?: FeedsFigures): void {
  console.log(`== timelines streamed, ${f.events.toLocaleString('en')} events (journal ${f.journalMb} MB; shared: ${f.sharedMb} MB in 3 feeds) ==`);
  for (const c of f.commands) {
    const b = previous?.commands.find((x) => x.name === c.name);
    console.log(`  ${c.name.padEnd(34)} ${String(c.medianMs).padStart(9)} ms (cpu ${String(c.cpuMs).padStart(6)} ms) ${String(c.rssMb).padStart(5)} MB  (${c.runs} runs)${b ? ` (was ${b.medianMs} ms, ${b.rssMb} MB)` : ''}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const n of sizes.length ? sizes : [1_000, 100_000]) printFeeds(benchFeeds(n, n >= 1_000_000 ? 3 : 5));
}
