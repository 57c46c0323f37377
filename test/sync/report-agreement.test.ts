// The report of a shared incident names every origin's head here and the table's at the last sync, and
// says whether the two copies agreed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { makeWriter, useMotoCredentials } from './support/writers.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

describe.skipIf(!MOTO)('report: local and table copies', () => {
  let moto: Moto;
  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => moto?.stop());

  it('says agreed after a full sync, and differed (with the table head) when events were written since', async () => {
    const t0 = Date.parse('2026-11-21T10:00:00.000Z');
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 500, () => moto.endpoint);
    const id = (await ic.cli(['new', '--title', 'Region down', '--severity', 'SEV1'])).out[0]!;
    const before = await ic.cli(['share', id, '--table', 'warroom-agree', '--region', 'eu-west-2']);
    expect(before.code).toBe(1); // no table yet: recorded as offline, shared locally
    const never = (await ic.cli(['report', id])).out.join('\n');
    expect(never).toContain('Local and table copies: not compared (never synced from here)');
    expect((await ic.cli(['share', id, '--table', 'warroom-agree', '--create-table', '--confirm', 'warroom-agree'])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', 'warroom-agree'])).code).toBe(0);
    await dba.cli(['log', id, 'replica promoted']);
    for (const w of [dba, ic, dba]) expect((await w.cli(['sync', id])).code).toBe(0);
    for (const w of [ic, dba]) {
      const r = (await w.cli(['report', id])).out.join('\n');
      expect(r).toContain("Local and table copies: agreed at the last sync (every origin's head the same on both)");
      expect(r.match(/; table: the same/g)).toHaveLength(2);
    }
    await ic.cli(['log', id, 'written after the last sync']);
    const r = (await ic.cli(['report', id])).out.join('\n');
    expect(r).toContain('Local and table copies: DIFFERED at the last sync');
    expect(r).toMatch(/head `\d+:[0-9a-f]+`; table: `\d+:[0-9a-f]+`/);
  }, 60_000);
});
