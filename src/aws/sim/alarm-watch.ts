// CloudWatch alarm evaluation in the simulated AWS: an alarm the runbook declares (`alarms: [{ name, metric }]`)
// follows the metric pane it names, so a metric inject that crosses the alarm's threshold fires the alarm, and
// one that brings it back clears it; an alarm inject moves that metric so the pane agrees with the alarm.
// Evaluated on the pane's latest whole-period datapoint, the same value the pane shows. Nothing is guessed
// from names: an alarm the runbook does not link to a pane is left as injects set it.
import type { MetricSpec } from '../../core/index.js';
import { baselineOf, type SimMetrics } from './metrics.js';
import type { SimAlarm, SimWorld } from './world.js';

/** A declared alarm as the simulated AWS evaluates it: its filled name, its region and its pane. */
export interface AlarmLink {
  name: string;
  region: string;
  spec: MetricSpec;
  threshold: number;
  comparison: 'above' | 'below';
}

/** The runbook's declaration, before its name is filled and its pane found. */
export interface AlarmDeclaration {
  name: string;
  metric: string;
  threshold?: number | undefined;
  comparison?: 'above' | 'below' | undefined;
}

/** Links the declared alarms to their panes; one naming no pane (the loader refuses those) is dropped. */
export function linkAlarms(declared: readonly AlarmDeclaration[], specs: readonly MetricSpec[], fill: (v: string) => string, regionOf: (spec: MetricSpec) => string): AlarmLink[] {
  const out: AlarmLink[] = [];
  for (const a of declared) {
    const spec = specs.find((s) => s.id === a.metric);
    const threshold = a.threshold ?? spec?.warning ?? spec?.critical;
    if (!spec || threshold === undefined) continue;
    out.push({ name: fill(a.name), region: regionOf(spec), spec, threshold, comparison: a.comparison ?? spec.bad_when });
  }
  return out;
}

export const breaches = (link: Pick<AlarmLink, 'threshold' | 'comparison'>, v: number): boolean => (link.comparison === 'below' ? v < link.threshold : v > link.threshold);

/** A level the alarm's metric has in that state: clearly past the threshold for ALARM, the healthy baseline for OK. */
export function levelFor(link: AlarmLink, state: 'ALARM' | 'OK'): number {
  if (state === 'ALARM') return link.comparison === 'below' ? 0 : link.threshold > 0 ? link.threshold * 2 : 1;
  const healthy = baselineOf(link.spec);
  if (!breaches(link, healthy)) return healthy;
  return link.comparison === 'below' ? link.threshold * 2 + 1 : link.threshold / 2;
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/** CloudWatch's own wording, e.g. "Threshold Crossed: 1 datapoint [5.1] was greater than the threshold (1.0)." */
export function thresholdReason(link: Pick<AlarmLink, 'threshold' | 'comparison'>, value: number, breaching: boolean): string {
  const side = link.comparison === 'below' ? 'less than' : 'greater than';
  return `Threshold Crossed: 1 datapoint [${value}] was ${breaching ? '' : 'not '}${side} the threshold (${fmt(link.threshold)}).`;
}

/**
 * Watches the declared alarms. Edge-triggered: an alarm moves only when its metric crosses the threshold, so an
 * alarm inject (a scripted ALARM or OK) stands until the metric itself crosses; a metric no inject moved
 * stays at its healthy baseline, clear of the threshold, and never moves its alarm.
 */
export class SimAlarmWatch {
  /** Per alarm: whether its metric was last seen breaching (every pane starts healthy). */
  private readonly breaching = new Map<string, boolean>();

  constructor(
    private readonly world: SimWorld,
    private readonly model: SimMetrics,
    private readonly links: () => readonly AlarmLink[],
  ) {}

  evaluate(): void {
    const now = this.world.clock.now();
    for (const link of this.links()) {
      const key = this.world.key(link.region, link.name);
      const alarm = this.world.alarms.get(key);
      if (!alarm) continue;
      const { spec } = link;
      const period = spec.period_seconds * 1000;
      const value = this.model.value(spec.id, Math.floor(now / period) * period);
      const breaching = breaches(link, value);
      if (breaching === (this.breaching.get(key) ?? false)) continue;
      this.breaching.set(key, breaching);
      const state = breaching ? 'ALARM' : 'OK';
      // An inject already put the alarm there: its reason stands.
      if (alarm.state === state) continue;
      const next: SimAlarm = { ...alarm, state, reason: thresholdReason(link, value, breaching), updatedAt: now, metric: spec.metric };
      this.world.alarms.set(key, next);
    }
  }
}
