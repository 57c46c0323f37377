// s3-object-recovery's restore-one check on moto (which models S3 versioning): the key's current object is the
// chosen version's content (same ETag and size) only after the version is copied back onto the key.
import { CopyObjectCommand, CreateBucketCommand, DeleteObjectCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { probeOutcome, realSleep } from '../../src/aws/poll-verify.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';

if (!MOTO) console.warn(`test/aws/s3-version-moto: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const BUCKET = 'streaming-logs-logs-prod';
const scenario = loadCatalog({}).scenarios.find((s) => s.id === 's3-object-recovery')!;
const check = { ...scenario.steps.find((s) => s.id === 'restore-one')!.verify!, interval_seconds: 4, deadline_seconds: 4 };
let moto: Moto;
let ports: CreatedPorts;
let s3: S3Client;

const put = async (Key: string, Body: string) => (await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body }))).VersionId!;
const params = (key: string, version: string) => ({ bucket: BUCKET, key, version_id: version, region: REGION });

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  s3 = new S3Client({ endpoint: moto.endpoint, region: REGION, forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET, CreateBucketConfiguration: { LocationConstraint: REGION } }));
  await s3.send(new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }));
  ports = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(moto.endpoint, REGION), clock: { now: () => Date.now() }, sleep: realSleep });
});
afterAll(async () => {
  s3?.destroy();
  (ports as { clients?: { destroy(): void } } | undefined)?.clients?.destroy();
  await moto?.stop();
});

describe.skipIf(!MOTO)('restore-one: the chosen object version is current again (moto)', () => {
  it('fails while the overwritten version is current, passes after copy-object of the chosen version', async () => {
    const good = await put('2024/10/10/app-01.log.gz', 'good log lines');
    await put('2024/10/10/app-01.log.gz', 'corrupted!');
    const before = await ports.probes.verify(check, params('2024/10/10/app-01.log.gz', good));
    expect(before.passed).toBe(false);
    expect(probeOutcome(before)).toBe('failed');
    expect(before.summary).toMatch(/Restored = false; expected equals true \(current version .* chosen /);
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: '2024/10/10/app-01.log.gz', CopySource: `${BUCKET}/2024/10/10/app-01.log.gz?versionId=${good}` }));
    const after = await ports.probes.verify(check, params('2024/10/10/app-01.log.gz', good));
    expect(after.passed, after.summary).toBe(true);
  });

  it('fails while the key is deleted (a delete marker is current)', async () => {
    const good = await put('2024/10/10/app-02.log.gz', 'fine');
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: '2024/10/10/app-02.log.gz' }));
    const r = await ports.probes.verify(check, params('2024/10/10/app-02.log.gz', good));
    expect(r.passed).toBe(false);
    expect(probeOutcome(r), r.summary).toBe('failed');
    expect(r.error?.class).toBe('not-found');
  });

  it('fails when the chosen version id does not exist', async () => {
    await put('2024/10/10/app-03.log.gz', 'x');
    const r = await ports.probes.verify(check, params('2024/10/10/app-03.log.gz', 'no-such-version'));
    expect(probeOutcome(r), r.summary).toBe('failed');
  });
});
