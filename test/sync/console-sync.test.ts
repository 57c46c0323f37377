// The console's store for a shared incident: while it is open it syncs in the background, and another
// responder's events reach its follower within the 2 s the console promises, numbered on from the last
// event shown. (The terminal rendering itself is covered by the console's own end-to-end tests.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleStore } from '../../src/cli/console-store.js';
import { SharedFollower } from '../../src/cli/console-sync.js';
import type { TimelineEvent } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { makeWriter, useMotoCredentials } from './support/writers.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

describe.skipIf(!MOTO)('console store of a shared incident', () => {
  let moto: Moto;
  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => moto?.stop());

  it("shows the other responder's events within 2 s while open", async () => {
    const t0 = Date.parse('2026-11-21T10:00:00.000Z');
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = (await ic.cli(['new', '--title', 'Region down', '--severity', 'SEV1'])).out[0]!;
    expect((await ic.cli(['share', id, '--table', 'warroom-console', '--create-table', '--confirm', 'warroom-console'])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', 'warroom-console'])).code).toBe(0);
    const store = new IncidentStore(ic.dir, ic.clock);
    const follower = new SharedFollower(store, 'ic', { ...process.env, AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'eu-west-2' });
    const ui = consoleStore(store, 'ic', follower);
    try {
      const loaded = await ui.load(id);
      const shown: TimelineEvent[] = [...loaded.events];
      let offset = loaded.offset;
      await dba.cli(['log', id, 'replica promoted in eu-west-1']);
      await dba.cli(['sync', id]);
      const start = Date.now();
      while (!shown.some((e) => e.data.text === 'replica promoted in eu-west-1') && Date.now() - start < 5_000) {
        const r = await ui.readSince(id, offset);
        offset = r.offset;
        shown.push(...r.events);
        await new Promise((r) => setTimeout(r, 100));
      }
      const waited = Date.now() - start;
      console.log(`another responder's event reached the console's follower after ${waited} ms`);
      expect(shown.find((e) => e.data.text === 'replica promoted in eu-west-1')?.actor).toBe('dba');
      expect(waited).toBeLessThan(2_500);
      expect(shown.map((e) => e.seq)).toEqual(shown.map((_, i) => i + 1)); // numbered on, no gap or repeat
      // The console's own append comes back through the follower too, once.
      await ui.append(id, [{ kind: 'note', data: { text: 'ack' } }]);
      const r = await ui.readSince(id, offset);
      expect(r.events.map((e) => e.data.text)).toEqual(['ack']);
    } finally {
      follower.stop();
    }
  }, 60_000);
});
