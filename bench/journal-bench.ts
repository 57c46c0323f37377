// Append latency at 1k, 10k and 100k existing events: the warroom journal (lock, tail read, write, fsync)
// beside lowdb's JSONFile doing the same append (rewrite the whole document).
import { spawnSync } from 'node:child_process';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { TimelineEvent } from '../src/core/index.js';
import { hashEvent, Journal } from '../src/store/journal.js';
import { stats, type Stats } from './stats.js';

const clock = { now: () => Date.now() };

/** A valid hash-chained journal of n events, written directly (building it by appends would take minutes). */
function prefilled(n: number): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let prev = '';
  const t0 = Date.parse('2026-11-21T10:00:00Z');
  for (let seq = 1; seq <= n; seq++) {
    const base =
      seq === 1
        ? { seq, ts: new Date(t0).toISOString(), actor: 'bench', kind: 'incident.opened', data: { id: 'INC-20261121-BNCH', title: 'bench', severity: 'SEV2', mode: 'live', scenarios: [], params: {} }, prev }
        : { seq, ts: new Date(t0 + seq * 1000).toISOString(), actor: 'bench', kind: 'note', data: { text: `note number ${seq}: replica lag back under threshold` }, prev };
    const e = { ...base, hash: hashEvent(base) };
    events.push(e);
    prev = e.hash;
  }
  return events;
}

export interface AppendBench {
  existing: number;
  warroom: Stats;
  lowdb: Stats;
}

export async function benchAppend(sizes = [1_000, 10_000, 100_000], appends = 500): Promise<AppendBench[]> {
  // Every warroom run first, then every lowdb run: lowdb rewrites megabytes per write, and the kernel
  // flushing those in the background would otherwise land in our fsync times.
  const ours = new Map<number, Stats>();
  for (const n of sizes) ours.set(n, await inTempDir((dir) => benchJournal(dir, prefilled(n), appends)));
  const results: AppendBench[] = [];
  for (const n of sizes) {
    // lowdb rewrites the whole document per write, so fewer runs at 100k keep the bench short.
    const theirs = await inTempDir((dir) => benchLowdb(dir, prefilled(n), n >= 100_000 ? 30 : appends));
    results.push({ existing: n, warroom: ours.get(n)!, lowdb: theirs });
  }
  return results;
}

async function inTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-'));
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    // Let the kernel write back what this stage left dirty before the next stage is timed.
    spawnSync('sync');
  }
}

async function benchJournal(dir: string, events: TimelineEvent[], appends: number): Promise<Stats> {
  const path = join(dir, 'journal.jsonl');
  writeFileSync(path, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  // A real journal is fsynced line by line; flush the prefill first so the first measured fsync does
  // not pay for writing the whole prefilled file, and warm up before measuring.
  const fd = openSync(path, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  const journal = new Journal(path, clock);
  for (let i = 0; i < 20; i++) await journal.append([{ kind: 'note', data: { text: `warm-up ${i}` } }], 'bench');
  // Collect the prefill's garbage now (npm run bench passes --expose-gc), not in the middle of the samples.
  (globalThis as { gc?: () => void }).gc?.();
  const samples: number[] = [];
  for (let i = 0; i < appends; i++) {
    const t = performance.now();
    await journal.append([{ kind: 'note', data: { text: `appended ${i}` } }], 'bench');
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

async function benchLowdb(dir: string, events: TimelineEvent[], runs: number): Promise<Stats> {
  const db = new Low<{ events: unknown[] }>(new JSONFile(join(dir, 'lowdb.json')), { events: [] });
  db.data = { events: events.slice() };
  await db.write();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    db.data.events.push({ seq: events.length + i + 1, kind: 'note', data: { text: `appended ${i}` } });
    await db.write();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}
