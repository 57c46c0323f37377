// Drafts of the postmortem's sections, generated from the record: every statement cites the events that show it.
// A person accepts, edits or replaces each draft (warroom review); nothing here is recorded by itself.
import type { TimelineEvent } from '../events.js';
import type { IncidentState } from '../fold.js';
import { formatSeconds } from '../report/format-seconds.js';
import type { ReportModel, ScenarioInput } from '../report/model.js';
import { secondsBetween } from '../report/time.js';
import { beforeAfter, observations, outOfOrder, quote, seqsIn, stepEvents, stmt, taggedNotes, when, type Statement } from './facts.js';
import type { ActionItem } from './record.js';
import type { ReviewSection } from './vocabulary.js';

export type Drafts = Record<ReviewSection, Statement[]>;

/** The report's figures the drafts read (everything but the review itself). */
export type DraftModel = Pick<ReportModel, 'summary' | 'impact' | 'milestones' | 'objectives' | 'steps' | 'comms' | 'metrics' | 'decisions'>;

export interface DraftInput {
  events: readonly TimelineEvent[];
  state: IncidentState;
  scenarios: readonly ScenarioInput[];
  model: DraftModel;
  items: readonly ActionItem[];
}

/** Words that make a note or decision a root-cause candidate. */
export const CAUSE_WORDS = /\b(root cause|cause[ds]?|trigger(ed)?|because|suspect(ed)?)\b/i;

/** The prefixes ("lucky: ...") that put a note or decision into a section's draft. */
export const NOTE_TAGS = {
  wentWell: ['went well'],
  wentWrong: ['went wrong', 'improve'],
  lucky: ['lucky'],
  lessons: ['lesson', 'lessons', 'learned', 'improve'],
} as const;

const some = (xs: (Statement | null)[]): Statement[] => xs.filter((x): x is Statement => x !== null);

export function draftSections(input: DraftInput): Drafts {
  const { events, state: s, model: m } = input;
  const ms = s.milestones;
  const steps = stepEvents(events);
  const opened = events[0]?.seq ?? 1;
  const recovered = ms.mitigated ?? ms.resolved;
  const objectiveLines = objectiveStatements(m);
  const verifications = verificationStatements(events);
  const late = lateUpdates(m);
  const skipped = events.filter((e) => e.kind === 'step.skipped').map((e) => stmt(`Step ${String(e.data.scenario)}/${String(e.data.step)} was skipped: ${String(e.data.reason)}.`, e.seq));
  const failedSteps = events.filter((e) => e.kind === 'step.failed').map((e) => stmt(`Step ${String(e.data.scenario)}/${String(e.data.step)} failed: ${String(e.data.reason)}.`, e.seq));
  const failedActions = events.filter((e) => e.kind === 'aws.action.failed').map((e) => stmt(`AWS action ${String(e.data.actionId)} failed (${String(e.data.errorClass)}): ${String(e.data.message)}.`, e.seq));
  const order = outOfOrder(input.scenarios, steps);

  const summary = some([
    stmt(`${m.summary.title} (${m.summary.severity}, ${m.summary.mode}) was opened at ${when(m.summary.openedAt)} by ${m.summary.openedBy}.`, opened),
    impactWindow(s),
    ms.resolved ? stmt(`It was resolved at ${when(ms.resolved.at)}.`, ms.resolved.seq) : null,
    ...objectiveLines.map((o) => o.line),
  ]);

  const impact = some([
    impactWindow(s),
    ...s.severityHistory.map((h, i) => {
      const row = m.impact.severities[i];
      return stmt(`${h.severity} from ${when(row?.from ?? h.at)}${row ? ` for ${formatSeconds(row.seconds)}${row.ongoing ? ' so far' : ''}` : ''}.`, h.seq);
    }),
    ...regions(events),
    ...metricPeaks(events, m),
    ...alarmSpans(events),
  ]);

  const detection = some([
    ms['impact-started'] && ms.detected
      ? stmt(`Impact started at ${when(ms['impact-started'].at)} and was detected at ${when(ms.detected.at)}, ${formatSeconds(secondsBetween(ms['impact-started'].at, ms.detected.at))} later.`, ms['impact-started'].seq, ms.detected.seq)
      : null,
    ...howDetected(events, s),
  ]);

  const response = some([
    ms.declared ? stmt(`Declared at ${when(ms.declared.at)}${ms.detected ? `, ${formatSeconds(secondsBetween(ms.detected.at, ms.declared.at))} after detection` : ''}.`, ms.declared.seq, ms.detected?.seq) : null,
    ...events.filter((e) => e.kind === 'role.assigned').map((e) => stmt(`${String(e.data.name)} took the ${String(e.data.role)} role at ${when(e.ts)}.`, e.seq)),
    ...events.filter((e) => e.kind === 'escalation.fired').map((e) => stmt(`Escalated (${String(e.data.level)}) at ${when(e.ts)}: ${String(e.data.text)}.`, e.seq)),
    m.comms.sent[0] ? stmt(`The first update went out at ${when(m.comms.sent[0].at)} on ${m.comms.sent[0].channel}${m.comms.sent[0].lateBySeconds ? `, ${formatSeconds(m.comms.sent[0].lateBySeconds)} late` : ''}.`, m.comms.sent[0].seq) : null,
    ...m.decisions.map((d) => {
      const fixes = s.amendments[d.seq] ?? [];
      return stmt(`${d.by} decided: ${d.text.trim()}${/[.!?]$/.test(d.text.trim()) ? '' : '.'}${fixes.map((f) => ` Corrected by ${f.actor}: ${f.text}`).join('')}`, d.seq, ...fixes.map((f) => f.seq));
    }),
    ...order,
    ...skipped,
  ]);

  const rootCause = some([
    ...events
      .filter((e) => (e.kind === 'note' || e.kind === 'decision') && typeof e.data.text === 'string' && CAUSE_WORDS.test(e.data.text))
      .map((e) => stmt(`On the record from ${e.actor}: ${quote(e)}.`, e.seq)),
    ...failedActions,
  ]);

  const resolution = some([
    ...actionStatements(events),
    ...verifications.passed,
    ms.mitigated ? stmt(`Mitigated at ${when(ms.mitigated.at)}.`, ms.mitigated.seq) : null,
    ms.resolved ? stmt(`Resolved at ${when(ms.resolved.at)}.`, ms.resolved.seq) : null,
    ...objectiveLines.map((o) => o.line),
  ]);

  const onTime = m.comms.sent.length > 0 && m.comms.cadence.from && m.comms.cadence.late.length === 0
    ? stmt(`All ${m.comms.sent.length} update(s) went out on time.`, ...m.comms.sent.map((c) => c.seq))
    : null;
  const wentWell = some([
    ...objectiveLines.filter((o) => o.met === true).map((o) => o.line),
    verifications.passed.length ? stmt(`${verifications.passed.length} step(s) were verified against AWS.`, ...verifications.passed.flatMap((v) => v.cites)) : null,
    onTime,
    ...taggedNotes(events, NOTE_TAGS.wentWell),
  ]);

  const wentWrong = some([
    ...objectiveLines.filter((o) => o.met === false).map((o) => o.line),
    ...verifications.failed,
    ...verifications.unchecked,
    ...late,
    ...failedSteps,
    ...failedActions,
    ...order,
    ...skipped,
    ...taggedNotes(events, NOTE_TAGS.wentWrong),
  ]);

  const lucky = some([...objectiveLines.filter((o) => o.narrow).map((o) => o.narrow!), ...taggedNotes(events, NOTE_TAGS.lucky)]);
  const lessons = taggedNotes(events, NOTE_TAGS.lessons);
  const actionItems = some(input.items.map((i) => stmt(`${i.text}${i.owner ? ` (owner ${i.owner})` : ''}${i.status !== 'open' ? ` [${i.status}]` : ''}.`, i.seq, ...i.updates)));

  return {
    summary,
    impact,
    detection,
    response,
    'root-cause': rootCause,
    'contributing-factors': some([...verifications.failed, ...verifications.unchecked, ...failedSteps, ...failedActions, ...late, ...order]),
    resolution,
    'went-well': wentWell,
    'went-wrong': wentWrong,
    lucky,
    lessons,
    'action-items': actionItems,
  };
  function impactWindow(st: IncidentState): Statement | null {
    const start = st.milestones['impact-started'];
    if (!start || !recovered) return null;
    return stmt(`Impact lasted ${formatSeconds(secondsBetween(start.at, recovered.at))}, from ${when(start.at)} to ${when(recovered.at)}.`, start.seq, recovered.seq);
  }
}

interface ObjectiveLine {
  line: Statement | null;
  met: boolean | null;
  narrow?: Statement | null;
}

function objectiveStatements(m: DraftModel): ObjectiveLine[] {
  return m.objectives.rows.flatMap((r) => {
    const out: ObjectiveLine[] = [];
    const rtoCites = seqsIn(r.rto.source);
    if (r.rtoMet !== null && r.targetRto !== null && r.rto.seconds !== null) {
      const spare = r.targetRto - r.rto.seconds;
      out.push({
        line: stmt(`RTO for ${r.component}: ${formatSeconds(r.rto.seconds)} against ${formatSeconds(r.targetRto)}, ${r.rtoMet ? 'met' : `missed by ${formatSeconds(-spare)}`}.`, ...rtoCites),
        met: r.rtoMet,
        // Met with under a tenth of the target to spare: it could easily have gone the other way.
        narrow: r.rtoMet && spare < r.targetRto / 10 ? stmt(`RTO for ${r.component} was met with only ${formatSeconds(spare)} to spare.`, ...rtoCites) : null,
      });
    }
    const rpoCites = seqsIn(r.rpo.source);
    if (!r.rpoByDesign && r.rpoMet !== null && r.targetRpo !== null && r.rpo.seconds !== null) {
      out.push({ line: stmt(`RPO for ${r.component}: ${formatSeconds(r.rpo.seconds)} against ${formatSeconds(r.targetRpo)}, ${r.rpoMet ? 'met' : `missed by ${formatSeconds(r.rpo.seconds - r.targetRpo)}`}.`, ...rpoCites), met: r.rpoMet });
    }
    return out;
  });
}

function verificationStatements(events: readonly TimelineEvent[]) {
  const passed: Statement[] = [];
  const failed: Statement[] = [];
  const unchecked: Statement[] = [];
  for (const e of events) {
    // A check that never reached AWS (denied, unreachable) is recorded as an aws.read saying it could not check.
    const values = e.kind === 'aws.read' ? (e.data.values as Record<string, unknown> | undefined) : undefined;
    if (values?.check === 'could-not-check') {
      const s = stmt(`Verification of ${String(values.scenario)}/${String(values.step)} could not check: ${String(values.reason)}.`, e.seq);
      if (s) unchecked.push(s);
      continue;
    }
    if (e.kind !== 'step.verified') continue;
    const step = `${String(e.data.scenario)}/${String(e.data.step)}`;
    const s = e.data.passed === true ? stmt(`Step ${step} verified: ${String(e.data.summary)}.`, e.seq) : stmt(`Verification of ${step} failed: ${String(e.data.summary)}.`, e.seq);
    if (s) (e.data.passed === true ? passed : failed).push(s);
  }
  return { passed, failed, unchecked };
}

function lateUpdates(m: DraftModel): Statement[] {
  const sent = new Map(m.comms.sent.map((c) => [c.at, c.seq]));
  return m.comms.cadence.late.flatMap((l) => {
    if (!l.sentAt) return [];
    const s = stmt(`The update due ${when(l.dueAt)} went out ${formatSeconds(l.lateBySeconds)} late.`, sent.get(l.sentAt));
    return s ? [s] : [];
  });
}

function regions(events: readonly TimelineEvent[]): Statement[] {
  const first = new Map<string, number>();
  for (const e of events) if (typeof e.data.region === 'string' && e.data.region && !first.has(e.data.region)) first.set(e.data.region, e.seq);
  if (first.size === 0) return [];
  const s = stmt(`Regions on the record: ${[...first.keys()].join(', ')}.`, ...first.values());
  return s ? [s] : [];
}

function metricPeaks(events: readonly TimelineEvent[], m: DraftModel): Statement[] {
  return m.metrics.flatMap((row) => {
    const worst = row.badWhen === 'below' ? row.min : row.max;
    if (worst === null) return [];
    const point = row.points.find((p) => p[1] === worst);
    // The snapshot that recorded the worst value (a later snapshot's value for the same instant wins, as in the report).
    const snap = [...events].reverse().find((e) => e.kind === 'metric.snapshot' && e.data.metric === row.metric && Array.isArray(e.data.points) && (e.data.points as unknown[][]).some((p) => p[0] === point?.[0]));
    const s = stmt(`${row.title} reached ${worst}${row.unit && row.unit !== 'None' ? ` ${row.unit}` : ''} at ${when(point?.[0])} (worst recorded, bad when ${row.badWhen}).`, snap?.seq);
    return s ? [s] : [];
  });
}

function alarmSpans(events: readonly TimelineEvent[]): Statement[] {
  const open = new Map<string, TimelineEvent>();
  const out: Statement[] = [];
  for (const e of events) {
    if (e.kind !== 'alarm.changed') continue;
    const alarm = String(e.data.alarm);
    const at = typeof e.data.at === 'string' ? e.data.at : e.ts;
    if (e.data.to === 'ALARM' && !open.has(alarm)) open.set(alarm, e);
    else if (e.data.to !== 'ALARM' && open.has(alarm)) {
      const on = open.get(alarm)!;
      const onAt = typeof on.data.at === 'string' ? on.data.at : on.ts;
      const s = stmt(`Alarm ${alarm} was in ALARM from ${when(onAt)} to ${when(at)} (${formatSeconds(secondsBetween(onAt, at))}).`, on.seq, e.seq);
      if (s) out.push(s);
      open.delete(alarm);
    }
  }
  for (const [alarm, on] of open) {
    const s = stmt(`Alarm ${alarm} went to ALARM at ${when(typeof on.data.at === 'string' ? on.data.at : on.ts)} and no recovery is recorded.`, on.seq);
    if (s) out.push(s);
  }
  return out;
}

function howDetected(events: readonly TimelineEvent[], s: IncidentState): (Statement | null)[] {
  const det = s.milestones.detected;
  const firstAlarm = events.find((e) => e.kind === 'alarm.changed' && e.data.to === 'ALARM');
  const inject = events.find((e) => e.kind === 'exercise.inject');
  const triage = events.find((e) => e.kind === 'triage.answered');
  const out: (Statement | null)[] = [];
  if (firstAlarm) {
    const at = typeof firstAlarm.data.at === 'string' ? firstAlarm.data.at : firstAlarm.ts;
    const gap = det ? secondsBetween(at, det.at) : null;
    out.push(stmt(`Alarm ${String(firstAlarm.data.alarm)} went to ALARM at ${when(at)}${gap !== null ? (gap >= 0 ? `, ${formatSeconds(gap)} before detection was recorded` : `, ${formatSeconds(-gap)} after detection`) : ''}.`, firstAlarm.seq, det?.seq));
  } else if (det) {
    out.push(stmt(`Detection was recorded by ${det.actor}${det.backdated ? ' (back-dated)' : ''}; no alarm is on the record before it.`, det.seq));
  }
  if (inject) out.push(stmt(`The exercise began with inject ${String(inject.data.inject)}: ${String(inject.data.text)}`, inject.seq));
  if (triage) out.push(stmt(`Triage was answered by ${triage.actor} at ${when(triage.ts)}.`, triage.seq));
  return out;
}

function actionStatements(events: readonly TimelineEvent[]): (Statement | null)[] {
  const requested = events.filter((e) => e.kind === 'aws.action.requested');
  const approved = new Map<string, TimelineEvent>();
  const ended = new Map<string, TimelineEvent>();
  for (const e of events) {
    const id = String(e.data.actionId);
    if (e.kind === 'aws.action.approved' && !approved.has(id)) approved.set(id, e);
    if ((e.kind === 'aws.action.succeeded' || e.kind === 'aws.action.failed') && !ended.has(id)) ended.set(id, e);
  }
  const all = observations(events);
  // Actions concern few targets: the observations mentioning each are found once.
  const byTarget = new Map<string, ReturnType<typeof observations>>();
  const obsOf = (target: string) => {
    if (!byTarget.has(target)) byTarget.set(target, all.filter((o) => o.text.includes(target)));
    return byTarget.get(target)!;
  };
  const nextByTarget = new Map<number, number>();
  const lastSeen = new Map<string, number>();
  for (let i = requested.length - 1; i >= 0; i--) {
    const r = requested[i]!;
    const target = String(r.data.target);
    nextByTarget.set(r.seq, lastSeen.get(target) ?? Number.POSITIVE_INFINITY);
    lastSeen.set(target, r.seq);
  }
  return requested.map((r) => {
    const id = String(r.data.actionId);
    const ok = approved.get(id);
    const end = ended.get(id);
    const target = String(r.data.target);
    const { before, after } = beforeAfter(obsOf(target), r.seq, end?.seq ?? null, nextByTarget.get(r.seq)!);
    const outcome = !end ? 'no outcome is recorded' : end.kind === 'aws.action.succeeded' ? `succeeded: ${String(end.data.summary)}` : `failed: ${String(end.data.message)}`;
    const parts = [
      `${String(r.data.service)} ${String(r.data.operation)} on ${target}${r.data.region ? ` (${String(r.data.region)})` : ''} was requested by ${r.actor}${ok ? `, approved by ${ok.actor}` : ''}, and ${outcome}.`,
      before ? `Before: ${quote(before)}.` : '',
      after ? `After: ${quote(after)}.` : '',
    ];
    return stmt(parts.filter(Boolean).join(' '), r.seq, ok?.seq, end?.seq, before?.seq, after?.seq);
  });
}
