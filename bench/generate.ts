// Writes a valid hash-chained journal of n events straight to disk (building a million events through the
// CLI would take hours): a realistic mix of notes, steps, alarms, updates, decisions and small metric
// snapshots, one event a second, written in chunks so memory stays flat.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { hashEvent } from '../src/store/journal.js';

export const BENCH_ID = 'INC-20261121-BNCH';
const T0 = Date.parse('2026-11-21T09:00:00.000Z');

function dataAt(i: number): { kind: string; data: Record<string, unknown> } {
  const t = (s: number) => new Date(T0 + s * 1000).toISOString();
  switch (i % 20) {
    case 0:
      return { kind: 'metric.snapshot', data: { metric: `m${i % 4}`, unit: 'Count', warning: 5, critical: 20, points: Array.from({ length: 5 }, (_, k) => [t(i - k * 60), (i + k) % 37]) } };
    case 1:
      return { kind: 'alarm.changed', data: { alarm: `alarm-${i % 7}`, from: 'OK', to: i % 40 === 1 ? 'ALARM' : 'OK' } };
    case 2:
      return { kind: 'step.started', data: { scenario: 'bench', step: `s${i % 50}` } };
    case 3:
      return { kind: 'step.completed', data: { scenario: 'bench', step: `s${(i - 1) % 50}` } };
    case 4:
      return { kind: 'comms.sent', data: { channel: 'status', text: `update ${i}: still restoring orders, ETA 10 min` } };
    case 5:
      return { kind: 'decision', data: { text: `decision ${i}: keep traffic in eu-west-2` } };
    default:
      return { kind: 'note', data: { text: `observation ${i}: latency back under 200 ms on shard ${i % 13}` } };
  }
}

/** Creates `<stateDir>/incidents/BENCH_ID.jsonl` holding `n` events; returns its path. */
export function generateJournal(stateDir: string, n: number, mix: 'mixed' | 'notes' = 'mixed'): string {
  const dir = join(stateDir, 'incidents');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${BENCH_ID}.jsonl`);
  const fd = openSync(path, 'wx', 0o600);
  try {
    let prev = '';
    let out: string[] = [];
    for (let seq = 1; seq <= n; seq++) {
      const ts = new Date(T0 + seq * 1000).toISOString();
      const { kind, data } =
        seq === 1 ? { kind: 'incident.opened', data: { id: BENCH_ID, title: 'Bench incident', severity: 'SEV1', mode: 'live', scenarios: [], params: {} } } : mix === 'notes' ? { kind: 'note', data: { text: `note ${seq}` } } : dataAt(seq);
      const base = { seq, ts, actor: `responder-${seq % 5}`, kind, data, prev };
      const hash = hashEvent(base);
      out.push(JSON.stringify({ ...base, hash }));
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
  return path;
}
