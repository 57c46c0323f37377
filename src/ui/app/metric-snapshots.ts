// Metric series reach the report through `metric.snapshot` events. Each fetch returns the last hour; only
// points not yet recorded are kept, and at most one snapshot per metric every few minutes, so an incident
// of hours records its series without flooding the timeline.
import type { MetricSeries } from '../../aws/ports.js';
import type { MetricSpec, NewEvent } from '../../core/index.js';

export const SNAPSHOT_EVERY_MS = 5 * 60_000;

export interface SnapshotMark {
  /** ISO time of the newest point recorded. */
  lastPoint: string;
  /** When the last snapshot was recorded (wall clock). */
  at: number;
}

export function metricSnapshots(
  series: readonly MetricSeries[],
  specs: readonly MetricSpec[],
  marks: Readonly<Record<string, SnapshotMark>>,
  now: number,
): { events: NewEvent<'metric.snapshot'>[]; marks: Record<string, SnapshotMark> } {
  const next: Record<string, SnapshotMark> = { ...marks };
  const events: NewEvent<'metric.snapshot'>[] = [];
  for (const s of series) {
    const mark = marks[s.id];
    if (mark && now - mark.at < SNAPSHOT_EVERY_MS) continue;
    const fresh = s.points.filter((p) => !mark || p.t > mark.lastPoint);
    if (fresh.length === 0) continue;
    const spec = specs.find((m) => m.id === s.id);
    events.push({
      kind: 'metric.snapshot',
      data: {
        metric: s.id,
        unit: s.unit,
        points: fresh.map((p) => [new Date(p.t).toISOString(), p.v] as [string, number]),
        ...(spec?.warning !== undefined ? { warning: spec.warning } : {}),
        ...(spec?.critical !== undefined ? { critical: spec.critical } : {}),
      },
    });
    next[s.id] = { lastPoint: fresh.at(-1)!.t, at: now };
  }
  return { events, marks: next };
}
