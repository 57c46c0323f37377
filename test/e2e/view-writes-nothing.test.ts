// Viewing writes nothing: opening an incident, moving around and leaving it open appends no event,
// checked on the journal's bytes after the real binary ran in a pseudo-terminal.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from './pty.js';

let dir: string;
const apps: PtyApp[] = [];
const MIN = 60_000;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-view-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

const params = { table: 'orders', target_table: 'orders-restored', restore_time: '2026-01-31T10:00:00Z' };
const iso = (ms: number) => new Date(ms).toISOString();

async function incident(stateDir: string, title: string, resolved: boolean): Promise<{ id: string; path: string }> {
  const store = new IncidentStore(stateDir, { now: () => Date.now() });
  const first = await store.create({ title, severity: 'SEV2', mode: 'live', scenarios: ['dynamodb-table-corruption'], params }, 'commander');
  const id = String(first.data.id);
  const now = Date.now();
  await store.append(id, [
    { kind: 'milestone.set', data: { milestone: 'impact-started', at: iso(now - 90 * MIN), backdated: true } },
    { kind: 'milestone.set', data: { milestone: 'detected', at: iso(now - 80 * MIN), backdated: true } },
    { kind: 'milestone.set', data: { milestone: 'declared', at: iso(now - 70 * MIN), backdated: true } },
    ...(resolved
      ? ([
          { kind: 'milestone.set', data: { milestone: 'mitigated', at: iso(now - 20 * MIN), backdated: true } },
          { kind: 'milestone.set', data: { milestone: 'resolved', at: iso(now - 10 * MIN), backdated: true } },
          { kind: 'status.changed', data: { status: 'resolved' } },
        ] as const)
      : []),
  ], 'commander');
  return { id, path: store.journalPath(id) };
}

describe('viewing an incident in the console', () => {
  it.each([
    ['a resolved incident', true],
    ['an open incident with escalations due', false],
  ])('appends nothing to %s while it is open, scrolled and left for seconds', async (title, resolved) => {
    const stateDir = join(dir, resolved ? 'resolved' : 'open');
    const { id, path } = await incident(stateDir, title, resolved);
    const before = statSync(path).size;
    const app = startApp(['--state-dir', stateDir], { cols: 160, rows: 48 });
    apps.push(app);
    await app.waitFor((s) => s.includes(title));
    app.press('\r');
    await app.waitFor((s) => s.includes(id) && s.includes('Checklist'));
    // Every pane in turn, a move in each, then the metrics pane left open while its polls arrive.
    for (let i = 0; i < 5; i++) {
      app.press('\t');
      app.press('j');
      await app.settle();
    }
    app.press('2');
    await new Promise((r) => setTimeout(r, 4_000));
    await app.settle();
    app.press('q');
    if (!resolved) {
      // Leaving an open incident whose first update is overdue asks first; answering writes nothing either.
      await app.waitFor((s) => s.includes('The status update is overdue by') && s.includes('Quit anyway? (y/n)'));
      app.press('y');
    }
    await app.exited;
    const appended = readFileSync(path).subarray(before).toString('utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { kind: string }).kind);
    expect(appended).toEqual([]);
    expect(statSync(path).size).toBe(before);
  }, 60_000);
});
