// The profile path end to end in a real pseudo-terminal against a seeded AWS API server (moto): a new user
// runs `warroom init --discover`, answers its few questions, then declares in the console with `n`, a title
// and Enter, and finds every parameter of the chosen runbook already filled from what discovery found.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { MOTO, MOTO_MISSING_REASON, MOTO_REQUIRED, startMoto, type Moto } from '../aws/support/moto.js';
import { seedMoto } from '../aws/support/moto-seed.js';
import { startApp, type PtyApp } from '../e2e/pty.js';

if (!MOTO) console.warn(`test/profile/init-pty: skipped: ${MOTO_MISSING_REASON}`);

let dir: string;
let moto: Moto | undefined;
const apps: PtyApp[] = [];

async function answer(app: PtyApp, question: string, keys: string) {
  await app.waitFor((s) => s.includes(question), 15_000);
  app.press(keys);
}

describe.skipIf(!MOTO && !MOTO_REQUIRED)('init --discover, then declare, in a real terminal', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
    dir = mkdtempSync(join(tmpdir(), 'warroom-init-pty-'));
    moto = await startMoto();
    await seedMoto(moto.endpoint, 'eu-west-2', Date.now());
  }, 60_000);
  afterAll(async () => {
    for (const a of apps) a.pty.kill();
    await moto?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('discovers, shows what it found, writes the profile; the console then fills the runbook from it', async () => {
    const file = join(dir, 'warroom.yaml');
    const aws = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_ENDPOINT_URL: moto!.endpoint };
    const init = startApp(['init', '--discover', '--region', 'eu-west-2', '--file', file], { cols: 120, rows: 40, env: aws });
    apps.push(init);
    await answer(init, 'Service name?', 'orders\r');
    await answer(init, 'DR region?', '\r');
    await init.waitFor((s) => s.includes('1 DB cluster: orders-db readers orders-db-reader') && s.includes('1 hosted zone: example.com'), 15_000);
    await answer(init, 'incident commander?', 'alice\r');
    await answer(init, `Write orders to ${file}?`, '\r');
    expect((await init.exited).exitCode).toBe(0);
    expect(init.screen()).toContain(`wrote orders in ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('id: orders-db');

    const stateDir = join(dir, 'state');
    const app = startApp(['--state-dir', stateDir], { cols: 120, rows: 40, env: { WARROOM_SERVICE_FILE: file } });
    apps.push(app);
    await app.waitFor((s) => s.includes('No incidents yet'), 15_000);
    // The console from its first frame: n, a title, Enter declares; Enter starts the first step.
    const keys = ['n', 'Aurora writer failover, database connection errors\r', '\r'];
    const started = performance.now();
    app.press(keys[0]!);
    await answer(app, 'What is happening', keys[1]!);
    await app.waitFor((s) => s.includes('DECLARED') && s.includes('Check the cluster'), 15_000);
    app.press(keys[2]!);
    await app.waitFor((s) => s.includes('[>] check-cluster'));
    console.log(`init --discover, then n + title + Enter + Enter: declared and the first step started ${((performance.now() - started) / 1000).toFixed(2)} s after n (3 keys and the title)`);
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const [summary] = await store.list();
    // Every parameter of the runbook came from what discovery found; none was asked.
    expect(store.load(summary!.id).state).toMatchObject({ scenarios: ['aurora-failover'], params: { cluster: 'orders-db', target_instance: 'orders-db-reader', region: 'eu-west-2' } });
    expect(app.screen()).not.toMatch(/missing \w+ \(Enter asks/);
  }, 120_000);
});
