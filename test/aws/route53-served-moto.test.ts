// Route 53 failover and weighted names on moto: the dns-check proves where Route 53 sends users (the record set
// it serves, with the health check's state), and switch-dns fails a pair over through its health check.
import { ChangeResourceRecordSetsCommand, CreateHealthCheckCommand, UpdateHealthCheckCommand, CreateHostedZoneCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { probeOutcome } from '../../src/aws/poll-verify.js';
import { runRecordedAction } from '../../src/aws/recorded-action.js';
import type { NewEvent } from '../../src/core/index.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';
import { MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';

if (!MOTO) console.warn(`test/aws/route53-served-moto: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const DR = 'secondary-alb.us-west-2.elb.amazonaws.com';
const PRIMARY = 'primary-alb.eu-west-2.elb.amazonaws.com';
const scenario = loadCatalog({}).scenarios.find((s) => s.id === 'region-failure-dr-failover')!;
const step = (id: string) => scenario.steps.find((s) => s.id === id)!;
let moto: Moto;
let ports: CreatedPorts;
let r53: Route53Client;
let zoneId = '';
let healthCheckId = '';

async function change(Changes: unknown[]) {
  await r53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: Changes as never } }));
}

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  r53 = new Route53Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  zoneId = (await r53.send(new CreateHostedZoneCommand({ Name: 'audityzer.com', CallerReference: 'z1' }))).HostedZone!.Id!.replace('/hostedzone/', '');
  healthCheckId = (await r53.send(new CreateHealthCheckCommand({ CallerReference: 'hc1', HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: PRIMARY, ResourcePath: '/health', Port: 443 } }))).HealthCheck!.Id!;
  await change([
    { Action: 'CREATE', ResourceRecordSet: { Name: 'api.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'primary', Failover: 'PRIMARY', HealthCheckId: healthCheckId, ResourceRecords: [{ Value: PRIMARY }] } },
    { Action: 'CREATE', ResourceRecordSet: { Name: 'api.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'secondary', Failover: 'SECONDARY', ResourceRecords: [{ Value: DR }] } },
    { Action: 'CREATE', ResourceRecordSet: { Name: 'www.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'blue', Weight: 100, ResourceRecords: [{ Value: PRIMARY }] } },
    { Action: 'CREATE', ResourceRecordSet: { Name: 'www.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'green', Weight: 0, ResourceRecords: [{ Value: DR }] } },
  ]);
  const { clock, sleep } = simTime(Date.now());
  ports = createAwsPorts({ mode: 'live', allowActions: true, env: motoEnv(moto.endpoint, REGION), clock, sleep });
});
afterAll(async () => {
  r53?.destroy();
  (ports as { clients?: { destroy(): void } } | undefined)?.clients?.destroy();
  await moto?.stop();
});

describe.skipIf(!MOTO)('Route 53 failover and weighted names (moto)', () => {
  const params = () => ({ hosted_zone_id: zoneId, record_name: 'api.audityzer.com', dr_endpoint: DR, health_check_id: healthCheckId });
  const dnsCheck = () => ({ ...step('dns-check').verify!, interval_seconds: 1, deadline_seconds: 2 });

  it('failover pair: fails while the primary health check is healthy (Route 53 still serves the PRIMARY set)', async () => {
    const r = await ports.probes.verify(dnsCheck(), params());
    expect(r.passed).toBe(false);
    expect(probeOutcome(r)).toBe('failed');
    expect(r.evidence['Served[*]']).toBe(PRIMARY);
  });

  it('weighted name: fails while the weight is on the primary, passes once the weight is moved to the DR set', async () => {
    const p = { ...params(), record_name: 'www.audityzer.com' };
    const before = await ports.probes.verify(dnsCheck(), p);
    expect(before.passed).toBe(false);
    await change([
      { Action: 'UPSERT', ResourceRecordSet: { Name: 'www.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'blue', Weight: 0, ResourceRecords: [{ Value: PRIMARY }] } },
      { Action: 'UPSERT', ResourceRecordSet: { Name: 'www.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'green', Weight: 100, ResourceRecords: [{ Value: DR }] } },
    ]);
    const after = await ports.probes.verify(dnsCheck(), p);
    expect(after.passed, after.summary).toBe(true);
  });

  it('switch-dns fails the pair over through its health check, writes no plain CNAME, and the dns-check then passes', async () => {
    const spec = step('switch-dns').action!;
    const events: NewEvent[] = [];
    const r = await runRecordedAction(ports, (e) => events.push(e), { spec: { ...spec, wait: { ...spec.wait!, interval_seconds: 1, deadline_seconds: 5 } }, params: params(), confirmation: 'api.audityzer.com' }, { scenario: scenario.id, step: 'switch-dns' });
    expect(r.outcome, r.wait?.summary).toBe('proved');
    const before = events.find((e) => e.kind === 'aws.read')!.data as unknown as { values: { state: Record<string, string> } };
    expect(before.values.state.inverted).toBe('false');
    const sets = (await r53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }))).ResourceRecordSets!.filter((s) => s.Name === 'api.audityzer.com.');
    expect(sets.map((s) => s.SetIdentifier).sort()).toEqual(['primary', 'secondary']);
    const check = await ports.probes.verify(dnsCheck(), params());
    expect(check.passed, check.summary).toBe(true);
  });

  it('alias failover pair: the PRIMARY alias is unhealthy when its same-zone target is, and the DR target is served', async () => {
    // api2 is a failover pair of aliases to records of the zone, each simple record with its own health check.
    const targetCheck = (await r53.send(new CreateHealthCheckCommand({ CallerReference: 'hc-alias', HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: PRIMARY, ResourcePath: '/health', Port: 443 } }))).HealthCheck!.Id!;
    const alias = (target: string) => ({ HostedZoneId: zoneId, DNSName: target, EvaluateTargetHealth: true });
    await change([
      { Action: 'CREATE', ResourceRecordSet: { Name: 'primary.api2.audityzer.com', Type: 'CNAME', TTL: 60, HealthCheckId: targetCheck, ResourceRecords: [{ Value: PRIMARY }] } },
      { Action: 'CREATE', ResourceRecordSet: { Name: 'dr.api2.audityzer.com', Type: 'CNAME', TTL: 60, ResourceRecords: [{ Value: DR }] } },
      { Action: 'CREATE', ResourceRecordSet: { Name: 'api2.audityzer.com', Type: 'CNAME', SetIdentifier: 'primary', Failover: 'PRIMARY', AliasTarget: alias('primary.api2.audityzer.com') } },
      { Action: 'CREATE', ResourceRecordSet: { Name: 'api2.audityzer.com', Type: 'CNAME', SetIdentifier: 'secondary', Failover: 'SECONDARY', AliasTarget: alias('dr.api2.audityzer.com') } },
    ]);
    const p = { ...params(), record_name: 'api2.audityzer.com' };
    const healthy = await ports.probes.verify(dnsCheck(), p);
    expect(healthy.passed).toBe(false);
    expect(healthy.evidence['Served[*]']).toBe(PRIMARY);
    await r53.send(new UpdateHealthCheckCommand({ HealthCheckId: targetCheck, Inverted: true }));
    const failed = await ports.probes.verify(dnsCheck(), p);
    expect(failed.passed, failed.summary).toBe(true);
    expect(failed.evidence['Served[*]']).toBe(DR);
  });

  it('dns-route53-failover: check-records tells a failover pair from a plain CNAME; force-failover is proved on the pair', async () => {
    const dns = loadCatalog({}).scenarios.find((s) => s.id === 'dns-route53-failover')!;
    const dnsStep = (id: string) => dns.steps.find((s) => s.id === id)!;
    await change([{ Action: 'CREATE', ResourceRecordSet: { Name: 'plain.audityzer.com', Type: 'CNAME', TTL: 60, ResourceRecords: [{ Value: PRIMARY }] } }]);
    const fresh = (await r53.send(new CreateHealthCheckCommand({ CallerReference: 'hc-dns', HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: PRIMARY, ResourcePath: '/health', Port: 443 } }))).HealthCheck!.Id!;
    await change([
      { Action: 'CREATE', ResourceRecordSet: { Name: 'app.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'primary', Failover: 'PRIMARY', HealthCheckId: fresh, ResourceRecords: [{ Value: PRIMARY }] } },
      { Action: 'CREATE', ResourceRecordSet: { Name: 'app.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: 'secondary', Failover: 'SECONDARY', ResourceRecords: [{ Value: DR }] } },
    ]);
    const p = { hosted_zone_id: zoneId, record_name: 'app.audityzer.com', dr_endpoint: DR, health_check_id: fresh };
    const kind = { ...dnsStep('check-records').verify!, interval_seconds: 1, deadline_seconds: 1 };
    expect((await ports.probes.verify(kind, { ...p, record_name: 'plain.audityzer.com' })).passed).toBe(false);
    expect((await ports.probes.verify(kind, p)).passed).toBe(true);
    const spec = dnsStep('force-failover').action!;
    const r = await runRecordedAction(ports, () => undefined, { spec: { ...spec, wait: { ...spec.wait!, interval_seconds: 1, deadline_seconds: 5 } }, params: p, confirmation: 'app.audityzer.com' }, { scenario: dns.id, step: 'force-failover' });
    expect(r.outcome, r.wait?.summary).toBe('proved');
    expect((await ports.probes.verify({ ...dnsStep('dns-check').verify!, interval_seconds: 1, deadline_seconds: 2 }, p)).passed).toBe(true);
  });

  it('weighted name: a ChangeResourceRecordSets action that moves the weight by set identifier is proved by the served check', async () => {
    const weighted = (id: string, Weight: number, Value: string) => ({ Action: 'UPSERT', ResourceRecordSet: { Name: 'shop.audityzer.com', Type: 'CNAME', TTL: 60, SetIdentifier: id, Weight, ResourceRecords: [{ Value }] } });
    await change([weighted('blue', 100, PRIMARY), weighted('green', 0, DR)]);
    const p = { ...params(), record_name: 'shop.audityzer.com' };
    const spec = {
      service: 'route53' as const, operation: 'ChangeResourceRecordSets', region: 'us-east-1', confirm: '{{record_name}}',
      args: { HostedZoneId: '{{hosted_zone_id}}', ChangeBatch: { Changes: [weighted('blue', 0, PRIMARY), weighted('green', 100, '{{dr_endpoint}}')] } },
      wait: { ...step('dns-check').verify!, interval_seconds: 1, deadline_seconds: 5 },
    };
    const events: NewEvent[] = [];
    const r = await runRecordedAction(ports, (e) => events.push(e), { spec, params: p, confirmation: 'shop.audityzer.com' }, { scenario: 'weighted', step: 'shift' });
    expect(r.outcome, r.wait?.summary).toBe('proved');
    const sets = (await r53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }))).ResourceRecordSets!.filter((x) => x.Name === 'shop.audityzer.com.');
    expect(sets.map((x) => [x.SetIdentifier, x.Weight]).sort()).toEqual([['blue', 0], ['green', 100]]);
  });
});
