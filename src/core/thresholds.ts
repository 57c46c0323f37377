// What a metric's thresholds mean, in one place for the console and the CLI: each is a strict boundary in
// the runbook's `bad_when` direction, as the plans write "errors > 5" and "HealthCheckStatus < 1".
import type { MetricSpec } from './aws-calls.js';

export type ThresholdLevel = 'ok' | 'warning' | 'critical';

/** `critical: 5` is crossed above 5 (5 itself is not); with `bad_when: below`, `critical: 1` below 1. */
export function thresholdLevel(spec: Pick<MetricSpec, 'bad_when' | 'warning' | 'critical'>, v: number): ThresholdLevel {
  const crosses = (t: number | undefined) => t !== undefined && (spec.bad_when === 'below' ? v < t : v > t);
  return crosses(spec.critical) ? 'critical' : crosses(spec.warning) ? 'warning' : 'ok';
}
