// Turns what discovery read from the account into a proposed service profile, and says in a few lines
// what it found and what it could not. Pure: the reading happens in the AWS adapters.
import type { DiscoveredAccount } from '../aws/discovery-port.js';
import type { ServiceInput } from './schema.js';

type Resources = NonNullable<ServiceInput['resources']>;

const matcher = (match: string | undefined) => {
  const m = match?.trim().toLowerCase();
  return (...names: (string | undefined)[]) => !m || names.some((n) => n?.toLowerCase().includes(m));
};

/** A DR region the account itself points at: where table replicas, replica clusters or replica instances live. */
export function inferDrRegion(found: DiscoveredAccount, primary: string): string | undefined {
  const elsewhere = [
    ...found.tables.flatMap((t) => t.replicas),
    ...found.dbClusters.filter((c) => c.replicaOf).map((c) => c.region),
    ...found.dbInstances.filter((i) => i.replicaOf).map((i) => i.region),
    ...found.buckets.map((b) => b.replicaRegion),
  ].filter((r): r is string => !!r && r !== primary);
  return elsewhere[0];
}

export function proposeResources(found: DiscoveredAccount, regions: { primary: string; dr?: string | undefined }, match?: string): Resources {
  const ok = matcher(match);
  const regional = <T extends { region?: string | undefined }>(r: T) => {
    if (r.region === regions.primary || !r.region) {
      const { region: _region, ...rest } = r;
      return rest;
    }
    return r;
  };
  const tables = [...new Set(found.tables.filter((t) => t.region === regions.primary && ok(t.name)).map((t) => t.name))];
  const clusters = found.dbClusters.filter((c) => ok(c.id)).map((c) => regional({ id: c.id, region: c.region, readers: c.readers, ...(c.writer ? { writer: c.writer } : {}), ...(c.engine ? { engine: c.engine } : {}) }));
  const instances = found.dbInstances
    .filter((i) => !i.cluster && ok(i.id, i.replicaOf))
    .map((i) => regional({ id: i.id, region: i.region, ...(i.replicaOf ? { replica_of: i.replicaOf } : {}), ...(i.engine ? { engine: i.engine } : {}) }));
  // DNS names rarely carry the service's resource prefix: --match does not narrow zones and health checks.
  const zones = found.zones.map((z) => ({ id: z.id, name: z.name, records: z.records }));
  const healthChecks = found.healthChecks.map((h) => ({ id: h.id, ...(h.url ? { url: h.url } : {}) }));
  // A replica bucket is listed through its source's `replica`, not as a bucket of its own.
  const replicas = new Set(found.buckets.map((b) => b.replicaTo).filter(Boolean));
  const buckets = found.buckets
    .filter((b) => !replicas.has(b.name) && ok(b.name))
    .map((b) => regional({ name: b.name, region: b.region, ...(b.replicaTo ? { replica: b.replicaTo } : {}) }));
  const alarms = [...new Set(found.alarms.filter((a) => ok(a.name)).map((a) => a.name))];
  return { tables, db_clusters: clusters, db_instances: instances, hosted_zones: zones, health_checks: healthChecks, buckets, alarms };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (xs: readonly string[]) => (xs.length ? `: ${xs.join(', ')}` : '');

/** What discovery found, one line per kind, for the user to read before anything is written. */
export function describeFound(r: Resources, errors: readonly string[]): string[] {
  const lines = [
    `  ${count(r.tables?.length ?? 0, 'DynamoDB table')}${list(r.tables ?? [])}`,
    `  ${count(r.db_clusters?.length ?? 0, 'DB cluster')}${list((r.db_clusters ?? []).map((c) => `${c.id}${c.region ? ` (${c.region})` : ''}${c.readers?.length ? ` readers ${c.readers.join(', ')}` : ''}`))}`,
    `  ${count(r.db_instances?.length ?? 0, 'DB instance')}${list((r.db_instances ?? []).map((i) => `${i.id}${i.region ? ` (${i.region})` : ''}${i.replica_of ? ` replica of ${i.replica_of}` : ''}`))}`,
    `  ${count(r.hosted_zones?.length ?? 0, 'hosted zone')}${list((r.hosted_zones ?? []).map((z) => `${z.name} ${z.id}${z.records?.length ? ` [${z.records.join(', ')}]` : ''}`))}`,
    `  ${count(r.health_checks?.length ?? 0, 'health check')}${list((r.health_checks ?? []).map((h) => `${h.id}${h.url ? ` ${h.url}` : ''}`))}`,
    `  ${count(r.buckets?.length ?? 0, 'S3 bucket')}${list((r.buckets ?? []).map((b) => `${b.name}${b.replica ? ` -> ${b.replica}` : ' (no replication)'}`))}`,
    `  ${count(r.alarms?.length ?? 0, 'CloudWatch alarm')}${list(r.alarms ?? [])}`,
  ];
  return [...lines, ...errors.map((e) => `  not read: ${e}`)];
}
