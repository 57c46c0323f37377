// buildReport: the whole post-incident report as data, a pure function of the timeline, the folded state,
// the runbooks' objectives and steps, the clock and the journal's verification.
import { describeEvent } from '../describe.js';
import { onExerciseTime } from '../drill-time.js';
import type { IncidentState } from '../fold.js';
import { isResolved } from '../lifecycle.js';
import { actionRows, stepRows } from './checklist.js';
import { commsSection, DEFAULT_CADENCE } from './comms.js';
import { afterAction, improvementItems, injectRows } from './exercise.js';
import { alarmChanges, metricRows } from './metrics.js';
import { impactSection, milestoneSection } from './milestones.js';
import { REPORT_SCHEMA_VERSION, type ReportInput, type ReportModel, type TimelineRow } from './model.js';
import { objectivesSection } from './objectives.js';
import { isoFromMs } from './time.js';

/** The status the report states: a resolved milestone resolves the incident even when no status change followed it. */
export const reportStatus = (s: IncidentState): string => (isResolved(s) && s.status !== 'closed' ? 'resolved' : s.status);

export const isDraft = (s: IncidentState) => !isResolved(s);

export function buildReport(input: ReportInput): ReportModel {
  const { events, state: s, scenarios, now } = input;
  // A drill's durations (RTO, update cadence, inject response) are measured on the exercise clock.
  const timed = onExerciseTime(s, events, now);
  const titles = new Map(scenarios.map((sc) => [sc.id, sc.title]));
  const draft: Omit<ReportModel, 'exercise' | 'actionItems'> = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: isoFromMs(now),
    draft: isDraft(s),
    summary: {
      id: s.id,
      title: s.title,
      severity: s.severity,
      mode: s.mode,
      status: reportStatus(s),
      openedAt: s.openedAt,
      openedBy: s.openedBy,
      scenarios: s.scenarios.map((id) => ({ id, title: titles.get(id) ?? null })),
      roles: Object.entries(s.roles).map(([role, names]) => ({ role, names: [...names] })),
      responders: [...s.responders],
    },
    impact: impactSection(s, now),
    milestones: milestoneSection(s),
    objectives: objectivesSection(timed.state, timed.events, scenarios),
    steps: stepRows(s, scenarios),
    actions: actionRows(s),
    metrics: metricRows(events, scenarios.flatMap((sc) => sc.metrics ?? [])),
    alarmChanges: alarmChanges(events),
    comms: commsSection(timed.state, timed.now, input.cadence ?? DEFAULT_CADENCE),
    decisions: s.decisions.map((d) => ({ seq: d.seq, at: d.ts, by: d.actor, text: d.text })),
    timeline: timelineRows(input),
    integrity: {
      events: input.verification.count,
      headHash: input.verification.headHash,
      verified: input.verification.ok,
      firstBad: input.verification.firstBad?.message ?? null,
      ...(input.verification.origins ? { origins: input.verification.origins.map((o) => ({ ...o })) } : {}),
    },
  };
  const recorded = s.actionItems.map((a) => ({ seq: a.seq, text: a.text, owner: a.owner ?? null, origin: 'timeline' as const }));
  if (s.mode !== 'exercise') return { ...draft, exercise: null, actionItems: recorded };
  // Response times on the exercise clock; the times of day shown stay those the timeline recorded.
  const wallTs = new Map(events.map((e) => [e.seq, e.ts]));
  const injects = injectRows(timed.events).map((r) => ({
    ...r,
    at: wallTs.get(r.seq) ?? r.at,
    response: r.response && { ...r.response, at: wallTs.get(r.response.seq) ?? r.response.at },
  }));
  const review = afterAction(draft, injects, events);
  return {
    ...draft,
    exercise: { injects, afterAction: review },
    actionItems: [...recorded, ...improvementItems(review.toImprove)],
  };
}

function timelineRows({ events, state }: ReportInput): TimelineRow[] {
  return events.map((e) => ({
    seq: e.seq,
    at: e.ts,
    actor: e.actor,
    kind: e.kind,
    text: describeEvent(e),
    corrections: (state.amendments[e.seq] ?? []).map((a) => ({ seq: a.seq, at: a.ts, actor: a.actor, text: a.text })),
  }));
}
