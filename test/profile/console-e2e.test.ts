// End to end in a real pseudo-terminal: with a service profile, the console's declaration fills the runbook's
// parameters from the profile; what it cannot know is asked at the step that needs it.
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
  it('fills the runbook\'s parameters from the profile and asks the rest at the step that needs them', async () => {
    const profile = join(dir, 'warroom.yaml');
    writeFileSync(profile, 'services:\n  - name: ledger\n    regions: { primary: eu-west-2, dr: eu-west-1 }\n    resources:\n      tables: [ledger-entries]\n      functions: [ledger-writer]\n');
    const stateDir = join(dir, 'state');
    const app = startApp(['--state-dir', stateDir], { cols: 120, rows: 40, env: { WARROOM_SERVICE_FILE: profile } });
    apps.push(app);
    await app.waitFor((s) => s.includes('No incidents yet'));
    app.press('N');
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
    // The profile answers table, function_name and region: nothing is asked before the incident is declared.
    await app.waitFor((s) => s.includes('DECLARED'));
    const store = new IncidentStore(stateDir, { now: () => Date.now() });
    const [summary] = await store.list();
    expect(store.load(summary!.id).state.params).toEqual({ table: 'ledger-entries', function_name: 'ledger-writer', region: 'eu-west-2' });
    // target_table is a new name the profile cannot know: asked at the step that needs it, with an example
    // built from the profile's names, never the seed plan's.
    app.press('jjjj');
    await app.waitFor((s) => s.includes('missing target_table, restore_time'));
    app.press('\r');
    await app.waitFor((s) => s.includes('restore needs target_table:') && s.includes('ledger-entries-restored'));
    expect(app.screen()).not.toContain('simple-log-service');
    app.press('\t\r');
    await answer(app, 'restore needs restore_time:', '2026-11-21T09:00:00Z\r');
    await app.waitFor((s) => s.includes('[>] restore'));
    await expect.poll(() => store.load(summary!.id).state.params).toEqual({
      table: 'ledger-entries', target_table: 'ledger-entries-restored', restore_time: '2026-11-21T09:00:00Z', function_name: 'ledger-writer', region: 'eu-west-2',
    });
  }, 90_000);
});
