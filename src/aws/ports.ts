// The AWS layer's ports: domain-shaped, so the console and the report never see an SDK object.
// Implemented twice: live (the four SDK v3 clients) and simulated (a deterministic in-process model).
import type { ActionSpec, MetricSpec, RegionRef, VerifySpec } from '../core/index.js';

/** Every failure is classified and explained in one line; raw SDK errors never leave the adapter. */
export type AwsErrorClass =
  | 'access-denied'
  | 'throttled'
  | 'timeout'
  | 'unreachable'
  | 'not-found'
  | 'invalid-parameter'
  | 'not-supported'
  | 'actions-disabled'
  /** The operator's typed confirmation did not match the target; nothing was called. */
  | 'refused'
  | 'unknown';

export interface AwsFailure {
  class: AwsErrorClass;
  /** One line for the operator, e.g. "access denied: missing IAM action dynamodb:DescribeTable". */
  message: string;
  /** The IAM action that was denied, when known. */
  iamAction?: string;
  requestId?: string;
  /** The region the failed call went to, so a pane can say which region it could not read. */
  region?: string;
}

export interface MetricPoint {
  /** ISO 8601 UTC. */
  t: string;
  v: number;
}

export interface MetricSeries {
  id: string;
  label: string;
  unit: string;
  region: string;
  /** Oldest first. Missing datapoints are absent, never zero. */
  points: MetricPoint[];
  status: 'Complete' | 'PartialData' | 'Failed';
  fetchedAt: string;
  error?: AwsFailure;
}

export interface MetricsPort {
  /** Fetches many series (batched into GetMetricData calls of at most 500 queries, one per region). */
  fetch(
    specs: readonly MetricSpec[],
    params: Readonly<Record<string, string>>,
    window: { start: number; end: number },
    signal?: AbortSignal,
  ): Promise<MetricSeries[]>;
}

export interface AlarmState {
  name: string;
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  reason: string;
  updatedAt: string;
  region: string;
  metric?: string;
}

export interface AlarmTransition {
  alarm: string;
  from: string;
  to: string;
  reason: string;
  at: string;
  region: string;
}

export interface AlarmsPort {
  /**
   * Current states; `transitions` are the changes since the previous call on this instance. `params` are the
   * incident's, whose region/dr_region say which regions to read (else the session's).
   */
  poll(signal?: AbortSignal, params?: Readonly<Record<string, string>>): Promise<{ alarms: AlarmState[]; transitions: AlarmTransition[]; fetchedAt: string; errors?: AwsFailure[]; regions?: string[] }>;
}

export interface ProbeResult {
  passed: boolean;
  /** One line: what was read and what was expected. */
  summary: string;
  /** The values read, keyed by path, for the timeline and the report. */
  evidence: Record<string, unknown>;
  attempts: number;
  elapsedMs: number;
  error?: AwsFailure;
}

/** One read-only call, as a verify names it, without a condition (the state of a target before and after an action). */
export type ReadCall = Pick<VerifySpec, 'service' | 'operation' | 'region' | 'args'>;

export interface ProbesPort {
  /** Runs a step's read-only verify, polling until it holds or its deadline passes. */
  verify(spec: VerifySpec, params: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<ProbeResult>;
  /** One read, once, in the region where.ts resolves; the response as the SDK gives it. */
  read?(call: ReadCall, params: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<{ ok: true; value: unknown; region: string } | { ok: false; error: AwsFailure }>;
}

export interface ActionRequest {
  spec: ActionSpec;
  params: Readonly<Record<string, string>>;
  /** What the operator typed; must equal the filled `confirm` target. */
  confirmation: string;
}

export interface ActionResult {
  ok: boolean;
  requestId?: string;
  summary: string;
  simulated: boolean;
  error?: AwsFailure;
}

export interface ActionsPort {
  /** False unless the session was started with --allow-actions (and never against real AWS in an exercise). */
  readonly enabled: boolean;
  /** The filled confirmation target the operator must type. */
  target(spec: ActionSpec, params: Readonly<Record<string, string>>): string;
  execute(request: ActionRequest, signal?: AbortSignal): Promise<ActionResult>;
  /**
   * Values for params nobody typed, where the AWS knows them (the simulated AWS: what it was seeded with).
   * Never regions: where an action acts comes only from the incident's own params and the settings.
   */
  defaults?(): Readonly<Record<string, string>>;
}

export interface RecoveryPoint {
  component: string;
  resource: string;
  /** The latest instant data can be recovered to, ISO 8601 UTC, when known. */
  latestRestorable?: string;
  earliestRestorable?: string;
  /** Replication lag in seconds, when that is the measure (read replicas, global tables). */
  lagSeconds?: number;
  /** Where the figure comes from, e.g. "DynamoDB DescribeContinuousBackups". */
  source: string;
  measured: boolean;
}

export interface RecoveryPointsPort {
  read(
    targets: readonly { component: string; service: 'dynamodb' | 'rds'; resource: string; region?: RegionRef }[],
    signal?: AbortSignal,
  ): Promise<{ points: RecoveryPoint[]; errors: AwsFailure[] }>;
}

/** Who AWS says we are (STS GetCallerIdentity): the account and principal every action and check names. */
export interface CallerIdentity {
  account: string;
  arn: string;
}

export interface IdentityPort {
  /** Asked once and remembered; a failure is returned, never thrown. */
  whoami(signal?: AbortSignal): Promise<{ ok: true; identity: CallerIdentity } | { ok: false; error: AwsFailure }>;
}

/** Everything the console and the CLI need from AWS, as one bundle chosen by the composition root. */
export interface AwsPorts {
  mode: 'live' | 'simulated';
  /** For the banner: "LIVE prod-admin eu-west-2" or "SIMULATED". */
  describe: { profile?: string; region: string; drRegion?: string; account?: string };
  metrics: MetricsPort;
  alarms: AlarmsPort;
  probes: ProbesPort;
  actions: ActionsPort;
  recoveryPoints: RecoveryPointsPort;
  /** The caller's account and principal; absent in test doubles that do not model it. */
  identity?: IdentityPort;
}
