// confirm-region (region-failure-dr-failover) concludes from a majority of independent signals, on moto with a
// real local HTTP endpoint as the probed URL. moto has no AWS Health API, so that signal is "could not check"
// here (as it is for an account without a Business support plan); moto's health checkers always report
// success, so the failing-checker cases are in region-signals-mock.test.ts.
import { CreateHealthCheckCommand, Route53Client } from '@aws-sdk/client-route-53';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { probeOutcome, realSleep } from '../../src/aws/poll-verify.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { freePort, MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';

if (!MOTO) console.warn(`test/aws/region-signals-moto: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const scenario = loadCatalog({}).scenarios.find((s) => s.id === 'region-failure-dr-failover')!;
const confirm = scenario.steps.find((s) => s.id === 'confirm-region')!.verify!;
// Room for every signal's reads on a loaded machine; a verdict that holds ends the check at the first attempt.
const once = { interval_seconds: 4, deadline_seconds: 4 };
let moto: Moto;
let ports: CreatedPorts;
let web: Server;
let status = 200;
let webUrl = '';
let closedUrl = '';
let healthCheckId = '';
const creds = { accessKeyId: 'testing', secretAccessKey: 'testing' };

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  web = createServer((_req, res) => res.writeHead(status).end('health'));
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}/health`;
  closedUrl = `http://127.0.0.1:${await freePort()}/health`;
  const r53 = new Route53Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials: creds });
  healthCheckId = (await r53.send(new CreateHealthCheckCommand({ CallerReference: 'hc', HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: 'primary.example.com', Port: 443, ResourcePath: '/health' } }))).HealthCheck!.Id!;
  r53.destroy();
  const cw = new CloudWatchClient({ endpoint: moto.endpoint, region: REGION, credentials: creds });
  for (const name of ['primary-5xx', 'primary-latency']) {
    await cw.send(new PutMetricAlarmCommand({ AlarmName: name, Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_ELB_5XX_Count', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }));
  }
  await cw.send(new SetAlarmStateCommand({ AlarmName: 'primary-5xx', StateValue: 'ALARM', StateReason: 'test' }));
  await cw.send(new SetAlarmStateCommand({ AlarmName: 'primary-latency', StateValue: 'OK', StateReason: 'test' }));
  cw.destroy();
  ports = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(moto.endpoint, REGION), clock: { now: () => Date.now() }, sleep: realSleep });
});
afterAll(async () => {
  (ports as { clients?: { destroy(): void } } | undefined)?.clients?.destroy();
  await new Promise((r) => (web ? web.close(r) : r(undefined)));
  await moto?.stop();
});

describe.skipIf(!MOTO)('confirm-region: a majority of independent signals (moto)', () => {
  it('the runbook step: a probe that fails alone against a healthy health check concludes nothing (could not check)', async () => {
    const r = await ports.probes.verify({ ...confirm, ...once }, { health_check_id: healthCheckId, health_url: closedUrl, region: REGION });
    expect(r.passed).toBe(false);
    expect(probeOutcome(r), r.summary).toBe('could-not-check');
    expect(r.summary).toMatch(/no majority of 3 signals/);
    expect(r.summary).toMatch(/aws-health could-not-check/);
    expect(r.summary).toMatch(/route53-health-check up/);
    expect(r.summary).toMatch(/probe down/);
  });

  it('passes when the probe and the alarms say down (2 of 3, AWS Health not readable)', async () => {
    status = 503;
    const spec = { ...confirm, ...once, args: { ProbeUrl: webUrl, AlarmNames: ['primary-5xx'] } };
    const r = await ports.probes.verify(spec, { region: REGION });
    expect(r.passed, r.summary).toBe(true);
    expect(r.summary).toMatch(/down by 2 of 3 signals: aws-health could-not-check .*; probe down .*HTTP 503.*; alarms down \(in ALARM: primary-5xx\)/);
  });

  it('fails when a majority says the region is up (probe answers, alarms OK, health check healthy)', async () => {
    status = 200;
    const spec = { ...confirm, ...once, args: { HealthCheckId: healthCheckId, ProbeUrl: webUrl, AlarmNames: ['primary-latency'] } };
    const r = await ports.probes.verify(spec, { region: REGION });
    expect(r.passed).toBe(false);
    expect(probeOutcome(r)).toBe('failed');
    expect(r.summary).toMatch(/Verdict = "up"; expected equals down \(up by 3 of 4 signals/);
  });
});
