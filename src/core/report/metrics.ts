// Each metric's series across the incident, merged from its snapshots, and the moments alarms changed.
// MetricFold takes the events one at a time, so a report written while the journal streams keeps the
// series (one value per instant) and the changes as rows, not every snapshot event.
import type { MetricSpec } from '../aws-calls.js';
import type { TimelineEvent } from '../events.js';
import type { AlarmChangeRow, MetricRow } from './model.js';

interface Series {
  points: Map<string, number>;
  /** Per instant, the seq of the last snapshot that listed it (the drafts cite it). */
  lastSeq: Map<string, number>;
  unit?: string;
  warning?: number;
  critical?: number;
}

export class MetricFold {
  private readonly series = new Map<string, Series>();
  private readonly changes: AlarmChangeRow[] = [];

  push(e: TimelineEvent): void {
    if (e.kind === 'alarm.changed') this.changes.push(alarmChangeRow(e));
    if (e.kind !== 'metric.snapshot') return;
    const d = e.data;
    const id = typeof d.metric === 'string' ? d.metric : '';
    if (!id || !Array.isArray(d.points)) return;
    const m = this.series.get(id) ?? { points: new Map<string, number>(), lastSeq: new Map<string, number>() };
    // Snapshots overlap (each fetch covers a window); a later snapshot's value for the same instant wins.
    for (const p of d.points as unknown[]) {
      if (!Array.isArray(p) || typeof p[0] !== 'string') continue;
      m.lastSeq.set(p[0], e.seq);
      if (typeof p[1] === 'number' && Number.isFinite(p[1])) m.points.set(p[0], p[1]);
    }
    if (typeof d.unit === 'string') m.unit = d.unit;
    if (typeof d.warning === 'number') m.warning = d.warning;
    if (typeof d.critical === 'number') m.critical = d.critical;
    this.series.set(id, m);
  }

  rows(specs: readonly MetricSpec[]): MetricRow[] {
    return [...this.series.entries()].map(([id, m]) => {
      const spec = specs.find((s) => s.id === id);
      const points = [...m.points.entries()].sort((a, b) => Date.parse(a[0]) - Date.parse(b[0]));
      let min: number | null = null;
      let max: number | null = null;
      // A loop, not Math.min(...values): a long series would overflow the argument list.
      for (const p of points) {
        min = min === null ? p[1] : Math.min(min, p[1]);
        max = max === null ? p[1] : Math.max(max, p[1]);
      }
      return {
        metric: id,
        title: spec?.title ?? id,
        unit: m.unit ?? spec?.unit ?? null,
        points,
        min,
        max,
        last: points.length ? points[points.length - 1]![1] : null,
        warning: m.warning ?? spec?.warning ?? null,
        critical: m.critical ?? spec?.critical ?? null,
        badWhen: spec?.bad_when ?? 'above',
      };
    });
  }

  alarmChanges(): AlarmChangeRow[] {
    return this.changes;
  }

  /**
   * For each series, a one-point snapshot at its first lowest and first highest value, with the seq of the
   * last snapshot that listed that instant: what the drafts' "reached its worst" statement cites, without
   * every snapshot kept.
   */
  worstSnapshots(rows: readonly MetricRow[]): TimelineEvent[] {
    const out: TimelineEvent[] = [];
    for (const row of rows) {
      const m = this.series.get(row.metric);
      if (!m) continue;
      for (const v of new Set([row.min, row.max])) {
        const point = row.points.find((p) => p[1] === v);
        const seq = point && m.lastSeq.get(point[0]);
        if (point && seq !== undefined) out.push({ seq, ts: point[0], actor: 'system', kind: 'metric.snapshot', data: { metric: row.metric, points: [[point[0], point[1]]] } } as unknown as TimelineEvent);
      }
    }
    return out;
  }
}

function alarmChangeRow(e: TimelineEvent): AlarmChangeRow {
  return {
    at: typeof e.data.at === 'string' ? e.data.at : e.ts,
    seq: e.seq,
    alarm: String(e.data.alarm ?? ''),
    from: String(e.data.from ?? ''),
    to: String(e.data.to ?? ''),
    reason: typeof e.data.reason === 'string' ? e.data.reason : null,
  };
}

export function metricRows(events: readonly TimelineEvent[], specs: readonly MetricSpec[]): MetricRow[] {
  const fold = new MetricFold();
  for (const e of events) if (e.kind === 'metric.snapshot') fold.push(e);
  return fold.rows(specs);
}

export function alarmChanges(events: readonly TimelineEvent[]): AlarmChangeRow[] {
  return events.filter((e) => e.kind === 'alarm.changed').map(alarmChangeRow);
}
