// End to end in a real pseudo-terminal: with a service profile, the console's declare form offers the
// profile's values for the runbook's parameters, so Enter accepts them; what it cannot know is still asked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from '../e2e/pty.js';

const DOWN = '\u001b[B';
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-profile-e2e-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function answer(app: PtyApp, question: string, keys: string) {
  await app.waitFor((s) => s.includes(question));
  app.press(keys);
}

describe('the console with a service profile', () => {
  it('fills the declare form\'s parameters from the profile', async () => {
    const profile = join(dir, 'warroom.yaml');
    writeFileSync(profile, 'services:\n  - name: ledger\n    regions: { primary: eu-west-2, dr: eu-west-1 }\n    resources:\n      tables: [ledger-entries]\n      functions: [ledger-writer]\n');
    const stateDir = join(dir, 'state');
    const app = startApp(['--state-dir', stateDir], { cols: 120, rows: 40, env: { WARROOM_SERVICE_FILE: profile } });
    apps.push(app);
    await app.waitFor((s) => s.includes('No incidents yet'));
    app.press('n');
    await answer(app, 'What is happening', 'Ledger table returns corrupted items\r');
    await answer(app, 'What is affected', 'dynamodb table\r');
    await answer(app, 'Scope', '\r');
    await answer(app, 'data integrity', `${DOWN}\r`);
    await answer(app, 'security involved', '\r');
    await answer(app, 'Customer impact', '\r');
    await answer(app, 'Since when', '\r');
    await answer(app, 'Severity', '\r');
    await app.waitFor((s) => s.includes('Which scenario fits') && s.includes('score'));
    app.press('corruption');
    await app.waitFor((s) => s.includes('DynamoDB table corruption'));
    app.press('\r');
    // The profile answers table and function_name: their fields hold its values; Enter accepts them.
    await app.waitFor((s) => s.includes('Param table:') && s.includes('ledger-entries'));
    expect(app.screen()).not.toContain('simple-log-service');
    app.press('\r');
    // target_table and restore_time are new values the profile cannot know: typed here.
    await answer(app, 'Param target_table:', 'ledger-entries-restored\r');
    await answer(app, 'Param restore_time:', '2026-11-21T09:00:00Z\r');
    await app.waitFor((s) => s.includes('Param function_name:') && s.includes('ledger-writer'));
    app.press('\r');
    // The reading function is another one: whatever the field holds is replaced (Ctrl+U clears it).
    await app.waitFor((s) => s.includes('Param read_function:'));
    app.press('\u0015');
    await answer(app, 'Param read_function:', 'ledger-reader\r');
    await app.waitFor((s) => s.includes('Param region:') && s.includes('> eu-west-2'));
    app.press('\r');
    await app.waitFor((s) => s.includes('DECLARED'));
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const [summary] = await store.list();
    expect(store.load(summary!.id).state.params).toEqual({
      table: 'ledger-entries', target_table: 'ledger-entries-restored', restore_time: '2026-11-21T09:00:00Z', function_name: 'ledger-writer', read_function: 'ledger-reader', region: 'eu-west-2',
    });
  }, 90_000);
});
