// Done-when of sharing, end to end: two built consoles in pseudo-terminals, on two state directories,
// share one incident through moto's DynamoDB (behind a proxy that can cut the network). Notes typed in
// one appear in the other; with the network cut both keep working and say they are offline; once it is
// back they converge to the same timeline and byte-identical reports, and two severity changes made at
// once while cut are marked as a conflict on both until a new event settles it. Figures are printed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type PtyApp } from '../e2e/pty.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, startMoto, type Moto } from '../aws/support/moto.js';
import { startCutProxy, seeded, type CutProxy } from './support/cut-proxy.js';
import { makeWriter, type Writer } from './support/writers.js';

const skip = !MOTO && !MOTO_REQUIRED;
if (skip) console.log(`skipped: ${MOTO_MISSING_REASON}`);

let moto: Moto;
let proxy: CutProxy;
const apps: PtyApp[] = [];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Credentials from a file, not AWS_ACCESS_KEY_ID: the consoles must keep their AWS panes simulated. */
function motoCredentialsFile(): void {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-pty-creds-'));
  writeFileSync(join(dir, 'creds'), '[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'creds');
  process.env.AWS_CONFIG_FILE = join(dir, 'nonexistent-config');
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

function consoleFor(w: Writer): PtyApp {
  const app = startApp(['--state-dir', w.dir], {
    cols: 200,
    rows: 48,
    env: {
      WARROOM_ACTOR: w.name,
      // The shared table only: the console's own AWS panes stay simulated.
      WARROOM_SYNC_ENDPOINT_URL: proxy.endpoint,
    },
  });
  apps.push(app);
  return app;
}

async function note(app: PtyApp, text: string): Promise<number> {
  app.press('n');
  await app.waitFor((s) => s.includes('Note'));
  app.press(text);
  await app.waitFor((s) => s.includes(text));
  const at = Date.now();
  app.press('\r');
  return at;
}

describe.skipIf(skip)('two consoles sharing one incident through DynamoDB (pty, moto)', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
    motoCredentialsFile();
    moto = await startMoto();
    proxy = await startCutProxy(moto.endpoint, seeded(16));
  }, 120_000);
  afterAll(async () => {
    for (const a of apps) a.pty.kill();
    await proxy?.close();
    await moto?.stop();
  });

  it('see each other within 2 s, work through a network cut, converge and mark a conflict', async () => {
    const ic = makeWriter('ic', Date.now(), () => proxy.endpoint);
    const dba = makeWriter('dba', Date.now(), () => proxy.endpoint);
    const id = (await ic.cli(['new', '--title', 'Orders region down', '--severity', 'SEV1'])).out[0]!;
    expect((await ic.cli(['share', id, '--table', 'warroom-pty', '--create-table', '--confirm', 'warroom-pty'])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', 'warroom-pty'])).code).toBe(0);

    const a = consoleFor(ic);
    const b = consoleFor(dba);
    for (const app of [a, b]) {
      await app.waitFor((s) => s.includes('Orders region down'), 10_000);
      app.press('\r');
      await app.waitFor((s) => s.includes('Timeline'), 10_000);
    }
    // The banner: synced, and who else is here.
    await a.waitFor((s) => /sync: synced \d+ s ago \| here: dba/.test(s), 10_000);
    await b.waitFor((s) => /sync: synced \d+ s ago \| here: ic/.test(s), 10_000);

    const latencies: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
      const text = `live-note-${i}`;
      const at = await note(from, text);
      await to.waitFor((s) => s.includes(text), 10_000);
      latencies.push(Date.now() - at);
    }
    console.log(`note typed in one console shown in the other: ${latencies.join(', ')} ms (median ${median(latencies)} ms, max ${Math.max(...latencies)} ms)`);
    expect(Math.max(...latencies)).toBeLessThan(2_000 + 1_000); // 2 s promised; 1 s of slack for a loaded 2-core machine
    expect(median(latencies)).toBeLessThan(2_000);

    // The network is cut: both keep working, say they are offline, and count what is pending.
    proxy.mode = 'down';
    const cutAt = Date.now();
    await a.waitFor((s) => s.includes('offline since'), 15_000);
    await b.waitFor((s) => s.includes('offline since'), 15_000);
    console.log(`both consoles said offline ${Date.now() - cutAt} ms after the cut`);
    await note(a, 'offline-ic-1');
    await note(b, 'offline-dba-1');
    await a.waitFor((s) => s.includes('offline-ic-1') && /\d+ pending/.test(s), 10_000);
    await b.waitFor((s) => s.includes('offline-dba-1') && /\d+ pending/.test(s), 10_000);
    // Two severity changes at once, neither seeing the other.
    for (const [w, sev] of [[ic, 'SEV2'], [dba, 'SEV3']] as const) {
      w.clock.advance(Date.now() - w.clock.now());
      expect((await w.cli(['severity', id, sev])).code).toBe(0);
    }
    await new Promise((r) => setTimeout(r, 3_000)); // offline for a while
    expect(b.screen()).not.toContain('offline-ic-1');

    proxy.mode = 'pass';
    const healedAt = Date.now();
    await Promise.all([a.waitFor((s) => s.includes('offline-dba-1'), 20_000), b.waitFor((s) => s.includes('offline-ic-1'), 20_000)]);
    const converged = Date.now() - healedAt;
    console.log(`after the network came back, both consoles showed each other's offline notes in ${converged} ms`);
    expect(converged).toBeLessThan(10_000);
    for (const app of [a, b]) await app.waitFor((s) => s.includes('CONFLICT severity: SEV2 (ic) vs SEV3 (dba)') || s.includes('CONFLICT severity: SEV3 (dba) vs SEV2 (ic)'), 10_000);
    for (const app of [a, b]) await app.waitFor((s) => /sync: synced \d+ s ago/.test(s) && !/\d+ (pending|behind)/.test(s), 10_000);

    // The incident commander settles it with a new event, written after seeing both.
    await new Promise((r) => setTimeout(r, 2_500));
    ic.clock.advance(Date.now() - ic.clock.now());
    expect((await ic.cli(['severity', id, 'SEV2', '--reason', 'settled: SEV2 while writes fail'])).code).toBe(0);
    for (const app of [a, b]) await app.waitFor((s) => !s.includes('CONFLICT'), 10_000);

    for (const app of [a, b]) app.press('q');
    await Promise.all([a.exited, b.exited]);
    // One more round each, so both hold every event, then the same timeline and byte-identical reports.
    for (const w of [ic, dba, ic]) expect((await w.cli(['sync', id])).code).toBe(0);
    expect(dba.timeline(id)).toEqual(ic.timeline(id));
    const at = Date.now() + 60_000;
    const reports: string[] = [];
    for (const w of [ic, dba]) {
      w.clock.advance(at - w.clock.now());
      const r = await w.cli(['report', id]);
      expect(r.code).toBe(0);
      reports.push(r.out.join('\n'));
    }
    expect(reports[1]).toBe(reports[0]);
    const notes = ic.timeline(id).length;
    console.log(`converged: ${notes} events in the same order on both machines; reports byte-identical (${reports[0]!.length} bytes)`);
  }, 180_000);
});
