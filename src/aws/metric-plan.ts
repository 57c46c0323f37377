// Pure planning of metric fetches: which GetMetricData calls to make (at most 500 queries each, one region
// per call) and when each pane is due again (never faster than its period).
import { fillTemplate, type MetricSpec, type RegionRef } from '../core/index.js';

export const MAX_QUERIES_PER_CALL = 500;

export interface PlannedQuery {
  /** GetMetricData query id: unique within a call, maps the result back to its spec. */
  queryId: string;
  spec: MetricSpec;
  dimensions: { Name: string; Value: string }[];
}

export interface PlannedCall {
  /** The region the call goes to: the spec's ref as the caller resolves it (unresolved by default). */
  region: string;
  queries: PlannedQuery[];
}

export interface PlanProblem {
  spec: MetricSpec;
  message: string;
}

/** Groups specs by region (as `regionOf` names it) and cuts each group into calls of at most 500 queries. */
export function planMetricCalls(
  specs: readonly MetricSpec[],
  params: Readonly<Record<string, string>>,
  regionOf: (ref: RegionRef) => string = (ref) => ref,
): { calls: PlannedCall[]; problems: PlanProblem[] } {
  const byRegion = new Map<string, PlannedQuery[]>();
  const problems: PlanProblem[] = [];
  specs.forEach((spec, i) => {
    try {
      const dimensions = Object.entries(spec.dimensions).map(([Name, v]) => ({ Name, Value: fillTemplate(v, params) }));
      const region = regionOf(spec.region);
      const list = byRegion.get(region) ?? [];
      list.push({ queryId: `q${i}`, spec, dimensions });
      byRegion.set(region, list);
    } catch (err) {
      problems.push({ spec, message: err instanceof Error ? err.message : String(err) });
    }
  });
  const calls: PlannedCall[] = [];
  for (const [region, queries] of byRegion) {
    for (let i = 0; i < queries.length; i += MAX_QUERIES_PER_CALL) calls.push({ region, queries: queries.slice(i, i + MAX_QUERIES_PER_CALL) });
  }
  return { calls, problems };
}

/** When a pane should be fetched next: one period after its last fetch (CloudWatch has nothing newer before). */
export function nextRefreshAt(spec: Pick<MetricSpec, 'period_seconds'>, lastFetchedMs: number | undefined, minIntervalMs = 10_000): number {
  if (lastFetchedMs === undefined) return 0;
  return lastFetchedMs + Math.max(spec.period_seconds * 1000, minIntervalMs);
}

/** The specs due at `now`, given when each id was last fetched. */
export function dueSpecs<S extends Pick<MetricSpec, 'id' | 'period_seconds'>>(specs: readonly S[], lastFetched: ReadonlyMap<string, number>, now: number): S[] {
  return specs.filter((s) => nextRefreshAt(s, lastFetched.get(s.id)) <= now);
}
