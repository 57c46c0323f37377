// The SDK command for each operation a runbook may name. Runbook arguments use the SDK's own field names,
// so they pass through as they are, after timestamps given as text are turned into Dates.
import { DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateBackupCommand, DescribeBackupCommand, DescribeContinuousBackupsCommand, DescribeTableCommand, ListBackupsCommand,
  RestoreTableFromBackupCommand, RestoreTableToPointInTimeCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateDBInstanceCommand, DescribeDBClusterSnapshotsCommand, DescribeDBClustersCommand, DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand, DescribeEventsCommand, FailoverDBClusterCommand, PromoteReadReplicaCommand,
  PromoteReadReplicaDBClusterCommand, RestoreDBClusterFromSnapshotCommand, RestoreDBClusterToPointInTimeCommand,
  RestoreDBInstanceFromDBSnapshotCommand, RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import {
  ChangeResourceRecordSetsCommand, GetChangeCommand, GetHealthCheckCommand, GetHealthCheckStatusCommand, ListResourceRecordSetsCommand, UpdateHealthCheckCommand,
} from '@aws-sdk/client-route-53';
import { DescribeEventsCommand as DescribeHealthEventsCommand } from '@aws-sdk/client-health';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { AwsService } from '../../core/index.js';

type CommandCtor = new (input: never) => unknown;

export const COMMANDS: Record<AwsService, Record<string, CommandCtor>> = {
  dynamodb: {
    DescribeTable: DescribeTableCommand, DescribeContinuousBackups: DescribeContinuousBackupsCommand,
    ListBackups: ListBackupsCommand, DescribeBackup: DescribeBackupCommand,
    CreateBackup: CreateBackupCommand, RestoreTableToPointInTime: RestoreTableToPointInTimeCommand,
    RestoreTableFromBackup: RestoreTableFromBackupCommand,
  },
  rds: {
    DescribeDBClusters: DescribeDBClustersCommand, DescribeDBInstances: DescribeDBInstancesCommand,
    DescribeDBSnapshots: DescribeDBSnapshotsCommand, DescribeDBClusterSnapshots: DescribeDBClusterSnapshotsCommand,
    DescribeEvents: DescribeEventsCommand,
    FailoverDBCluster: FailoverDBClusterCommand, PromoteReadReplica: PromoteReadReplicaCommand,
    PromoteReadReplicaDBCluster: PromoteReadReplicaDBClusterCommand,
    RestoreDBInstanceFromDBSnapshot: RestoreDBInstanceFromDBSnapshotCommand,
    RestoreDBInstanceToPointInTime: RestoreDBInstanceToPointInTimeCommand,
    RestoreDBClusterToPointInTime: RestoreDBClusterToPointInTimeCommand,
    RestoreDBClusterFromSnapshot: RestoreDBClusterFromSnapshotCommand,
    CreateDBInstance: CreateDBInstanceCommand,
  },
  route53: {
    GetChange: GetChangeCommand, ListResourceRecordSets: ListResourceRecordSetsCommand,
    GetHealthCheckStatus: GetHealthCheckStatusCommand, GetHealthCheck: GetHealthCheckCommand,
    ChangeResourceRecordSets: ChangeResourceRecordSetsCommand, UpdateHealthCheck: UpdateHealthCheckCommand,
  },
  cloudwatch: { DescribeAlarms: DescribeAlarmsCommand, GetMetricData: GetMetricDataCommand },
  kms: { DescribeKey: DescribeKeyCommand },
  health: { DescribeEvents: DescribeHealthEventsCommand },
  s3: { HeadObject: HeadObjectCommand },
};

const TIME_KEY = /(Time|DateTime|StartTime|EndTime|LowerBound|UpperBound)$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Timestamps arrive from YAML as text; the SDK wants Date objects for them. */
export function coerceArgs(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && TIME_KEY.test(key) && ISO.test(value)) return new Date(value);
  if (Array.isArray(value)) return value.map((v) => coerceArgs(v, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerceArgs(v, k)]));
  return value;
}

export function commandFor(service: AwsService, operation: string, args: Record<string, unknown>): unknown {
  const Ctor = COMMANDS[service][operation];
  if (!Ctor) throw new Error(`no SDK command for ${service} ${operation}`);
  return new Ctor(coerceArgs(args) as never);
}

/** The resource a call is about, for "not found" messages. */
export function resourceOf(args: Record<string, unknown>): string | undefined {
  for (const k of ['TableName', 'TargetTableName', 'BackupArn', 'DBClusterIdentifier', 'DBInstanceIdentifier', 'DBSnapshotIdentifier', 'DBClusterSnapshotIdentifier', 'SourceDBClusterIdentifier', 'SourceDBInstanceIdentifier', 'HostedZoneId', 'HealthCheckId', 'KeyId', 'Key', 'Id']) {
    const v = args[k];
    if (typeof v === 'string') return `${k} ${v}`;
  }
  const names = args.AlarmNames;
  return Array.isArray(names) ? `alarms ${names.join(', ')}` : undefined;
}
