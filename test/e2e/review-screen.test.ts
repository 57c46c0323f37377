// The review screen in the real binary: an incident resolved in the console, its review opened and looked
// through (nothing recorded), one draft accepted and one section written, checked on the journal itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_SECTIONS, SECTION_TITLES } from '../../src/core/review/vocabulary.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from './pty.js';

let dir: string;
const apps: PtyApp[] = [];
const MIN = 60_000;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-review-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

const iso = (ms: number) => new Date(ms).toISOString();
const params = { table: 'orders', target_table: 'orders-restored', restore_time: '2026-01-31T10:00:00Z' };

async function answer(app: PtyApp, text: string, keys: string) {
  await app.waitFor((s) => s.includes(text));
  app.press(keys);
}

/** The kinds and data of the events written since the journal had `from` bytes. */
const since = (path: string, from: number) =>
  readFileSync(path).subarray(from).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; data: Record<string, unknown> });

describe('the review screen in the console', () => {
  it('opens after resolution, records nothing while looked at, then records an accepted draft and a written section', async () => {
    const store = new IncidentStore(dir, { now: () => Date.now() });
    const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live', scenarios: ['dynamodb-table-corruption'], params }, 'commander');
    const id = String(first.data.id);
    const now = Date.now();
    await store.append(id, [
      { kind: 'milestone.set', data: { milestone: 'impact-started', at: iso(now - 90 * MIN), backdated: true } },
      { kind: 'milestone.set', data: { milestone: 'detected', at: iso(now - 80 * MIN), backdated: true } },
      { kind: 'milestone.set', data: { milestone: 'mitigated', at: iso(now - 20 * MIN), backdated: true } },
    ], 'commander');
    const path = store.journalPath(id);

    const app = startApp(['--state-dir', dir], { cols: 120, rows: 40 });
    apps.push(app);
    await answer(app, 'Orders table corrupted', '\r');
    await app.waitFor((s) => s.includes(id) && s.includes('Checklist'));
    app.press('V');
    await app.waitFor((s) => s.includes('the review opens after resolution'));

    app.press('T');
    await answer(app, 'New status', 'resolved\r');
    await answer(app, 'Why', '\r');
    await answer(app, '(y/n)', 'y');
    await app.waitFor((s) => s.includes('RESOLVED'));
    await app.settle();
    const resolvedAt = statSync(path).size;

    app.press('V');
    await app.waitFor((s) => s.includes(`Postmortem review of ${id}`));
    for (const k of ['j', 'j', 'j', 'k', 'k', 'k']) app.press(k);
    await app.settle();
    await new Promise((r) => setTimeout(r, 1_000));
    expect(since(path, resolvedAt)).toEqual([]);

    // The first section with a draft, found on the screen as a person would.
    const rows = app.screen().split('\n').map((l) => /^[> ] (.+?)\s+(written|draft only|empty)\s*$/.exec(l)).filter((m) => m !== null);
    expect(rows.map((m) => m[1])).toEqual(REVIEW_SECTIONS.map((s) => SECTION_TITLES[s]));
    const drafted = rows.findIndex((m) => m[2] === 'draft only');
    expect(drafted).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < drafted; i++) app.press('j');
    await app.settle();
    app.press('a');
    await app.waitFor((s) => /recorded \S+ from its draft/.test(s));
    const written = drafted === 0 ? 1 : 0;
    for (let i = 0; i < Math.abs(drafted - written); i++) app.press(written > drafted ? 'j' : 'k');
    await app.settle();
    app.press('e');
    await answer(app, 'Enter accepts', 'Orders were restored from a point in time before the bad writes\r');
    await app.waitFor((s) => /recorded \S+\s*$/m.test(s) && !s.includes('Enter accepts'));
    await app.settle();
    app.press('\u001b');
    await app.waitFor((s) => !s.includes('Postmortem review of') && s.includes('Checklist'));
    app.press('q');
    let gone = false;
    void app.exited.then(() => (gone = true));
    await app.waitFor((s) => gone || s.includes('Quit anyway'));
    if (!gone) app.press('y');
    await app.exited;

    const recorded = since(path, resolvedAt);
    expect(recorded.map((e) => e.kind)).toEqual(['review.section', 'review.section']);
    expect(recorded[0]!.data).toMatchObject({ section: REVIEW_SECTIONS[drafted], from: 'draft' });
    expect(String(recorded[0]!.data.text)).toMatch(/\[#\d+\]/);
    expect(recorded[1]!.data).toEqual({ section: REVIEW_SECTIONS[written], text: 'Orders were restored from a point in time before the bad writes', from: 'text' });
  }, 90_000);
});
