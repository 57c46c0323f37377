// Metric series reach the report through `metric.snapshot` events, recorded only where they prove something:
// with a step started, done or verified, with a milestone, and on the explicit key. A snapshot holds only the
// points the timeline does not have yet, so the same pane and moment is never recorded twice. Nothing is
// recorded once the incident is resolved, nor for a drill (its simulated points are in drill time).
import type { MetricSeries } from '../../aws/ports.js';
import { isResolved, type EventKind, type MetricSpec, type NewEvent, type TimelineEvent } from '../../core/index.js';
import { scenariosOf } from './checklist.js';
import type { Effect } from './msg.js';
import type { AppState, IncidentView } from './state.js';

/** The events that metric evidence goes with. */
export const EVIDENCE_KINDS: ReadonlySet<EventKind> = new Set<EventKind>(['step.started', 'step.completed', 'step.verified', 'milestone.set']);

/** Per metric, the time (ms) of the newest point already recorded on the timeline. */
export function recordedUpTo(events: readonly TimelineEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    if (e.kind !== 'metric.snapshot' || !Array.isArray(e.data.points)) continue;
    const metric = String(e.data.metric);
    for (const p of e.data.points as unknown[]) {
      const t = Array.isArray(p) ? Date.parse(String(p[0])) : NaN;
      if (!Number.isNaN(t) && t > (out[metric] ?? -Infinity)) out[metric] = t;
    }
  }
  return out;
}

/** One snapshot per series with points newer than what is recorded; the marks advance past them. */
export function metricSnapshots(
  series: readonly MetricSeries[],
  specs: readonly MetricSpec[],
  recorded: Readonly<Record<string, number>>,
): { events: NewEvent<'metric.snapshot'>[]; marks: Record<string, number> } {
  const marks: Record<string, number> = { ...recorded };
  const events: NewEvent<'metric.snapshot'>[] = [];
  for (const s of series) {
    const after = recorded[s.id] ?? -Infinity;
    const fresh = s.points.filter((p) => Date.parse(p.t) > after);
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
    marks[s.id] = Date.parse(fresh.at(-1)!.t);
  }
  return { events, marks };
}

/** Why no evidence can be recorded for this incident now, if so. */
export function evidenceRefused(v: IncidentView): string | undefined {
  if (v.incident.mode === 'exercise') return 'a drill\'s metrics run on drill time: they are not recorded as evidence';
  if (isResolved(v.incident)) return 'the incident is resolved: no further evidence is recorded';
  return undefined;
}

/** The snapshots the open incident's panes would add now, and the view with its marks advanced. */
export function evidence(s: AppState, v: IncidentView): { events: NewEvent<'metric.snapshot'>[]; view: IncidentView } {
  if (evidenceRefused(v)) return { events: [], view: v };
  const specs = scenariosOf(v.incident, s.catalog).flatMap((sc) => [...sc.metrics]);
  const recorded = { ...recordedUpTo(v.events) };
  // Snapshots appended but not yet read back from the journal count as recorded too.
  for (const [id, t] of Object.entries(v.snapshots ?? {})) recorded[id] = Math.max(recorded[id] ?? -Infinity, t);
  const { events, marks } = metricSnapshots(v.metrics.series, specs, recorded);
  return { events, view: events.length ? { ...v, snapshots: marks } : v };
}

/** Adds the panes' evidence to the append that records a step or a milestone of the open incident (one write). */
export function withEvidence(s: AppState, effects: Effect[]): [AppState, Effect[]] {
  const v = s.incident;
  if (!v) return [s, effects];
  const i = effects.findIndex((e) => e.type === 'append' && e.id === v.id && e.events.some((ev) => EVIDENCE_KINDS.has(ev.kind)));
  const target = effects[i];
  if (!target || target.type !== 'append') return [s, effects];
  const { events, view } = evidence(s, v);
  if (events.length === 0) return [s, effects];
  const out = [...effects];
  out[i] = { ...target, events: [...target.events, ...events] };
  return [{ ...s, incident: view }, out];
}
