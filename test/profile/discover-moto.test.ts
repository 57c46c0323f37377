// `warroom init --discover` against a real AWS API server (moto) seeded with a service's resources in two
// regions: what it reads, what it proposes, the file it writes, and a declare that then needs no parameter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketReplicationCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveDiscovery } from '../../src/aws/live/live-discovery.js';
import { parseProfile } from '../../src/profile/parse.js';
import { proposeResources } from '../../src/profile/propose.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, motoEnv, startMoto, type Moto } from '../aws/support/moto.js';
import { seedMoto, type Seeded } from '../aws/support/moto-seed.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

if (!MOTO) console.warn(`test/profile/discover-moto: skipped: ${MOTO_MISSING_REASON}`);

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

async function seedDr(endpoint: string): Promise<void> {
  const s3 = new S3Client({ region: 'eu-west-2', endpoint, credentials, forcePathStyle: true });
  for (const [Bucket, region] of [['orders-exports', 'eu-west-2'], ['orders-exports-dr', 'eu-west-1'], ['unrelated-logs', 'ap-south-1']] as const) {
    const regional = new S3Client({ region, endpoint, credentials, forcePathStyle: true });
    await regional.send(new CreateBucketCommand({ Bucket, CreateBucketConfiguration: { LocationConstraint: region } }));
    regional.destroy();
  }
  for (const Bucket of ['orders-exports', 'orders-exports-dr']) await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketReplicationCommand({
    Bucket: 'orders-exports',
    ReplicationConfiguration: { Role: 'arn:aws:iam::123456789012:role/replication', Rules: [{ ID: 'dr', Status: 'Enabled', Priority: 1, Filter: { Prefix: '' }, DeleteMarkerReplication: { Status: 'Disabled' }, Destination: { Bucket: 'arn:aws:s3:::orders-exports-dr' } }] },
  }));
  s3.destroy();
  const ddb = new DynamoDBClient({ region: 'eu-west-1', endpoint, credentials });
  await ddb.send(new CreateTableCommand({ TableName: 'orders-dr-audit', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
  ddb.destroy();
}

describe.skipIf(!MOTO && !MOTO_REQUIRED)('discovery against moto', () => {
  let moto: Moto;
  let seeded: Seeded;
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  beforeAll(async () => {
    // The SDK's default credential chain reads the process environment.
    process.env.AWS_ACCESS_KEY_ID = 'testing';
    process.env.AWS_SECRET_ACCESS_KEY = 'testing';
    moto = await startMoto();
    seeded = await seedMoto(moto.endpoint, 'eu-west-2', Date.now());
    await seedDr(moto.endpoint);
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    for (const [k, v] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('reads tables, clusters, instances and replicas, zones and records, health checks, buckets with replication and alarms, per region', async () => {
    const port = createLiveDiscovery({ config: { endpoints: { dynamodb: moto.endpoint, rds: moto.endpoint, cloudwatch: moto.endpoint, route53: moto.endpoint } }, s3Endpoint: moto.endpoint });
    const found = await port.discover(['eu-west-2', 'eu-west-1']);
    expect(found.errors).toEqual([]);
    expect(found.tables).toEqual([{ name: 'orders', region: 'eu-west-2', replicas: [] }, { name: 'orders-dr-audit', region: 'eu-west-1', replicas: [] }]);
    expect(found.dbClusters).toEqual([expect.objectContaining({ id: 'orders-db', region: 'eu-west-2', engine: 'aurora-postgresql' })]);
    expect(found.dbInstances).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'legacy-db', region: 'eu-west-2' }),
      expect.objectContaining({ id: 'legacy-db-replica', region: 'eu-west-2', replicaOf: 'legacy-db' }),
      expect.objectContaining({ id: 'orders-db-reader', cluster: 'orders-db' }),
    ]));
    expect(found.zones).toEqual([{ id: seeded.params.zone, name: 'example.com', records: ['app.example.com'] }]);
    expect(found.healthChecks).toEqual([{ id: seeded.healthCheckId, url: 'https://app.example.com/health' }]);
    expect(found.buckets).toEqual([{ name: 'orders-exports', region: 'eu-west-2', replicaTo: 'orders-exports-dr', replicaRegion: 'eu-west-1' }, { name: 'orders-exports-dr', region: 'eu-west-1' }]);
    expect(found.alarms).toEqual([{ name: 'orders-writer-errors', region: 'eu-west-2' }]);

    const proposed = proposeResources(found, { primary: 'eu-west-2', dr: 'eu-west-1' }, 'orders');
    expect(proposed.tables).toEqual(['orders']);
    expect(proposed.buckets).toEqual([{ name: 'orders-exports', replica: 'orders-exports-dr' }]);
    expect(proposed.db_instances).toEqual([]); // legacy-db does not belong to "orders"
  }, 60_000);

  it('a region that cannot be read is reported, and the rest is still read', async () => {
    const port = createLiveDiscovery({ config: { endpoints: { dynamodb: 'http://127.0.0.1:9', rds: moto.endpoint, cloudwatch: moto.endpoint, route53: moto.endpoint } }, s3Endpoint: moto.endpoint });
    const found = await port.discover(['eu-west-2']);
    expect(found.errors).toEqual([expect.stringMatching(/^dynamodb eu-west-2: /)]);
    expect(found.dbClusters.map((c) => c.id)).toEqual(['orders-db']);
  }, 60_000);

  it('init --discover shows what it found, asks only for the name and the DR region it inferred, writes the profile; declare then fills every parameter', async () => {
    const dir = tempDir();
    const file = join(dir, 'warroom.yaml');
    const env = { ...motoEnv(moto.endpoint), WARROOM_SERVICE_FILE: file };
    // Answers: service name (default taken), DR region (the inferred one taken), incident commander, write? yes.
    const r = await runCli(['init', '--discover', '--match', 'orders', '--region', 'eu-west-2'], { env, stdin: '\n\ncarol\ny\n' });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(expect.arrayContaining([
      'Service name? [orders]',
      'DR region? (replicas found in eu-west-1) [eu-west-1]',
      '  1 DynamoDB table: orders',
      '  1 S3 bucket: orders-exports -> orders-exports-dr',
      `  1 hosted zone: example.com ${seeded.params.zone} [app.example.com]`,
      `Write orders to ${file}? (Y/n) [y]`,
    ]));
    expect(r.out.some((l) => l.startsWith('Primary region?'))).toBe(false);
    expect(r.out.at(-1)).toBe(`wrote orders in ${file} (schema: warroom.schema.json)`);
    const service = parseProfile(readFileSync(file, 'utf8'), file).services[0]!;
    expect(service).toMatchObject({ name: 'orders', regions: { primary: 'eu-west-2', dr: 'eu-west-1' }, roster: { 'incident-commander': 'carol' } });
    expect(service.resources.db_clusters[0]).toMatchObject({ id: 'orders-db', readers: ['orders-db-reader'] });
    expect(service.resources.hosted_zones).toEqual([{ id: seeded.params.zone, name: 'example.com', records: ['app.example.com'] }]);
    expect(readFileSync(join(dir, 'warroom.schema.json'), 'utf8')).toContain('"services"');

    const d = await runCli(['--state-dir', join(dir, 'state'), 'declare', 'aurora writer failover, database connection errors', '--json'], { env });
    expect(d.code).toBe(0);
    const doc = JSON.parse(d.out[0]!) as { scenario: string; params: Record<string, string>; missing: string[]; service: string };
    expect(doc).toMatchObject({ scenario: 'aurora-failover', service: 'orders', missing: [] });
    expect(doc.params).toEqual({ cluster: 'orders-db', target_instance: 'orders-db-reader', region: 'eu-west-2' });
  }, 90_000);
});
