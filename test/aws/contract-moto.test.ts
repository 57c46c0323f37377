// The live adapters, through the real SDK clients, against moto_server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts } from '../../src/aws/create-ports.js';
import { portsContract } from './support/contract.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, motoEnv, startMoto, type Moto } from './support/moto.js';
import { seedMoto, setMotoAlarm } from './support/moto-seed.js';

if (!MOTO) console.warn(`test/aws/contract-moto: ${MOTO_MISSING_REASON}`);
if (!MOTO && MOTO_REQUIRED) {
  describe('moto under CI', () => {
    it('moto_server must be installed when CI=true', () => {
      expect.fail('moto_server is not on PATH, and CI=true requires it (pip install "moto[server]")');
    });
  });
}

let moto: Moto | undefined;
beforeAll(async () => {
  if (!MOTO) return;
  moto = await startMoto();
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  console.info(`moto_server answered after ${moto.startMs} ms`);
});
afterAll(async () => {
  await moto?.stop();
});

const REGION = 'eu-west-2';

portsContract('live adapters against moto', async () => {
  await moto!.reset();
  const seeded = await seedMoto(moto!.endpoint, REGION, Date.now());
  const env = motoEnv(moto!.endpoint, REGION);
  const clock = { now: () => Date.now() };
  const make = (allowActions: boolean) => createAwsPorts({ mode: 'live', allowActions, env, clock });
  const ports = make(true);
  if (ports.mode !== 'live') throw new Error('expected live ports against moto');
  return {
    ports,
    disabledActions: make(false).actions,
    params: seeded.params,
    setAlarm: (name, state) => setMotoAlarm(moto!.endpoint, REGION, name, state),
    now: () => Date.now(),
  };
}, !MOTO);
