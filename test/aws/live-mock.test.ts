// Live adapter logic that moto cannot show (it never throttles, pages or reports PartialData), with the
// SDK clients mocked by aws-sdk-client-mock.
import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTableCommand, DynamoDBClient, RestoreTableToPointInTimeCommand } from '@aws-sdk/client-dynamodb';
import { ChangeResourceRecordSetsCommand, GetChangeCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAwsConfig } from '../../src/aws/config.js';
import { createLivePorts } from '../../src/aws/live/live-ports.js';
import { dnsFlip, metric, restorePitr, simTime, systemErrors, tableActive, T0 } from './support/fixtures.js';

const cw = mockClient(CloudWatchClient);
const ddb = mockClient(DynamoDBClient);
const r53 = mockClient(Route53Client);
afterEach(() => {
  cw.reset();
  ddb.reset();
  r53.reset();
});

const config = resolveAwsConfig({ region: 'eu-west-2', drRegion: 'eu-west-1' }, {});
function live(mode: 'live' | 'exercise' = 'live', allowActions = true) {
  const { clock, sleep } = simTime();
  return { ...createLivePorts({ config, allowActions, mode, clock, sleep }), clock };
}
const params = { table: 'orders', target_table: 'orders-restored', restore_time: '2026-03-01T10:00:00Z', zone: 'Z1', record: 'app.example.com', dr_ip: '198.51.100.7' };
const window = { start: T0 - 600_000, end: T0 };
const sdkErr = (name: string, status = 400) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('live metrics', () => {
  it('501 queries in one region make two GetMetricData calls (500 + 1)', async () => {
    cw.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: { Id: string }[] }) => ({ MetricDataResults: input.MetricDataQueries.map((q) => ({ Id: q.Id, StatusCode: 'Complete', Timestamps: [], Values: [] })) }));
    const specs = Array.from({ length: 501 }, (_, i) => metric({ id: `m${i}`, title: `m${i}`, namespace: 'N', metric: 'M' }));
    const series = await live().metrics.fetch(specs, params, window);
    const calls = cw.commandCalls(GetMetricDataCommand);
    expect(calls.map((c) => c.args[0].input.MetricDataQueries!.length)).toEqual([500, 1]);
    expect(series).toHaveLength(501);
  });

  it('one call per region per refresh', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    await live().metrics.fetch([systemErrors, { ...systemErrors, id: 'b' }, { ...systemErrors, id: 'c', region: 'dr' }], params, window);
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(2);
  });

  it('merges pages, sorts points, keeps gaps as gaps and maps status codes', async () => {
    cw.on(GetMetricDataCommand)
      .resolvesOnce({ NextToken: 'p2', MetricDataResults: [{ Id: 'q0', StatusCode: 'PartialData', Timestamps: [new Date(T0 - 60_000)], Values: [3] }] })
      .resolvesOnce({ MetricDataResults: [{ Id: 'q0', StatusCode: 'PartialData', Timestamps: [new Date(T0 - 300_000)], Values: [1] }, { Id: 'q1', StatusCode: 'Forbidden' }] });
    const [a, b] = await live().metrics.fetch([systemErrors, { ...systemErrors, id: 'denied' }], params, window);
    expect(a!.points).toEqual([{ t: new Date(T0 - 300_000).toISOString(), v: 1 }, { t: new Date(T0 - 60_000).toISOString(), v: 3 }]);
    expect(a!.status).toBe('PartialData');
    expect(b).toMatchObject({ status: 'Failed', error: { class: 'access-denied', iamAction: 'cloudwatch:GetMetricData' } });
    expect(cw.commandCalls(GetMetricDataCommand)[1]!.args[0].input.NextToken).toBe('p2');
  });

  it('a throttled call marks every pane of that call Failed with the reason', async () => {
    cw.on(GetMetricDataCommand).rejects(sdkErr('Throttling'));
    const [s] = await live().metrics.fetch([systemErrors], params, window);
    expect(s).toMatchObject({ status: 'Failed', points: [], error: { class: 'throttled' } });
  });
});

describe('live alarms', () => {
  it('pages through DescribeAlarms and reports transitions on the next poll', async () => {
    const alarm = (name: string, state: 'OK' | 'ALARM') => ({ AlarmName: name, StateValue: state, StateReason: 'r', StateUpdatedTimestamp: new Date(T0), Namespace: 'AWS/RDS', MetricName: 'CPU' });
    cw.on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [alarm('a', 'OK')], NextToken: 'n' })
      .resolvesOnce({ MetricAlarms: [alarm('b', 'OK')] })
      .resolvesOnce({ MetricAlarms: [alarm('a', 'ALARM'), alarm('b', 'OK')] });
    const { clock, sleep } = simTime();
    const ports = createLivePorts({ config: resolveAwsConfig({ region: 'us-east-1' }, {}), allowActions: false, mode: 'live', clock, sleep });
    const first = await ports.alarms.poll();
    expect(first.alarms.map((a) => a.name).sort()).toEqual(['a', 'b']);
    expect(first.alarms[0]!.metric).toBe('AWS/RDS/CPU');
    const second = await ports.alarms.poll();
    expect(second.transitions.map((t) => `${t.alarm} ${t.from}->${t.to}`)).toEqual(['a OK->ALARM']);
    expect(cw.commandCalls(DescribeAlarmsCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, 'n', undefined]);
  });

  it('polls the primary, DR and us-east-1 (Route 53 health-check alarms) regions; a failing region is reported, the others kept', async () => {
    let n = 0;
    cw.on(DescribeAlarmsCommand).callsFake(async () => {
      if (n++ === 0) throw sdkErr('AccessDenied', 403);
      return { MetricAlarms: [{ AlarmName: `a${n}`, StateValue: 'OK' }] };
    });
    const r = await live().alarms.poll();
    expect(cw.commandCalls(DescribeAlarmsCommand)).toHaveLength(3);
    expect(r.errors?.map((e) => e.class)).toEqual(['access-denied']);
    expect(r.alarms).toHaveLength(2);
  });
});

describe('live probes', () => {
  it('polls until the table is ACTIVE, with the evidence of the last read', async () => {
    ddb.on(DescribeTableCommand).resolvesOnce({ Table: { TableStatus: 'CREATING' } }).resolvesOnce({ Table: { TableStatus: 'CREATING' } }).resolves({ Table: { TableStatus: 'ACTIVE' } });
    const r = await live().probes.verify(tableActive, params);
    expect(r).toMatchObject({ passed: true, attempts: 3, elapsedMs: 60_000, evidence: { 'Table.TableStatus': 'ACTIVE' } });
  });

  it('access denied stops at once and names the IAM action', async () => {
    ddb.on(DescribeTableCommand).rejects(sdkErr('AccessDeniedException'));
    const r = await live().probes.verify(tableActive, params);
    expect(r).toMatchObject({ passed: false, attempts: 1, error: { class: 'access-denied', iamAction: 'dynamodb:DescribeTable' } });
  });

  it('throttling is retried until the deadline, then reported as throttled', async () => {
    ddb.on(DescribeTableCommand).rejects(sdkErr('ThrottlingException'));
    const r = await live().probes.verify({ ...tableActive, interval_seconds: 10, deadline_seconds: 30 }, params);
    expect(r.error?.class).toBe('throttled');
    expect(r.attempts).toBe(3);
    expect(r.summary).toMatch(/not met after 3 attempts, 30 s/);
  });

  it('refuses a mutating operation named in a verify, without calling', async () => {
    const r = await live().probes.verify({ ...tableActive, operation: 'DeleteTable' }, params);
    expect(r.error?.class).toBe('not-supported');
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('live actions', () => {
  it('exercise mode refuses without calling AWS, whatever the flags', async () => {
    const ports = live('exercise', true);
    expect(ports.actions.enabled).toBe(false);
    const r = await ports.actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(r.error?.class).toBe('actions-disabled');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('disabled (no --allow-actions) and a mismatched confirmation never call AWS', async () => {
    expect((await live('live', false).actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' })).error?.class).toBe('actions-disabled');
    expect((await live().actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored ' + 'x' })).error?.class).toBe('refused');
    expect(ddb.calls()).toHaveLength(0);
  });

  it('passes the restore time as a Date and reports the request id', async () => {
    ddb.on(RestoreTableToPointInTimeCommand).resolves({ TableDescription: { TableStatus: 'CREATING' }, $metadata: { requestId: 'RID-1' } });
    const r = await live().actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(r).toMatchObject({ ok: true, requestId: 'RID-1', simulated: false });
    const input = ddb.commandCalls(RestoreTableToPointInTimeCommand)[0]!.args[0].input;
    expect(input.RestoreDateTime).toEqual(new Date('2026-03-01T10:00:00Z'));
  });

  it('Route 53: ChangeResourceRecordSets, then GetChange until INSYNC', async () => {
    r53.on(ChangeResourceRecordSetsCommand).resolves({ ChangeInfo: { Id: '/change/C1', Status: 'PENDING', SubmittedAt: new Date(T0) } });
    r53.on(GetChangeCommand).resolvesOnce({ ChangeInfo: { Id: '/change/C1', Status: 'PENDING', SubmittedAt: new Date(T0) } }).resolves({ ChangeInfo: { Id: '/change/C1', Status: 'INSYNC', SubmittedAt: new Date(T0) } });
    const r = await live().actions.execute({ spec: dnsFlip, params, confirmation: 'app.example.com' });
    expect(r.ok).toBe(true);
    expect(r.summary).toMatch(/change \/change\/C1 INSYNC/);
    expect(r53.commandCalls(GetChangeCommand)).toHaveLength(2);
  });
});
