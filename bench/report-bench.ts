// How long producing a report takes for a long incident: 10,000 events (notes, steps, metric snapshots,
// alarms, comms, AWS reads and actions), in process: streamed as `warroom report --out` writes it, and the
// whole-array way (every event in memory, then rendered) beside it. Target: under 1 s per format.
// `npx tsx bench/report-bench.ts --sizes 1000,100000,1000000` instead times the CLI's report of generated
// journals of those sizes, in every format, each as its own process with its peak RSS (needs `npm run build`).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { reportModel } from '../src/cli/report-export.js';
import { streamReport } from '../src/cli/report-stream.js';
import { spawnSync } from 'node:child_process';
import { BENCH_ID, generateJournal } from './generate.js';
import { reportCommands, timeNode } from './sizes-bench.js';
import { fixedClock, type NewEvent } from '../src/core/index.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../src/report/render.js';
import { IncidentStore } from '../src/store/incident-store.js';
import { Journal } from '../src/store/journal.js';

const EVENTS = 10_000;
const RUNS = 11;
const ID = 'INC-20261121-BNCH';
const T0 = Date.parse('2026-11-21T09:00:00.000Z');

function eventAt(i: number): NewEvent {
  const t = (s: number) => new Date(T0 + s * 1000).toISOString();
  switch (i % 10) {
    case 0:
      return { kind: 'metric.snapshot', data: { metric: `m${i % 4}`, unit: 'Count', warning: 5, critical: 20, points: Array.from({ length: 60 }, (_, k) => [t(i + k * 60), (i + k) % 37] as [string, number]) } };
    case 1:
      return { kind: 'alarm.changed', data: { alarm: `alarm-${i % 7}`, from: 'OK', to: i % 20 === 1 ? 'ALARM' : 'OK' } };
    case 2:
      return { kind: 'step.started', data: { scenario: 'bench', step: `s${i % 50}` } };
    case 3:
      return { kind: 'step.completed', data: { scenario: 'bench', step: `s${(i - 1) % 50}` } };
    case 4:
      return { kind: 'comms.sent', data: { channel: 'status', text: `update ${i}: still restoring <orders> | ETA 10 min` } };
    case 5:
      return { kind: 'aws.read', data: { service: 'dynamodb', operation: 'DescribeContinuousBackups', summary: 'PITR', values: { recoveryPoint: { component: 'orders table', resource: 'orders', latestRestorable: t(-60), source: 'DynamoDB DescribeContinuousBackups', measured: true } } } };
    case 6:
      return { kind: 'aws.action.requested', data: { actionId: `a${i}`, service: 'dynamodb', operation: 'CreateBackup', target: 'orders' } };
    case 7:
      return { kind: 'aws.action.succeeded', data: { actionId: `a${i - 1}`, requestId: `REQ-${i}`, summary: 'ok' } };
    default:
      return { kind: 'note', data: { text: `observation ${i}: latency back under 200 ms on shard ${i % 13}` } };
  }
}

async function buildIncident(dir: string): Promise<IncidentStore> {
  const clock = fixedClock(T0);
  const store = new IncidentStore(dir, clock);
  store.ensureWritable();
  const journal = new Journal(store.journalPath(ID), clock);
  await journal.create({ kind: 'incident.opened', data: { id: ID, title: 'Bench incident', severity: 'SEV1', mode: 'live', scenarios: ['bench'], params: {} } }, 'bench');
  await journal.append([{ kind: 'milestone.set', data: { milestone: 'impact-started', at: new Date(T0).toISOString(), backdated: false } }], 'bench');
  // Batches keep building the fixture quick (one fsync per batch); the report reads it all the same.
  for (let i = 2; i < EVENTS; i += 500) {
    clock.set(T0 + i * 1000);
    const batch = Array.from({ length: Math.min(500, EVENTS - i) }, (_, k) => eventAt(i + k));
    await journal.append(batch, `responder-${i % 5}`);
  }
  return store;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function benchReport(): Promise<{ format: ReportFormat; way: 'streamed' | 'whole'; medianMs: number; p99Ms: number }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-report-'));
  try {
    const store = await buildIncident(dir);
    const scenarios = [{ id: 'bench', title: 'Bench', objectives: [{ component: 'orders table', rto_seconds: 3600, rpo_seconds: 300 }], steps: [] }];
    const opts = { now: T0 + EVENTS * 1000, stateDir: dir, scenarios };
    const results = [];
    for (const format of REPORT_FORMATS) {
      const ways = {
        streamed: () => streamReport(store, ID, { ...opts, format, out: join(dir, `report.${format}`) }, { out: () => {} }).model,
        whole: () => {
          const { model } = reportModel(store, ID, opts);
          if (renderReport(model, format).length === 0 || model.timeline.length !== EVENTS) throw new Error(`bench incident has ${model.timeline.length} events, expected ${EVENTS}`);
          return model;
        },
      };
      for (const [way, run] of Object.entries(ways) as ['streamed' | 'whole', () => unknown][]) {
        const times: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          const start = performance.now();
          run();
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        results.push({ format, way, medianMs: Math.round(quantile(times, 0.5) * 10) / 10, p99Ms: Math.round(quantile(times, 0.99) * 10) / 10 });
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI's report of a generated journal at each size, every format, after a `show` (which writes the checkpoint). */
export function benchReportSizes(sizes: readonly number[]): { events: number; journalMb: number; name: string; medianMs: number; rssMb: number }[] {
  const cli = new URL('../dist/cli.js', import.meta.url).pathname;
  const rows = [];
  for (const events of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-report-size-'));
    try {
      const path = generateJournal(dir, events);
      const journalMb = Math.round((statSync(path).size / 1048576) * 10) / 10;
      timeNode([cli, 'show', BENCH_ID, '--state-dir', dir], 1);
      for (const name of reportCommands) rows.push({ events, journalMb, name, ...timeNode([cli, ...name.split(' '), BENCH_ID, '--state-dir', dir], 1) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      spawnSync('sync');
    }
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.indexOf('--sizes');
  if (sizes > 0) {
    const rows = benchReportSizes(process.argv[sizes + 1]!.split(',').map(Number));
    for (const r of rows) {
      const base = rows.find((b) => b.name === r.name && b.events === rows[0]!.events)!;
      console.log(`${r.name.padEnd(20)} ${r.events.toLocaleString('en').padStart(9)} events (${r.journalMb} MB): ${r.medianMs} ms, ${r.rssMb} MB; ${Math.round((r.medianMs / base.medianMs) * 10) / 10}x the time, ${Math.round((r.rssMb / base.rssMb) * 10) / 10}x the memory at ${base.events.toLocaleString('en')}`);
    }
  } else {
    for (const r of await benchReport()) console.log(`report ${r.format.padEnd(4)} ${r.way.padEnd(8)} ${EVENTS} events: median ${r.medianMs} ms, p99 ${r.p99Ms} ms`);
  }
}
