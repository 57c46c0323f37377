// service-degradation's throttling checks read the throttle metrics of the table from CloudWatch (moto serves
// PutMetricData and GetMetricData), not the table's status: an ACTIVE table can still be throttling.
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { probeOutcome, realSleep } from '../../src/aws/poll-verify.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';
import { sdkClients } from './support/moto-seed.js';

if (!MOTO) console.warn(`test/aws/throttling-moto: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const scenario = loadCatalog({}).scenarios.find((s) => s.id === 'service-degradation')!;
const check = (id: string) => ({ ...scenario.steps.find((s) => s.id === id)!.verify!, interval_seconds: 1, deadline_seconds: 2 });
let moto: Moto;
let ports: CreatedPorts;

async function put(table: string, metric: string, values: number[]) {
  const { cw, ...others } = sdkClients(moto.endpoint, REGION);
  for (const c of Object.values(others)) c.destroy();
  const now = Date.now();
  await cw.send(new PutMetricDataCommand({
    Namespace: 'AWS/DynamoDB',
    MetricData: values.map((v, i) => ({ MetricName: metric, Dimensions: [{ Name: 'TableName', Value: table }], Timestamp: new Date(now - (i + 1) * 60_000), Value: v, Unit: 'Count' })),
  }));
  cw.destroy();
}

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  // The clock is the real one: the check's window is the last 5 minutes before each attempt.
  ports = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(moto.endpoint, REGION), clock: { now: () => Date.now() }, sleep: realSleep });
});
afterAll(async () => {
  (ports as { clients?: { destroy(): void } } | undefined)?.clients?.destroy();
  await moto?.stop();
});

describe.skipIf(!MOTO)('throttling gone, from the metric (moto)', () => {
  it('fails while the table has throttled reads in the last 5 minutes', async () => {
    await put('orders', 'ReadThrottleEvents', [0, 12, 3]);
    const r = await ports.probes.verify(check('throttling'), { table: 'orders', region: REGION });
    expect(r.passed).toBe(false);
    expect(probeOutcome(r), r.summary).toBe('failed');
    expect(r.summary).toMatch(/MetricDataResults\[\*\]\.Values\[\*\] = .*12.*expected every value \(if any\) < 1/);
  });

  it('passes when the throttle metrics hold only zeros for the window', async () => {
    await put('payments', 'WriteThrottleEvents', [0, 0, 0]);
    const r = await ports.probes.verify(check('throttles-stopped'), { table: 'payments', region: REGION });
    expect(r.passed, r.summary).toBe(true);
    expect(r.evidence['MetricDataResults[*].Values[*]']).toEqual([0, 0, 0]);
  });

  it('passes when CloudWatch has no throttle datapoint at all for the table (no throttled minute)', async () => {
    const r = await ports.probes.verify(check('throttling'), { table: 'quiet', region: REGION });
    expect(r.passed, r.summary).toBe(true);
  });

  it('throttles older than the window do not count', async () => {
    const { cw, ...others } = sdkClients(moto.endpoint, REGION);
    for (const c of Object.values(others)) c.destroy();
    await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/DynamoDB', MetricData: [{ MetricName: 'ReadThrottleEvents', Dimensions: [{ Name: 'TableName', Value: 'recovered' }], Timestamp: new Date(Date.now() - 20 * 60_000), Value: 40, Unit: 'Count' }] }));
    cw.destroy();
    const r = await ports.probes.verify(check('throttling'), { table: 'recovered', region: REGION });
    expect(r.passed, r.summary).toBe(true);
  });
});
