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
  AliasTarget?: { DNSName?: string };
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
const valuesOf = (r: RecordSetLike) => (r.AliasTarget?.DNSName ? [bare(r.AliasTarget.DNSName)] : (r.ResourceRecords ?? []).map((v) => String(v.Value ?? '')));

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
export function servedRecord(sets: readonly RecordSetLike[], name: string, type: string | undefined, health: ReadonlyMap<string, HealthState>): ServedRecord {
  const mine = sets.filter((r) => r.Name !== undefined && bare(r.Name) === bare(name) && (type === undefined || r.Type === type) && r.Type !== 'NS' && r.Type !== 'SOA');
  const shown: ServedSet[] = mine.map((r) => {
    const h = r.HealthCheckId ? health.get(r.HealthCheckId) : undefined;
    return {
      ...(r.SetIdentifier ? { SetIdentifier: r.SetIdentifier } : {}),
      ...(r.Failover ? { Failover: r.Failover } : {}),
      ...(r.Weight !== undefined ? { Weight: Number(r.Weight) } : {}),
      Values: valuesOf(r),
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

/** Reads the name's record sets and the health check of each, and answers as `servedRecord`. */
export async function readServedRecord(read: Route53Read, args: Record<string, unknown>): Promise<ReadResult> {
  const zone = String(args.HostedZoneId ?? '');
  const name = String(args.RecordName ?? '');
  const type = typeof args.RecordType === 'string' ? args.RecordType : undefined;
  if (!zone || !name) return { ok: false, error: { class: 'invalid-parameter', message: 'invalid parameter: GetServedRecord needs HostedZoneId and RecordName' } };
  const list = await read('ListResourceRecordSets', { HostedZoneId: zone, StartRecordName: name, ...(type ? { StartRecordType: type } : {}) });
  if (!list.ok) return list;
  const sets = ((list.value as { ResourceRecordSets?: RecordSetLike[] }).ResourceRecordSets ?? []);
  const ids = [...new Set(sets.filter((r) => r.Name && bare(r.Name) === bare(name)).map((r) => r.HealthCheckId).filter((id): id is string => typeof id === 'string'))];
  const health = new Map<string, HealthState>();
  for (const id of ids) {
    const [config, status] = [await read('GetHealthCheck', { HealthCheckId: id }), await read('GetHealthCheckStatus', { HealthCheckId: id })];
    if (!config.ok) return config;
    if (!status.ok) return status;
    const cfg = (config.value as { HealthCheck?: { HealthCheckConfig?: { Inverted?: boolean; Disabled?: boolean } } }).HealthCheck?.HealthCheckConfig ?? {};
    const reports = ((status.value as { HealthCheckObservations?: { StatusReport?: { Status?: string } }[] }).HealthCheckObservations ?? []).map((o) => String(o.StatusReport?.Status ?? ''));
    health.set(id, healthFrom(reports, cfg));
  }
  return { ok: true, value: servedRecord(sets, name, type, health) };
}

/** The IAM actions a composed read needs: it is not an AWS operation itself. */
export const COMPOSED_READ_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  'route53:GetServedRecord': ['route53:ListResourceRecordSets', 'route53:GetHealthCheck', 'route53:GetHealthCheckStatus'],
};
