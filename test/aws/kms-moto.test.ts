// kms-key-deletion's checks on moto: the deletion is cancelled (no longer PendingDeletion, no deletion date)
// and the key is usable again (Enabled), each failing while the key is not there yet.
import { CancelKeyDeletionCommand, CreateKeyCommand, EnableKeyCommand, KMSClient, ScheduleKeyDeletionCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { probeOutcome } from '../../src/aws/poll-verify.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';
import { MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';

if (!MOTO) console.warn(`test/aws/kms-moto: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const scenario = loadCatalog({}).scenarios.find((s) => s.id === 'kms-key-deletion')!;
const check = (id: string) => ({ ...scenario.steps.find((s) => s.id === id)!.verify!, interval_seconds: 1, deadline_seconds: 2 });
let moto: Moto;
let ports: CreatedPorts;
let kms: KMSClient;
let keyId = '';

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  kms = new KMSClient({ endpoint: moto.endpoint, region: REGION, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  keyId = (await kms.send(new CreateKeyCommand({ Description: 'logs' }))).KeyMetadata!.KeyId!;
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 30 }));
  const { clock, sleep } = simTime(Date.now());
  ports = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(moto.endpoint, REGION), clock, sleep });
});
afterAll(async () => {
  kms?.destroy();
  (ports as { clients?: { destroy(): void } } | undefined)?.clients?.destroy();
  await moto?.stop();
});

describe.skipIf(!MOTO)('KMS key enabled and not pending deletion (moto)', () => {
  it('cancel and enable both fail while the key is pending deletion', async () => {
    const cancel = await ports.probes.verify(check('cancel'), { key_id: keyId, region: REGION });
    expect(cancel.passed).toBe(false);
    expect(probeOutcome(cancel)).toBe('failed');
    expect(cancel.summary).toContain('KeyMetadata.KeyState = "PendingDeletion"');
    const enable = await ports.probes.verify(check('enable'), { key_id: keyId, region: REGION });
    expect(enable.passed).toBe(false);
  });

  it('after cancel-key-deletion: cancel passes, enable still fails (the key is Disabled)', async () => {
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    const cancel = await ports.probes.verify(check('cancel'), { key_id: keyId, region: REGION });
    expect(cancel.passed, cancel.summary).toBe(true);
    const enable = await ports.probes.verify(check('enable'), { key_id: keyId, region: REGION });
    expect(enable.passed).toBe(false);
    expect(enable.summary).toContain('KeyMetadata.KeyState = "Disabled"');
  });

  it('after enable-key: enable passes', async () => {
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    const enable = await ports.probes.verify(check('enable'), { key_id: keyId, region: REGION });
    expect(enable.passed, enable.summary).toBe(true);
  });

  it('a key that does not exist fails (not found), never passes', async () => {
    const r = await ports.probes.verify(check('enable'), { key_id: '00000000-0000-0000-0000-000000000000', region: REGION });
    expect(r.passed).toBe(false);
    expect(r.error?.class).toBe('not-found');
  });
});
