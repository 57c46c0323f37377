// What Route 53 answers for a name right now, from its record sets and their health checks: `GetServedRecord`,
// a read warroom composes from ListResourceRecordSets, GetHealthCheck and GetHealthCheckStatus. A failover or
// weighted name has several record sets, so "the first record's value" says nothing about where users go.
import type { ReadResult } from './poll-verify.js';

export interface RecordSetLike {
  Name?: string;
  Type?: string;
  SetIdentifier?: string;
  Failover?: string;
  Weight?: number;
  HealthCheckId?: string;
  ResourceRecords?: { Value?: string }[];
  AliasTarget?: { DNSName?: string; HostedZoneId?: string; EvaluateTargetHealth?: boolean };
}

/** What an alias to a record of the same zone resolves to: the target's served values and its health. */
export interface AliasState {
  values: string[];
  /** Undefined when the target's health cannot be read (a load balancer, CloudFront): counted healthy. */
  health?: HealthState;
}

export interface HealthState {
  healthy: boolean;
  /** Why: the checkers' share, inverted, disabled. */
  reason: string;
}

export interface ServedSet {
  SetIdentifier?: string;
  Failover?: string;
  Weight?: number;
  Values: string[];
  HealthCheckId?: string;
  Healthy?: boolean;
  HealthReason?: string;
}

export interface ServedRecord {
  Name: string;
  Type: string;
  Kind: 'simple' | 'failover' | 'weighted' | 'other' | 'none';
  /** The values Route 53 hands out for the name now. */
  Served: string[];
  RecordSets: ServedSet[];
}

const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');
const valuesOf = (r: RecordSetLike, aliases: ReadonlyMap<string, AliasState>) => {
  if (!r.AliasTarget?.DNSName) return (r.ResourceRecords ?? []).map((v) => String(v.Value ?? ''));
  const inZone = aliases.get(bare(r.AliasTarget.DNSName));
  return inZone && inZone.values.length > 0 ? inZone.values : [bare(r.AliasTarget.DNSName)];
};

/** A set's health: its own health check, and with EvaluateTargetHealth its alias target's health too. */
function setHealth(r: RecordSetLike, health: ReadonlyMap<string, HealthState>, aliases: ReadonlyMap<string, AliasState>): HealthState | undefined {
  const own = r.HealthCheckId ? health.get(r.HealthCheckId) : undefined;
  const target = r.AliasTarget?.EvaluateTargetHealth && r.AliasTarget.DNSName ? aliases.get(bare(r.AliasTarget.DNSName))?.health : undefined;
  if (!own) return target ? { healthy: target.healthy, reason: `alias target ${target.reason}` } : undefined;
  if (!target) return own;
  return { healthy: own.healthy && target.healthy, reason: `${own.reason}; alias target ${target.reason}` };
}

/**
 * A health check's status as Route 53 uses it: healthy when more than 18% of its checkers report success
 * (Route 53's own rule), then inverted if the check is inverted; a disabled check counts as healthy.
 */
export function healthFrom(statusReports: readonly string[], config: { Inverted?: boolean; Disabled?: boolean } = {}): HealthState {
  let healthy: boolean;
  let reason: string;
  if (config.Disabled) {
    healthy = true;
    reason = 'disabled (counted healthy)';
  } else {
    const ok = statusReports.filter((s) => s.startsWith('Success')).length;
    healthy = statusReports.length > 0 && ok / statusReports.length > 0.18;
    reason = `${ok} of ${statusReports.length} checkers report success`;
  }
  if (config.Inverted) return { healthy: !healthy, reason: `${reason}, inverted` };
  return { healthy, reason };
}

/** The answer for `name`/`type` given every record set read and each health check's state. */
export function servedRecord(
  sets: readonly RecordSetLike[],
  name: string,
  type: string | undefined,
  health: ReadonlyMap<string, HealthState>,
  aliases: ReadonlyMap<string, AliasState> = new Map(),
): ServedRecord {
  const mine = sets.filter((r) => r.Name !== undefined && bare(r.Name) === bare(name) && (type === undefined || r.Type === type) && r.Type !== 'NS' && r.Type !== 'SOA');
  const shown: ServedSet[] = mine.map((r) => {
    const h = setHealth(r, health, aliases);
    return {
      ...(r.SetIdentifier ? { SetIdentifier: r.SetIdentifier } : {}),
      ...(r.Failover ? { Failover: r.Failover } : {}),
      ...(r.Weight !== undefined ? { Weight: Number(r.Weight) } : {}),
      Values: valuesOf(r, aliases),
      ...(r.HealthCheckId ? { HealthCheckId: r.HealthCheckId } : {}),
      ...(h ? { Healthy: h.healthy, HealthReason: h.reason } : {}),
    };
  });
  // A record set without a health check is taken as healthy, as Route 53 does.
  const healthy = (s: ServedSet) => s.Healthy !== false;
  const base = { Name: bare(name), Type: type ?? mine[0]?.Type ?? '', RecordSets: shown };
  if (shown.length === 0) return { ...base, Kind: 'none', Served: [] };
  if (shown.some((s) => s.Failover)) {
    const primary = shown.find((s) => s.Failover === 'PRIMARY');
    const secondary = shown.find((s) => s.Failover === 'SECONDARY');
    // Route 53 answers with the secondary only when the primary is unhealthy and the secondary is not.
    const pick = primary && healthy(primary) ? primary : secondary && healthy(secondary) ? secondary : (primary ?? secondary)!;
    return { ...base, Kind: 'failover', Served: pick.Values };
  }
  if (shown.some((s) => s.Weight !== undefined)) {
    const weighted = shown.filter((s) => (s.Weight ?? 0) > 0);
    const pool = weighted.length > 0 ? weighted : shown;
    const live = pool.filter(healthy);
    return { ...base, Kind: 'weighted', Served: [...new Set((live.length > 0 ? live : pool).flatMap((s) => s.Values))] };
  }
  return { ...base, Kind: shown.length === 1 ? 'simple' : 'other', Served: [...new Set(shown.flatMap((s) => s.Values))] };
}

/** One Route 53 read, by operation name, as an adapter makes it (live SDK call or the simulated AWS). */
export type Route53Read = (operation: 'ListResourceRecordSets' | 'GetHealthCheck' | 'GetHealthCheckStatus', args: Record<string, unknown>) => Promise<ReadResult>;

/** Pages a name's record sets: a weighted or failover name may run past one page (Route 53 pages by set). */
async function listSetsOf(read: Route53Read, zone: string, name: string, type: string | undefined, pageSize: unknown): Promise<ReadResult> {
  const sets: RecordSetLike[] = [];
  let start: Record<string, unknown> = { StartRecordName: name, ...(type ? { StartRecordType: type } : {}) };
  const seen = new Set<string>();
  for (;;) {
    const page = await read('ListResourceRecordSets', { HostedZoneId: zone, ...start, ...(pageSize !== undefined ? { MaxItems: pageSize } : {}) });
    if (!page.ok) return page;
    const v = page.value as { ResourceRecordSets?: RecordSetLike[]; IsTruncated?: boolean; NextRecordName?: string; NextRecordType?: string; NextRecordIdentifier?: string };
    sets.push(...(v.ResourceRecordSets ?? []));
    // Sets are sorted by name: once the next page starts at another name, the rest are not this name's.
    if (!v.IsTruncated || !v.NextRecordName || bare(v.NextRecordName) !== bare(name)) break;
    const token = `${v.NextRecordName}|${v.NextRecordType ?? ''}|${v.NextRecordIdentifier ?? ''}`;
    // A server that ignores StartRecordIdentifier (moto) would hand back the same page for ever.
    if (seen.has(token)) break;
    seen.add(token);
    start = { StartRecordName: v.NextRecordName, ...(v.NextRecordType ? { StartRecordType: v.NextRecordType } : {}), ...(v.NextRecordIdentifier ? { StartRecordIdentifier: v.NextRecordIdentifier } : {}) };
  }
  return { ok: true, value: sets };
}

/** Reads each health check's configuration and checker reports. */
async function readHealth(read: Route53Read, ids: readonly string[]): Promise<{ ok: true; value: Map<string, HealthState> } | Extract<ReadResult, { ok: false }>> {
  const health = new Map<string, HealthState>();
  for (const id of ids) {
    const [config, status] = [await read('GetHealthCheck', { HealthCheckId: id }), await read('GetHealthCheckStatus', { HealthCheckId: id })];
    if (!config.ok) return config;
    if (!status.ok) return status;
    const cfg = (config.value as { HealthCheck?: { HealthCheckConfig?: { Inverted?: boolean; Disabled?: boolean } } }).HealthCheck?.HealthCheckConfig ?? {};
    const reports = ((status.value as { HealthCheckObservations?: { StatusReport?: { Status?: string } }[] }).HealthCheckObservations ?? []).map((o) => String(o.StatusReport?.Status ?? ''));
    health.set(id, healthFrom(reports, cfg));
  }
  return { ok: true, value: health };
}

const zoneIdOf = (id: string | undefined) => (id ?? '').replace(/^\/?hostedzone\//, '');

/**
 * Reads the name's record sets (every page) and the health check of each, follows aliases to records of the
 * same zone (their served values, and their health when EvaluateTargetHealth is on), and answers as `servedRecord`.
 */
export async function readServedRecord(read: Route53Read, args: Record<string, unknown>, depth = 0): Promise<ReadResult> {
  const zone = zoneIdOf(String(args.HostedZoneId ?? ''));
  const name = String(args.RecordName ?? '');
  const type = typeof args.RecordType === 'string' ? args.RecordType : undefined;
  if (!zone || !name) return { ok: false, error: { class: 'invalid-parameter', message: 'invalid parameter: GetServedRecord needs HostedZoneId and RecordName' } };
  const listed = await listSetsOf(read, zone, name, type, args.MaxItems);
  if (!listed.ok) return listed;
  const sets = (listed.value as RecordSetLike[]).filter((r) => r.Name && bare(r.Name) === bare(name));
  const ids = [...new Set(sets.map((r) => r.HealthCheckId).filter((id): id is string => typeof id === 'string'))];
  const health = await readHealth(read, ids);
  if (!health.ok) return health;
  const aliases = new Map<string, AliasState>();
  for (const r of sets) {
    const target = r.AliasTarget?.DNSName ? bare(r.AliasTarget.DNSName) : undefined;
    if (!target || aliases.has(target)) continue;
    // Aliases to a load balancer or CloudFront: their health is not a Route 53 read, so it is not claimed.
    if (zoneIdOf(r.AliasTarget!.HostedZoneId) !== zone || depth >= 3) {
      aliases.set(target, { values: [] });
      continue;
    }
    const inner = await readServedRecord(read, { HostedZoneId: zone, RecordName: target, ...(args.MaxItems !== undefined ? { MaxItems: args.MaxItems } : {}) }, depth + 1);
    if (!inner.ok) return inner;
    const served = inner.value as ServedRecord;
    const live = served.RecordSets.filter((s) => s.Healthy !== false).length;
    aliases.set(target, {
      values: served.Served,
      health: { healthy: served.Kind !== 'none' && live > 0, reason: `${target} has ${live} healthy record set${live === 1 ? '' : 's'} of ${served.RecordSets.length}` },
    });
  }
  return { ok: true, value: servedRecord(sets, name, type, health.value, aliases) };
}

/** The IAM actions a composed read needs: it is not an AWS operation itself. */
export const COMPOSED_READ_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'route53:GetServedRecord': ['route53:ListResourceRecordSets', 'route53:GetHealthCheck', 'route53:GetHealthCheckStatus'],
  // src/aws/region-signals.ts
  'health:GetRegionSignals': ['health:DescribeEvents', 'route53:GetHealthCheck', 'route53:GetHealthCheckStatus', 'cloudwatch:DescribeAlarms'],
  // src/aws/s3-version.ts
  's3:CompareObjectVersion': ['s3:GetObject', 's3:GetObjectVersion'],
};
