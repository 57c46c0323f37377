// Seeds the simulated AWS from a scenario: every resource its steps name (after filling the params'
// given, default or example values) exists in a healthy state, except what its actions create, so the
// scenario's verify steps pass only after the right actions and the simulated minutes they take.
import { fillDeep, type ActionSpec, type RegionRef, type VerifySpec } from '../../core/index.js';
import type { SimWorld } from './world.js';

export interface ScenarioLike {
  metrics?: readonly unknown[];
  alarms?: readonly { name: string; metric: string; threshold?: number | undefined; comparison?: 'above' | 'below' | undefined }[];
  params?: Readonly<Record<string, { example?: string | undefined; default?: string | undefined } | string>>;
  injects?: readonly { kind: string; alarm?: string | undefined; resource?: string | undefined }[];
  steps?: readonly { verify?: VerifySpec | undefined; action?: ActionSpec | undefined }[];
}

type Call = { service: string; operation: string; region: string; args: Record<string, unknown> };

/** Which argument names an action creates, rather than needs. */
const CREATES: Record<string, string[]> = {
  RestoreTableToPointInTime: ['TargetTableName'], RestoreTableFromBackup: ['TargetTableName'],
  RestoreDBInstanceFromDBSnapshot: ['DBInstanceIdentifier'], RestoreDBInstanceToPointInTime: ['TargetDBInstanceIdentifier'],
  RestoreDBClusterToPointInTime: ['DBClusterIdentifier'], RestoreDBClusterFromSnapshot: ['DBClusterIdentifier'],
  CreateDBInstance: ['DBInstanceIdentifier'],
};
const KIND: Record<string, string> = {
  TableName: 'table', TargetTableName: 'table', SourceTableName: 'table',
  DBClusterIdentifier: 'cluster', SourceDBClusterIdentifier: 'cluster',
  DBInstanceIdentifier: 'instance', TargetDBInstanceIdentifier: 'instance', SourceDBInstanceIdentifier: 'instance',
};

export function paramValues(scenario: ScenarioLike, given: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, p] of Object.entries(scenario.params ?? {})) {
    const v = typeof p === 'string' ? p : p.default ?? p.example;
    if (v !== undefined) out[name] = v;
  }
  return { ...out, ...given };
}

export function seedFromScenario(w: SimWorld, scenario: ScenarioLike, values: Readonly<Record<string, string>>, regionName: (r: RegionRef) => string): void {
  const calls: (Call & { action: boolean })[] = [];
  for (const step of scenario.steps ?? []) {
    for (const [spec, action] of [[step.action, true], [step.action?.wait, false], [step.verify, false]] as const) {
      if (!spec) continue;
      try {
        calls.push({ service: spec.service, operation: spec.operation, region: regionName(spec.region), args: fillDeep(spec.args, values) as Record<string, unknown>, action });
      } catch {
        // A step whose params are missing seeds nothing; the step itself reports the missing param.
      }
    }
  }
  const created = new Set<string>();
  for (const c of calls.filter((x) => x.action)) {
    for (const k of CREATES[c.operation] ?? []) if (typeof c.args[k] === 'string') created.add(`${KIND[k]}|${c.region}|${c.args[k]}`);
  }
  const isCreated = (kind: string, region: string, id: string) => created.has(`${kind}|${region}|${id}`);
  // A name whose served answer a step checks and whose health check an action inverts is a failover pair:
  // the primary (with that health check) at the primary endpoint, the secondary at the value expected.
  const inverted = calls.find((c) => c.action && c.operation === 'UpdateHealthCheck' && s(c.args.HealthCheckId));
  for (const step of scenario.steps ?? []) {
    // Only a check of the served values names the DR value (a check of the name's Kind does not).
    const spec = step.verify?.operation === 'GetServedRecord' && step.verify.path.startsWith('Served') ? step.verify : undefined;
    if (!spec || !inverted) continue;
    try {
      const args = fillDeep(spec.args, values) as Record<string, unknown>;
      const expected = fillDeep(spec.expect, values) as { equals?: unknown };
      seedFailoverPair(w, s(args.HostedZoneId), s(args.RecordName), s(args.RecordType) ?? 'CNAME', s(inverted.args.HealthCheckId)!, s(expected.equals) ?? 'dr.example.com');
    } catch {
      // A step whose params are missing seeds nothing.
    }
  }
  // Actions first: they say what shape a resource must have (a replica to promote, a reader to fail over to).
  for (const c of [...calls.filter((x) => x.action), ...calls.filter((x) => !x.action)]) seedCall(w, c, isCreated);
  // A declared alarm lives in its pane's region (SimAws.load seeds it); any other an inject names, in the primary.
  const declared = new Set((scenario.alarms ?? []).map((a) => a.name));
  for (const inj of scenario.injects ?? []) {
    if (inj.kind === 'alarm' && inj.alarm && !declared.has(inj.alarm)) ensureAlarm(w, regionName('primary'), inj.alarm);
  }
}

const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

function seedCall(w: SimWorld, c: Call, isCreated: (kind: string, region: string, id: string) => boolean): void {
  const { args, region } = c;
  const creates = new Set(CREATES[c.operation] ?? []);
  for (const key of ['TableName', 'SourceTableName', 'TargetTableName']) {
    const name = s(args[key]);
    if (name && !creates.has(key) && !isCreated('table', region, name)) ensureTable(w, region, name);
  }
  const arn = s(args.BackupArn);
  if (arn && !w.backups.has(arn)) {
    const table = /table\/([^/]+)\/backup/.exec(arn)?.[1] ?? 'source-table';
    w.backups.set(arn, { arn, name: 'seeded-backup', table, region, createdAt: w.clock.now() - 6 * 3_600_000, status: 'AVAILABLE' });
  }
  if (c.operation === 'PromoteReadReplica' && s(args.DBInstanceIdentifier)) ensureInstance(w, region, s(args.DBInstanceIdentifier)!, { replicaOf: `arn:aws:rds:source:${w.account}:db:${s(args.DBInstanceIdentifier)}` });
  if (c.operation === 'PromoteReadReplicaDBCluster' && s(args.DBClusterIdentifier)) ensureCluster(w, region, s(args.DBClusterIdentifier)!, undefined, true);
  for (const key of ['DBClusterIdentifier', 'SourceDBClusterIdentifier']) {
    const id = s(args[key]);
    if (id && !creates.has(key) && !isCreated('cluster', region, id)) ensureCluster(w, region, id, c.operation === 'FailoverDBCluster' ? s(args.TargetDBInstanceIdentifier) : undefined);
  }
  for (const key of ['DBInstanceIdentifier', 'SourceDBInstanceIdentifier']) {
    const id = s(args[key]);
    if (id && !creates.has(key) && !isCreated('instance', region, id) && !(key === 'DBInstanceIdentifier' && s(args.DBClusterIdentifier))) ensureInstance(w, region, id, {});
  }
  const snap = s(args.DBSnapshotIdentifier);
  if (snap && !w.snapshots.has(`${region}|${snap}`)) w.snapshots.set(`${region}|${snap}`, { id: snap, region, kind: 'instance', source: s(args.SourceDBInstanceIdentifier) ?? 'source-db', createdAt: w.clock.now() - 3 * 3_600_000, status: 'available' });
  const csnap = s(args.DBClusterSnapshotIdentifier) ?? (c.operation === 'RestoreDBClusterFromSnapshot' ? s(args.SnapshotIdentifier) : undefined);
  if (csnap && !w.snapshots.has(`${region}|${csnap}`)) w.snapshots.set(`${region}|${csnap}`, { id: csnap, region, kind: 'cluster', source: 'source-cluster', createdAt: w.clock.now() - 3 * 3_600_000, status: 'available' });
  const zoneId = s(args.HostedZoneId)?.replace(/^\/hostedzone\//, '');
  if (zoneId) seedZone(w, zoneId, args.ChangeBatch);
  const changeId = c.operation === 'GetChange' ? s(args.Id)?.replace(/^\/change\//, '') : undefined;
  if (changeId && !w.changes.has(changeId)) w.changes.set(changeId, { id: changeId, submittedAt: w.clock.now() - 60_000, status: 'INSYNC' });
  const keyId = s(args.KeyId);
  if (keyId && !w.kmsKeys.has(w.key(region, keyId))) w.kmsKeys.set(w.key(region, keyId), { id: keyId, region, state: 'Enabled' });
  const hc = s(args.HealthCheckId);
  if (hc && !w.healthChecks.has(hc)) w.healthChecks.set(hc, { id: hc, healthy: true });
  if (Array.isArray(args.AlarmNames)) for (const a of args.AlarmNames) if (s(a)) ensureAlarm(w, region, a as string);
}

export function ensureTable(w: SimWorld, region: string, name: string): void {
  if (w.tables.has(w.key(region, name))) return;
  const createdAt = w.clock.now() - 90 * 86_400_000;
  w.tables.set(w.key(region, name), { name, region, status: 'ACTIVE', createdAt, pitr: true, items: 125_000, impaired: false });
  const arn = `arn:aws:dynamodb:${region}:${w.account}:table/${name}/backup/seeded-daily`;
  w.backups.set(arn, { arn, name: `${name}-daily`, table: name, region, createdAt: w.clock.now() - 6 * 3_600_000, status: 'AVAILABLE' });
}

export function ensureInstance(w: SimWorld, region: string, id: string, extra: { replicaOf?: string; cluster?: string }): void {
  if (w.instances.has(w.key(region, id))) return;
  w.instances.set(w.key(region, id), { id, region, status: 'available', engine: extra.cluster ? 'aurora-postgresql' : 'postgres', createdAt: w.clock.now() - 90 * 86_400_000, impaired: false, ...extra });
  if (!extra.cluster && !extra.replicaOf) {
    const snap = `rds:${id}-daily`;
    w.snapshots.set(`${region}|${snap}`, { id: snap, region, kind: 'instance', source: id, createdAt: w.clock.now() - 4 * 3_600_000, status: 'available' });
  }
}

export function ensureCluster(w: SimWorld, region: string, id: string, reader?: string, replica = false): void {
  if (w.clusters.has(w.key(region, id))) return;
  const members = [{ id: `${id}-instance-1`, writer: true }, { id: reader ?? `${id}-instance-2`, writer: false }];
  w.clusters.set(w.key(region, id), { id, region, status: 'available', engine: 'aurora-postgresql', createdAt: w.clock.now() - 90 * 86_400_000, members, impaired: false, ...(replica ? { replicaOf: `arn:aws:rds:source:${w.account}:cluster:${id}` } : {}) });
  for (const m of members) ensureInstance(w, region, m.id, { cluster: id });
}

export function ensureAlarm(w: SimWorld, region: string, name: string): void {
  if (!w.alarms.has(w.key(region, name))) w.alarms.set(w.key(region, name), { name, region, state: 'OK', reason: 'Threshold Crossed: no datapoints breaching', updatedAt: w.clock.now() - 3_600_000 });
}

function seedZone(w: SimWorld, id: string, batch: unknown): void {
  let zone = w.zones.get(id);
  if (!zone) w.zones.set(id, (zone = { id, name: 'example.com.', records: [] }));
  const changes = (batch as { Changes?: { ResourceRecordSet?: { Name?: string; Type?: string; SetIdentifier?: string } }[] } | undefined)?.Changes ?? [];
  for (const ch of changes) {
    const rr = ch.ResourceRecordSet;
    if (!rr?.Name || !rr.Type) continue;
    const Name = rr.Name.endsWith('.') ? rr.Name : `${rr.Name}.`;
    if (zone.records.some((r) => r.Name === Name && r.Type === rr.Type && r.SetIdentifier === rr.SetIdentifier)) continue;
    // The record as it is before the runbook changes it: pointing at the primary (a documentation address).
    zone.records.push({ Name, Type: rr.Type, TTL: 60, ResourceRecords: [{ Value: rr.Type === 'CNAME' ? 'primary.example.com' : '192.0.2.1' }], ...(rr.SetIdentifier ? { SetIdentifier: rr.SetIdentifier } : {}) });
  }
}

function seedFailoverPair(w: SimWorld, zoneId: string | undefined, name: string | undefined, type: string, healthCheckId: string, drValue: string): void {
  if (!zoneId || !name) return;
  const id = zoneId.replace(/^\/hostedzone\//, '');
  let zone = w.zones.get(id);
  if (!zone) w.zones.set(id, (zone = { id, name: 'example.com.', records: [] }));
  const Name = name.endsWith('.') ? name : `${name}.`;
  if (zone.records.some((r) => r.Name === Name)) return;
  if (!w.healthChecks.has(healthCheckId)) w.healthChecks.set(healthCheckId, { id: healthCheckId, healthy: true });
  zone.records.push(
    { Name, Type: type, TTL: 60, SetIdentifier: 'primary', Failover: 'PRIMARY', HealthCheckId: healthCheckId, ResourceRecords: [{ Value: 'primary.example.com' }] },
    { Name, Type: type, TTL: 60, SetIdentifier: 'secondary', Failover: 'SECONDARY', ResourceRecords: [{ Value: drValue }] },
  );
}
