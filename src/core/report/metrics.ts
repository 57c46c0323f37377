// Each metric's series across the incident, merged from its snapshots, and the moments alarms changed.
import type { MetricSpec } from '../aws-calls.js';
import type { TimelineEvent } from '../events.js';
import type { AlarmChangeRow, MetricRow } from './model.js';

export function metricRows(events: readonly TimelineEvent[], specs: readonly MetricSpec[]): MetricRow[] {
  const series = new Map<string, { points: Map<string, number>; unit?: string; warning?: number; critical?: number }>();
  for (const e of events) {
    if (e.kind !== 'metric.snapshot') continue;
    const d = e.data;
    const id = typeof d.metric === 'string' ? d.metric : '';
    if (!id || !Array.isArray(d.points)) continue;
    const m = series.get(id) ?? { points: new Map<string, number>() };
    // Snapshots overlap (each fetch covers a window); a later snapshot's value for the same instant wins.
    for (const p of d.points as unknown[]) {
      if (Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number' && Number.isFinite(p[1])) m.points.set(p[0], p[1]);
    }
    if (typeof d.unit === 'string') m.unit = d.unit;
    if (typeof d.warning === 'number') m.warning = d.warning;
    if (typeof d.critical === 'number') m.critical = d.critical;
    series.set(id, m);
  }
  return [...series.entries()].map(([id, m]) => {
    const spec = specs.find((s) => s.id === id);
    const points = [...m.points.entries()].sort((a, b) => Date.parse(a[0]) - Date.parse(b[0]));
    const values = points.map((p) => p[1]);
    return {
      metric: id,
      title: spec?.title ?? id,
      unit: m.unit ?? spec?.unit ?? null,
      points,
      // reduce, not Math.min(...values): a long series would overflow the argument list.
      min: values.length ? values.reduce((a, b) => Math.min(a, b)) : null,
      max: values.length ? values.reduce((a, b) => Math.max(a, b)) : null,
      last: values.length ? values[values.length - 1]! : null,
      warning: m.warning ?? spec?.warning ?? null,
      critical: m.critical ?? spec?.critical ?? null,
      badWhen: spec?.bad_when ?? 'above',
    };
  });
}

export function alarmChanges(events: readonly TimelineEvent[]): AlarmChangeRow[] {
  return events
    .filter((e) => e.kind === 'alarm.changed')
    .map((e) => ({
      at: typeof e.data.at === 'string' ? e.data.at : e.ts,
      seq: e.seq,
      alarm: String(e.data.alarm ?? ''),
      from: String(e.data.from ?? ''),
      to: String(e.data.to ?? ''),
      reason: typeof e.data.reason === 'string' ? e.data.reason : null,
    }));
}
