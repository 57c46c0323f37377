// buildReport: the whole post-incident report as data, a pure function of the timeline, the folded state,
// the runbooks' objectives and steps, the clock and the journal's verification.
import { describeEvent } from '../describe.js';
import { onExerciseTime, wallTimeOf } from '../drill-time.js';
import type { IncidentState } from '../fold.js';
import type { TimelineEvent } from '../events.js';
import { isResolved } from '../lifecycle.js';
import { actionRows, stepRows } from './checklist.js';
import { commsSection, DEFAULT_CADENCE } from './comms.js';
import { afterAction, improvementItems, injectRows } from './exercise.js';
import { alarmChanges, metricRows } from './metrics.js';
import { impactSection, milestoneSection } from './milestones.js';
import { REPORT_SCHEMA_VERSION, type ActionItemRow, type PostCheckRow, type ReportInput, type ReportModel, type TimelineRow } from './model.js';
import { timelineDigest } from './digest.js';
import { draftSections } from '../review/drafts.js';
import { actionItems, postCheckRecords, reviewRecord } from '../review/record.js';
import { REVIEW_SECTIONS, SECTION_TITLES } from '../review/vocabulary.js';
import { objectivesSection } from './objectives.js';
import { isoFromMs } from './time.js';

/** The status the report states: a resolved milestone resolves the incident even when no status change followed it. */
export const reportStatus = (s: IncidentState): string => (isResolved(s) && s.status !== 'closed' ? 'resolved' : s.status);

export const isDraft = (s: IncidentState) => !isResolved(s);

type Base = Omit<ReportModel, 'exercise' | 'actionItems' | 'review' | 'postChecks' | 'digest'>;

/**
 * `timeline: false` leaves the readable and the full timeline empty, for a caller that writes them while it
 * reads the journal (`timelineRow`, `DigestFolder`); `input.events` then needs only what `summaryNeeds` keeps.
 */
export function buildReport(given: ReportInput, opts: { timeline?: boolean } = {}): ReportModel {
  const withTimeline = opts.timeline !== false;
  const { state: s, scenarios, now } = given;
  const specs = scenarios.flatMap((sc) => sc.metrics ?? []);
  const metrics = given.folded ? given.folded.rows(specs) : metricRows(given.events, specs);
  // Folded series: the snapshots the drafts cite stand in for the events (a drill keeps every event).
  const input = given.folded && s.mode !== 'exercise' ? { ...given, events: withEvents(given.events, given.folded.worstSnapshots(metrics)) } : given;
  const { events } = input;
  // A drill's durations (RTO, update cadence, inject response) are measured on the exercise clock.
  const timed = onExerciseTime(s, events, now);
  const titles = new Map(scenarios.map((sc) => [sc.id, sc.title]));
  const draft: Base = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: isoFromMs(now),
    // DRAFT while the incident is open, and while its review is open.
    draft: isDraft(s) || reviewRecord(events).status === 'open',
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
    metrics,
    alarmChanges: input.folded ? input.folded.alarmChanges() : alarmChanges(events),
    comms: commsSection(timed.state, timed.now, input.cadence ?? DEFAULT_CADENCE),
    decisions: s.decisions.map((d) => ({ seq: d.seq, at: d.ts, by: d.actor, text: d.text })),
    timeline: withTimeline ? input.events.map((e) => timelineRow(e, input.state)) : [],
    integrity: {
      events: input.verification.count,
      headHash: input.verification.headHash,
      verified: input.verification.ok,
      firstBad: input.verification.firstBad?.message ?? null,
      ...(input.verification.origins ? sharedIntegrity(input.verification.origins, input.verification.table) : {}),
    },
  };
  const items = actionItems(s.id, events);
  const recorded: ActionItemRow[] = items.map((a) => ({ seq: a.seq, text: a.text, owner: a.owner, priority: a.priority, type: a.type, due: a.due, ticket: a.ticket, status: a.status, origin: 'timeline' }));
  if (s.mode !== 'exercise') {
    const review = reviewSection(input, draft, items);
    return { ...draft, review, postChecks: postCheckRows(events, scenarios), digest: withTimeline ? timelineDigest(events) : [], exercise: null, actionItems: recorded };
  }
  // Response times on the exercise clock; the times of day shown stay those the timeline recorded.
  const wallTs = new Map(events.map((e) => [e.seq, e.ts]));
  const injects = injectRows(timed.events).map((r) => ({
    ...r,
    at: wallTs.get(r.seq) ?? r.at,
    response: r.response && { ...r.response, at: wallTs.get(r.response.seq) ?? r.response.at },
  }));
  // The cadence is measured on the drill clock; the times it shows are the wall-clock times they fell at.
  const wall = wallTimeOf(events);
  const toWall = (iso: string) => isoFromMs(wall(Date.parse(iso)));
  const comms = {
    sent: draft.comms.sent.map((c) => ({ ...c, at: wallTs.get(c.seq) ?? c.at })),
    cadence: { ...draft.comms.cadence, ...(draft.comms.cadence.from ? { from: toWall(draft.comms.cadence.from) } : {}), late: draft.comms.cadence.late.map((l) => ({ ...l, dueAt: toWall(l.dueAt), sentAt: l.sentAt && toWall(l.sentAt) })) },
  };
  const rest = { review: reviewSection(input, { ...draft, comms }, items), postChecks: postCheckRows(events, scenarios), digest: withTimeline ? timelineDigest(events) : [] };
  const aar = afterAction({ ...draft, comms }, injects, events);
  return {
    ...draft,
    ...rest,
    comms,
    exercise: { injects, afterAction: aar },
    actionItems: [...recorded, ...improvementItems(aar.toImprove)],
  };
}

function reviewSection(input: ReportInput, model: Base, items: ReturnType<typeof actionItems>): ReportModel['review'] {
  const rec = reviewRecord(input.events);
  const drafts = draftSections({ events: input.events, state: input.state, scenarios: input.scenarios, model, items });
  return {
    status: rec.status,
    closedAt: rec.closed?.at ?? null,
    closedBy: rec.closed?.by ?? null,
    closedSeq: rec.closed?.seq ?? null,
    sections: REVIEW_SECTIONS.map((id) => {
      const r = rec.sections[id];
      return {
        section: id,
        title: SECTION_TITLES[id],
        text: r?.text ?? null,
        seq: r?.seq ?? null,
        by: r?.by ?? null,
        at: r?.at ?? null,
        from: r?.from ?? null,
        corrections: r?.corrections ?? [],
        draft: drafts[id].map((d) => ({ text: d.text, cites: [...d.cites] })),
      };
    }),
  };
}

const withEvents = (events: readonly TimelineEvent[], more: TimelineEvent[]) => (more.length ? [...events, ...more].sort((a, b) => a.seq - b.seq) : events);

/** Every runbook post-check, with the latest result recorded for it ("not recorded" when none was). */
function postCheckRows(events: ReportInput['events'], scenarios: ReportInput['scenarios']): PostCheckRow[] {
  const recorded = postCheckRecords(events);
  const rows: PostCheckRow[] = [];
  for (const sc of scenarios) {
    for (const check of sc.postChecks ?? []) {
      const r = recorded.find((x) => x.scenario === sc.id && x.check === check);
      rows.push({ scenario: sc.id, check, result: r?.result ?? 'not recorded', text: r?.text ?? null, by: r?.by ?? null, at: r?.at ?? null, seq: r?.seq ?? null });
    }
  }
  // A result recorded for a check the runbooks given do not list still shows.
  for (const r of recorded) if (!rows.some((x) => x.scenario === r.scenario && x.check === r.check)) rows.push({ ...r });
  return rows;
}

/** One row of the full timeline: the event described, with the corrections recorded for it. */
export function timelineRow(e: TimelineEvent, state: IncidentState, text = describeEvent(e)): TimelineRow {
  return {
    seq: e.seq,
    at: e.ts,
    actor: e.actor,
    kind: e.kind,
    text,
    corrections: (state.amendments[e.seq] ?? []).map((a) => ({ seq: a.seq, at: a.ts, actor: a.actor, text: a.text })),
  };
}

/** Every origin's head here beside the table's at the last sync: agreed only when all are the same. */
function sharedIntegrity(origins: NonNullable<ReportInput['verification']['origins']>, table: ReportInput['verification']['table']) {
  const rows = origins.map((o) => {
    const t = table?.find((x) => x.origin === o.origin);
    return { origin: o.origin, seq: o.seq, hash: o.hash, table: t ? { seq: t.seq, hash: t.hash } : null };
  });
  const tableAgreed = table ? rows.every((r) => r.table && r.table.seq === r.seq && r.table.hash === r.hash) && table.every((t) => origins.some((o) => o.origin === t.origin)) : null;
  return { origins: rows, tableAgreed };
}
