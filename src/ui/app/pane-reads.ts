// What the metric and alarm panes keep between reads. A failed or empty read never wipes what was seen:
// the last good data stays, with the time it was read, so the pane can say "failed" and "stale" honestly.
import type { AlarmState, AwsFailure, MetricSeries } from '../../aws/ports.js';

/** A series as shown: a failed read keeps the previous points; `lastGoodAt` is when they were read. */
export type ShownSeries = MetricSeries & { lastGoodAt?: number };
/** An alarm as shown: `stale` when its region could not be read this time and this is its last known state. */
export type ShownAlarm = AlarmState & { stale?: boolean };

export interface MetricsView {
  series: ShownSeries[];
  /** When the last read (good or not) came back. */
  fetchedAt?: number;
  /** When the last read with at least one good series came back. */
  lastGoodAt?: number;
  /** The whole read failed (not one series): why. */
  error?: string;
}

export interface AlarmsView {
  list: ShownAlarm[];
  fetchedAt?: number;
  /** When the last read of every region came back without an error. */
  lastGoodAt?: number;
  /** This read's failures, one per region that could not be read (or one for the whole poll). */
  errors?: AwsFailure[];
  /** The regions the last read asked, when the adapter says. */
  regions?: string[];
}

const isGood = (s: MetricSeries) => s.status !== 'Failed' && !s.error;

export function mergeMetrics(prev: MetricsView, series: readonly MetricSeries[], at: number): MetricsView {
  const before = new Map(prev.series.map((s) => [s.id, s] as const));
  const merged = series.map((s): ShownSeries => {
    const old = before.get(s.id);
    if (isGood(s)) {
      // An empty read after data means the data stopped arriving: keep it visible (its age tells the truth).
      const points = s.points.length === 0 && old ? old.points : s.points;
      return { ...s, points, lastGoodAt: at };
    }
    const { lastGoodAt: _drop, ...failed } = s as ShownSeries;
    return { ...failed, points: old?.points ?? [], ...(old?.lastGoodAt !== undefined ? { lastGoodAt: old.lastGoodAt } : {}) };
  });
  const anyGood = series.some(isGood);
  const lastGoodAt = anyGood ? at : prev.lastGoodAt;
  return { series: merged, fetchedAt: at, ...(lastGoodAt !== undefined ? { lastGoodAt } : {}) };
}

export function metricsFailed(prev: MetricsView, message: string, at: number): MetricsView {
  return { ...prev, fetchedAt: at, error: message };
}

export function mergeAlarms(prev: AlarmsView, alarms: readonly AlarmState[], errors: readonly AwsFailure[], at: number, regions?: readonly string[]): AlarmsView {
  const unread = new Set(errors.flatMap((e) => (e.region ? [e.region] : [])));
  const fresh = new Set(alarms.map((a) => `${a.region}\u0000${a.name}`));
  const kept = prev.list.filter((a) => unread.has(a.region) && !fresh.has(`${a.region}\u0000${a.name}`)).map((a) => ({ ...a, stale: true }));
  const lastGoodAt = errors.length === 0 ? at : prev.lastGoodAt;
  const asked = regions ?? prev.regions;
  return { list: [...alarms, ...kept], fetchedAt: at, ...(lastGoodAt !== undefined ? { lastGoodAt } : {}), ...(errors.length ? { errors: [...errors] } : {}), ...(asked ? { regions: [...asked] } : {}) };
}

export function alarmsFailed(prev: AlarmsView, message: string, at: number): AlarmsView {
  return { ...prev, list: prev.list.map((a) => ({ ...a, stale: true })), fetchedAt: at, errors: [{ class: 'unknown', message }] };
}
