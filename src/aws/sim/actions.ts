// The mutating operations of the simulated AWS, with plausible durations (seeded, so a drill repeats):
// restores go creating -> available/ACTIVE, a failover flips the writer, a Route 53 change goes
// PENDING -> INSYNC.
import { seededBetween } from './prng.js';
import { tableArn } from './reads.js';
import { SimError, type SimWorld } from './world.js';

type Args = Record<string, unknown>;
const str = (args: Args, key: string): string => {
  const v = args[key];
  if (typeof v !== 'string' || v === '') throw new SimError('ValidationException', `1 validation error detected: ${key} is required`);
  return v;
};
const MIN = 60_000;

function minutes(w: SimWorld, key: string, min: number, max: number): number {
  return Math.round(seededBetween(w.seed, key, min, max) * MIN);
}

function newTable(w: SimWorld, region: string, name: string, from: string, delay: number) {
  if (w.tables.has(w.key(region, name))) throw new SimError('TableAlreadyExistsException', `Table already exists: ${name}`);
  const t = { name, region, status: 'CREATING', createdAt: w.clock.now(), pitr: false, items: 0, impaired: false, restoredFrom: from };
  w.tables.set(w.key(region, name), t);
  w.at(delay, () => Object.assign(t, { status: 'ACTIVE', items: 1000 }), name);
  return { TableDescription: { TableName: name, TableStatus: 'CREATING', TableArn: tableArn(w, region, name) } };
}

function newInstance(w: SimWorld, region: string, id: string, delay: number, cluster?: string) {
  if (w.instances.has(w.key(region, id))) throw new SimError('DBInstanceAlreadyExists', `DB instance already exists: ${id}`);
  const i = { id, region, status: 'creating', engine: 'postgres', createdAt: w.clock.now(), impaired: false, ...(cluster ? { cluster } : {}) };
  w.instances.set(w.key(region, id), i);
  if (cluster) w.cluster(region, cluster).members.push({ id, writer: w.cluster(region, cluster).members.every((m) => !m.writer) });
  w.event(id, 'DB instance created', region);
  w.at(delay, () => {
    i.status = 'available';
    w.event(id, 'DB instance restored', region);
  }, id);
  return { DBInstance: { DBInstanceIdentifier: id, DBInstanceStatus: 'creating' } };
}

function newCluster(w: SimWorld, region: string, id: string, delay: number) {
  if (w.clusters.has(w.key(region, id))) throw new SimError('DBClusterAlreadyExistsFault', `DB cluster already exists: ${id}`);
  const c = { id, region, status: 'creating', engine: 'aurora-postgresql', createdAt: w.clock.now(), members: [], impaired: false };
  w.clusters.set(w.key(region, id), c);
  w.at(delay, () => {
    c.status = 'available';
    w.event(id, 'DB cluster created', region, 'db-cluster');
  }, id);
  return { DBCluster: { DBClusterIdentifier: id, Status: 'creating' } };
}

export function simAct(w: SimWorld, service: string, operation: string, args: Args, region: string): unknown {
  w.settle();
  w.checkRegion(service === 'route53' ? 'us-east-1' : region);
  const now = w.clock.now();
  switch (`${service}:${operation}`) {
    case 'dynamodb:CreateBackup': {
      const t = w.table(region, str(args, 'TableName'));
      const arn = `${tableArn(w, region, t.name)}/backup/${w.nextId('sim')}`;
      const b = { arn, name: str(args, 'BackupName'), table: t.name, region, createdAt: now, status: 'CREATING' };
      w.backups.set(arn, b);
      w.at(10_000, () => (b.status = 'AVAILABLE'), arn);
      return { BackupDetails: { BackupArn: arn, BackupName: b.name, BackupStatus: 'CREATING', BackupCreationDateTime: new Date(now) } };
    }
    case 'dynamodb:RestoreTableToPointInTime': {
      const source = typeof args.SourceTableName === 'string' ? args.SourceTableName : str(args, 'SourceTableArn').split('/').pop()!;
      const src = w.table(region, source);
      if (!src.pitr) throw new SimError('PointInTimeRecoveryUnavailableException', `Point in time recovery is not enabled for table ${source}`);
      const target = str(args, 'TargetTableName');
      return newTable(w, region, target, source, minutes(w, `restore:${target}`, 8, 14));
    }
    case 'dynamodb:RestoreTableFromBackup': {
      const b = w.backups.get(str(args, 'BackupArn'));
      if (!b) throw new SimError('BackupNotFoundException', `Backup not found: ${String(args.BackupArn)}`);
      const target = str(args, 'TargetTableName');
      return newTable(w, region, target, b.table, minutes(w, `restore:${target}`, 6, 12));
    }
    case 'rds:FailoverDBCluster': {
      const c = w.cluster(region, str(args, 'DBClusterIdentifier'));
      if (c.status !== 'available') throw new SimError('InvalidDBClusterStateFault', `DB cluster ${c.id} is ${c.status}, not available`);
      const wanted = typeof args.TargetDBInstanceIdentifier === 'string' ? args.TargetDBInstanceIdentifier : c.members.find((m) => !m.writer)?.id;
      if (!wanted || !c.members.some((m) => m.id === wanted && !m.writer)) throw new SimError('InvalidParameterValue', `no reader ${wanted ?? ''} to fail over to in ${c.id}`);
      c.status = 'failing-over';
      w.event(c.id, `Started cluster failover to ${wanted}`, region, 'db-cluster');
      w.at(Math.round(seededBetween(w.seed, `failover:${c.id}:${now}`, 30, 90) * 1000), () => {
        for (const m of c.members) m.writer = m.id === wanted;
        c.status = 'available';
        w.event(c.id, `Completed failover to DB instance: ${wanted}`, region, 'db-cluster');
      }, c.id);
      return { DBCluster: { DBClusterIdentifier: c.id, Status: 'failing-over' } };
    }
    case 'rds:PromoteReadReplica': {
      const i = w.instance(region, str(args, 'DBInstanceIdentifier'));
      if (!i.replicaOf) throw new SimError('InvalidDBInstanceState', `DB instance ${i.id} is not a read replica`);
      i.status = 'modifying';
      w.at(minutes(w, `promote:${i.id}`, 3, 8), () => {
        delete i.replicaOf;
        i.status = 'available';
        w.event(i.id, 'Promoted Read Replica to a stand-alone database instance', region);
      }, i.id);
      return { DBInstance: { DBInstanceIdentifier: i.id, DBInstanceStatus: 'modifying' } };
    }
    case 'rds:PromoteReadReplicaDBCluster': {
      const c = w.cluster(region, str(args, 'DBClusterIdentifier'));
      if (!c.replicaOf) throw new SimError('InvalidDBClusterStateFault', `DB cluster ${c.id} is not a replica cluster`);
      c.status = 'promoting';
      w.at(minutes(w, `promote:${c.id}`, 2, 6), () => {
        delete c.replicaOf;
        c.status = 'available';
      }, c.id);
      return { DBCluster: { DBClusterIdentifier: c.id, Status: 'promoting' } };
    }
    case 'rds:RestoreDBInstanceFromDBSnapshot': {
      const snap = str(args, 'DBSnapshotIdentifier');
      if (![...w.snapshots.values()].some((s) => s.id === snap && s.region === region)) throw new SimError('DBSnapshotNotFound', `DBSnapshot ${snap} not found.`, 404);
      const id = str(args, 'DBInstanceIdentifier');
      return newInstance(w, region, id, minutes(w, `restore:${id}`, 12, 25));
    }
    case 'rds:RestoreDBInstanceToPointInTime': {
      // From a source instance, or from its automated backups replicated to this region (no source here).
      if (args.SourceDBInstanceAutomatedBackupsArn === undefined) w.instance(region, str(args, 'SourceDBInstanceIdentifier'));
      const id = str(args, 'TargetDBInstanceIdentifier');
      return newInstance(w, region, id, minutes(w, `restore:${id}`, 12, 25));
    }
    case 'rds:RestoreDBClusterToPointInTime':
      w.cluster(region, str(args, 'SourceDBClusterIdentifier'));
      return newCluster(w, region, str(args, 'DBClusterIdentifier'), minutes(w, `restore:${String(args.DBClusterIdentifier)}`, 8, 15));
    case 'rds:RestoreDBClusterFromSnapshot': {
      const snap = str(args, 'SnapshotIdentifier');
      if (![...w.snapshots.values()].some((s) => s.id === snap && s.region === region)) throw new SimError('DBClusterSnapshotNotFoundFault', `DBClusterSnapshot ${snap} not found.`, 404);
      return newCluster(w, region, str(args, 'DBClusterIdentifier'), minutes(w, `restore:${String(args.DBClusterIdentifier)}`, 8, 15));
    }
    case 'rds:CreateDBInstance': {
      const cluster = typeof args.DBClusterIdentifier === 'string' ? args.DBClusterIdentifier : undefined;
      if (cluster) w.cluster(region, cluster);
      const id = str(args, 'DBInstanceIdentifier');
      return newInstance(w, region, id, minutes(w, `create:${id}`, 6, 12), cluster);
    }
    case 'route53:ChangeResourceRecordSets':
      return changeRecords(w, args, now);
    case 'route53:UpdateHealthCheck': {
      const id = str(args, 'HealthCheckId');
      const h = w.healthChecks.get(id);
      if (!h) throw new SimError('NoSuchHealthCheck', `No health check exists with the specified ID ${id}`, 404);
      if (typeof args.Inverted === 'boolean') h.inverted = args.Inverted;
      return { HealthCheck: { Id: id, HealthCheckConfig: { Inverted: h.inverted === true } } };
    }
    default:
      throw new SimError('UnsupportedOperation', `${service} ${operation} is not modelled by the simulated AWS`, 501);
  }
}

function changeRecords(w: SimWorld, args: Args, now: number) {
  const zone = w.zone(str(args, 'HostedZoneId'));
  const batch = args.ChangeBatch as { Changes?: { Action?: string; ResourceRecordSet?: { Name?: string; Type?: string; SetIdentifier?: string } }[] } | undefined;
  const changes = batch?.Changes ?? [];
  if (changes.length === 0) throw new SimError('InvalidChangeBatch', 'ChangeBatch.Changes must hold at least one change');
  const norm = (n: string) => (n.endsWith('.') ? n : `${n}.`);
  for (const c of changes) {
    const rr = c.ResourceRecordSet;
    if (!rr?.Name || !rr.Type) throw new SimError('InvalidInput', 'each change needs ResourceRecordSet.Name and Type');
    const same = (r: { Name: string; Type: string; SetIdentifier?: string }) => r.Name === norm(rr.Name!) && r.Type === rr.Type && r.SetIdentifier === rr.SetIdentifier;
    const existing = zone.records.findIndex(same);
    if (c.Action === 'DELETE') {
      if (existing < 0) throw new SimError('InvalidChangeBatch', `Tried to delete resource record set ${rr.Name} but it was not found`);
      zone.records.splice(existing, 1);
    } else if (c.Action === 'CREATE' && existing >= 0) {
      throw new SimError('InvalidChangeBatch', `Tried to create resource record set ${rr.Name} but it already exists`);
    } else {
      const record = { ...(rr as object), Name: norm(rr.Name) } as never;
      if (existing >= 0) zone.records[existing] = record;
      else zone.records.push(record);
    }
  }
  const id = w.nextId('C').replace('-', '');
  const change = { id, submittedAt: now, status: 'PENDING' as const };
  w.changes.set(id, change);
  w.at(Math.round(seededBetween(w.seed, `change:${id}`, 20, 60) * 1000), () => ((change as { status: string }).status = 'INSYNC'), id);
  return { ChangeInfo: { Id: `/change/${id}`, Status: 'PENDING', SubmittedAt: new Date(now) } };
}
