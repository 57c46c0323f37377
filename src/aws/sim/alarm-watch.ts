// CloudWatch alarm evaluation in the simulated AWS: an alarm the scenario declares follows the metric pane it
// watches, so a metric inject that crosses the pane's threshold fires the alarm, and one that brings it back
// clears it. Evaluated on the pane's latest whole-period datapoint, the same value the pane shows.
import type { MetricSpec } from '../../core/index.js';
import { thresholdLevel } from '../../core/thresholds.js';
import type { SimMetrics } from './metrics.js';
import type { SimAlarm, SimWorld } from './world.js';

/** Namespaces as alarm names spell them ("simple-log-service-dev-api-5xx" watches AWS/ApiGateway). */
const SERVICE_WORDS: Record<string, readonly string[]> = {
  'AWS/ApiGateway': ['api', 'apigateway', 'apigw', 'gateway'],
  'AWS/RDS': ['rds', 'aurora', 'db'],
  'AWS/ApplicationELB': ['alb', 'elb'],
  'AWS/Route53': ['route53'],
};

const words = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z0-9]+)([A-Z][a-z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
/** "throttles", "throttled" and "throttle" are one word; so are "errors" and "error". */
const stem = (w: string) => w.replace(/(es|ed|s)$/, '').replace(/e$/, '');
/** Metric-name words that say nothing about what is measured. */
const GENERIC = new Set(['requests', 'events', 'count', 'units', 'status'].map(stem));

function serviceWords(namespace: string): readonly string[] {
  return SERVICE_WORDS[namespace] ?? [namespace.replace(/^AWS\//, '').toLowerCase()];
}

/**
 * The pane an alarm watches. The catalog declares alarms by name only (injects, DescribeAlarms args), so the
 * link is read from the name: it must name the pane's service and a word of its metric; the first such pane
 * of the scenario wins. An alarm with no such pane, or a pane with no threshold, is left as injects set it.
 */
export function watchedPane(alarm: string, specs: readonly MetricSpec[]): MetricSpec | undefined {
  const said = new Set(words(alarm).map(stem));
  return specs.find((s) => {
    const service = serviceWords(s.namespace).map(stem);
    // A metric word that is the service's own ("Aurora" in AuroraReplicaLag) says nothing about the metric.
    const measured = words(s.metric).map(stem).filter((w) => !GENERIC.has(w) && !service.includes(w));
    return (s.warning ?? s.critical) !== undefined && service.some((w) => said.has(w)) && measured.some((w) => said.has(w));
  });
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/** CloudWatch's own wording, e.g. "Threshold Crossed: 1 datapoint [5.1] was greater than the threshold (1.0)." */
export function thresholdReason(spec: MetricSpec, value: number, breaching: boolean): string {
  const side = spec.bad_when === 'below' ? 'less than' : 'greater than';
  return `Threshold Crossed: 1 datapoint [${value}] was ${breaching ? '' : 'not '}${side} the threshold (${fmt((spec.warning ?? spec.critical)!)}).`;
}

/**
 * Watches the world's alarms. Edge-triggered: an alarm moves only when its metric crosses the threshold, so an
 * alarm inject (a scripted ALARM or OK) stands until the metric itself crosses; a metric no inject moved
 * stays at its healthy baseline, clear of the threshold, and never moves its alarm.
 */
export class SimAlarmWatch {
  /** Per alarm: whether its metric was last seen breaching (every pane starts healthy). */
  private readonly breaching = new Map<string, boolean>();

  constructor(
    private readonly world: SimWorld,
    private readonly model: SimMetrics,
    private readonly specs: readonly MetricSpec[],
    private readonly regionOf: (spec: MetricSpec) => string,
  ) {}

  evaluate(): void {
    const now = this.world.clock.now();
    for (const [key, alarm] of this.world.alarms) {
      const spec = watchedPane(alarm.name, this.specs.filter((s) => this.regionOf(s) === alarm.region));
      if (!spec) continue;
      if (alarm.metric !== spec.metric) this.world.alarms.set(key, { ...alarm, metric: spec.metric });
      const period = spec.period_seconds * 1000;
      const value = this.model.value(spec.id, Math.floor(now / period) * period);
      const breaching = thresholdLevel(spec, value) !== 'ok';
      if (breaching === (this.breaching.get(key) ?? false)) continue;
      this.breaching.set(key, breaching);
      const next: SimAlarm = { ...alarm, state: breaching ? 'ALARM' : 'OK', reason: thresholdReason(spec, value, breaching), updatedAt: now, metric: spec.metric };
      this.world.alarms.set(key, next);
    }
  }
}
