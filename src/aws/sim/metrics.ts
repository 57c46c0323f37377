// Simulated metric curves: a steady baseline with a little seeded noise, moved by inject ramps
// ("metric X goes to 900 over 120 s"). A value depends only on (seed, spec, injects, instant).
import type { MetricSpec } from '../../core/index.js';
import type { MetricPoint } from '../ports.js';
import { hashString, mulberry32 } from './prng.js';

interface Ramp {
  start: number;
  overMs: number;
  from: number;
  to: number;
}

/**
 * A healthy level, clear of the thresholds even with the seeded noise: 1 for 0/1 health checks; for other
 * "bad below" metrics (connections, invocations, free storage) well above the warning level.
 */
export function baselineOf(spec: Pick<MetricSpec, 'metric' | 'bad_when' | 'warning' | 'critical'>): number {
  const threshold = spec.warning ?? spec.critical;
  if (spec.bad_when === 'below') return /Health|Healthy/i.test(spec.metric) || threshold === undefined ? 1 : Math.max(threshold * 2, threshold + 10);
  return threshold === undefined ? 1 : threshold * 0.3;
}

export class SimMetrics {
  private readonly ramps = new Map<string, Ramp[]>();
  private readonly specs = new Map<string, MetricSpec>();

  constructor(private readonly seed: number) {}

  register(spec: MetricSpec): void {
    if (!this.specs.has(spec.id)) this.specs.set(spec.id, spec);
  }

  /** The curve before noise at instant t. */
  private level(id: string, t: number): number {
    const spec = this.specs.get(id);
    let v = spec ? baselineOf(spec) : 1;
    for (const r of this.ramps.get(id) ?? []) {
      if (t < r.start) break;
      v = r.overMs <= 0 ? r.to : r.from + (r.to - r.from) * Math.min(1, (t - r.start) / r.overMs);
    }
    return v;
  }

  value(id: string, t: number): number {
    const base = this.level(id, t);
    const spec = this.specs.get(id);
    // 0/1 metrics (health and status checks) and flat zero stay exact; others get +-4% seeded noise per instant.
    if (base === 0 || (spec && /Health|StatusCheck/i.test(spec.metric))) return base;
    const noise = mulberry32(this.seed ^ hashString(`${id}@${t}`))() * 0.08 - 0.04;
    return Math.round(base * (1 + noise) * 1000) / 1000;
  }

  /** Starts a ramp from the current level to `to` over `overSeconds`. */
  ramp(id: string, to: number, overSeconds: number, now: number): void {
    const list = this.ramps.get(id) ?? [];
    list.push({ start: now, overMs: overSeconds * 1000, from: this.level(id, now), to });
    this.ramps.set(id, list);
  }

  /** The level the curve settles at: the last ramp's target, else the healthy baseline. */
  heading(id: string): number {
    const last = this.ramps.get(id)?.at(-1);
    const spec = this.specs.get(id);
    return last ? last.to : spec ? baselineOf(spec) : 1;
  }

  /** Only metrics of the loaded scenario have data; any other series is empty, as CloudWatch would answer. */
  points(spec: MetricSpec, start: number, end: number, now: number): MetricPoint[] {
    if (!this.specs.has(spec.id)) return [];
    const period = spec.period_seconds * 1000;
    const out: MetricPoint[] = [];
    const last = Math.min(end, now);
    for (let t = Math.ceil(start / period) * period; t <= last; t += period) out.push({ t: new Date(t).toISOString(), v: this.value(spec.id, t) });
    return out;
  }
}
