// Append latency at 1k, 10k and 100k existing events: the warroom journal (lock, tail read, write, fsync)
// beside lowdb's JSONFile doing the same append (rewrite the whole document).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

export async function benchAppend(sizes = [1_000, 10_000, 100_000], appends = 200): Promise<AppendBench[]> {
  const results: AppendBench[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-'));
    try {
      const events = prefilled(n);
      const path = join(dir, 'journal.jsonl');
      writeFileSync(path, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
      const journal = new Journal(path, clock);
      const ours: number[] = [];
      for (let i = 0; i < appends; i++) {
        const t = performance.now();
        await journal.append([{ kind: 'note', data: { text: `appended ${i}` } }], 'bench');
        ours.push(performance.now() - t);
      }
      // lowdb rewrites the whole document per write, so fewer runs at 100k keep the bench short.
      const db = new Low<{ events: unknown[] }>(new JSONFile(join(dir, 'lowdb.json')), { events: [] });
      db.data = { events: events.slice() };
      await db.write();
      const theirs: number[] = [];
      const lowRuns = n >= 100_000 ? 30 : appends;
      for (let i = 0; i < lowRuns; i++) {
        const t = performance.now();
        db.data.events.push({ seq: n + i + 1, kind: 'note', data: { text: `appended ${i}` } });
        await db.write();
        theirs.push(performance.now() - t);
      }
      results.push({ existing: n, warroom: stats(ours), lowdb: stats(theirs) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}
