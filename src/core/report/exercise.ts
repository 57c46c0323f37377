// For a drill: each inject and how long the team took to react, and an after-action review derived from the record.
import type { TimelineEvent } from '../events.js';
import { actStartedAt } from '../drill-credit.js';
import type { ActionItemRow, InjectRow, ReportModel } from './model.js';
import { formatSeconds } from './format-seconds.js';
import { secondsBetween } from './time.js';


/** A response slower than this is listed as something to improve. */
export const INJECT_RESPONSE_TARGET_SECONDS = 300;

/** Kinds that are not a participant reacting: the facilitator's controls and what machines record. */
const NOT_A_RESPONSE = new Set(['exercise.inject', 'exercise.added', 'exercise.clock', 'metric.snapshot', 'alarm.changed', 'aws.read', 'report.exported', 'journal.recovered', 'escalation.fired']);

/**
 * Each inject and the first act after it, by anyone (a drill run alone answers its own injects). It goes by when
 * the act started: a check started before the inject and recorded after it answered something else.
 */
export function injectRows(events: readonly TimelineEvent[]): InjectRow[] {
  const started = (e: TimelineEvent) => Date.parse(actStartedAt(e));
  return events
    .filter((e) => e.kind === 'exercise.inject')
    .map((e) => {
      const fired = Date.parse(e.ts);
      const reply = events
        .filter((x) => x.seq > e.seq && !NOT_A_RESPONSE.has(x.kind) && !(actStartedAt(x) !== x.ts && started(x) < fired))
        .reduce<TimelineEvent | undefined>((first, x) => (!first || started(x) < started(first) ? x : first), undefined);
      return {
        seq: e.seq,
        at: e.ts,
        inject: String(e.data.inject ?? ''),
        text: String(e.data.text ?? ''),
        response: reply ? { seq: reply.seq, at: reply.ts, by: reply.actor, kind: reply.kind, seconds: Math.max(0, secondsBetween(e.ts, actStartedAt(reply)) ?? 0) } : null,
      };
    });
}

type Draft = Pick<ReportModel, 'objectives' | 'steps' | 'milestones' | 'comms'>;

/** What went well and what to improve, from the figures above and from notes starting "went well:" or "improve:". */
export function afterAction(m: Draft, injects: InjectRow[], events: readonly TimelineEvent[]): { wentWell: string[]; toImprove: string[] } {
  const wentWell: string[] = [];
  const toImprove: string[] = [];
  for (const o of m.objectives.rows) {
    for (const [name, f, target, ok] of [['RTO', o.rto, o.targetRto, o.rtoMet], ['RPO', o.rpo, o.targetRpo, o.rpoMet]] as const) {
      if (f.basis === 'by-design') continue;
      const what = `${name} for ${o.component}: ${formatSeconds(f.seconds)} against a target of ${formatSeconds(target)}`;
      if (ok === true) wentWell.push(`${what} (met)`);
      else if (ok === false) toImprove.push(`${what} (missed)`);
      else if (f.seconds === null) toImprove.push(`${name} for ${o.component} could not be established: ${f.source}`);
    }
  }
  const verified = m.steps.filter((s) => s.status === 'verified').length;
  if (verified > 0) wentWell.push(`${verified} step(s) verified against AWS`);
  for (const s of m.steps) {
    if (s.status === 'failed') toImprove.push(`step ${s.scenario}/${s.step} failed: ${s.reason ?? 'no reason given'}`);
    if (s.status === 'skipped') toImprove.push(`step ${s.scenario}/${s.step} skipped: ${s.reason ?? 'no reason given'}`);
  }
  for (const r of m.milestones.rows) if (r.missing) toImprove.push(`milestone ${r.milestone} was not recorded`);
  for (const w of m.milestones.warnings) toImprove.push(`milestones out of order: ${w}`);
  const c = m.comms.cadence;
  if (c.from && c.late.length === 0 && m.comms.sent.length > 0) wentWell.push('every update went out on time');
  for (const l of c.late) {
    const due = l.dueAt.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
    toImprove.push(l.sentAt ? `update due ${due} went out ${formatSeconds(l.lateBySeconds)} late` : `update due ${due} was not sent (${formatSeconds(l.lateBySeconds)} overdue)`);
  }
  for (const i of injects) {
    if (!i.response) toImprove.push(`inject ${i.inject} drew no response`);
    else if (i.response.seconds > INJECT_RESPONSE_TARGET_SECONDS) toImprove.push(`inject ${i.inject} took ${formatSeconds(i.response.seconds)} to draw a response`);
    else wentWell.push(`inject ${i.inject} answered in ${formatSeconds(i.response.seconds)}`);
  }
  for (const e of events) {
    if (e.kind !== 'note' || typeof e.data.text !== 'string') continue;
    const m2 = /^\s*(went well|improve)\s*:\s*(.+)$/is.exec(e.data.text);
    if (m2) (m2[1]!.toLowerCase() === 'improve' ? toImprove : wentWell).push(m2[2]!.trim());
  }
  return { wentWell, toImprove };
}

export const improvementItems = (toImprove: readonly string[]): ActionItemRow[] =>
  toImprove.map((text) => ({ seq: null, text, owner: null, priority: null, type: null, due: null, ticket: null, status: 'open', origin: 'after-action' }));
