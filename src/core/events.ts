// Every kind of event the timeline holds, and the shape of its data. The schemas validate what is
// appended; reading stays lenient so a newer journal still opens (unknown kinds are shown, not folded).
import * as z from 'zod';
import { SEVERITIES } from './severity.js';
import { ACTION_PRIORITIES, ACTION_STATUSES, ACTION_TYPES, POST_CHECK_RESULTS, REVIEW_SECTIONS } from './review/vocabulary.js';

export const STATUSES = ['triage', 'declared', 'mitigating', 'recovered', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export const MILESTONES = ['impact-started', 'detected', 'declared', 'mitigated', 'resolved'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const isMilestone = (x: string): x is Milestone => (MILESTONES as readonly string[]).includes(x);
export const isStatus = (x: string): x is Status => (STATUSES as readonly string[]).includes(x);

export const ROLES = [
  'incident-commander',
  'deputy',
  'scribe',
  'operations-lead',
  'communications-lead',
  'dba',
  'security',
] as const;

export const MODES = ['live', 'exercise'] as const;
export type Mode = (typeof MODES)[number];

/** The longest text an event may hold (characters); longer input is truncated with a marker or refused. */
export const TEXT_MAX_CHARS = 1_000_000;
const text = z.string().min(1, "text must not be empty").max(TEXT_MAX_CHARS);
const isoTime = z.iso.datetime({ offset: true });
/** How a drill inject reaches its audience: a mock email, a news item or a page (from: sender, outlet or service). */
const injectChannel = z.strictObject({ kind: z.enum(['email', 'media', 'pager']), from: z.string().optional(), subject: z.string().optional() });
const stepRef = { scenario: z.string().min(1), step: z.string().min(1) };
const params = z.record(z.string(), z.string());
const actionFields = {
  priority: z.enum(ACTION_PRIORITIES).optional(),
  type: z.enum(ACTION_TYPES).optional(),
  due: z.iso.date().optional(),
  ticket: z.string().min(1).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
};

export const EVENT_DATA = {
  'incident.opened': z.strictObject({
    id: z.string().min(1),
    title: text,
    severity: z.enum(SEVERITIES),
    mode: z.enum(MODES),
    scenarios: z.array(z.string()).default([]),
    params: params.default({}),
  }),
  'severity.changed': z.strictObject({ severity: z.enum(SEVERITIES), reason: z.string().optional() }),
  'status.changed': z.strictObject({ status: z.enum(STATUSES), reason: z.string().optional() }),
  'milestone.set': z.strictObject({ milestone: z.enum(MILESTONES), at: isoTime, backdated: z.boolean() }),
  'role.assigned': z.strictObject({ role: z.string().min(1), name: z.string().min(1) }),
  note: z.strictObject({ text }),
  decision: z.strictObject({ text }),
  'triage.answered': z.strictObject({ answers: z.record(z.string(), z.string()), suggestedSeverity: z.enum(SEVERITIES).optional() }),
  'scenario.selected': z.strictObject({ scenarios: z.array(z.string()).min(1), params: params.default({}) }),
  'step.started': z.strictObject({ ...stepRef }),
  'step.completed': z.strictObject({ ...stepRef, text: z.string().optional() }),
  'step.skipped': z.strictObject({ ...stepRef, reason: text }),
  'step.failed': z.strictObject({ ...stepRef, reason: text }),
  'step.verified': z.strictObject({
    ...stepRef,
    passed: z.boolean(),
    summary: z.string(),
    evidence: z.record(z.string(), z.unknown()).default({}),
    /** When the check was started (it is recorded once its polling ends): a drill credits it from then. */
    startedAt: isoTime.optional(),
  }),
  'aws.read': z.strictObject({
    service: z.string(),
    operation: z.string(),
    region: z.string().optional(),
    summary: z.string(),
    values: z.record(z.string(), z.unknown()).default({}),
  }),
  'aws.action.requested': z.strictObject({
    actionId: z.string().min(1),
    service: z.string(),
    operation: z.string(),
    target: z.string(),
    region: z.string().optional(),
    /** The AWS account the call goes to (STS GetCallerIdentity), when known. */
    account: z.string().optional(),
    args: z.record(z.string(), z.unknown()).default({}),
    ...{ scenario: z.string().optional(), step: z.string().optional() },
  }),
  'aws.action.approved': z.strictObject({ actionId: z.string().min(1), confirmedTarget: z.string() }),
  'aws.action.succeeded': z.strictObject({
    actionId: z.string().min(1),
    requestId: z.string().optional(),
    summary: z.string(),
    simulated: z.boolean().default(false),
  }),
  'aws.action.failed': z.strictObject({
    actionId: z.string().min(1),
    requestId: z.string().optional(),
    errorClass: z.string(),
    message: z.string(),
  }),
  'alarm.changed': z.strictObject({
    alarm: z.string(),
    from: z.string(),
    to: z.string(),
    reason: z.string().optional(),
    region: z.string().optional(),
    at: isoTime.optional(),
  }),
  'metric.snapshot': z.strictObject({
    metric: z.string(),
    unit: z.string().optional(),
    points: z.array(z.tuple([isoTime, z.number()])),
    warning: z.number().optional(),
    critical: z.number().optional(),
  }),
  'comms.drafted': z.strictObject({ channel: z.string().default('status'), text }),
  'comms.sent': z.strictObject({ channel: z.string().default('status'), text, kind: z.string().optional() }),
  // `offsetSeconds` is where the script placed the inject; `firedAtSeconds` the drill time it fired at (the
  // event's ts is the wall time) and `how` whether it fired on schedule, early (F) or on a jump (J).
  'exercise.inject': z.strictObject({
    inject: z.string(),
    text,
    offsetSeconds: z.number().optional(),
    firedAtSeconds: z.number().nonnegative().optional(),
    how: z.enum(['scheduled', 'early', 'jumped']).optional(),
    // Who it is for (drill roles, incident roles, @names; everyone when absent) and how it reads (core/drill-audience.ts).
    audience: z.array(z.string().min(1)).optional(),
    channel: injectChannel.optional(),
    title: z.string().optional(),
    /** Written by the controller during the drill (exercise.added), not in the runbook's script. */
    added: z.boolean().optional(),
  }),
  // An inject the controller wrote during the drill, to fire at `atSeconds` of drill time (now or later).
  'exercise.added': z.strictObject({
    inject: z.string().min(1),
    title: z.string().min(1),
    text,
    atSeconds: z.number().nonnegative(),
    audience: z.array(z.string().min(1)).optional(),
    channel: injectChannel.optional(),
    expect: z.string().optional(),
  }),
  // The drill's one controller: whoever holds the latest lease drives the clock and fires the injects.
  // `console` names the console instance holding it, so another terminal of the same person does not drive too.
  'exercise.lease': z.strictObject({ holder: z.string().min(1), console: z.string().min(1).optional(), from: z.string().optional(), fromConsole: z.string().optional(), detail: z.string().optional() }),
  // A console that joined the drill and in which role (the controller takes the lease instead).
  'exercise.joined': z.strictObject({ role: z.enum(['player', 'evaluator', 'observer']), console: z.string().min(1).optional() }),
  // An evaluator's judgement of what an inject expected; `suggested` is the event the automatic credit proposed.
  'exercise.marked': z.strictObject({ inject: z.string().min(1), rating: z.enum(['met', 'partly', 'not-met']), note: z.string().optional(), suggested: z.number().int().positive().optional() }),
  // A participant's answer to a discussion question, a hotwash question or a feedback question (docs/exercises.md):
  // `role` and `atSeconds` (drill time) as they were when it was given. A correction is an amend of it.
  'exercise.answer': z.strictObject({ question: z.string().min(1), form: z.enum(['discussion', 'hotwash', 'feedback']), text, role: z.enum(['controller', 'player', 'evaluator', 'observer']).optional(), atSeconds: z.number().nonnegative().optional() }),
  // The controller opened the hotwash (it is open on its own once the drill ends).
  'exercise.hotwash': z.strictObject({ atSeconds: z.number().nonnegative().optional() }),
  // An improvement-plan row's corrective action, owner, organisation, dates or status, set by an evaluator or the controller;
  // `issue` is the row's key (an inject id, or the seq of the note or answer that raised it). Later ones win.
  'exercise.plan': z.strictObject({ issue: z.string().min(1), action: z.string().min(1).optional(), owner: z.string().min(1).optional(), organisation: z.string().min(1).optional(), start: z.iso.date().optional(), completion: z.iso.date().optional(), status: z.string().min(1).optional() }),
  // `seed` on the start control lets another terminal resume the same drill (the same seed, the same schedule).
  // `simSeconds` is the exercise time at the control, so every terminal and the report can keep drill time.
  // `inject` names the inject a `skip` control takes out of the script.
  'exercise.clock': z.strictObject({ control: z.string(), speed: z.number().optional(), seed: z.number().int().nonnegative().optional(), simSeconds: z.number().nonnegative().optional(), detail: z.string().optional(), inject: z.string().optional() }),
  'escalation.fired': z.strictObject({ level: z.string(), text }),
  'action_item.added': z.strictObject({ text, owner: z.string().optional(), ...actionFields }),
  // A change to an action item (status, owner, due date...) names the item's action_item.added seq.
  'action_item.updated': z.strictObject({ target: z.number().int().positive(), owner: z.string().min(1).optional(), ...actionFields }),
  // The postmortem review (docs/report.md): each section as written by a person; a correction is an amend of it.
  'review.section': z.strictObject({ section: z.enum(REVIEW_SECTIONS), text, from: z.enum(['draft', 'text', 'file']) }),
  'review.closed': z.strictObject({ text: z.string().optional() }),
  'post_check.recorded': z.strictObject({ scenario: z.string().min(1), check: z.string().min(1), result: z.enum(POST_CHECK_RESULTS), text: z.string().optional() }),
  amend: z.strictObject({ target: z.number().int().positive(), text }),
  'report.exported': z.strictObject({ format: z.string(), path: z.string().optional(), draft: z.boolean() }),
  'journal.recovered': z.strictObject({ tornBytes: z.number().int(), savedTo: z.string(), text }),
  // The outbox: an update queued for channels (its text is the comms.sent at `sentSeq`, or `text` for a page),
  // each attempt written before the request leaves, and each result. Deliveries name the queued event's seq.
  'comms.queued': z.strictObject({
    sentSeq: z.number().int().positive().optional(),
    // The update's text is the comms.sent written in the same append, just before this event.
    withSent: z.literal(true).optional(),
    text: z.string().optional(),
    kind: z.enum(['initial', 'update', 'resolution', 'page', 'test']),
    severity: z.enum(SEVERITIES),
    channels: z.array(z.string().min(1)),
    exercise: z.boolean(),
    page: z.strictObject({ level: z.string().min(1), action: z.enum(['trigger', 'acknowledge', 'resolve']) }).optional(),
  }),
  'comms.attempt': z.strictObject({ update: z.number().int().positive(), channel: z.string().min(1), attempt: z.number().int().positive() }),
  'comms.delivery': z.strictObject({
    update: z.number().int().positive(),
    channel: z.string().min(1),
    attempt: z.number().int().nonnegative(),
    outcome: z.enum(['delivered', 'failed', 'uncertain', 'gave-up']),
    status: z.number().int().optional(),
    messageId: z.string().optional(),
    error: z.string().optional(),
    retryAt: isoTime.optional(),
  }),
  // Shared incidents (docs/sharing.md): a machine's feed names its origin and Ed25519 public key.
  'incident.joined': z.strictObject({ id: z.string().min(1), origin: z.string().min(1), publicKey: z.string().min(1) }),
  'origin.key': z.strictObject({ origin: z.string().min(1), publicKey: z.string().min(1) }),
} as const;

export type EventKind = keyof typeof EVENT_DATA;
export type EventData<K extends EventKind> = z.output<(typeof EVENT_DATA)[K]>;
export const EVENT_KINDS = Object.keys(EVENT_DATA) as EventKind[];

/** A line of the journal, as written and hashed. */
export interface TimelineEvent<K extends string = string> {
  seq: number;
  ts: string;
  actor: string;
  kind: K;
  data: Record<string, unknown>;
  prev: string;
  hash: string;
}

/** What a caller asks to append, one member per kind so a switch on `kind` narrows `data`; the store adds seq, ts, prev and hash. */
export type NewEvent<K extends EventKind = EventKind> = K extends EventKind
  ? { kind: K; data: z.input<(typeof EVENT_DATA)[K]>; actor?: string }
  : never;

export const isKind = <K extends EventKind>(e: TimelineEvent, kind: K): e is TimelineEvent<K> & { data: EventData<K> } =>
  e.kind === kind;
