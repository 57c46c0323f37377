// The record is checked where it is shown: a tampered journal opens with a warning naming its first bad seq.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from './pty.js';

let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-chain-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening a tampered journal in the console', () => {
  it('shows a persistent warning naming the first bad seq', async () => {
    const store = new IncidentStore(dir, { now: () => Date.now() });
    const first = await store.create({ title: 'tampered incident', severity: 'SEV3', mode: 'live', scenarios: [], params: {} }, 'commander');
    const id = String(first.data.id);
    await store.append(id, [{ kind: 'note', data: { text: 'the original words' } }, { kind: 'note', data: { text: 'later note' } }], 'commander');
    const path = store.journalPath(id);
    writeFileSync(path, readFileSync(path, 'utf8').replace('the original words', 'some edited words'));
    const app = startApp(['--state-dir', dir], { cols: 120, rows: 40 });
    apps.push(app);
    await app.waitFor((s) => s.includes('tampered incident'));
    app.press('\r');
    await app.waitFor((s) => s.includes('JOURNAL FAILS VERIFICATION at seq 2'));
    app.press('4');
    await app.settle();
    expect(app.screen()).toContain('JOURNAL FAILS VERIFICATION at seq 2');
    app.press('q');
    await app.exited;
  }, 30_000);
});
