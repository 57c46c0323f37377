// Fixture runbook pieces, in the shapes src/scenarios produces (the zod schemas of src/core/aws-calls).
import { ActionSpec, fixedClock, MetricSpec, VerifySpec } from '../../../src/core/index.js';
import type { Sleep } from '../../../src/aws/poll-verify.js';

export const T0 = Date.parse('2026-03-01T12:00:00Z');

/** A fixed clock whose sleeps advance it: polling loops run instantly in simulated time. */
export function simTime(start = T0) {
  const clock = fixedClock(start);
  const sleep: Sleep = async (ms) => clock.advance(ms);
  return { clock, sleep };
}

export const verify = (v: Record<string, unknown>) => VerifySpec.parse(v);
export const action = (a: Record<string, unknown>) => ActionSpec.parse(a);
export const metric = (m: Record<string, unknown>) => MetricSpec.parse(m);

export const tableActive = verify({ service: 'dynamodb', operation: 'DescribeTable', args: { TableName: '{{target_table}}' }, path: 'Table.TableStatus', expect: { equals: 'ACTIVE' }, interval_seconds: 30, deadline_seconds: 3600 });
export const pitrOn = verify({ service: 'dynamodb', operation: 'DescribeContinuousBackups', args: { TableName: '{{table}}' }, path: 'ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus', expect: { equals: 'ENABLED' } });
export const restorePitr = action({
  service: 'dynamodb', operation: 'RestoreTableToPointInTime', confirm: '{{target_table}}',
  args: { SourceTableName: '{{table}}', TargetTableName: '{{target_table}}', RestoreDateTime: '{{restore_time}}' },
  wait: { service: 'dynamodb', operation: 'DescribeTable', args: { TableName: '{{target_table}}' }, path: 'Table.TableStatus', expect: { equals: 'ACTIVE' }, interval_seconds: 30, deadline_seconds: 3600 },
});
export const failover = action({ service: 'rds', operation: 'FailoverDBCluster', confirm: '{{cluster}}', args: { DBClusterIdentifier: '{{cluster}}', TargetDBInstanceIdentifier: '{{reader}}' } });
export const readerIsWriter = verify({ service: 'rds', operation: 'DescribeDBClusters', args: { DBClusterIdentifier: '{{cluster}}' }, path: 'DBClusters[0].DBClusterMembers[1].IsClusterWriter', expect: { equals: true }, interval_seconds: 15, deadline_seconds: 600 });
export const dnsFlip = action({
  service: 'route53', operation: 'ChangeResourceRecordSets', region: 'us-east-1', confirm: '{{record}}',
  args: { HostedZoneId: '{{zone}}', ChangeBatch: { Changes: [{ Action: 'UPSERT', ResourceRecordSet: { Name: '{{record}}', Type: 'A', TTL: 60, ResourceRecords: [{ Value: '{{dr_ip}}' }] } }] } },
});
export const dnsPointsToDr = verify({ service: 'route53', operation: 'ListResourceRecordSets', region: 'us-east-1', args: { HostedZoneId: '{{zone}}' }, path: 'ResourceRecordSets[*].ResourceRecords[0].Value', expect: { equals: '{{dr_ip}}' } });

export const systemErrors = metric({ id: 'system_errors', title: 'DynamoDB system errors', namespace: 'AWS/DynamoDB', metric: 'SystemErrors', dimensions: { TableName: '{{table}}', Operation: 'GetItem' }, statistic: 'Sum', period_seconds: 60, unit: 'Count', warning: 1, critical: 5 });

export const scenario = {
  params: {
    table: { example: 'orders' }, target_table: { example: 'orders-restored' }, restore_time: { example: '2026-03-01T10:00:00Z' },
    cluster: { example: 'orders-db' }, reader: { example: 'orders-db-reader' }, zone: { example: 'Z0123456789' },
    record: { example: 'app.example.com' }, dr_ip: { example: '198.51.100.7' },
  },
  metrics: [systemErrors],
  injects: [
    { id: 'errors-rise', kind: 'metric', at_seconds: 300, metric: { id: 'system_errors', to: 8, over_seconds: 120 } },
    { id: 'writer-alarm', kind: 'alarm', at_seconds: 420, alarm: 'orders-writer-errors', state: 'ALARM' },
    { id: 'restore-done', kind: 'resource', at_seconds: 1500, resource: '{{target_table}}' },
  ],
  steps: [
    { verify: pitrOn },
    { action: restorePitr },
    { verify: tableActive },
    { action: failover },
    { verify: readerIsWriter },
    { action: dnsFlip },
    { verify: dnsPointsToDr },
  ],
};
