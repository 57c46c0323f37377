// The post-incident report as plain data: what the Markdown, HTML and JSON renderers show. Every duration is
// seconds or null (unknown), never a zero standing in for "we do not know".
import type { MetricSpec, ObjectiveTarget } from '../aws-calls.js';
import type { IncidentState } from '../fold.js';
import type { Milestone, TimelineEvent } from '../events.js';
import type { MetricFold } from './metrics.js';

export const REPORT_SCHEMA_VERSION = 1;

/** How a figure was obtained. */
export type Basis = 'measured' | 'estimated' | 'by-design' | 'unknown';

export interface Figure {
  seconds: number | null;
  basis: Basis;
  /** Which events or AWS reads the figure comes from, e.g. "impact-started (seq 3) to mitigated (seq 40)". */
  source: string;
}

export interface ScenarioInput {
  id: string;
  title: string;
  objectives: ObjectiveTarget[];
  /** `component` ties a step to the objective whose recovery it completes. */
  steps: { id: string; title: string; role: string; component?: string; depends_on?: string[]; caution?: string | undefined; destructive?: { destroys: string } | undefined }[];
  metrics?: MetricSpec[];
  /** The runbook's checks after recovery (post_checks), in its order. */
  postChecks?: string[];
}

export interface ReportInput {
  events: readonly TimelineEvent[];
  state: IncidentState;
  scenarios: readonly ScenarioInput[];
  /** Milliseconds since the epoch: when the report is produced. */
  now: number;
  verification: {
    ok: boolean;
    count: number;
    headHash: string;
    firstBad?: { seq: number; message: string };
    /** A shared incident: every origin's feed and its head (docs/sharing.md). */
    origins?: readonly { origin: string; seq: number; hash: string }[];
    /** Each origin's head in the shared table as the last sync found it; absent when never synced. */
    table?: readonly { origin: string; seq: number; hash: string }[];
  };
  /**
   * The metric series and alarm changes folded while the journal was read (else taken from
   * `events`); outside a drill `events` then need no snapshot (buildReport adds what the drafts cite). */
  folded?: MetricFold;
  /** Update cadence; the plans' 5 minutes then every 30 by default. */
  cadence?: { firstUpdateMinutes: number; cadenceMinutes: number };
}

export interface MilestoneRow {
  milestone: Milestone;
  at: string | null;
  setBy: string | null;
  seq: number | null;
  backdated: boolean;
  missing: boolean;
}

export interface IntervalRow {
  label: string;
  from: Milestone;
  to: Milestone;
  seconds: number | null;
  /** The end precedes the start. */
  outOfOrder: boolean;
}

export interface ObjectiveRow {
  component: string;
  scenario: string | null;
  targetRto: number | null;
  targetRpo: number | null;
  rpoByDesign: boolean;
  rto: Figure;
  rpo: Figure;
  rtoMet: boolean | null;
  rpoMet: boolean | null;
  /** "met", "missed by 5m 00s", "not yet", "unknown (no impact start)", "not met: 3 step(s) not done" (drills). */
  rtoVerdict: string;
  rpoVerdict: string;
  note: string | null;
}

export interface StepRow {
  scenario: string;
  step: string;
  title: string | null;
  role: string | null;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  by: string | null;
  seconds: number | null;
  reason: string | null;
  verification: { passed: boolean; summary: string; evidence: Record<string, unknown>; at: string; seq: number } | null;
  /** The runbook's caution for the step (where the plan is unsafe as written), repeated in the report. */
  caution?: string;
  /** What a destructive step destroys. */
  destroys?: string;
}

export interface ActionRow {
  actionId: string;
  service: string;
  operation: string;
  target: string;
  region: string | null;
  step: string | null;
  requestedAt: string;
  requestedBy: string;
  approvedBy: string | null;
  outcome: string;
  endedAt: string | null;
  requestId: string | null;
  summary: string | null;
  error: string | null;
  simulated: boolean;
}

export interface MetricRow {
  metric: string;
  title: string;
  unit: string | null;
  points: [string, number][];
  min: number | null;
  max: number | null;
  last: number | null;
  warning: number | null;
  critical: number | null;
  badWhen: 'above' | 'below';
}

export interface AlarmChangeRow {
  at: string;
  seq: number;
  alarm: string;
  from: string;
  to: string;
  reason: string | null;
}

export interface CommsRow {
  seq: number;
  at: string;
  by: string;
  channel: string;
  text: string;
  /** Seconds after the update was due, when it was late. */
  lateBySeconds: number | null;
}

export interface CadenceCheck {
  firstUpdateMinutes: number;
  cadenceMinutes: number;
  /** Null when the incident was never declared: nothing to measure against. */
  from: string | null;
  late: { dueAt: string; sentAt: string | null; lateBySeconds: number }[];
}

export interface InjectRow {
  seq: number;
  at: string;
  inject: string;
  text: string;
  response: { seq: number; at: string; by: string; kind: string; seconds: number } | null;
}

export interface ActionItemRow {
  seq: number | null;
  text: string;
  owner: string | null;
  priority: string | null;
  type: string | null;
  due: string | null;
  ticket: string | null;
  /** open, in-progress, done, wont-do; a proposal from the after-action review is open. */
  status: string;
  /** "timeline" for recorded items, "after-action" for improvements the report proposes. */
  origin: 'timeline' | 'after-action';
}

export interface TimelineRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  text: string;
  corrections: { seq: number; at: string; actor: string; text: string }[];
}

export interface ReviewSectionRow {
  section: string;
  title: string;
  /** What the review recorded (the latest correction), or null when the section is not written yet. */
  text: string | null;
  seq: number | null;
  by: string | null;
  at: string | null;
  from: string | null;
  corrections: { seq: number; at: string; by: string; text: string }[];
  /** Generated from the record; each statement cites the events that support it. */
  draft: { text: string; cites: number[] }[];
}

export interface PostCheckRow {
  scenario: string;
  check: string;
  /** passed, failed, not-checked, or "not recorded" when nobody recorded a result. */
  result: string;
  text: string | null;
  by: string | null;
  at: string | null;
  seq: number | null;
}

/** A row of the readable timeline: a run of snapshots of one metric, or of one alarm's flaps, is one row. */
export interface DigestRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  text: string;
  /** How many events the row stands for (1 for an ordinary event). */
  count: number;
  lastSeq: number;
}

export interface ReportModel {
  schemaVersion: number;
  generatedAt: string;
  draft: boolean;
  summary: {
    id: string;
    title: string;
    severity: string;
    mode: string;
    status: string;
    openedAt: string;
    openedBy: string;
    scenarios: { id: string; title: string | null }[];
    roles: { role: string; names: string[] }[];
    responders: string[];
  };
  impact: {
    start: string | null;
    end: string | null;
    seconds: number | null;
    ongoing: boolean;
    severities: { severity: string; from: string; to: string | null; seconds: number | null; ongoing: boolean }[];
  };
  milestones: { rows: MilestoneRow[]; intervals: IntervalRow[]; warnings: string[] };
  objectives: { targetsKnown: boolean; rows: ObjectiveRow[] };
  steps: StepRow[];
  actions: ActionRow[];
  metrics: MetricRow[];
  alarmChanges: AlarmChangeRow[];
  comms: { sent: CommsRow[]; cadence: CadenceCheck };
  decisions: { seq: number; at: string; by: string; text: string }[];
  exercise: {
    injects: InjectRow[];
    afterAction: { wentWell: string[]; toImprove: string[] };
  } | null;
  actionItems: ActionItemRow[];
  review: { status: 'not-started' | 'open' | 'closed'; closedAt: string | null; closedBy: string | null; closedSeq: number | null; sections: ReviewSectionRow[] };
  postChecks: PostCheckRow[];
  digest: DigestRow[];
  timeline: TimelineRow[];
  integrity: {
    events: number;
    headHash: string;
    verified: boolean;
    firstBad: string | null;
    origins?: { origin: string; seq: number; hash: string; table: { seq: number; hash: string } | null }[];
    /** Shared: whether every origin's head here was the table's at the last sync; null when never synced. */
    tableAgreed?: boolean | null;
  };
}
