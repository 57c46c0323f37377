// Impaired regions, imitated by a misbehaving proxy: every call ends within its deadline and reports the
// right class of error. Deadlines here are 1-1.5 s to keep the suite quick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { startFaultProxy, type FaultMode, type FaultProxy } from './support/fault-proxy.js';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from './support/moto.js';
import { seedMoto } from './support/moto-seed.js';
import { pitrOn, restorePitr, systemErrors } from './support/fixtures.js';

if (!MOTO) console.warn(`test/aws/faults: pass-through case skipped: ${MOTO_MISSING_REASON}`);

let moto: Moto | undefined;
let proxy: FaultProxy;
let ports: CreatedPorts;
const params = { table: 'orders', target_table: 'orders-restored', restore_time: '2026-01-01T00:00:00Z' };
const DEADLINE = 1500;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  if (MOTO) {
    moto = await startMoto();
    await seedMoto(moto.endpoint, 'eu-west-2', Date.now());
  }
  proxy = await startFaultProxy(moto?.endpoint);
  ports = createAwsPorts({
    mode: 'live', allowActions: true, clock: { now: () => Date.now() },
    env: { AWS_REGION: 'eu-west-2', AWS_ENDPOINT_URL: proxy.endpoint },
    budgets: { read: { deadlineMs: DEADLINE, maxAttempts: 2 }, action: { deadlineMs: DEADLINE, maxAttempts: 3 } },
  });
});
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

describe('faults between warroom and AWS', () => {
  it.skipIf(!MOTO)('passes through to moto when healthy (the proxy itself works)', async () => {
    proxy.mode = 'pass';
    expect((await ports.probes.verify(pitrOn, params)).passed).toBe(true);
  });

  it.each<[FaultMode, string]>([
    ['hang', 'timeout'],
    ['error500', 'unreachable'],
    ['throttle', 'throttled'],
    ['reset', 'unreachable'],
  ])('%s: a verify ends within its deadline as %s', async (mode, cls) => {
    proxy.mode = mode;
    const [r, ms] = await timed(() => ports.probes.verify({ ...pitrOn, interval_seconds: 1, deadline_seconds: 1 }, params));
    expect(r.passed).toBe(false);
    expect(r.error?.class).toBe(cls);
    expect(ms).toBeLessThan(1000 + 1000);
  });

  it.each<[FaultMode, string]>([
    ['hang', 'timeout'],
    ['throttle', 'throttled'],
  ])('%s: metric panes come back Failed (stale) within the deadline', async (mode, cls) => {
    proxy.mode = mode;
    const [series, ms] = await timed(() => ports.metrics.fetch([systemErrors], params, { start: Date.now() - 600_000, end: Date.now() }));
    expect(series[0]).toMatchObject({ status: 'Failed', points: [], error: { class: cls } });
    expect(ms).toBeLessThan(DEADLINE + 1000);
  });

  it('hang: an alarm poll reports the error and no transitions within the deadline', async () => {
    proxy.mode = 'hang';
    const [r, ms] = await timed(() => ports.alarms.poll());
    expect(r.errors?.[0]?.class).toBe('timeout');
    expect(r.errors?.[0]?.message).toMatch(/region may be impaired/);
    expect(r.transitions).toEqual([]);
    expect(ms).toBeLessThan(DEADLINE + 1000);
  });

  it('hang: an action ends within its deadline as timeout', async () => {
    proxy.mode = 'hang';
    const [r, ms] = await timed(() => ports.actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' }));
    expect(r.error?.class).toBe('timeout');
    expect(ms).toBeLessThan(DEADLINE + 1000);
  });

  it("the caller's abort ends a hung call at once, reported as cancelled", async () => {
    proxy.mode = 'hang';
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 200);
    const [r, ms] = await timed(() => ports.probes.verify({ ...pitrOn, deadline_seconds: 10 }, params, ac.signal));
    expect(r.error?.message).toMatch(/^cancelled/);
    expect(ms).toBeLessThan(1000);
  });
});
