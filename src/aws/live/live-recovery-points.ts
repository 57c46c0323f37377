// What RPO needs: how recent the data is that could be restored. DynamoDB: PITR window (else the latest
// backup); RDS: LatestRestorableTime of the cluster or instance (else the latest snapshot), and the
// ReplicaLag metric for read replicas.
import { systemClock } from '../../system-clock.js';
import { DescribeContinuousBackupsCommand, ListBackupsCommand, type BackupSummary, type ContinuousBackupsDescription } from '@aws-sdk/client-dynamodb';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, DescribeDBSnapshotsCommand, type DBCluster, type DBInstance, type DBSnapshot } from '@aws-sdk/client-rds';
import { GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { RegionRef } from '../../core/index.js';
import type { AwsFailure, RecoveryPoint, RecoveryPointsPort } from '../ports.js';
import { callAws } from './call.js';
import type { LiveClients } from './clients.js';

type Target = { component: string; service: 'dynamodb' | 'rds'; resource: string; region?: RegionRef };
type Out = { point?: RecoveryPoint; error?: AwsFailure };
const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);
const opt = <K extends string>(k: K, v: string | number | undefined) => (v === undefined ? {} : ({ [k]: v } as Record<K, string | number>));

async function dynamo(c: LiveClients, t: Target, signal?: AbortSignal): Promise<Out> {
  const ref = t.region ?? 'primary';
  const region = c.regionName(ref);
  const ctx = { service: 'dynamodb' as const, region, resource: `table ${t.resource}` };
  const ms = c.budgets.read.deadlineMs;
  const pitr = await callAws<{ ContinuousBackupsDescription?: ContinuousBackupsDescription }>(c.get('dynamodb', ref), new DescribeContinuousBackupsCommand({ TableName: t.resource }), { ...ctx, operation: 'DescribeContinuousBackups' }, ms, signal);
  if (!pitr.ok) return { error: pitr.error };
  const d = pitr.value.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  if (d?.PointInTimeRecoveryStatus === 'ENABLED' && d.LatestRestorableDateTime) {
    return { point: { component: t.component, resource: t.resource, source: 'DynamoDB DescribeContinuousBackups (PITR)', measured: true, ...opt('latestRestorable', iso(d.LatestRestorableDateTime)), ...opt('earliestRestorable', iso(d.EarliestRestorableDateTime)) } };
  }
  const backups = await callAws<{ BackupSummaries?: BackupSummary[] }>(c.get('dynamodb', ref), new ListBackupsCommand({ TableName: t.resource }), { ...ctx, operation: 'ListBackups' }, ms, signal);
  if (!backups.ok) return { error: backups.error };
  const latest = (backups.value.BackupSummaries ?? []).map((b) => b.BackupCreationDateTime).filter((x): x is Date => !!x).sort((a, b) => b.getTime() - a.getTime())[0];
  return { point: { component: t.component, resource: t.resource, source: latest ? 'DynamoDB ListBackups (latest backup; PITR off)' : 'DynamoDB: PITR off and no backups', measured: false, ...opt('latestRestorable', iso(latest)) } };
}

async function replicaLag(c: LiveClients, ref: RegionRef, instance: string, signal?: AbortSignal): Promise<number | undefined> {
  const end = systemClock.now();
  const res = await callAws<{ MetricDataResults?: MetricDataResult[] }>(c.get('cloudwatch', ref), new GetMetricDataCommand({
    StartTime: new Date(end - 600_000), EndTime: new Date(end), ScanBy: 'TimestampDescending',
    MetricDataQueries: [{ Id: 'lag', MetricStat: { Metric: { Namespace: 'AWS/RDS', MetricName: 'ReplicaLag', Dimensions: [{ Name: 'DBInstanceIdentifier', Value: instance }] }, Period: 60, Stat: 'Maximum' } }],
  }), { service: 'cloudwatch', operation: 'GetMetricData', region: c.regionName(ref) }, c.budgets.read.deadlineMs, signal);
  return res.ok ? res.value.MetricDataResults?.[0]?.Values?.[0] : undefined;
}

async function rds(c: LiveClients, t: Target, signal?: AbortSignal): Promise<Out> {
  const ref = t.region ?? 'primary';
  const region = c.regionName(ref);
  const ms = c.budgets.read.deadlineMs;
  const base = { component: t.component, resource: t.resource };
  const cl = await callAws<{ DBClusters?: DBCluster[] }>(c.get('rds', ref), new DescribeDBClustersCommand({ DBClusterIdentifier: t.resource }), { service: 'rds', operation: 'DescribeDBClusters', region, resource: `cluster ${t.resource}` }, ms, signal);
  if (cl.ok && cl.value.DBClusters?.[0]) {
    const x = cl.value.DBClusters[0];
    return { point: { ...base, source: 'RDS DescribeDBClusters (LatestRestorableTime)', measured: x.LatestRestorableTime !== undefined, ...opt('latestRestorable', iso(x.LatestRestorableTime)), ...opt('earliestRestorable', iso(x.EarliestRestorableTime)) } };
  }
  if (!cl.ok && cl.error.class !== 'not-found') return { error: cl.error };
  const inst = await callAws<{ DBInstances?: DBInstance[] }>(c.get('rds', ref), new DescribeDBInstancesCommand({ DBInstanceIdentifier: t.resource }), { service: 'rds', operation: 'DescribeDBInstances', region, resource: `cluster or instance ${t.resource}` }, ms, signal);
  if (!inst.ok) return { error: inst.error };
  const x = inst.value.DBInstances?.[0];
  if (x?.ReadReplicaSourceDBInstanceIdentifier) {
    const lag = await replicaLag(c, ref, t.resource, signal);
    return { point: { ...base, source: 'CloudWatch AWS/RDS ReplicaLag', measured: lag !== undefined, ...opt('lagSeconds', lag) } };
  }
  if (x?.LatestRestorableTime) return { point: { ...base, source: 'RDS DescribeDBInstances (LatestRestorableTime)', measured: true, latestRestorable: x.LatestRestorableTime.toISOString() } };
  const snaps = await callAws<{ DBSnapshots?: DBSnapshot[] }>(c.get('rds', ref), new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: t.resource }), { service: 'rds', operation: 'DescribeDBSnapshots', region }, ms, signal);
  if (!snaps.ok) return { error: snaps.error };
  const latest = (snaps.value.DBSnapshots ?? []).map((s) => s.SnapshotCreateTime).filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0];
  return { point: { ...base, source: 'RDS DescribeDBSnapshots (latest snapshot; no PITR)', measured: false, ...opt('latestRestorable', iso(latest)) } };
}

export function liveRecoveryPoints(clients: LiveClients): RecoveryPointsPort {
  return {
    async read(targets, signal) {
      const outs = await Promise.all(targets.map((t) => (t.service === 'dynamodb' ? dynamo(clients, t, signal) : rds(clients, t, signal))));
      return { points: outs.flatMap((o) => (o.point ? [o.point] : [])), errors: outs.flatMap((o) => (o.error ? [o.error] : [])) };
    },
  };
}
