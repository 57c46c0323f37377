// One bad metric query fails its own pane only. CloudWatch rejects a whole GetMetricData call when one
// query is invalid (e.g. a statistic it does not know: "The value p99.x for parameter
// MetricDataQueries.member.2.MetricStat.Stat is not a valid statistic."). moto does not model this (its
// GetMetricData accepts any Stat and returns no values), so these tests use aws-sdk-client-mock.
import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAwsConfig } from '../../src/aws/config.js';
import { createLivePorts } from '../../src/aws/live/live-ports.js';
import type { MetricSpec } from '../../src/core/index.js';
import { simTime, systemErrors, T0 } from './support/fixtures.js';

const cw = mockClient(CloudWatchClient);
afterEach(() => cw.reset());

const config = resolveAwsConfig({ region: 'eu-west-2', drRegion: 'eu-west-1' }, {});
const live = () => createLivePorts({ config, allowActions: false, mode: 'live', clock: simTime().clock });
const params = { table: 'orders' };
const window = { start: T0 - 600_000, end: T0 };

const KNOWN = new Set(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p95', 'p99']);
const validationError = (message: string) => Object.assign(new Error(message), { name: 'ValidationError', $metadata: { httpStatusCode: 400 } });

/** Answers like CloudWatch: any unknown Stat fails the whole call, naming the members (1-based) when `name` is set. */
function cloudwatchLike(opts: { nameMembers: boolean }) {
  cw.on(GetMetricDataCommand).callsFake((input: { MetricDataQueries: MetricDataQuery[] }) => {
    const bad = input.MetricDataQueries.flatMap((q, i) => (KNOWN.has(q.MetricStat!.Stat!) ? [] : [i + 1]));
    if (bad.length) {
      throw validationError(opts.nameMembers
        ? bad.map((i) => `The value ${input.MetricDataQueries[i - 1]!.MetricStat!.Stat} for parameter MetricDataQueries.member.${i}.MetricStat.Stat is not a valid statistic.`).join('\n')
        : 'Invalid statistic in the request.');
    }
    return { MetricDataResults: input.MetricDataQueries.map((q) => ({ Id: q.Id, StatusCode: 'Complete', Timestamps: [new Date(T0 - 60_000)], Values: [7] })) };
  });
}

// A statistic the runbook schema would refuse, as a newer CloudWatch percentile syntax might arrive.
const badStat = { ...systemErrors, id: 'bad_latency', title: 'Bad latency', statistic: 'p99.x' } as unknown as MetricSpec;
const specs = [systemErrors, badStat, { ...systemErrors, id: 'third', title: 'Third' }, { ...systemErrors, id: 'fourth', title: 'Fourth' }];

describe('live metrics: a bad query fails alone', () => {
  it.each([
    ['the error names the member', true],
    ['the error names no member', false],
  ])('%s: its neighbours keep their data, the bad pane carries the AWS message', async (_name, nameMembers) => {
    cloudwatchLike({ nameMembers });
    const series = await live().metrics.fetch(specs, params, window);
    const byId = Object.fromEntries(series.map((s) => [s.id, s]));
    for (const id of ['system_errors', 'third', 'fourth']) {
      expect(byId[id], id).toMatchObject({ status: 'Complete', region: 'eu-west-2', points: [{ v: 7 }] });
      expect(byId[id]!.error).toBeUndefined();
    }
    expect(byId.bad_latency).toMatchObject({ status: 'Failed', points: [], region: 'eu-west-2', error: { class: 'invalid-parameter' } });
    expect(byId.bad_latency!.error!.message).toMatch(nameMembers ? /p99\.x .*is not a valid statistic/ : /Invalid statistic/);
    // Not blamed on the region.
    expect(byId.bad_latency!.error!.message).not.toMatch(/region may be impaired/);
  });

  it('two bad queries in one call each carry their own line of the error', async () => {
    cloudwatchLike({ nameMembers: true });
    const other = { ...badStat, id: 'bad_p', title: 'Bad p', statistic: 'p101' } as unknown as MetricSpec;
    const series = await live().metrics.fetch([systemErrors, badStat, other], params, window);
    const byId = Object.fromEntries(series.map((s) => [s.id, s]));
    expect(byId.system_errors).toMatchObject({ status: 'Complete', points: [{ v: 7 }] });
    expect(byId.bad_latency!.error!.message).toMatch(/^invalid parameter: cloudwatch GetMetricData in eu-west-2: The value p99\.x for parameter MetricDataQueries\.member\.2\./);
    expect(byId.bad_latency!.error!.message).not.toContain('p101');
    expect(byId.bad_p!.error!.message).toMatch(/^invalid parameter: cloudwatch GetMetricData in eu-west-2: The value p101 /);
  });

  it('a throttled call still fails every pane of that call (the region did not answer), with the region named', async () => {
    cw.on(GetMetricDataCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }));
    const series = await live().metrics.fetch([systemErrors, { ...systemErrors, id: 'b' }], params, window);
    expect(series.map((s) => s.error?.class)).toEqual(['throttled', 'throttled']);
    expect(series.map((s) => s.error?.region)).toEqual(['eu-west-2', 'eu-west-2']);
    expect(cw.commandCalls(GetMetricDataCommand)).toHaveLength(1);
  });

  it('a dr pane reads the DR region the incident names, not the flag\'s', async () => {
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
    const [s] = await live().metrics.fetch([{ ...systemErrors, region: 'dr' }], { ...params, dr_region: 'ap-southeast-2' }, window);
    expect(s!.region).toBe('ap-southeast-2');
    expect(await cw.commandCalls(GetMetricDataCommand)[0]!.thisValue.config.region()).toBe('ap-southeast-2');
  });
});

describe('live alarms: which regions, and which one failed', () => {
  it('reads the incident\'s primary and DR regions and us-east-1; a failure names its region', async () => {
    cw.on(DescribeAlarmsCommand).callsFake(async (_input: unknown, client: () => CloudWatchClient) => {
      const region = await client().config.region();
      if (region === 'ap-southeast-2') throw Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      return { MetricAlarms: [{ AlarmName: `alarm-in-${region}`, StateValue: 'OK' }] };
    });
    const r = await live().alarms.poll(undefined, { region: 'eu-central-1', dr_region: 'ap-southeast-2' });
    const asked = await Promise.all(cw.commandCalls(DescribeAlarmsCommand).map((c) => c.thisValue.config.region()));
    expect(asked.sort()).toEqual(['ap-southeast-2', 'eu-central-1', 'us-east-1']);
    expect(r.alarms.map((a) => a.region).sort()).toEqual(['eu-central-1', 'us-east-1']);
    expect(r.errors).toEqual([expect.objectContaining({ class: 'access-denied', region: 'ap-southeast-2' })]);
  });
});
