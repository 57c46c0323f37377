// GetMetricData as a verify reads it, answered from the simulated metric curves: a query matches a pane of the
// loaded scenario by namespace and metric name; anything else has no datapoints, as CloudWatch would answer.
import type { MetricSpec } from '../../core/index.js';
import type { SimMetrics } from './metrics.js';

interface Query { Id?: string; MetricStat?: { Metric?: { Namespace?: string; MetricName?: string }; Period?: number } }

const ms = (v: unknown, fallback: number) => {
  const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : Number.NaN;
  return Number.isNaN(t) ? fallback : t;
};

export function simMetricData(model: SimMetrics, specs: readonly MetricSpec[], args: Record<string, unknown>, now: number) {
  const end = ms(args.EndTime, now);
  const start = ms(args.StartTime, end - 3_600_000);
  const queries = (Array.isArray(args.MetricDataQueries) ? args.MetricDataQueries : []) as Query[];
  return {
    MetricDataResults: queries.map((q) => {
      const metric = q.MetricStat?.Metric;
      const spec = specs.find((s) => s.namespace === metric?.Namespace && s.metric === metric?.MetricName);
      const period = q.MetricStat?.Period ?? spec?.period_seconds ?? 60;
      const points = spec ? model.points({ ...spec, period_seconds: period }, start, end, now) : [];
      return { Id: q.Id, Label: metric?.MetricName, StatusCode: 'Complete', Timestamps: points.map((p) => new Date(p.t)), Values: points.map((p) => p.v) };
    }),
  };
}
