// The declarative AWS calls a runbook may name. The runbook schema (src/scenarios) embeds these shapes and
// the AWS layer (src/aws) interprets them; they live here so neither of the two imports the other.
// Arguments use the SDK's own field names (TableName, DBClusterIdentifier...) with {{param}} placeholders.
import * as z from 'zod';

export const AWS_SERVICES = ['dynamodb', 'rds', 'route53', 'cloudwatch', 'kms', 'health', 's3'] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

/** Read-only operations a `verify` may call, per service. */
export const READ_OPERATIONS = {
  dynamodb: ['DescribeTable', 'DescribeContinuousBackups', 'ListBackups', 'DescribeBackup'],
  rds: ['DescribeDBClusters', 'DescribeDBInstances', 'DescribeDBSnapshots', 'DescribeDBClusterSnapshots', 'DescribeEvents'],
  // GetServedRecord is composed by warroom (src/aws/route53-served.ts): what Route 53 answers for a name now.
  route53: ['GetChange', 'ListResourceRecordSets', 'GetHealthCheck', 'GetHealthCheckStatus', 'GetServedRecord'],
  cloudwatch: ['DescribeAlarms', 'GetMetricData'],
  kms: ['DescribeKey'],
  // GetRegionSignals is composed by warroom (src/aws/region-signals.ts): AWS Health, a health check, a probe, alarms.
  health: ['DescribeEvents', 'GetRegionSignals'],
  // CompareObjectVersion is composed (src/aws/s3-version.ts): the current object against a chosen version.
  s3: ['CompareObjectVersion'],
} as const satisfies Record<AwsService, readonly string[]>;

/** Mutating operations an `action` may call, per service. Never run without --allow-actions and a typed confirmation. */
export const ACTION_OPERATIONS = {
  dynamodb: ['CreateBackup', 'RestoreTableToPointInTime', 'RestoreTableFromBackup'],
  rds: [
    'FailoverDBCluster',
    'PromoteReadReplica',
    'PromoteReadReplicaDBCluster',
    'RestoreDBInstanceFromDBSnapshot',
    'RestoreDBInstanceToPointInTime',
    'RestoreDBClusterToPointInTime',
    'RestoreDBClusterFromSnapshot',
    'CreateDBInstance',
  ],
  route53: ['ChangeResourceRecordSets', 'UpdateHealthCheck'],
  cloudwatch: [],
  kms: [],
  health: [],
  s3: [],
} as const satisfies Record<AwsService, readonly string[]>;

/** Which region a call goes to: the incident's primary, its DR region, or a region named literally (us-east-1). */
export const REGION_REFS = ['primary', 'dr', 'us-east-1'] as const;
export const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
export type RegionRef = 'primary' | 'dr' | (string & {});
const RegionRefSchema = z.union([z.enum(['primary', 'dr']), z.string().regex(REGION_NAME, 'region is primary, dr or a region name such as eu-west-2')]);

/** Any JSON value: call arguments, and the files a command reads. */
export const argValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.array(argValue), z.record(z.string(), argValue)]),
);

/** The condition a verify checks on the value found at `path`. Exactly one comparison. */
export const ExpectSpec = z
  .strictObject({
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    not_equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    in: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    exists: z.boolean().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    matches: z.string().optional(),
    /** A time (ISO 8601, may be "{{restore_time}}"): the value read is at or before it. */
    not_after: z.string().optional(),
    /** A time: the value read is at or after it. */
    not_before: z.string().optional(),
  })
  .refine((e) => Object.values(e).filter((v) => v !== undefined).length === 1, {
    message: 'expect needs exactly one of equals, not_equals, in, exists, lt, lte, gt, gte, matches, not_after, not_before',
  });
export type ExpectSpec = z.output<typeof ExpectSpec>;

/** A further condition on the same response; every one must hold too (promoted: available AND no replica source). */
export const AlsoSpec = z.strictObject({
  path: z.string().min(1),
  expect: ExpectSpec,
  /** As the verify's own `match`; "all" so that every one of several queries must have answered. */
  match: z.enum(['any', 'all', 'every']).optional(),
});
export type AlsoSpec = z.output<typeof AlsoSpec>;

export const VerifySpec = z.strictObject({
  service: z.enum(AWS_SERVICES),
  operation: z.string().min(1),
  region: RegionRefSchema.default('primary'),
  args: z.record(z.string(), argValue).default({}),
  /** Dotted path into the response, with [n] for list items and [*] for "any item": Table.TableStatus, DBClusters[0].Status. */
  path: z.string().min(1),
  expect: ExpectSpec,
  /**
   * With a [*] path: "any" (default) passes when one value holds, "all" when every value holds and there is one,
   * "every" when no value fails (none at all passes: CloudWatch sends no datapoint for a period without throttles).
   */
  match: z.enum(['any', 'all', 'every']).optional(),
  and: z.array(AlsoSpec).optional(),
  interval_seconds: z.number().positive().default(10),
  deadline_seconds: z.number().positive().default(60),
});
export type VerifySpec = z.output<typeof VerifySpec>;

export const ActionSpec = z.strictObject({
  service: z.enum(AWS_SERVICES),
  operation: z.string().min(1),
  region: RegionRefSchema.default('primary'),
  args: z.record(z.string(), argValue).default({}),
  /** The resource the operator must type to confirm, e.g. "{{target_table}}". */
  confirm: z.string().min(1),
  /** Optional read that tells when the action has taken effect (e.g. the restored table is ACTIVE). */
  wait: VerifySpec.optional(),
});
export type ActionSpec = z.output<typeof ActionSpec>;

export const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p95', 'p99'] as const;

export const MetricSpec = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/, 'metric id must start with a lower-case letter and hold letters, digits, _'),
  title: z.string().min(1),
  namespace: z.string().min(1),
  metric: z.string().min(1),
  dimensions: z.record(z.string(), z.string()).default({}),
  statistic: z.enum(STATISTICS).default('Average'),
  period_seconds: z.number().int().positive().default(60),
  unit: z.string().default('None'),
  region: RegionRefSchema.default('primary'),
  /** Whether higher values are worse (errors, latency) or lower values are worse (health check status, free storage). */
  bad_when: z.enum(['above', 'below']).default('above'),
  warning: z.number().optional(),
  critical: z.number().optional(),
});
export type MetricSpec = z.output<typeof MetricSpec>;

/** A recovery objective per component, as in the plans' RTO/RPO tables; durations in seconds after loading. */
export interface ObjectiveTarget {
  component: string;
  rto_seconds?: number;
  rpo_seconds?: number;
  /** "0 by design" objectives (synchronous Multi-AZ replication) are stated, not measured. */
  rpo_by_design?: boolean;
  note?: string;
  /** The plan the target comes from. */
  plan?: string;
  /** The plan's estimate of the recovery time: context, not a target. */
  estimate?: string;
}

/**
 * Placeholders a verify or wait may use that come from the incident's own events, not from params, or from the
 * clock at each attempt: `now` and `minutes_ago_N` (a CloudWatch window that moves with the check).
 */
export const RECORDED_PLACEHOLDER = /^(before_[a-z0-9_]+|action_requested_at|now|minutes_ago_\d{1,4})$/;

/** The clock placeholders' values at instant `nowMs`, for the names the spec uses. */
export function clockParams(names: readonly string[], nowMs: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    if (name === 'now') out.now = new Date(nowMs).toISOString();
    const m = /^minutes_ago_(\d{1,4})$/.exec(name);
    if (m) out[name] = new Date(nowMs - Number(m[1]) * 60_000).toISOString();
  }
  return out;
}

/** What the record of an action's state looks like on an `aws.read` event's `values`. */
export interface RecordedState {
  actionId: string;
  phase: 'before' | 'after';
  step?: string;
  /** Named values read from the target, e.g. { writer: "orders-db-1", status: "available" }. */
  state: Record<string, string>;
}

interface EventLike {
  kind: string;
  ts: string;
  data: Record<string, unknown>;
}

/**
 * The values a verification may need that the runbook cannot know, taken from the incident's own earlier
 * events: `before_<name>` from the newest recorded state before an action (the writer before a failover),
 * `action_requested_at` (when the newest action was asked for) and `restore_time` (the point-in-time an
 * earlier restore asked for) unless the incident's params already name one. Params given by people win.
 */
export function verificationParams(params: Readonly<Record<string, string>>, events: readonly EventLike[]): Record<string, string> {
  const derived: Record<string, string> = {};
  for (const e of events) {
    if (e.kind === 'aws.read') {
      const v = e.data.values as Partial<RecordedState> | undefined;
      if (v?.phase !== 'before' || !v.state) continue;
      for (const [k, val] of Object.entries(v.state)) derived[`before_${k}`] = String(val);
    } else if (e.kind === 'aws.action.requested') {
      derived.action_requested_at = e.ts;
      const args = e.data.args as Record<string, unknown> | undefined;
      const t = args?.RestoreDateTime ?? args?.RestoreTime;
      if (typeof t === 'string') derived.restore_time = t;
    }
  }
  return { ...derived, ...params };
}
