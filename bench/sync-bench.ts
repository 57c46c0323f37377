// Sync through moto's DynamoDB: catch-up of many pending events (push, then a joiner's pull), the calls
// and capacity per 1,000 events, and the round trip of one event from one state dir to another.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../src/core/index.js';
import { IncidentStore } from '../src/store/incident-store.js';
import { syncOnce, type SyncDeps } from '../src/sync/engine.js';
import { loadOrCreateKey } from '../src/sync/keys.js';
import { joinIncident, shareIncident } from '../src/sync/share.js';
import { SyncTable } from '../src/sync/table.js';
import { MOTO, startMoto } from '../test/aws/support/moto.js';
import { stats, type Stats } from './stats.js';

export interface SyncBench {
  events: number;
  pushMs: number;
  pullMs: number;
  pushCallsPer1000: number;
  pushCapacityPer1000: number;
  pullCallsPer1000: number;
  roundTrip: Stats;
}

export async function benchSync(events = Number(process.env.SYNC_BENCH_EVENTS ?? 10_000)): Promise<SyncBench | string> {
  if (!MOTO) return 'moto_server is not on PATH: sync benchmark skipped';
  process.env.AWS_ACCESS_KEY_ID ??= 'testing';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const moto = await startMoto();
  const dirs = [mkdtempSync(join(tmpdir(), 'warroom-bench-a-')), mkdtempSync(join(tmpdir(), 'warroom-bench-b-'))];
  const clock = { now: () => Date.now() };
  const deps = (dir: string): SyncDeps => {
    const store = new IncidentStore(dir, clock);
    store.ensureWritable();
    return { store, key: loadOrCreateKey(store.dir), table: new SyncTable({ table: 'bench', region: 'eu-west-2', endpoint: moto.endpoint, timeoutMs: 10_000 }), clock, actor: 'bench' };
  };
  const [a, b] = [deps(dirs[0]!), deps(dirs[1]!)];
  try {
    await a.table.createTable();
    const opened = await a.store.create({ title: 'bench', severity: 'SEV2', mode: 'exercise', scenarios: [], params: {} }, 'bench');
    const id = String(opened.data.id);
    for (let done = 0; done < events; done += 500) {
      const batch: NewEvent[] = Array.from({ length: Math.min(500, events - done) }, (_, i) => ({ kind: 'note', data: { text: `pending note ${done + i}` } }));
      await a.store.append(id, batch, 'bench');
    }
    const before = { ...a.table.counts };
    let t = performance.now();
    await shareIncident(a, id, { table: 'bench', region: 'eu-west-2' });
    const pushMs = performance.now() - t;
    const push = { calls: a.table.counts.calls - before.calls, capacity: a.table.counts.capacity - before.capacity };
    t = performance.now();
    await joinIncident(b, id, { table: 'bench', region: 'eu-west-2' });
    const pullMs = performance.now() - t;
    const pullCalls = b.table.counts.calls;
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      await a.store.append(id, [{ kind: 'note', data: { text: `round trip ${i}` } }], 'bench');
      await syncOnce(a, id);
      await syncOnce(b, id);
      const seen = b.store.load(id).events.some((e) => e.data.text === `round trip ${i}`);
      if (!seen) throw new Error(`round trip ${i} did not arrive`);
      samples.push(performance.now() - start);
    }
    const per1000 = (n: number) => Math.round((n / (events + 2)) * 1000 * 10) / 10;
    return { events, pushMs: Math.round(pushMs), pullMs: Math.round(pullMs), pushCallsPer1000: per1000(push.calls), pushCapacityPer1000: per1000(push.capacity), pullCallsPer1000: per1000(pullCalls), roundTrip: stats(samples) };
  } finally {
    a.table.destroy();
    b.table.destroy();
    await moto.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('sync-bench.ts')) console.log(JSON.stringify(await benchSync(), null, 1));
