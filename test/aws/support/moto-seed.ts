// Seeds moto through the real SDK with the resources the fixtures name (see fixtures.ts `scenario`).
import { CloudWatchClient, PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CreateBackupCommand, CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { CreateDBClusterCommand, CreateDBClusterSnapshotCommand, CreateDBInstanceCommand, CreateDBInstanceReadReplicaCommand, CreateDBSnapshotCommand, RDSClient } from '@aws-sdk/client-rds';
import { ChangeResourceRecordSetsCommand, CreateHealthCheckCommand, CreateHostedZoneCommand, Route53Client } from '@aws-sdk/client-route-53';

export interface Seeded {
  params: Record<string, string>;
  backupArn: string;
  healthCheckId: string;
}

export function sdkClients(endpoint: string, region: string) {
  const common = { endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  return {
    ddb: new DynamoDBClient(common),
    rds: new RDSClient(common),
    cw: new CloudWatchClient(common),
    r53: new Route53Client({ ...common, region: 'us-east-1' }),
  };
}

export async function seedMoto(endpoint: string, region: string, now: number): Promise<Seeded> {
  const { ddb, rds, cw, r53 } = sdkClients(endpoint, region);
  await ddb.send(new CreateTableCommand({ TableName: 'orders', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName: 'orders', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const backup = await ddb.send(new CreateBackupCommand({ TableName: 'orders', BackupName: 'orders-daily' }));

  await rds.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'orders-db', Engine: 'aurora-postgresql', MasterUsername: 'admin1', MasterUserPassword: 'password123' }));
  for (const id of ['orders-db-instance-1', 'orders-db-reader']) {
    await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: id, DBClusterIdentifier: 'orders-db', Engine: 'aurora-postgresql', DBInstanceClass: 'db.r6g.large' }));
  }
  await rds.send(new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'orders-db', DBClusterSnapshotIdentifier: 'orders-db-snap' }));
  await rds.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'legacy-db', Engine: 'postgres', DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20, MasterUsername: 'admin1', MasterUserPassword: 'password123' }));
  await rds.send(new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'legacy-db', DBSnapshotIdentifier: 'legacy-db-snap' }));
  await rds.send(new CreateDBInstanceReadReplicaCommand({ DBInstanceIdentifier: 'legacy-db-replica', SourceDBInstanceIdentifier: 'legacy-db', DBInstanceClass: 'db.t3.micro' }));

  const zone = await r53.send(new CreateHostedZoneCommand({ Name: 'example.com', CallerReference: `seed-${now}` }));
  const zoneId = zone.HostedZone!.Id!.replace('/hostedzone/', '');
  await r53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: [{ Action: 'CREATE', ResourceRecordSet: { Name: 'app.example.com', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '192.0.2.1' }] } }] } }));
  const hc = await r53.send(new CreateHealthCheckCommand({ CallerReference: `hc-${now}`, HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: 'app.example.com', Port: 443, ResourcePath: '/health' } }));

  await cw.send(new PutMetricAlarmCommand({ AlarmName: 'orders-writer-errors', Namespace: 'AWS/Lambda', MetricName: 'Errors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }));
  await cw.send(new SetAlarmStateCommand({ AlarmName: 'orders-writer-errors', StateValue: 'OK', StateReason: 'seeded' }));
  const minute = Math.floor(now / 60_000) * 60_000;
  await cw.send(new PutMetricDataCommand({
    Namespace: 'AWS/DynamoDB',
    MetricData: [0, 1, 2, 4, 5].map((ago, i) => ({ MetricName: 'SystemErrors', Dimensions: [{ Name: 'TableName', Value: 'orders' }, { Name: 'Operation', Value: 'GetItem' }], Timestamp: new Date(minute - ago * 60_000), Value: i, Unit: 'Count' })),
  }));
  for (const c of [ddb, rds, cw, r53]) c.destroy();
  return {
    params: { table: 'orders', target_table: 'orders-restored', restore_time: new Date(now - 60_000).toISOString(), cluster: 'orders-db', reader: 'orders-db-reader', zone: zoneId, record: 'app.example.com', dr_ip: '198.51.100.7' },
    backupArn: backup.BackupDetails!.BackupArn!,
    healthCheckId: hc.HealthCheck!.Id!,
  };
}

export async function setMotoAlarm(endpoint: string, region: string, name: string, state: 'OK' | 'ALARM'): Promise<void> {
  const { cw } = sdkClients(endpoint, region);
  await cw.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: state, StateReason: `set to ${state} by the test` }));
  cw.destroy();
}
