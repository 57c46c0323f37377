// Reads an account's DR-relevant resources across regions with read-only calls (List*/Describe*/Get*).
// A section that fails (no permission, region disabled) becomes an error line; the rest is still read.
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { ListHealthChecksCommand, ListHostedZonesCommand, ListResourceRecordSetsCommand, Route53Client } from '@aws-sdk/client-route-53';
import { GetBucketLocationCommand, GetBucketReplicationCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { sanitizeLine } from '../../core/index.js';
import type { ResolvedAwsConfig } from '../config.js';
import { emptyDiscovery, type DiscoveredAccount, type DiscoveryPort, type FoundBucket } from '../discovery-port.js';
import { suppressSdkNodeWarning } from './clients.js';

const CALL_MS = 10_000;
/** Record types a runbook flips or checks; NS and SOA are the zone's own. */
const USER_RECORDS = new Set(['A', 'AAAA', 'CNAME']);

export interface LiveDiscoveryOptions {
  config: Pick<ResolvedAwsConfig, 'profile' | 'endpoints'>;
  /** S3 has no entry in config.endpoints; a local server (moto) is given here. */
  s3Endpoint?: string;
}

type Client = { send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>; destroy(): void };

const arnName = (arn: string | undefined) => arn?.split(':').pop()?.replace(/^(db|cluster):/, '');
const bucketName = (arn: string | undefined) => arn?.replace(/^arn:aws[a-z-]*:s3:::/, '');

export function createLiveDiscovery(opts: LiveDiscoveryOptions): DiscoveryPort {
  suppressSdkNodeWarning();
  const common = (region: string, endpoint?: string) => ({
    region,
    maxAttempts: 2,
    ...(opts.config.profile ? { profile: opts.config.profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    requestHandler: { connectionTimeout: 3_000, socketTimeout: CALL_MS, requestTimeout: CALL_MS },
  });
  return {
    async discover(regions, signal) {
      const found = emptyDiscovery(regions);
      const clients: Client[] = [];
      const make = <C extends Client>(c: C): C => (clients.push(c), c);
      const send = <T>(client: Client, command: unknown) =>
        client.send(command as never, { abortSignal: signal ? AbortSignal.any([signal, AbortSignal.timeout(CALL_MS)]) : AbortSignal.timeout(CALL_MS) }) as Promise<T>;
      const section = async (label: string, read: () => Promise<void>) => {
        try {
          await read();
        } catch (err) {
          const e = err as { name?: string; message?: string };
          found.errors.push(`${label}: ${sanitizeLine(`${e.name ?? 'Error'} ${e.message ?? ''}`.trim())}`);
        }
      };
      try {
        for (const region of regions) {
          const ddb = make(new DynamoDBClient(common(region, opts.config.endpoints.dynamodb)));
          await section(`dynamodb ${region}`, () => readTables(found, region, (c) => send(ddb, c)));
          const rds = make(new RDSClient(common(region, opts.config.endpoints.rds)));
          await section(`rds ${region}`, () => readDatabases(found, region, (c) => send(rds, c)));
          const cw = make(new CloudWatchClient(common(region, opts.config.endpoints.cloudwatch)));
          await section(`cloudwatch ${region}`, () => readAlarms(found, region, (c) => send(cw, c)));
        }
        const r53 = make(new Route53Client(common('us-east-1', opts.config.endpoints.route53)));
        await section('route53', () => readRoute53(found, (c) => send(r53, c)));
        const s3 = make(new S3Client({ ...common(regions[0] ?? 'us-east-1', opts.s3Endpoint), ...(opts.s3Endpoint ? { forcePathStyle: true } : {}) }));
        await section('s3', () => readBuckets(found, regions, (c) => send(s3, c)));
      } finally {
        for (const c of clients) c.destroy();
      }
      return found;
    },
  };
}

type Send = <T>(command: unknown) => Promise<T>;

async function readTables(found: DiscoveredAccount, region: string, send: Send): Promise<void> {
  let start: string | undefined;
  do {
    const page = await send<{ TableNames?: string[]; LastEvaluatedTableName?: string }>(new ListTablesCommand({ ...(start ? { ExclusiveStartTableName: start } : {}) }));
    for (const name of page.TableNames ?? []) {
      const d = await send<{ Table?: { Replicas?: { RegionName?: string }[] } }>(new DescribeTableCommand({ TableName: name }));
      const replicas = (d.Table?.Replicas ?? []).map((r) => r.RegionName).filter((r): r is string => !!r && r !== region);
      found.tables.push({ name, region, replicas });
    }
    start = page.LastEvaluatedTableName;
  } while (start);
}

async function readDatabases(found: DiscoveredAccount, region: string, send: Send): Promise<void> {
  let marker: string | undefined;
  do {
    const page = await send<{ DBClusters?: { DBClusterIdentifier?: string; Engine?: string; ReplicationSourceIdentifier?: string; DBClusterMembers?: { DBInstanceIdentifier?: string; IsClusterWriter?: boolean }[] }[]; Marker?: string }>(
      new DescribeDBClustersCommand({ ...(marker ? { Marker: marker } : {}) }),
    );
    for (const c of page.DBClusters ?? []) {
      if (!c.DBClusterIdentifier) continue;
      const members = c.DBClusterMembers ?? [];
      const writer = members.find((m) => m.IsClusterWriter)?.DBInstanceIdentifier;
      const replicaOf = arnName(c.ReplicationSourceIdentifier);
      found.dbClusters.push({
        id: c.DBClusterIdentifier, region,
        readers: members.filter((m) => !m.IsClusterWriter && m.DBInstanceIdentifier).map((m) => m.DBInstanceIdentifier!),
        ...(c.Engine ? { engine: c.Engine } : {}), ...(writer ? { writer } : {}), ...(replicaOf ? { replicaOf } : {}),
      });
    }
    marker = page.Marker;
  } while (marker);
  do {
    const page = await send<{ DBInstances?: { DBInstanceIdentifier?: string; Engine?: string; DBClusterIdentifier?: string; ReadReplicaSourceDBInstanceIdentifier?: string }[]; Marker?: string }>(
      new DescribeDBInstancesCommand({ ...(marker ? { Marker: marker } : {}) }),
    );
    for (const i of page.DBInstances ?? []) {
      if (!i.DBInstanceIdentifier) continue;
      const replicaOf = arnName(i.ReadReplicaSourceDBInstanceIdentifier);
      found.dbInstances.push({
        id: i.DBInstanceIdentifier, region,
        ...(i.Engine ? { engine: i.Engine } : {}), ...(i.DBClusterIdentifier ? { cluster: i.DBClusterIdentifier } : {}), ...(replicaOf ? { replicaOf } : {}),
      });
    }
    marker = page.Marker;
  } while (marker);
}

async function readAlarms(found: DiscoveredAccount, region: string, send: Send): Promise<void> {
  let token: string | undefined;
  do {
    const page = await send<{ MetricAlarms?: { AlarmName?: string }[]; CompositeAlarms?: { AlarmName?: string }[]; NextToken?: string }>(
      new DescribeAlarmsCommand({ ...(token ? { NextToken: token } : {}) }),
    );
    for (const a of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])]) if (a.AlarmName) found.alarms.push({ name: a.AlarmName, region });
    token = page.NextToken;
  } while (token);
}

async function readRoute53(found: DiscoveredAccount, send: Send): Promise<void> {
  let marker: string | undefined;
  do {
    const page = await send<{ HostedZones?: { Id?: string; Name?: string }[]; NextMarker?: string; IsTruncated?: boolean }>(new ListHostedZonesCommand({ ...(marker ? { Marker: marker } : {}) }));
    for (const z of page.HostedZones ?? []) {
      if (!z.Id || !z.Name) continue;
      const id = z.Id.replace('/hostedzone/', '');
      const records = new Set<string>();
      let next: { name?: string; type?: string } | undefined = {};
      while (next) {
        const rr: { ResourceRecordSets?: { Name?: string; Type?: string }[]; IsTruncated?: boolean; NextRecordName?: string; NextRecordType?: string } = await send(
          new ListResourceRecordSetsCommand({ HostedZoneId: id, ...(next.name ? { StartRecordName: next.name, StartRecordType: next.type as never } : {}) }),
        );
        for (const r of rr.ResourceRecordSets ?? []) if (r.Name && USER_RECORDS.has(r.Type ?? '')) records.add(r.Name.replace(/\.$/, ''));
        next = rr.IsTruncated ? { name: rr.NextRecordName!, type: rr.NextRecordType! } : undefined;
      }
      found.zones.push({ id, name: z.Name.replace(/\.$/, ''), records: [...records] });
    }
    marker = page.IsTruncated ? page.NextMarker : undefined;
  } while (marker);
  marker = undefined;
  type HealthPage = { HealthChecks?: { Id?: string; HealthCheckConfig?: { Type?: string; FullyQualifiedDomainName?: string; ResourcePath?: string; Port?: number } }[]; NextMarker?: string; IsTruncated?: boolean };
  do {
    const page: HealthPage = await send<{ HealthChecks?: { Id?: string; HealthCheckConfig?: { Type?: string; FullyQualifiedDomainName?: string; ResourcePath?: string; Port?: number } }[]; NextMarker?: string; IsTruncated?: boolean }>(
      new ListHealthChecksCommand({ ...(marker ? { Marker: marker } : {}) }),
    );
    for (const h of page.HealthChecks ?? []) {
      if (!h.Id) continue;
      const c = h.HealthCheckConfig;
      const scheme = c?.Type?.startsWith('HTTPS') ? 'https' : c?.Type?.startsWith('HTTP') ? 'http' : undefined;
      const url = scheme && c?.FullyQualifiedDomainName ? `${scheme}://${c.FullyQualifiedDomainName}${c.ResourcePath ?? ''}` : undefined;
      found.healthChecks.push({ id: h.Id, ...(url ? { url } : {}) });
    }
    marker = page.IsTruncated ? page.NextMarker : undefined;
  } while (marker);
}

async function readBuckets(found: DiscoveredAccount, regions: readonly string[], send: Send): Promise<void> {
  const list = await send<{ Buckets?: { Name?: string; BucketRegion?: string }[] }>(new ListBucketsCommand({}));
  const regionOf = async (b: { Name?: string; BucketRegion?: string }) => {
    if (b.BucketRegion) return b.BucketRegion;
    const loc = await send<{ LocationConstraint?: string }>(new GetBucketLocationCommand({ Bucket: b.Name }));
    return loc.LocationConstraint || 'us-east-1';
  };
  for (const b of list.Buckets ?? []) {
    if (!b.Name) continue;
    const region = await regionOf(b);
    if (!regions.includes(region)) continue;
    const bucket: FoundBucket = { name: b.Name, region };
    try {
      const rep = await send<{ ReplicationConfiguration?: { Rules?: { Destination?: { Bucket?: string } }[] } }>(new GetBucketReplicationCommand({ Bucket: b.Name }));
      const to = bucketName(rep.ReplicationConfiguration?.Rules?.[0]?.Destination?.Bucket);
      const target = to ? list.Buckets?.find((x) => x.Name === to) : undefined;
      // The replica's region is where DR is, even when that region is not read yet.
      if (to) Object.assign(bucket, { replicaTo: to }, target ? { replicaRegion: await regionOf(target) } : {});
    } catch (err) {
      // A bucket without replication answers ReplicationConfigurationNotFoundError: not a failure.
      if ((err as { name?: string }).name !== 'ReplicationConfigurationNotFoundError') throw err;
    }
    found.buckets.push(bucket);
  }
}
