// The 3am path in a real pseudo-terminal: an empty state directory and a service profile; `n`, a title and
// Enter declare, and Enter starts the first checklist step with every parameter the profile knows filled.
// A parameter the profile cannot know is asked at the step that needs it. Prints how long it took.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from './pty.js';

let dir: string;
const apps: PtyApp[] = [];

const PROFILE = `services:
  - name: orders
    regions: { primary: eu-west-2, dr: eu-west-1 }
    resources:
      tables: [orders-ledger]
      functions: [orders-ingest]
    roster: { incident-commander: alice }
`;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-one-line-'));
  writeFileSync(join(dir, 'warroom.yaml'), PROFILE);
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

function open(stateDir: string, extra: string[] = []): PtyApp {
  const app = startApp(['--state-dir', stateDir, ...extra], { cols: 120, rows: 40, env: { WARROOM_SERVICE_FILE: join(dir, 'warroom.yaml') } });
  apps.push(app);
  return app;
}

describe('declaring in one line from an empty state directory', () => {
  it('n, a title, Enter, Enter: the first step is started with the profile\'s parameters', async () => {
    const stateDir = join(dir, 'state-timed');
    const started = performance.now();
    const app = open(stateDir);
    await app.waitFor((s) => s.includes('No incidents yet'), 15_000);
    app.press('n');
    await app.waitFor((s) => s.includes('What is happening'));
    app.press('orders table returns corrupted items\r');
    await app.waitFor((s) => s.includes('DECLARED') && s.includes('[ ] assess'), 15_000);
    app.press('\r');
    await app.waitFor((s) => s.includes('[>] assess'));
    const seconds = (performance.now() - started) / 1000;
    console.log(`one-line declare: console start to the first step started in ${seconds.toFixed(2)} s (keys: n, the title, Enter, Enter)`);

    // check-pitr compares against a restore time nobody could know in advance: asked there, once.
    app.press('jjj');
    await app.waitFor((s) => s.includes('missing restore_time'));
    app.press('\r');
    await app.waitFor((s) => s.includes('check-pitr needs restore_time'));
    app.press('2026-11-21T09:00:00Z\r');
    await app.waitFor((s) => s.includes('[>] check-pitr'));
    app.press('q');
    await app.waitFor((s) => s.includes('Quit anyway'));
    app.press('y');
    expect((await app.exited).exitCode).toBe(0);

    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const [summary] = await store.list();
    const { state, events } = store.load(summary!.id);
    expect(state.title).toBe('orders table returns corrupted items');
    expect(state.scenarios).toEqual(['dynamodb-table-corruption']);
    expect(state.params).toMatchObject({ table: 'orders-ledger', function_name: 'orders-ingest', region: 'eu-west-2', restore_time: '2026-11-21T09:00:00Z' });
    expect(state.roles).toMatchObject({ 'incident-commander': ['alice'] });
    expect(events.map((e) => e.kind)).toContain('triage.answered');
    expect(seconds).toBeLessThan(30);
  }, 90_000);

  it('a pasted alert keeps only its first line as the title, and Esc keeps the draft', async () => {
    const stateDir = join(dir, 'state-paste');
    const app = open(stateDir);
    await app.waitFor((s) => s.includes('No incidents yet'), 15_000);
    app.press('n');
    await app.waitFor((s) => s.includes('What is happening'));
    app.paste('ALARM orders-ledger-errors in eu-west-2\nthreshold crossed: 5 datapoints\n');
    await app.waitFor((s) => s.includes('a title is one line'));
    expect(app.screen()).toContain('> ALARM orders-ledger-errors in eu-west-2');
    app.press('\u001b');
    await app.waitFor((s) => s.includes('draft: "ALARM orders-ledger-errors'));
    app.press('n');
    await app.waitFor((s) => s.includes('> ALARM orders-ledger-errors in eu-west-2'));
    app.press('\r');
    await app.waitFor((s) => s.includes('DECLARED'), 15_000);
    app.press('q');
    await app.exited;
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const [summary] = await store.list();
    const { state, events } = store.load(summary!.id);
    expect(state.title).toBe('ALARM orders-ledger-errors in eu-west-2');
    expect(events.filter((e) => e.kind === 'note').map((e) => e.data.text)).toContain('threshold crossed: 5 datapoints');
  }, 90_000);

  it('remembers the last incident: the home screen offers it, and --last opens it at start', async () => {
    const stateDir = join(dir, 'state-timed');
    const home = open(stateDir);
    await home.waitFor((s) => s.includes('last open here: INC-') && s.includes('Enter opens it'), 15_000);
    home.press('q');
    await home.exited;
    const started = performance.now();
    const app = open(stateDir, ['--last']);
    await app.waitFor((s) => s.includes('orders table returns corrupted items') && s.includes('[>] check-pitr'), 15_000);
    console.log(`warroom --last: the last incident on screen in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    app.press('q');
    await app.waitFor((s) => s.includes('Quit anyway'));
    app.press('y');
    await app.exited;
    const none = open(join(dir, 'state-empty'), ['--last']);
    const { exitCode } = await none.exited;
    expect(exitCode).toBe(2);
    expect(none.raw()).toMatch(/warroom: commander has opened no incident in .* yet \(open one from the list; --last opens it next time\)/);
  }, 90_000);
});
