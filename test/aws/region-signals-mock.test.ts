// confirm-region's signals moto cannot produce: AWS Health (moto has no Health API) with open issues or without
// a support plan, and Route 53 checkers that report failure (moto's always report success). Mocked with
// aws-sdk-client-mock; the probe is a real closed loopback port.
import { DescribeEventsCommand, HealthClient } from '@aws-sdk/client-health';
import { GetHealthCheckCommand, GetHealthCheckStatusCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveAwsConfig } from '../../src/aws/config.js';
import { createLivePorts } from '../../src/aws/live/live-ports.js';
import { probeOutcome } from '../../src/aws/poll-verify.js';
import { regionVerdict, type RegionSignal } from '../../src/aws/region-signals.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';
import { freePort } from './support/moto.js';

const health = mockClient(HealthClient);
const r53 = mockClient(Route53Client);
afterEach(() => {
  health.reset();
  r53.reset();
});

const config = resolveAwsConfig({ region: 'eu-west-2', drRegion: 'eu-west-1' }, {});
const ports = () => createLivePorts({ config, allowActions: false, mode: 'live', ...simTime() });
const confirm = { ...loadCatalog({}).scenarios.find((s) => s.id === 'region-failure-dr-failover')!.steps.find((s) => s.id === 'confirm-region')!.verify!, interval_seconds: 1, deadline_seconds: 1 };
let closedUrl = '';
beforeAll(async () => {
  closedUrl = `http://127.0.0.1:${await freePort()}/health`;
});
const checkers = (failing: number, total: number) => ({ HealthCheckObservations: Array.from({ length: total }, (_, i) => ({ Region: 'us-east-1' as const, StatusReport: { Status: i < failing ? 'Failure: Connection timed out' : 'Success: HTTP Status Code 200' } })) });
const hc = { HealthCheck: { Id: 'hc-1', CallerReference: 'c', HealthCheckVersion: 1, HealthCheckConfig: { Type: 'HTTPS' as const } } };

describe('region verdict', () => {
  const s = (Result: RegionSignal['Result']): RegionSignal => ({ Signal: 'probe', Result, Detail: '' });
  it('needs a strict majority of the signals asked; could-not-check counts for neither side', () => {
    expect(regionVerdict([s('down'), s('down'), s('up')])).toBe('down');
    expect(regionVerdict([s('down'), s('could-not-check'), s('up')])).toBe('no-majority');
    expect(regionVerdict([s('down'), s('could-not-check'), s('could-not-check')])).toBe('no-majority');
    expect(regionVerdict([s('up'), s('up'), s('could-not-check')])).toBe('up');
    expect(regionVerdict([s('down'), s('down'), s('up'), s('up')])).toBe('no-majority');
  });
});

describe('confirm-region with AWS Health and failing checkers (aws-sdk-client-mock)', () => {
  it('one failing checker of 16 does not confirm the outage (the region is up by the majority)', async () => {
    health.on(DescribeEventsCommand).resolves({ events: [] });
    r53.on(GetHealthCheckCommand).resolves(hc).on(GetHealthCheckStatusCommand).resolves(checkers(1, 16));
    const web = await import('node:http');
    const srv = web.createServer((_q, res) => res.writeHead(200).end());
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    try {
      const r = await ports().probes.verify(confirm, { health_check_id: 'hc-1', health_url: `http://127.0.0.1:${(srv.address() as { port: number }).port}/` });
      expect(r.passed).toBe(false);
      expect(probeOutcome(r)).toBe('failed');
      expect(r.summary).toMatch(/up by 3 of 3 signals/);
    } finally {
      srv.close();
    }
  });

  it('AWS Health open issue, failing checkers and an unreachable endpoint: down by 3 of 3', async () => {
    health.on(DescribeEventsCommand).resolves({ events: [{ service: 'EC2', region: 'eu-west-2', eventTypeCategory: 'issue', statusCode: 'open' }] });
    r53.on(GetHealthCheckCommand).resolves(hc).on(GetHealthCheckStatusCommand).resolves(checkers(16, 16));
    const r = await ports().probes.verify(confirm, { health_check_id: 'hc-1', health_url: closedUrl });
    expect(r.passed, r.summary).toBe(true);
    expect(r.summary).toMatch(/aws-health down \(1 open AWS Health issue in eu-west-2: EC2\); route53-health-check down \(hc-1: 0 of 16 checkers report success\); probe down/);
    expect(health.commandCalls(DescribeEventsCommand)[0]!.args[0].input.filter).toEqual({ regions: ['eu-west-2'], eventTypeCategories: ['issue'], eventStatusCodes: ['open'] });
  });

  it('without a support plan AWS Health is not read; the other two still decide', async () => {
    health.on(DescribeEventsCommand).rejects(Object.assign(new Error('The AWS Health API requires a Business support plan'), { name: 'SubscriptionRequiredException', $metadata: { httpStatusCode: 400 } }));
    r53.on(GetHealthCheckCommand).resolves(hc).on(GetHealthCheckStatusCommand).resolves(checkers(15, 16));
    const r = await ports().probes.verify(confirm, { health_check_id: 'hc-1', health_url: closedUrl });
    expect(r.passed, r.summary).toBe(true);
    expect(r.summary).toMatch(/down by 2 of 3 signals: aws-health could-not-check \(.*Business support plan/);
  });

  it('an inverted (forced) health check still counts by its checkers, not the inversion', async () => {
    health.on(DescribeEventsCommand).resolves({ events: [] });
    r53.on(GetHealthCheckCommand).resolves({ HealthCheck: { ...hc.HealthCheck, HealthCheckConfig: { Type: 'HTTPS', Inverted: true } } }).on(GetHealthCheckStatusCommand).resolves(checkers(0, 16));
    const r = await ports().probes.verify(confirm, { health_check_id: 'hc-1', health_url: closedUrl });
    expect(probeOutcome(r)).toBe('failed');
    expect(r.summary).toMatch(/up by 2 of 3 signals: .*route53-health-check up \(hc-1: 16 of 16 checkers report success\)/);
  });
});
