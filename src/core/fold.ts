// The incident's state is a pure fold over its timeline: replaying the same events gives the same state.
import type { Milestone, Mode, Status, TimelineEvent } from './events.js';
import { isMilestone, isStatus, MILESTONES } from './events.js';
import { isSeverity, type Severity } from './severity.js';

export type StepStatus = 'todo' | 'in-progress' | 'done' | 'skipped' | 'failed' | 'verified';

export interface StepState {
  scenario: string;
  step: string;
  status: StepStatus;
  startedAt?: string;
  startedBy?: string;
  endedAt?: string;
  endedBy?: string;
  reason?: string;
  verification?: { passed: boolean; summary: string; evidence: Record<string, unknown>; at: string; seq: number };
  seqs: number[];
}

export interface MilestoneState {
  at: string;
  setAt: string;
  seq: number;
  actor: string;
  backdated: boolean;
  /** Earlier values when the milestone was set again. */
  previous: { at: string; seq: number }[];
}

export interface ActionState {
  actionId: string;
  service: string;
  operation: string;
  target: string;
  region?: string;
  scenario?: string;
  step?: string;
  requestedAt: string;
  requestedBy: string;
  approvedAt?: string;
  approvedBy?: string;
  outcome: 'requested' | 'approved' | 'succeeded' | 'failed';
  endedAt?: string;
  requestId?: string;
  summary?: string;
  error?: { class: string; message: string };
  simulated?: boolean;
}

export interface Amendment {
  seq: number;
  ts: string;
  actor: string;
  text: string;
}

export interface IncidentState {
  id: string;
  title: string;
  severity: Severity;
  mode: Mode;
  status: Status;
  scenarios: string[];
  params: Record<string, string>;
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  lastSeq: number;
  headHash: string;
  severityHistory: { severity: Severity; at: string; seq: number }[];
  statusHistory: { status: Status; at: string; seq: number }[];
  milestones: Partial<Record<Milestone, MilestoneState>>;
  /** Human-readable warnings such as milestones out of order. */
  warnings: string[];
  roles: Record<string, string[]>;
  responders: string[];
  steps: Record<string, StepState>;
  actions: Record<string, ActionState>;
  alarms: Record<string, { state: string; since: string; seq: number }>;
  notes: number;
  decisions: { seq: number; ts: string; actor: string; text: string }[];
  actionItems: { seq: number; ts: string; actor: string; text: string; owner?: string }[];
  commsSent: { seq: number; ts: string; actor: string; channel: string; text: string }[];
  injects: { seq: number; ts: string; inject: string; text: string }[];
  amendments: Record<number, Amendment[]>;
  unknownKinds: string[];
}

export const stepKey = (scenario: string, step: string) => `${scenario}/${step}`;

/** Events a terminal records from what it observes, not from anything its person did. */
const MACHINE_KINDS: ReadonlySet<string> = new Set(['alarm.changed', 'journal.recovered']);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Folds a whole timeline. The first event must open the incident. */
export function foldIncident(events: readonly TimelineEvent[]): IncidentState {
  const folder = new IncidentFolder();
  for (const e of events) folder.push(e);
  return folder.result();
}

/**
 * The same fold one event at a time, so a timeline can be folded while it is read (never held whole),
 * or continued from a state folded earlier (a checkpoint) with the events after it.
 */
export class IncidentFolder {
  private state: IncidentState | undefined;

  constructor(from?: IncidentState) {
    this.state = from;
  }

  push(e: TimelineEvent): void {
    if (this.state) applyEvent(this.state, e);
    else if (e.kind === 'incident.opened') this.state = initialState(e);
    else throw new Error('the timeline does not start with an incident.opened event');
  }

  result(): IncidentState {
    if (!this.state) throw new Error('the timeline does not start with an incident.opened event');
    this.state.warnings = milestoneWarnings(this.state.milestones);
    return this.state;
  }
}

function initialState(e: TimelineEvent): IncidentState {
  const d = e.data;
  const severity = d.severity as Severity;
  return {
    id: str(d.id),
    title: str(d.title),
    severity,
    mode: (d.mode as Mode) ?? 'live',
    status: 'triage',
    scenarios: Array.isArray(d.scenarios) ? (d.scenarios as string[]) : [],
    params: (d.params as Record<string, string>) ?? {},
    openedAt: e.ts,
    openedBy: e.actor,
    updatedAt: e.ts,
    lastSeq: e.seq,
    headHash: e.hash,
    severityHistory: [{ severity, at: e.ts, seq: e.seq }],
    statusHistory: [{ status: 'triage', at: e.ts, seq: e.seq }],
    milestones: {},
    warnings: [],
    roles: {},
    responders: [e.actor],
    steps: {},
    actions: {},
    alarms: {},
    notes: 0,
    decisions: [],
    actionItems: [],
    commsSent: [],
    injects: [],
    amendments: {},
    unknownKinds: [],
  };
}

/** Applies one event. Mutates and returns the state it is given (callers own it; the fold builds a fresh one). */
export function applyEvent(s: IncidentState, e: TimelineEvent): IncidentState {
  const d = e.data;
  s.updatedAt = e.ts;
  s.lastSeq = e.seq;
  s.headHash = e.hash;
  // Responders are the people who acted; an alarm change is recorded by whichever terminal saw it first.
  if (!MACHINE_KINDS.has(e.kind) && !s.responders.includes(e.actor)) s.responders.push(e.actor);
  switch (e.kind) {
    // Reading stays lenient: a value no schema allows (a hand-edited journal) is skipped, never folded in.
    case 'severity.changed':
      if (!isSeverity(d.severity)) break;
      s.severity = d.severity;
      s.severityHistory.push({ severity: s.severity, at: e.ts, seq: e.seq });
      break;
    case 'status.changed': {
      const status = str(d.status);
      if (!isStatus(status)) break;
      s.status = status;
      s.statusHistory.push({ status: s.status, at: e.ts, seq: e.seq });
      break;
    }
    case 'milestone.set': {
      const m = str(d.milestone);
      if (!isMilestone(m)) break;
      const old = s.milestones[m];
      s.milestones[m] = {
        at: str(d.at),
        setAt: e.ts,
        seq: e.seq,
        actor: e.actor,
        backdated: d.backdated === true,
        previous: old ? [...old.previous, { at: old.at, seq: old.seq }] : [],
      };
      break;
    }
    case 'role.assigned': {
      const role = str(d.role);
      const names = s.roles[role] ?? [];
      if (!names.includes(str(d.name))) s.roles[role] = [...names, str(d.name)];
      break;
    }
    case 'note':
      s.notes++;
      break;
    case 'decision':
      s.decisions.push({ seq: e.seq, ts: e.ts, actor: e.actor, text: str(d.text) });
      break;
    case 'scenario.selected':
      for (const id of (d.scenarios as string[]) ?? []) if (!s.scenarios.includes(id)) s.scenarios.push(id);
      s.params = { ...s.params, ...((d.params as Record<string, string>) ?? {}) };
      break;
    case 'step.started':
    case 'step.completed':
    case 'step.skipped':
    case 'step.failed':
    case 'step.verified':
      applyStep(s, e);
      break;
    case 'aws.action.requested':
    case 'aws.action.approved':
    case 'aws.action.succeeded':
    case 'aws.action.failed':
      applyAction(s, e);
      break;
    case 'alarm.changed':
      s.alarms[str(d.alarm)] = { state: str(d.to), since: optStr(d.at) ?? e.ts, seq: e.seq };
      break;
    case 'comms.sent':
      s.commsSent.push({ seq: e.seq, ts: e.ts, actor: e.actor, channel: str(d.channel) || 'status', text: str(d.text) });
      break;
    case 'exercise.inject':
      s.injects.push({ seq: e.seq, ts: e.ts, inject: str(d.inject), text: str(d.text) });
      break;
    case 'action_item.added': {
      const owner = optStr(d.owner);
      s.actionItems.push({ seq: e.seq, ts: e.ts, actor: e.actor, text: str(d.text), ...(owner ? { owner } : {}) });
      break;
    }
    case 'amend': {
      const target = Number(d.target);
      (s.amendments[target] ??= []).push({ seq: e.seq, ts: e.ts, actor: e.actor, text: str(d.text) });
      break;
    }
    case 'incident.opened':
    case 'triage.answered':
    case 'aws.read':
    case 'metric.snapshot':
    case 'comms.drafted':
    case 'exercise.clock':
    case 'exercise.lease':
    case 'exercise.joined':
    case 'exercise.added':
    case 'exercise.marked':
    case 'escalation.fired':
    case 'report.exported':
    case 'journal.recovered':
    case 'action_item.updated': // the review's own read (core/review) folds these
    case 'review.section':
    case 'review.closed':
    case 'post_check.recorded':
      break;
    default:
      if (!s.unknownKinds.includes(e.kind)) s.unknownKinds.push(e.kind);
  }
  return s;
}

function applyStep(s: IncidentState, e: TimelineEvent): void {
  const d = e.data;
  const key = stepKey(str(d.scenario), str(d.step));
  const step: StepState = s.steps[key] ?? { scenario: str(d.scenario), step: str(d.step), status: 'todo', seqs: [] };
  step.seqs.push(e.seq);
  switch (e.kind) {
    case 'step.started':
      step.status = 'in-progress';
      step.startedAt = e.ts;
      step.startedBy = e.actor;
      break;
    case 'step.completed':
      step.status = 'done';
      step.endedAt = e.ts;
      step.endedBy = e.actor;
      break;
    case 'step.skipped':
    case 'step.failed':
      step.status = e.kind === 'step.skipped' ? 'skipped' : 'failed';
      step.endedAt = e.ts;
      step.endedBy = e.actor;
      step.reason = str(d.reason);
      break;
    case 'step.verified': {
      const passed = d.passed === true;
      step.verification = {
        passed,
        summary: str(d.summary),
        evidence: (d.evidence as Record<string, unknown>) ?? {},
        at: e.ts,
        seq: e.seq,
      };
      if (passed) {
        step.status = 'verified';
        step.endedAt ??= e.ts;
        step.endedBy ??= e.actor;
      }
      break;
    }
  }
  s.steps[key] = step;
}

function applyAction(s: IncidentState, e: TimelineEvent): void {
  const d = e.data;
  const id = str(d.actionId);
  if (e.kind === 'aws.action.requested') {
    const region = optStr(d.region);
    const scenario = optStr(d.scenario);
    const step = optStr(d.step);
    s.actions[id] = {
      actionId: id,
      service: str(d.service),
      operation: str(d.operation),
      target: str(d.target),
      ...(region ? { region } : {}),
      ...(scenario ? { scenario } : {}),
      ...(step ? { step } : {}),
      requestedAt: e.ts,
      requestedBy: e.actor,
      outcome: 'requested',
    };
    return;
  }
  const a = s.actions[id];
  if (!a) return;
  if (e.kind === 'aws.action.approved') {
    a.outcome = 'approved';
    a.approvedAt = e.ts;
    a.approvedBy = e.actor;
  } else if (e.kind === 'aws.action.succeeded') {
    a.outcome = 'succeeded';
    a.endedAt = e.ts;
    a.summary = str(d.summary);
    a.simulated = d.simulated === true;
    const rid = optStr(d.requestId);
    if (rid) a.requestId = rid;
  } else {
    a.outcome = 'failed';
    a.endedAt = e.ts;
    a.error = { class: str(d.errorClass), message: str(d.message) };
    const rid = optStr(d.requestId);
    if (rid) a.requestId = rid;
  }
}

/** Milestones must happen in order: impact, detection, declaration, mitigation, resolution. */
export function milestoneWarnings(ms: IncidentState['milestones']): string[] {
  const warnings: string[] = [];
  const set = MILESTONES.filter((m) => ms[m]);
  for (let i = 0; i < set.length; i++) {
    for (let j = i + 1; j < set.length; j++) {
      const a = set[i]!;
      const b = set[j]!;
      if (Date.parse(ms[a]!.at) > Date.parse(ms[b]!.at)) {
        warnings.push(`milestone ${b} (${ms[b]!.at}) is before ${a} (${ms[a]!.at})`);
      }
    }
  }
  return warnings;
}
