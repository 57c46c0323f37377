// Which event answered an inject. Only a participant's own act counts: it comes after the inject, it is not
// the controller's (a facilitator's note is no response), and it is a person's act, not something recorded by
// a machine or the drill itself. This is a suggestion: an evaluator confirms or overrides it with a mark.
import type { TimelineEvent } from './events.js';
import type { DrillRecord } from './drill-record.js';
import { isForViewer } from './drill-audience.js';

/** Kinds that are not a participant reacting: the drill's own events and what machines record. */
const NOT_A_RESPONSE = new Set([
  'exercise.inject',
  'exercise.clock',
  'exercise.lease',
  'exercise.joined',
  'exercise.marked',
  'metric.snapshot',
  'alarm.changed',
  'aws.read',
  'report.exported',
  'journal.recovered',
  'escalation.fired',
  'comms.queued',
  'comms.attempt',
  'comms.delivery',
  'incident.joined',
  'origin.key',
]);

/** Kinds that answer something other than an inject (a discussion question, the debrief): a response only when expected by name. */
const NOT_AN_INJECT_RESPONSE = new Set(['exercise.answer', 'exercise.hotwash', 'exercise.plan', 'exercise.added']);

/** A note that reflects on the drill ("improve: ...", "went well: ...") is a finding for the AAR, not an act. */
const REFLECTION = /^\s*(went well|improve|lesson)\s*:/i;

const answersSomethingElse = (e: TimelineEvent, expected: readonly string[] | undefined) =>
  !expected?.includes(e.kind) && (NOT_AN_INJECT_RESPONSE.has(e.kind) || (e.kind === 'note' && typeof e.data.text === 'string' && REFLECTION.test(e.data.text)));

export interface Expectation {
  /** Event kinds that count as the expected response (any participant act when empty). */
  kinds?: readonly string[];
  /** Only these participants' roles count (players when empty). */
  roles?: readonly string[];
}

/**
 * When the act started: a check records its result once its polling ends, with the time it was started
 * (`startedAt`); any other act started when it was recorded.
 */
export function actStartedAt(e: TimelineEvent): string {
  const started = e.data.startedAt;
  return typeof started === 'string' && !Number.isNaN(Date.parse(started)) ? started : e.ts;
}

/**
 * The act that answered `inject`: of the acts recorded after it by a participant who is not the controller
 * (or, with `expect`, of that kind and role), the first to start, and only one started once the inject fired.
 */
export function suggestCredit(events: readonly TimelineEvent[], inject: TimelineEvent, record: DrillRecord, expect: Expectation = {}): TimelineEvent | undefined {
  const controllers = controllersOf(events);
  const fired = Date.parse(inject.ts);
  const started = (e: TimelineEvent) => Date.parse(actStartedAt(e));
  const audience = Array.isArray(inject.data.audience) ? inject.data.audience.map(String) : undefined;
  const answers = events.filter((e) => {
    if (e.seq <= inject.seq || NOT_A_RESPONSE.has(e.kind) || controllers.has(e.actor)) return false;
    if (expect.kinds?.length && !expect.kinds.includes(e.kind)) return false;
    if (answersSomethingElse(e, expect.kinds)) return false;
    // Started before the inject (a check still polling when it fired): it answered something else. An act
    // without a start time was recorded after the inject, which is what counts (whatever the consoles' clocks).
    if (actStartedAt(e) !== e.ts && !Number.isNaN(fired) && started(e) < fired) return false;
    const role = record.roles[e.actor] ?? 'player';
    // Someone the inject was not aimed at never saw it: their act answers something else.
    if (audience?.length && !isForViewer(audience, { actor: e.actor, role, incidentRoles: incidentRolesBefore(events, e.seq) })) return false;
    return expect.roles?.length ? expect.roles.includes(role) : role === 'player';
  });
  return answers.reduce<TimelineEvent | undefined>((first, e) => (!first || started(e) < started(first) ? e : first), undefined);
}

/** The incident roles (comms-lead, ...) as assigned on the timeline before `seq`. */
function incidentRolesBefore(events: readonly TimelineEvent[], seq: number): Record<string, string[]> {
  const roles: Record<string, string[]> = {};
  for (const e of events) if (e.seq < seq && e.kind === 'role.assigned') (roles[String(e.data.role)] ??= []).push(String(e.data.name));
  return roles;
}

/** Everyone who held the drill's lease at any time: their acts are the facilitator's, not the players'. */
function controllersOf(events: readonly TimelineEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    if (e.kind === 'exercise.lease') out.add(String(e.data.holder));
    if (e.kind === 'exercise.clock' && e.data.control === 'start') out.add(e.actor);
  }
  return out;
}

/** The evaluator's latest mark per inject (a later mark replaces an earlier one). */
export function marksOf(events: readonly TimelineEvent[]): Map<string, { seq: number; actor: string; rating: string; note?: string; suggested?: number }> {
  const out = new Map<string, { seq: number; actor: string; rating: string; note?: string; suggested?: number }>();
  for (const e of events) {
    if (e.kind !== 'exercise.marked') continue;
    const note = typeof e.data.note === 'string' && e.data.note ? { note: e.data.note } : {};
    const suggested = typeof e.data.suggested === 'number' ? { suggested: e.data.suggested } : {};
    out.set(String(e.data.inject), { seq: e.seq, actor: e.actor, rating: String(e.data.rating), ...note, ...suggested });
  }
  return out;
}
