// Pasting in a real pseudo-terminal: the console turns bracketed paste on, so a paste is text and never keys.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from './pty.js';

const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-paste-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function openIncident(name: string): Promise<{ app: PtyApp; store: IncidentStore; id: string }> {
  const stateDir = join(dir, name);
  const store = new IncidentStore(stateDir, { now: () => Date.now() });
  const first = await store.create({ title: 'paste target', severity: 'SEV2', mode: 'live', scenarios: [], params: {} }, 'commander');
  const app = startApp(['--state-dir', stateDir], { cols: 100, rows: 30 });
  apps.push(app);
  await app.waitFor((s) => s.includes('paste target'));
  app.press('\r');
  await app.waitFor((s) => s.includes('Checklist') && s.includes(String(first.data.id)));
  return { app, store, id: String(first.data.id) };
}

describe('pasting into the console', () => {
  it('keeps a multi-line paste into a note field as the text of one note', async () => {
    const { app, store, id } = await openIncident('note');
    const statusBefore = store.load(id).state.status;
    app.press('n');
    await app.waitFor((s) => s.includes('Note'));
    app.paste('log line\nTresolved\n\n');
    await app.settle();
    // Still in the note field, with both lines in it; nothing was submitted or run.
    expect(app.screen()).toContain('log line');
    expect(app.screen()).toContain('Tresolved');
    expect(store.load(id).events.map((e) => e.kind)).toEqual(['incident.opened']);
    app.press('\r');
    await app.waitFor((s) => !s.includes('Enter accepts'));
    app.press('4');
    await app.waitFor((s) => s.includes('log line ⏎ Tresolved'));
    app.press('q');
    expect((await app.exited).exitCode).toBe(0);
    const loaded = store.load(id);
    expect(loaded.state.status).toBe(statusBefore);
    expect(loaded.events.filter((e) => e.kind === 'status.changed')).toEqual([]);
    const notes = loaded.events.filter((e) => e.kind === 'note');
    expect(notes.map((e) => e.data.text)).toEqual(['log line\nTresolved']);
  });

  it('ignores a paste outside a text field with a one-line notice', async () => {
    const { app, store, id } = await openIncident('outside');
    app.paste('Tresolved\n\n');
    await app.waitFor((s) => s.includes('paste ignored'));
    expect(app.screen()).not.toContain('New status');
    await app.settle();
    app.press('q');
    await app.exited;
    expect(store.load(id).events.map((e) => e.kind)).toEqual(['incident.opened']);
  });
});

describe('bracketed paste mode', () => {
  it('is on while the console runs and off after a normal quit', async () => {
    const app = startApp(['--state-dir', join(dir, 'quit')], { cols: 100, rows: 30 });
    apps.push(app);
    await app.waitFor((s) => s.includes('warroom'));
    expect(app.raw()).toContain(PASTE_ON);
    app.press('q');
    expect((await app.exited).exitCode).toBe(0);
    expect(app.raw().lastIndexOf(PASTE_OFF)).toBeGreaterThan(app.raw().lastIndexOf(PASTE_ON));
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'])('is turned off when the process gets %s', async (signal) => {
    const app = startApp(['--state-dir', join(dir, 'signals')], { cols: 100, rows: 30 });
    apps.push(app);
    await app.waitFor((s) => s.includes('warroom'));
    expect(app.raw()).toContain(PASTE_ON);
    app.pty.kill(signal);
    await app.exited;
    expect(app.raw().lastIndexOf(PASTE_OFF)).toBeGreaterThan(app.raw().lastIndexOf(PASTE_ON));
  });
});
