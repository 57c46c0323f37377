// Every check after an AWS change must fail before the change and pass after it: each runbook verification
// below is run against moto before and after the change is made through the real SDK. RDS failover events
// are not modelled by moto (it records none), so their "after" case uses aws-sdk-client-mock.
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { CreateBackupCommand, CreateTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { CancelKeyDeletionCommand, CreateKeyCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { CreateDBInstanceCommand, CreateDBSnapshotCommand, DescribeEventsCommand, ModifyDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAwsConfig } from '../../src/aws/config.js';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { createLivePorts } from '../../src/aws/live/live-ports.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import type { VerifySpec } from '../../src/core/index.js';
import { simTime } from './support/fixtures.js';
import { MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';
import { sdkClients, seedMoto } from './support/moto-seed.js';

if (!MOTO) console.warn(`test/aws/change-verifications-moto: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const catalog = loadCatalog({}).scenarios;
/** The step's verification, in the primary region, quick to give up. */
const check = (scenario: string, step: string): VerifySpec => {
  const v = catalog.find((s) => s.id === scenario)!.steps.find((s) => s.id === step)!.verify!;
  return { ...v, region: 'primary', interval_seconds: 1, deadline_seconds: 1 };
};
let moto: Moto;
let ports: CreatedPorts;
let clients: ReturnType<typeof sdkClients>;

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  await seedMoto(moto.endpoint, REGION, Date.now());
  clients = sdkClients(moto.endpoint, REGION);
  const { clock, sleep } = simTime(Date.now());
  ports = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(moto.endpoint, REGION), clock, sleep });
});
afterAll(async () => {
  (ports as { clients?: { destroy(): void } } | undefined)?.clients?.destroy();
  for (const c of Object.values(clients ?? {})) c.destroy();
  await moto?.stop();
});

describe.skipIf(!MOTO)('checks that fail before the change and pass after it (moto)', () => {
  it('rds-read-replica-promotion/redundancy: Multi-AZ after modify-db-instance --multi-az', async () => {
    const v = check('rds-read-replica-promotion', 'redundancy');
    const params = { replica: 'legacy-db' };
    const before = await ports.probes.verify(v, params);
    expect(before.passed, before.summary).toBe(false);
    await clients.rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'legacy-db', MultiAZ: true, ApplyImmediately: true }));
    const after = await ports.probes.verify(v, params);
    expect(after.passed, after.summary).toBe(true);
  });

  it('rds-restore-from-snapshot/security-groups: the application\'s group after modify-db-instance', async () => {
    await clients.rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'restored-db', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin1', MasterUserPassword: 'password123' }));
    const v = check('rds-restore-from-snapshot', 'security-groups');
    const params = { restored_instance: 'restored-db', security_group: 'sg-0123456789abcdef0' };
    const before = await ports.probes.verify(v, params);
    expect(before.passed, before.summary).toBe(false);
    await clients.rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'restored-db', VpcSecurityGroupIds: ['sg-0123456789abcdef0'], ApplyImmediately: true }));
    const after = await ports.probes.verify(v, params);
    expect(after.passed, after.summary).toBe(true);
  });

  it('service-degradation/scale-dynamodb: the provisioned capacity asked for after update-table', async () => {
    await clients.ddb.send(new CreateTableCommand({ TableName: 'logs', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }));
    const v = check('service-degradation', 'scale-dynamodb');
    const params = { table: 'logs', read_capacity: '50', write_capacity: '40' };
    const before = await ports.probes.verify(v, params);
    expect(before.passed, before.summary).toBe(false);
    await clients.ddb.send(new UpdateTableCommand({ TableName: 'logs', ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 40 } }));
    const after = await ports.probes.verify(v, params);
    expect(after.passed, after.summary).toBe(true);
  });

  it('drill-full-dr/backup: the named backup is listed after create-backup', async () => {
    const v = check('drill-full-dr', 'backup');
    const params = { table: 'orders', backup_name: 'dr-test-backup-1' };
    const before = await ports.probes.verify(v, params);
    expect(before.passed, before.summary).toBe(false);
    await clients.ddb.send(new CreateBackupCommand({ TableName: 'orders', BackupName: 'dr-test-backup-1' }));
    const after = await ports.probes.verify(v, params);
    expect(after.passed, after.summary).toBe(true);
  });

  it('drill-full-dr/keep-key: the key is no longer pending deletion after cancel-key-deletion', async () => {
    const kms = new KMSClient({ endpoint: moto.endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    try {
      const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!;
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key, PendingWindowInDays: 7 }));
      const v = check('drill-full-dr', 'keep-key');
      const before = await ports.probes.verify(v, { key_id: key });
      expect(before.passed, before.summary).toBe(false);
      await kms.send(new CancelKeyDeletionCommand({ KeyId: key }));
      const after = await ports.probes.verify(v, { key_id: key });
      expect(after.passed, after.summary).toBe(true);
    } finally {
      kms.destroy();
    }
  });

  it('region-failure-rebuild-in-dr-region/log-pipeline: passes once Firehose counts a delivery to S3', async () => {
    const v = check('region-failure-rebuild-in-dr-region', 'log-pipeline');
    const params = { delivery_stream: 'logs-dr-firehose' };
    const before = await ports.probes.verify(v, params);
    expect(before.passed, before.summary).toBe(false);
    await clients.cw.send(new PutMetricDataCommand({ Namespace: 'AWS/Firehose', MetricData: [{ MetricName: 'DeliveryToS3.Success', Dimensions: [{ Name: 'DeliveryStreamName', Value: 'logs-dr-firehose' }], Timestamp: new Date(), Value: 1, Unit: 'Count' }] }));
    const after = await ports.probes.verify(v, params);
    expect(after.passed, after.summary).toBe(true);
  });

  it('region-failure-rebuild-in-dr-region/restore-dynamodb: fails while the restored table does not exist, passes once it is ACTIVE', async () => {
    const v = check('region-failure-rebuild-in-dr-region', 'restore-dynamodb');
    const params = { table: 'metadata-dr' };
    expect((await ports.probes.verify(v, params)).passed).toBe(false);
    await clients.ddb.send(new CreateTableCommand({ TableName: 'metadata-dr', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
    const after = await ports.probes.verify(v, params);
    expect(after.passed, after.summary).toBe(true);
  });

  it('backup-verification/rds-retention: fails at 7 days of retention, passes at 30', async () => {
    await clients.rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'retention-db', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin1', MasterUserPassword: 'password123', BackupRetentionPeriod: 7 }));
    const v = check('backup-verification', 'rds-retention');
    expect((await ports.probes.verify(v, { db_instance: 'retention-db' })).passed).toBe(false);
    await clients.rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'retention-db', BackupRetentionPeriod: 30, ApplyImmediately: true }));
    const after = await ports.probes.verify(v, { db_instance: 'retention-db' });
    expect(after.passed, after.summary).toBe(true);
  });

  it('backup-verification/rds-snapshots: passes with a snapshot of the last 25 hours, fails when the newest is two days old', async () => {
    const v = check('backup-verification', 'rds-snapshots');
    await clients.rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'retention-db', DBSnapshotIdentifier: 'retention-db-today' }));
    const fresh = await ports.probes.verify(v, { db_instance: 'retention-db' });
    expect(fresh.passed, fresh.summary).toBe(true);
    // The same snapshots read two days later: moto cannot backdate a snapshot, so the clock moves instead.
    const { clock, sleep } = simTime(Date.now() + 2 * 86_400_000);
    const later = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(moto.endpoint, REGION), clock, sleep });
    try {
      const stale = await later.probes.verify(v, { db_instance: 'retention-db' });
      expect(stale.passed).toBe(false);
      expect(stale.summary).toMatch(/SnapshotCreateTime = .*expected at or after/);
    } finally {
      (later as { clients?: { destroy(): void } }).clients?.destroy();
    }
  });

  it('backup-verification/create-backup: the named backup is listed after create-backup', async () => {
    const v = check('backup-verification', 'create-backup');
    const params = { table: 'orders', backup_name: 'pre-deployment-1' };
    expect((await ports.probes.verify(v, params)).passed).toBe(false);
    await clients.ddb.send(new CreateBackupCommand({ TableName: 'orders', BackupName: 'pre-deployment-1' }));
    expect((await ports.probes.verify(v, params)).passed).toBe(true);
  });

  it.each([
    ['aurora-failover', 'available', { cluster: 'orders-db' }],
    ['rds-multi-az-failover', 'available', { instance: 'legacy-db' }],
  ])('%s/%s: no failover event yet, although the resource is available', async (scenario, step, params) => {
    const r = await ports.probes.verify(check(scenario, step), params);
    expect(r.passed, r.summary).toBe(false);
    expect(r.error).toBeUndefined();
  });
});

describe('failover checks pass on RDS\'s completion event (aws-sdk-client-mock: moto records no failover events)', () => {
  const config = resolveAwsConfig({ region: REGION }, {});
  it.each([
    ['aurora-failover', 'available', { cluster: 'orders-db' }, 'Completed failover to DB instance: orders-db-reader'],
    ['rds-multi-az-failover', 'available', { instance: 'legacy-db' }, 'Multi-AZ instance failover completed'],
  ])('%s/%s', async (scenario, step, params, message) => {
    const rds = mockClient(RDSClient);
    try {
      rds.on(DescribeEventsCommand).resolvesOnce({ Events: [{ Message: 'DB instance restarted' }] }).resolves({ Events: [{ Message: 'DB instance restarted' }, { Message: message }] });
      const { clock, sleep } = simTime();
      const live = createLivePorts({ config, allowActions: false, mode: 'live', clock, sleep });
      const v = check(scenario, step);
      const before = await live.probes.verify({ ...v, deadline_seconds: 0.5 }, params);
      expect(before.passed).toBe(false);
      const after = await live.probes.verify(v, params);
      expect(after.passed, after.summary).toBe(true);
      expect(rds.commandCalls(DescribeEventsCommand)[0]!.args[0].input).toMatchObject({ SourceIdentifier: Object.values(params)[0], Duration: 120 });
    } finally {
      rds.restore();
    }
  });
});
