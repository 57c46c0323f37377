// What "the state of the target" means for each action: one read and the named values kept from it.
// Recorded before and after the call, so a later check can compare (the writer before a failover).
import type { ActionSpec, RecordedState } from '../core/index.js';
import { evaluatePath, toEvidence } from './probe-eval.js';
import type { ProbesPort, ReadCall } from './ports.js';

interface StateRead {
  call: ReadCall;
  values: Record<string, string>;
}

const instance = (id: unknown, region: string): StateRead => ({
  call: { service: 'rds', operation: 'DescribeDBInstances', region, args: { DBInstanceIdentifier: String(id) } },
  values: { status: 'DBInstances[0].DBInstanceStatus', replica_source: 'DBInstances[0].ReadReplicaSourceDBInstanceIdentifier' },
});
const cluster = (id: unknown, region: string): StateRead => ({
  call: { service: 'rds', operation: 'DescribeDBClusters', region, args: { DBClusterIdentifier: String(id) } },
  values: { status: 'DBClusters[0].Status', writer: 'DBClusters[0].DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier', replication_source: 'DBClusters[0].ReplicationSourceIdentifier' },
});
const table = (name: unknown, region: string): StateRead => ({
  call: { service: 'dynamodb', operation: 'DescribeTable', region, args: { TableName: String(name) } },
  values: { status: 'Table.TableStatus', restore_time: 'Table.RestoreSummary.RestoreDateTime' },
});

/** The read that shows an action's target, with its arguments already filled; undefined when none fits. */
export function stateReadFor(spec: Pick<ActionSpec, 'service' | 'operation' | 'region'>, args: Record<string, unknown>): StateRead | undefined {
  const r = spec.region;
  switch (spec.operation) {
    case 'PromoteReadReplica':
    case 'CreateDBInstance':
    case 'RestoreDBInstanceFromDBSnapshot':
      return instance(args.DBInstanceIdentifier, r);
    case 'RestoreDBInstanceToPointInTime':
      return instance(args.TargetDBInstanceIdentifier, r);
    case 'FailoverDBCluster':
    case 'PromoteReadReplicaDBCluster':
    case 'RestoreDBClusterToPointInTime':
    case 'RestoreDBClusterFromSnapshot':
      return cluster(args.DBClusterIdentifier, r);
    case 'RestoreTableToPointInTime':
    case 'RestoreTableFromBackup':
      return table(args.TargetTableName, r);
    case 'CreateBackup':
      return table(args.TableName, r);
    case 'ChangeResourceRecordSets': {
      const change = (args.ChangeBatch as { Changes?: { ResourceRecordSet?: { Name?: string; Type?: string } }[] } | undefined)?.Changes?.[0]?.ResourceRecordSet;
      return {
        call: { service: 'route53', operation: 'ListResourceRecordSets', region: 'us-east-1', args: { HostedZoneId: String(args.HostedZoneId), ...(change?.Name ? { StartRecordName: change.Name } : {}), ...(change?.Type ? { StartRecordType: change.Type } : {}) } },
        values: { name: 'ResourceRecordSets[0].Name', type: 'ResourceRecordSets[0].Type', set_identifier: 'ResourceRecordSets[0].SetIdentifier', value: 'ResourceRecordSets[0].ResourceRecords[0].Value', alias: 'ResourceRecordSets[0].AliasTarget.DNSName' },
      };
    }
    case 'UpdateHealthCheck':
      return {
        call: { service: 'route53', operation: 'GetHealthCheck', region: 'us-east-1', args: { HealthCheckId: String(args.HealthCheckId) } },
        values: { inverted: 'HealthCheck.HealthCheckConfig.Inverted', disabled: 'HealthCheck.HealthCheckConfig.Disabled' },
      };
    default:
      return undefined;
  }
}

export type StateOutcome = { ok: true; region: string; state: Record<string, string>; call: ReadCall } | { ok: false; message: string; call?: ReadCall };

/** Reads the target's state once; a resource that does not exist yet (a restore's target) is state "absent". */
export async function readActionState(probes: ProbesPort, spec: ActionSpec, args: Record<string, unknown>, params: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<StateOutcome> {
  const read = stateReadFor(spec, args);
  if (!read) return { ok: false, message: `no state read is known for ${spec.service} ${spec.operation}` };
  if (!probes.read) return { ok: false, message: 'this AWS layer cannot read state', call: read.call };
  const res = await probes.read(read.call, params, signal);
  if (!res.ok) {
    if (res.error.class === 'not-found') return { ok: true, region: '', state: { status: 'absent' }, call: read.call };
    return { ok: false, message: res.error.message, call: read.call };
  }
  const state: Record<string, string> = {};
  for (const [name, path] of Object.entries(read.values)) {
    const found = evaluatePath(res.value, path).map(toEvidence);
    if (found.length > 0) state[name] = found.map(String).join(',');
  }
  return { ok: true, region: res.region, state, call: read.call };
}

export function stateValues(actionId: string, phase: 'before' | 'after', step: string | undefined, state: Record<string, string>): RecordedState {
  return { actionId, phase, ...(step ? { step } : {}), state };
}
