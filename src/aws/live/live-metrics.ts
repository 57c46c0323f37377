// CloudWatch panes: one GetMetricData call per region per refresh (500 queries a call), paginated.
// Missing datapoints stay missing; a failed call marks its series Failed so the console shows them stale.
import { systemClock } from '../../system-clock.js';
import { GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { MetricSpec } from '../../core/index.js';
import { planMetricCalls, type PlannedCall } from '../metric-plan.js';
import type { AwsFailure, MetricPoint, MetricSeries, MetricsPort } from '../ports.js';
import { callAws } from './call.js';
import type { LiveClients } from './clients.js';

export const toSeries = (spec: MetricSpec, region: string, fetchedAt: string, points: MetricPoint[], status: MetricSeries['status'], error?: AwsFailure): MetricSeries => ({
  id: spec.id, label: spec.title, unit: spec.unit, region, points, status, fetchedAt, ...(error ? { error } : {}),
});

export function pointsOf(result: MetricDataResult | undefined): MetricPoint[] {
  const ts = result?.Timestamps ?? [];
  const vs = result?.Values ?? [];
  const points: MetricPoint[] = [];
  ts.forEach((t, i) => {
    const v = vs[i];
    if (typeof v === 'number' && Number.isFinite(v)) points.push({ t: new Date(t).toISOString(), v });
  });
  return points.sort((a, b) => a.t.localeCompare(b.t));
}

async function fetchCall(clients: LiveClients, call: PlannedCall, window: { start: number; end: number }, fetchedAt: () => string, signal?: AbortSignal): Promise<MetricSeries[]> {
  const region = clients.regionName(call.region);
  const client = clients.get('cloudwatch', call.region);
  const results = new Map<string, MetricDataResult>();
  const { deadlineMs } = clients.budgets.read;
  const started = systemClock.now();
  let next: string | undefined;
  let partial = false;
  do {
    const command = new GetMetricDataCommand({
      StartTime: new Date(window.start),
      EndTime: new Date(window.end),
      ScanBy: 'TimestampAscending',
      ...(next ? { NextToken: next } : {}),
      MetricDataQueries: call.queries.map((q) => ({
        Id: q.queryId,
        Label: q.spec.title,
        ReturnData: true,
        MetricStat: { Metric: { Namespace: q.spec.namespace, MetricName: q.spec.metric, Dimensions: q.dimensions }, Period: q.spec.period_seconds, Stat: q.spec.statistic },
      })),
    });
    const res = await callAws<{ MetricDataResults?: MetricDataResult[]; NextToken?: string }>(client, command, { service: 'cloudwatch', operation: 'GetMetricData', region }, deadlineMs - (systemClock.now() - started), signal);
    if (!res.ok) {
      if (results.size === 0) return call.queries.map((q) => toSeries(q.spec, region, fetchedAt(), [], 'Failed', res.error));
      partial = true; // later pages failed: keep what arrived, say it is partial
      break;
    }
    for (const r of res.value.MetricDataResults ?? []) {
      const prev = results.get(r.Id ?? '');
      results.set(r.Id ?? '', prev ? { ...r, Timestamps: [...(prev.Timestamps ?? []), ...(r.Timestamps ?? [])], Values: [...(prev.Values ?? []), ...(r.Values ?? [])] } : r);
    }
    next = res.value.NextToken;
  } while (next);
  return call.queries.map((q) => {
    const r = results.get(q.queryId);
    const code = r?.StatusCode;
    if (code === 'Forbidden') return toSeries(q.spec, region, fetchedAt(), [], 'Failed', { class: 'access-denied', iamAction: 'cloudwatch:GetMetricData', message: `access denied: missing IAM action cloudwatch:GetMetricData for ${q.spec.namespace} ${q.spec.metric}` });
    if (code === 'InternalError') return toSeries(q.spec, region, fetchedAt(), pointsOf(r), 'Failed', { class: 'unreachable', message: `unreachable: CloudWatch reported an internal error for ${q.spec.metric} in ${region}` });
    return toSeries(q.spec, region, fetchedAt(), pointsOf(r), partial || code === 'PartialData' ? 'PartialData' : 'Complete');
  });
}

export function liveMetrics(clients: LiveClients, now: () => number): MetricsPort {
  return {
    async fetch(specs, params, window, signal) {
      const fetchedAt = () => new Date(now()).toISOString();
      const { calls, problems } = planMetricCalls(specs, params);
      const failed = problems.map((p) => toSeries(p.spec, clients.regionName(p.spec.region), fetchedAt(), [], 'Failed', { class: 'invalid-parameter', message: `invalid parameter: ${p.message}` }));
      const fetched = await Promise.all(calls.map((c) => fetchCall(clients, c, window, fetchedAt, signal)));
      const byId = new Map([...failed, ...fetched.flat()].map((s) => [s.id, s] as const));
      // Back in the order asked for.
      return specs.map((s) => byId.get(s.id)).filter((s): s is MetricSeries => s !== undefined);
    },
  };
}
