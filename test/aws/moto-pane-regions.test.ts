// Metric panes and alarm polls read the regions the incident names (its region / dr_region params), through
// the real SDK against moto_server, which keeps CloudWatch data and alarms per region. (One bad query failing
// alone is in live-metrics-isolation.test.ts: moto does not validate GetMetricData statistics.)
import { CloudWatchClient, PutMetricAlarmCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts } from '../../src/aws/create-ports.js';
import { MetricSpec } from '../../src/core/index.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, motoEnv, startMoto, type Moto } from './support/moto.js';

if (!MOTO) console.warn(`test/aws/moto-pane-regions: ${MOTO_MISSING_REASON}`);
if (!MOTO && MOTO_REQUIRED) {
  describe('moto under CI', () => {
    it('moto_server must be installed when CI=true', () => {
      expect.fail('moto_server is not on PATH, and CI=true requires it (pip install "moto[server]")');
    });
  });
}

let moto: Moto | undefined;
beforeAll(async () => {
  if (!MOTO) return;
  moto = await startMoto();
  // The SDK's credential chain reads the process environment.
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
});
afterAll(async () => {
  await moto?.stop();
});

const cpu = MetricSpec.parse({ id: 'dr_cpu', title: 'DR CPU', namespace: 'AWS/RDS', metric: 'CPUUtilization', dimensions: { DBInstanceIdentifier: '{{dr_instance}}' }, statistic: 'Maximum', period_seconds: 60, unit: 'Percent', region: 'dr', warning: 70, critical: 90 });

async function putCpu(region: string, value: number, at: number) {
  const cw = new CloudWatchClient({ region, endpoint: moto!.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await cw.send(new PutMetricDataCommand({ Namespace: 'AWS/RDS', MetricData: [{ MetricName: 'CPUUtilization', Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'db-dr' }], Unit: 'Percent', Value: value, Timestamp: new Date(at) }] }));
  await cw.send(new PutMetricAlarmCommand({ AlarmName: `cpu-${region}`, Namespace: 'AWS/RDS', MetricName: 'CPUUtilization', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 1, Threshold: 90, ComparisonOperator: 'GreaterThanThreshold' }));
  cw.destroy();
}

describe.skipIf(!MOTO)('panes read the incident\'s regions (moto)', () => {
  it('a dr pane reads the dr_region param, not --dr-region; alarms are polled in the incident\'s regions', async () => {
    await moto!.reset();
    const now = Date.now();
    await putCpu('eu-west-1', 42, now - 120_000); // the incident's DR region
    await putCpu('us-west-2', 99, now - 120_000); // the session's --dr-region
    const env = motoEnv(moto!.endpoint, 'eu-west-2');
    const ports = createAwsPorts({ mode: 'live', drRegion: 'us-west-2', allowActions: false, env, clock: { now: () => now } });
    expect(ports.mode).toBe('live');
    const params = { dr_instance: 'db-dr', dr_region: 'eu-west-1' };
    const [s] = await ports.metrics.fetch([cpu], params, { start: now - 600_000, end: now });
    expect(s?.error).toBeUndefined();
    expect(s).toMatchObject({ region: 'eu-west-1', status: 'Complete' });
    expect(s!.points.map((p) => p.v)).toEqual([42]);
    const polled = await ports.alarms.poll(undefined, params);
    expect(polled.errors ?? []).toEqual([]);
    expect(polled.alarms.map((a) => `${a.name}@${a.region}`).sort()).toEqual(['cpu-eu-west-1@eu-west-1']);
  });
});
