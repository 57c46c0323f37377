// The read-only operations of the simulated AWS, answering in the SDK's response shapes so a runbook's
// verify paths mean the same thing here as against real AWS.
import { SimError, type SimCluster, type SimInstance, type SimWorld } from './world.js';

type Args = Record<string, unknown>;
const str = (args: Args, key: string): string => {
  const v = args[key];
  if (typeof v !== 'string' || v === '') throw new SimError('ValidationException', `1 validation error detected: ${key} is required`);
  return v;
};
const d = (ms: number) => new Date(ms);

export const tableArn = (w: SimWorld, region: string, name: string) => `arn:aws:dynamodb:${region}:${w.account}:table/${name}`;

function describeCluster(w: SimWorld, c: SimCluster) {
  return {
    DBClusterIdentifier: c.id, Status: c.status, Engine: c.engine, MultiAZ: c.members.length > 1,
    DBClusterArn: `arn:aws:rds:${c.region}:${w.account}:cluster:${c.id}`,
    ClusterCreateTime: d(c.createdAt), EarliestRestorableTime: d(c.createdAt), LatestRestorableTime: d(w.clock.now() - 5 * 60_000),
    DBClusterMembers: c.members.map((m) => ({ DBInstanceIdentifier: m.id, IsClusterWriter: m.writer, DBClusterParameterGroupStatus: 'in-sync' })),
    ...(c.replicaOf ? { ReplicationSourceIdentifier: c.replicaOf } : {}),
  };
}

function describeInstance(w: SimWorld, i: SimInstance) {
  return {
    DBInstanceIdentifier: i.id, DBInstanceStatus: i.status, Engine: i.engine, DBInstanceClass: 'db.r6g.large',
    DBInstanceArn: `arn:aws:rds:${i.region}:${w.account}:db:${i.id}`, InstanceCreateTime: d(i.createdAt),
    // Stand-alone instances are modelled as Multi-AZ with a week of automated backups, as a DR plan expects.
    MultiAZ: !i.cluster && !i.replicaOf, BackupRetentionPeriod: i.replicaOf ? 0 : 7,
    ...(i.cluster ? { DBClusterIdentifier: i.cluster } : { LatestRestorableTime: d(w.clock.now() - 5 * 60_000) }),
    ...(i.replicaOf ? { ReadReplicaSourceDBInstanceIdentifier: i.replicaOf } : {}),
    Endpoint: { Address: `${i.id}.sim.${i.region}.rds.amazonaws.com`, Port: 5432 },
  };
}

export function simRead(w: SimWorld, service: string, operation: string, args: Args, region: string): unknown {
  w.settle();
  w.checkRegion(service === 'route53' || service === 'health' ? 'us-east-1' : region);
  const now = w.clock.now();
  switch (`${service}:${operation}`) {
    case 'dynamodb:DescribeTable': {
      const t = w.table(region, str(args, 'TableName'));
      if (t.impaired) throw new SimError('InternalServerError', 'Internal server error', 500);
      return { Table: { TableName: t.name, TableStatus: t.status, TableArn: tableArn(w, region, t.name), ItemCount: t.items, CreationDateTime: d(t.createdAt), ...(t.restoredFrom ? { RestoreSummary: { SourceTableArn: tableArn(w, region, t.restoredFrom), RestoreInProgress: t.status !== 'ACTIVE', RestoreDateTime: d(t.createdAt) } } : {}) } };
    }
    case 'dynamodb:DescribeContinuousBackups': {
      const t = w.table(region, str(args, 'TableName'));
      return { ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: t.pitr
        ? { PointInTimeRecoveryStatus: 'ENABLED', EarliestRestorableDateTime: d(Math.max(t.createdAt, now - 35 * 86_400_000)), LatestRestorableDateTime: d(now - 5_000) }
        : { PointInTimeRecoveryStatus: 'DISABLED' } } };
    }
    case 'dynamodb:ListBackups': {
      const name = typeof args.TableName === 'string' ? args.TableName : undefined;
      const list = [...w.backups.values()].filter((b) => b.region === region && (!name || b.table === name));
      return { BackupSummaries: list.map((b) => ({ BackupArn: b.arn, BackupName: b.name, TableName: b.table, BackupStatus: b.status, BackupCreationDateTime: d(b.createdAt), BackupType: 'USER' })) };
    }
    case 'dynamodb:DescribeBackup': {
      const b = w.backups.get(str(args, 'BackupArn'));
      if (!b) throw new SimError('BackupNotFoundException', `Backup not found: ${String(args.BackupArn)}`);
      return { BackupDescription: { BackupDetails: { BackupArn: b.arn, BackupName: b.name, BackupStatus: b.status, BackupCreationDateTime: d(b.createdAt), BackupType: 'USER' }, SourceTableDetails: { TableName: b.table } } };
    }
    case 'rds:DescribeDBClusters': {
      const id = args.DBClusterIdentifier;
      const list = typeof id === 'string' ? [w.cluster(region, id)] : [...w.clusters.values()].filter((c) => c.region === region);
      return { DBClusters: list.map((c) => describeCluster(w, c)) };
    }
    case 'rds:DescribeDBInstances': {
      const id = args.DBInstanceIdentifier;
      const list = typeof id === 'string' ? [w.instance(region, id)] : [...w.instances.values()].filter((i) => i.region === region);
      return { DBInstances: list.map((i) => describeInstance(w, i)) };
    }
    case 'rds:DescribeDBSnapshots':
    case 'rds:DescribeDBClusterSnapshots': {
      const cluster = operation === 'DescribeDBClusterSnapshots';
      const id = args[cluster ? 'DBClusterSnapshotIdentifier' : 'DBSnapshotIdentifier'];
      const source = args[cluster ? 'DBClusterIdentifier' : 'DBInstanceIdentifier'];
      const list = [...w.snapshots.values()].filter((s) => s.region === region && s.kind === (cluster ? 'cluster' : 'instance') && (id === undefined || s.id === id) && (source === undefined || s.source === source));
      if (typeof id === 'string' && list.length === 0) throw new SimError(cluster ? 'DBClusterSnapshotNotFoundFault' : 'DBSnapshotNotFound', `Snapshot ${id} not found.`, 404);
      const shaped = list.map((s) => (cluster
        ? { DBClusterSnapshotIdentifier: s.id, DBClusterIdentifier: s.source, Status: s.status, SnapshotCreateTime: d(s.createdAt) }
        : { DBSnapshotIdentifier: s.id, DBInstanceIdentifier: s.source, Status: s.status, SnapshotCreateTime: d(s.createdAt) }));
      return cluster ? { DBClusterSnapshots: shaped } : { DBSnapshots: shaped };
    }
    case 'rds:DescribeEvents': {
      const src = typeof args.SourceIdentifier === 'string' ? args.SourceIdentifier : undefined;
      const list = w.events.filter((e) => e.region === region && (!src || e.source === src));
      return { Events: list.map((e) => ({ SourceIdentifier: e.source, SourceType: e.type, Message: e.message, Date: d(e.at) })) };
    }
    case 'route53:GetChange': {
      const id = str(args, 'Id').replace(/^\/change\//, '');
      const c = w.changes.get(id);
      if (!c) throw new SimError('NoSuchChange', `A change with the specified change ID does not exist: ${id}`, 404);
      return { ChangeInfo: { Id: `/change/${c.id}`, Status: c.status, SubmittedAt: d(c.submittedAt) } };
    }
    case 'route53:ListResourceRecordSets': {
      const z = w.zone(str(args, 'HostedZoneId'));
      return { ResourceRecordSets: z.records.map((r) => ({ ...r })), IsTruncated: false };
    }
    case 'route53:GetHealthCheck': {
      const id = str(args, 'HealthCheckId');
      const h = w.healthChecks.get(id);
      if (!h) throw new SimError('NoSuchHealthCheck', `No health check exists with the specified ID ${id}`, 404);
      return { HealthCheck: { Id: id, HealthCheckConfig: { Type: 'HTTPS', Inverted: h.inverted === true, Disabled: false } } };
    }
    case 'route53:GetHealthCheckStatus': {
      const id = str(args, 'HealthCheckId');
      const h = w.healthChecks.get(id);
      if (!h) throw new SimError('NoSuchHealthCheck', `No health check exists with the specified ID ${id}`, 404);
      const Status = h.healthy ? 'Success: HTTP Status Code 200, OK' : 'Failure: Connection timed out';
      return { HealthCheckObservations: ['us-east-1', 'eu-west-1', 'ap-southeast-1'].map((Region) => ({ Region, IPAddress: '192.0.2.10', StatusReport: { Status, CheckedTime: d(now) } })) };
    }
    case 'kms:DescribeKey': {
      const id = str(args, 'KeyId');
      const k = w.kmsKeys.get(w.key(region, id));
      if (!k) throw new SimError('NotFoundException', `Key '${id}' does not exist`, 400);
      return { KeyMetadata: { KeyId: k.id, Arn: `arn:aws:kms:${region}:${w.account}:key/${k.id}`, Enabled: k.state === 'Enabled', KeyState: k.state, ...(k.deletionAt ? { DeletionDate: d(k.deletionAt) } : {}) } };
    }
    case 'cloudwatch:DescribeAlarms': {
      const names = Array.isArray(args.AlarmNames) ? (args.AlarmNames as unknown[]).map(String) : undefined;
      const list = [...w.alarms.values()].filter((a) => a.region === region && (!names || names.includes(a.name)));
      return { MetricAlarms: list.map((a) => ({ AlarmName: a.name, StateValue: a.state, StateReason: a.reason, StateUpdatedTimestamp: d(a.updatedAt), ...(a.metric ? { MetricName: a.metric } : {}) })) };
    }
    case 'health:DescribeEvents': {
      // AWS Health reports an open issue for every simulated outage among the regions asked.
      const asked = ((args.filter as { regions?: string[] } | undefined)?.regions ?? []);
      return { events: asked.filter((r) => w.impairedRegions.has(r)).map((r) => ({ service: 'EC2', region: r, eventTypeCategory: 'issue', statusCode: 'open' })) };
    }
    default:
      throw new SimError('UnsupportedOperation', `${service} ${operation} is not modelled by the simulated AWS`, 501);
  }
}
