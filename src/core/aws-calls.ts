// The declarative AWS calls a runbook may name. The runbook schema (src/scenarios) embeds these shapes and
// the AWS layer (src/aws) interprets them; they live here so neither of the two imports the other.
// Arguments use the SDK's own field names (TableName, DBClusterIdentifier...) with {{param}} placeholders.
import * as z from 'zod';

export const AWS_SERVICES = ['dynamodb', 'rds', 'route53', 'cloudwatch'] as const;
export type AwsService = (typeof AWS_SERVICES)[number];

/** Read-only operations a `verify` may call, per service. */
export const READ_OPERATIONS = {
  dynamodb: ['DescribeTable', 'DescribeContinuousBackups', 'ListBackups', 'DescribeBackup'],
  rds: ['DescribeDBClusters', 'DescribeDBInstances', 'DescribeDBSnapshots', 'DescribeDBClusterSnapshots', 'DescribeEvents'],
  route53: ['GetChange', 'ListResourceRecordSets', 'GetHealthCheckStatus'],
  cloudwatch: ['DescribeAlarms'],
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
  route53: ['ChangeResourceRecordSets'],
  cloudwatch: [],
} as const satisfies Record<AwsService, readonly string[]>;

/** Which region's client serves a call: the incident's primary, its DR region, or us-east-1 (Route 53 metrics). */
export const REGION_REFS = ['primary', 'dr', 'us-east-1'] as const;
export type RegionRef = (typeof REGION_REFS)[number];

const argValue: z.ZodType<unknown> = z.lazy(() =>
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
  })
  .refine((e) => Object.values(e).filter((v) => v !== undefined).length === 1, {
    message: 'expect needs exactly one of equals, not_equals, in, exists, lt, lte, gt, gte, matches',
  });
export type ExpectSpec = z.output<typeof ExpectSpec>;

export const VerifySpec = z.strictObject({
  service: z.enum(AWS_SERVICES),
  operation: z.string().min(1),
  region: z.enum(REGION_REFS).default('primary'),
  args: z.record(z.string(), argValue).default({}),
  /** Dotted path into the response, with [n] for list items and [*] for "any item": Table.TableStatus, DBClusters[0].Status. */
  path: z.string().min(1),
  expect: ExpectSpec,
  interval_seconds: z.number().positive().default(10),
  deadline_seconds: z.number().positive().default(60),
});
export type VerifySpec = z.output<typeof VerifySpec>;

export const ActionSpec = z.strictObject({
  service: z.enum(AWS_SERVICES),
  operation: z.string().min(1),
  region: z.enum(REGION_REFS).default('primary'),
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
  region: z.enum(REGION_REFS).default('primary'),
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
}
