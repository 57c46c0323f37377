// CloudWatch panes: one GetMetricData call per region per refresh (500 queries a call), paginated.
// Missing datapoints stay missing. A call that fails marks its own series Failed; a call CloudWatch rejects
// as invalid (one bad query fails the whole call) is split until the bad query fails alone, with AWS's message.
import { systemClock } from '../../system-clock.js';
import { GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { MetricSpec } from '../../core/index.js';
import { planMetricCalls, type PlannedQuery } from '../metric-plan.js';
import type { AwsFailure, MetricPoint, MetricSeries, MetricsPort } from '../ports.js';
import { regionFor } from '../../core/regions.js';
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

type Window = { start: number; end: number };
type Pages = { ok: true; results: Map<string, MetricDataResult>; partial: boolean } | { ok: false; error: AwsFailure };

/** All pages of one GetMetricData call. A later page failing keeps what arrived, marked partial. */
async function readPages(clients: LiveClients, region: string, queries: readonly PlannedQuery[], window: Window, signal?: AbortSignal): Promise<Pages> {
  const client = clients.get('cloudwatch', region);
  const results = new Map<string, MetricDataResult>();
  const { deadlineMs } = clients.budgets.read;
  const started = systemClock.now();
  let next: string | undefined;
  do {
    const command = new GetMetricDataCommand({
      StartTime: new Date(window.start),
      EndTime: new Date(window.end),
      ScanBy: 'TimestampAscending',
      ...(next ? { NextToken: next } : {}),
      MetricDataQueries: queries.map((q) => ({
        Id: q.queryId,
        Label: q.spec.title,
        ReturnData: true,
        MetricStat: { Metric: { Namespace: q.spec.namespace, MetricName: q.spec.metric, Dimensions: q.dimensions }, Period: q.spec.period_seconds, Stat: q.spec.statistic },
      })),
    });
    const res = await callAws<{ MetricDataResults?: MetricDataResult[]; NextToken?: string }>(client, command, { service: 'cloudwatch', operation: 'GetMetricData', region }, deadlineMs - (systemClock.now() - started), signal);
    if (!res.ok) return results.size === 0 ? { ok: false, error: { ...res.error, region } } : { ok: true, results, partial: true };
    for (const r of res.value.MetricDataResults ?? []) {
      const prev = results.get(r.Id ?? '');
      results.set(r.Id ?? '', prev ? { ...r, Timestamps: [...(prev.Timestamps ?? []), ...(r.Timestamps ?? [])], Values: [...(prev.Values ?? []), ...(r.Values ?? [])] } : r);
    }
    next = res.value.NextToken;
  } while (next);
  return { ok: true, results, partial: false };
}

/** The 0-based positions CloudWatch names in a validation error ("MetricDataQueries.member.3..." is 1-based). */
export function namedMembers(message: string, count: number): number[] {
  const found = [...message.matchAll(/MetricDataQueries\.member\.(\d+)/g)].map((m) => Number(m[1]) - 1);
  return [...new Set(found)].filter((i) => i >= 0 && i < count);
}

/** Of an error naming several members (one line each), the line about member `index` (0-based). */
function memberError(error: AwsFailure, index: number): AwsFailure {
  const lines = error.message.split(' ⏎ ');
  const mine = lines.find((l) => l.includes(`MetricDataQueries.member.${index + 1}.`));
  if (lines.length === 1 || !mine) return error;
  const prefix = /^[^:]+: [^:]+: /.exec(lines[0]!)?.[0] ?? '';
  return { ...error, message: mine === lines[0] ? mine : `${prefix}${mine}` };
}

async function fetchQueries(clients: LiveClients, region: string, queries: readonly PlannedQuery[], window: Window, fetchedAt: () => string, signal?: AbortSignal): Promise<MetricSeries[]> {
  const res = await readPages(clients, region, queries, window, signal);
  if (!res.ok) {
    // Throttled, timed out, denied: the region did not answer, so every pane of the call failed.
    if (res.error.class !== 'invalid-parameter' || queries.length === 1) return queries.map((q) => toSeries(q.spec, region, fetchedAt(), [], 'Failed', res.error));
    // One bad query fails the whole call: fail the members it names, or split the call until it stands alone.
    const named = namedMembers(res.error.message, queries.length);
    if (named.length > 0 && named.length < queries.length) {
      const bad = named.map((i) => toSeries(queries[i]!.spec, region, fetchedAt(), [], 'Failed', memberError(res.error, i)));
      return [...bad, ...(await fetchQueries(clients, region, queries.filter((_, i) => !named.includes(i)), window, fetchedAt, signal))];
    }
    const half = Math.ceil(queries.length / 2);
    const parts = await Promise.all([queries.slice(0, half), queries.slice(half)].map((part) => fetchQueries(clients, region, part, window, fetchedAt, signal)));
    return parts.flat();
  }
  return queries.map((q) => {
    const r = res.results.get(q.queryId);
    const code = r?.StatusCode;
    if (code === 'Forbidden') return toSeries(q.spec, region, fetchedAt(), [], 'Failed', { class: 'access-denied', region, iamAction: 'cloudwatch:GetMetricData', message: `access denied: missing IAM action cloudwatch:GetMetricData for ${q.spec.namespace} ${q.spec.metric}` });
    if (code === 'InternalError') return toSeries(q.spec, region, fetchedAt(), pointsOf(r), 'Failed', { class: 'unreachable', region, message: `unreachable: CloudWatch reported an internal error for ${q.spec.metric} in ${region}` });
    return toSeries(q.spec, region, fetchedAt(), pointsOf(r), res.partial || code === 'PartialData' ? 'PartialData' : 'Complete');
  });
}

export function liveMetrics(clients: LiveClients, now: () => number): MetricsPort {
  return {
    async fetch(specs, params, window, signal) {
      const fetchedAt = () => new Date(now()).toISOString();
      // The incident's own regions (its region/dr_region params) before the session's flags.
      const regionOf = (ref: MetricSpec['region']) => regionFor(ref, params, { region: clients.config.region, drRegion: clients.config.drRegion });
      const { calls, problems } = planMetricCalls(specs, params, regionOf);
      const failed = problems.map((p) => toSeries(p.spec, regionOf(p.spec.region), fetchedAt(), [], 'Failed', { class: 'invalid-parameter', message: `invalid parameter: ${p.message}` }));
      const fetched = await Promise.all(calls.map((c) => fetchQueries(clients, c.region, c.queries, window, fetchedAt, signal)));
      const byId = new Map([...failed, ...fetched.flat()].map((s) => [s.id, s] as const));
      // Back in the order asked for.
      return specs.map((s) => byId.get(s.id)).filter((s): s is MetricSeries => s !== undefined);
    },
  };
}
