// Every read and action a runbook may name, through the live adapters and the real SDK, against moto.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { action, verify } from './support/fixtures.js';
import { MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';
import { seedMoto, type Seeded } from './support/moto-seed.js';

if (!MOTO) console.warn(`test/aws/moto-operations: ${MOTO_MISSING_REASON}`);

let moto: Moto;
let seeded: Seeded;
let ports: CreatedPorts;
const REGION = 'eu-west-2';

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  seeded = await seedMoto(moto.endpoint, REGION, Date.now());
  ports = createAwsPorts({ mode: 'live', allowActions: true, env: motoEnv(moto.endpoint, REGION), clock: { now: () => Date.now() } });
});
afterAll(async () => {
  await moto?.stop();
});

const quick = { interval_seconds: 1, deadline_seconds: 1 };
const confirmAndRun = (spec: ReturnType<typeof action>, params: Record<string, string> = {}) => ports.actions.execute({ spec, params, confirmation: ports.actions.target(spec, params) });

describe.skipIf(!MOTO)('runbook operations against moto', () => {
  it.each([
    ['dynamodb', 'ListBackups', { TableName: 'orders' }, 'BackupSummaries[*].BackupName', { equals: 'orders-daily' }],
    ['rds', 'DescribeDBInstances', { DBInstanceIdentifier: 'legacy-db-replica' }, 'DBInstances[0].ReadReplicaSourceDBInstanceIdentifier', { exists: true }],
    ['rds', 'DescribeDBSnapshots', { DBSnapshotIdentifier: 'legacy-db-snap' }, 'DBSnapshots[0].Status', { equals: 'available' }],
    ['rds', 'DescribeDBClusterSnapshots', { DBClusterSnapshotIdentifier: 'orders-db-snap' }, 'DBClusterSnapshots[0].Status', { equals: 'available' }],
    ['rds', 'DescribeEvents', { SourceType: 'db-instance' }, 'Events', { exists: true }],
    ['cloudwatch', 'DescribeAlarms', { AlarmNames: ['orders-writer-errors'] }, 'MetricAlarms[0].StateValue', { in: ['OK', 'ALARM'] }],
  ])('%s %s -> %s', async (service, operation, args, path, expectSpec) => {
    const r = await ports.probes.verify(verify({ service, operation, args, path, expect: expectSpec, ...quick }), {});
    expect(r.passed, r.summary).toBe(true);
  });

  it('DescribeBackup and GetHealthCheckStatus with ids moto generated', async () => {
    const b = await ports.probes.verify(verify({ service: 'dynamodb', operation: 'DescribeBackup', args: { BackupArn: '{{arn}}' }, path: 'BackupDescription.BackupDetails.BackupStatus', expect: { equals: 'AVAILABLE' }, ...quick }), { arn: seeded.backupArn });
    expect(b.passed, b.summary).toBe(true);
    const h = await ports.probes.verify(verify({ service: 'route53', operation: 'GetHealthCheckStatus', region: 'us-east-1', args: { HealthCheckId: '{{hc}}' }, path: 'HealthCheckObservations[*].StatusReport.Status', expect: { matches: '^Success' }, ...quick }), { hc: seeded.healthCheckId });
    expect(h.passed, h.summary).toBe(true);
  });

  it('CreateBackup, then RestoreTableFromBackup', async () => {
    const made = await confirmAndRun(action({ service: 'dynamodb', operation: 'CreateBackup', confirm: 'orders', args: { TableName: 'orders', BackupName: 'before-restore' } }));
    expect(made.ok, made.summary).toBe(true);
    const r = await confirmAndRun(action({ service: 'dynamodb', operation: 'RestoreTableFromBackup', confirm: 'orders-from-backup', args: { TargetTableName: 'orders-from-backup', BackupArn: seeded.backupArn } }));
    expect(r.ok, r.summary).toBe(true);
  });

  it('RestoreDBInstanceFromDBSnapshot and RestoreDBInstanceToPointInTime create instances', async () => {
    expect((await confirmAndRun(action({ service: 'rds', operation: 'RestoreDBInstanceFromDBSnapshot', confirm: 'legacy-restored', args: { DBInstanceIdentifier: 'legacy-restored', DBSnapshotIdentifier: 'legacy-db-snap' } }))).ok).toBe(true);
    expect((await confirmAndRun(action({ service: 'rds', operation: 'RestoreDBInstanceToPointInTime', confirm: 'legacy-pitr', args: { SourceDBInstanceIdentifier: 'legacy-db', TargetDBInstanceIdentifier: 'legacy-pitr', UseLatestRestorableTime: true } }))).ok).toBe(true);
    const r = await ports.probes.verify(verify({ service: 'rds', operation: 'DescribeDBInstances', args: { DBInstanceIdentifier: 'legacy-pitr' }, path: 'DBInstances[0].DBInstanceIdentifier', expect: { equals: 'legacy-pitr' }, ...quick }), {});
    expect(r.passed, r.summary).toBe(true);
  });

  it('an Aurora cluster restore, then CreateDBInstance into the restored cluster', async () => {
    const restored = await confirmAndRun(action({ service: 'rds', operation: 'RestoreDBClusterFromSnapshot', confirm: 'orders-db-restored', args: { DBClusterIdentifier: 'orders-db-restored', SnapshotIdentifier: 'orders-db-snap', Engine: 'aurora-postgresql' } }));
    expect(restored.ok, restored.summary).toBe(true);
    const inst = await confirmAndRun(action({ service: 'rds', operation: 'CreateDBInstance', confirm: 'orders-db-restored-1', args: { DBInstanceIdentifier: 'orders-db-restored-1', DBClusterIdentifier: 'orders-db-restored', Engine: 'aurora-postgresql', DBInstanceClass: 'db.r6g.large' } }));
    expect(inst.ok, inst.summary).toBe(true);
    const r = await ports.probes.verify(verify({ service: 'rds', operation: 'DescribeDBClusters', args: { DBClusterIdentifier: 'orders-db-restored' }, path: 'DBClusters[0].DBClusterMembers[*].DBInstanceIdentifier', expect: { equals: 'orders-db-restored-1' }, ...quick }), {});
    expect(r.passed, r.summary).toBe(true);
  });

  it('PromoteReadReplica is accepted (moto never clears the source, unlike AWS)', async () => {
    const r = await confirmAndRun(action({ service: 'rds', operation: 'PromoteReadReplica', confirm: 'legacy-db-replica', args: { DBInstanceIdentifier: 'legacy-db-replica' } }));
    expect(r.ok, r.summary).toBe(true);
  });

  it('errors come back classified: not found names the resource, a bad argument is invalid-parameter', async () => {
    const nf = await confirmAndRun(action({ service: 'rds', operation: 'FailoverDBCluster', confirm: 'nope', args: { DBClusterIdentifier: 'nope' } }));
    expect(nf.error?.class).toBe('not-found');
    expect(nf.error?.message).toContain('DBClusterIdentifier nope');
    const bad = await confirmAndRun(action({ service: 'dynamodb', operation: 'RestoreTableToPointInTime', confirm: 'orders', args: { SourceTableName: 'orders', TargetTableName: 'orders' } }));
    expect(bad.error?.class).toBe('invalid-parameter');
  });

  it('recovery points for an Aurora cluster and a read replica', async () => {
    const { points, errors } = await ports.recoveryPoints.read([
      { component: 'orders db', service: 'rds', resource: 'orders-db' },
      { component: 'legacy db', service: 'rds', resource: 'legacy-db' },
      { component: 'missing', service: 'rds', resource: 'no-such-db' },
    ]);
    expect(points.map((p) => [p.resource, p.source])).toEqual([
      ['orders-db', 'RDS DescribeDBClusters (LatestRestorableTime)'],
      ['legacy-db', expect.stringMatching(/^RDS DescribeDB(Instances|Snapshots)/)],
    ]);
    expect(errors.map((e) => e.class)).toEqual(['not-found']);
  });
});
