// GetServedRecord follows ListResourceRecordSets pages. moto ignores StartRecordIdentifier (it hands back the
// same page again), so a name whose record sets run past one page is shown with aws-sdk-client-mock.
import { GetHealthCheckCommand, GetHealthCheckStatusCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAwsConfig } from '../../src/aws/config.js';
import { createLivePorts } from '../../src/aws/live/live-ports.js';
import { simTime } from './support/fixtures.js';

const r53 = mockClient(Route53Client);
afterEach(() => r53.reset());

const config = resolveAwsConfig({ region: 'eu-west-2', drRegion: 'eu-west-1' }, {});
const ports = () => createLivePorts({ config, allowActions: false, mode: 'live', ...simTime() });
const verify = { service: 'route53' as const, operation: 'GetServedRecord', region: 'us-east-1', args: { HostedZoneId: 'Z1', RecordName: 'api.example.com' }, path: 'Served[*]', expect: { equals: 'dr-alb' }, match: 'all' as const, interval_seconds: 1, deadline_seconds: 1 };
const set = (id: string, value: string, extra: Record<string, unknown>) => ({ Name: 'api.example.com.', Type: 'CNAME' as const, SetIdentifier: id, TTL: 60, ResourceRecords: [{ Value: value }], ...extra });

describe('GetServedRecord pages through the record sets', () => {
  it('reads the SECONDARY on the second page and the primary health check, then serves the DR target', async () => {
    r53.on(ListResourceRecordSetsCommand)
      .resolvesOnce({ ResourceRecordSets: [set('primary', 'primary-alb', { Failover: 'PRIMARY', HealthCheckId: 'hc-p' })], IsTruncated: true, NextRecordName: 'api.example.com.', NextRecordType: 'CNAME', NextRecordIdentifier: 'secondary', MaxItems: 1 })
      .resolvesOnce({ ResourceRecordSets: [set('secondary', 'dr-alb', { Failover: 'SECONDARY' }), { Name: 'www.example.com.', Type: 'CNAME' as const, TTL: 60, ResourceRecords: [{ Value: 'x' }] }], IsTruncated: true, NextRecordName: 'zz.example.com.', NextRecordType: 'A', MaxItems: 1 });
    r53.on(GetHealthCheckCommand).resolves({ HealthCheck: { Id: 'hc-p', CallerReference: 'c', HealthCheckVersion: 1, HealthCheckConfig: { Type: 'HTTPS', Inverted: false } } });
    r53.on(GetHealthCheckStatusCommand).resolves({ HealthCheckObservations: [{ StatusReport: { Status: 'Failure: HTTP 503' } }] });
    const r = await ports().probes.verify(verify, {});
    expect(r.passed, r.summary).toBe(true);
    const calls = r53.commandCalls(ListResourceRecordSetsCommand).map((c) => c.args[0].input);
    // The second page starts at the set the first named; a page that moves on to another name ends the listing.
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ StartRecordName: 'api.example.com.', StartRecordType: 'CNAME', StartRecordIdentifier: 'secondary' });
  });

  it('stops when a server hands back the same page (no StartRecordIdentifier support)', async () => {
    r53.on(ListResourceRecordSetsCommand).resolves({ ResourceRecordSets: [set('a', 'dr-alb', { Weight: 10 })], IsTruncated: true, NextRecordName: 'api.example.com.', NextRecordType: 'CNAME', MaxItems: 1 });
    const r = await ports().probes.verify(verify, {});
    expect(r.passed, r.summary).toBe(true);
    expect(r53.commandCalls(ListResourceRecordSetsCommand).length).toBeLessThanOrEqual(2);
  });
});
