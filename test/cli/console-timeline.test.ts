// Opening an incident in the console without holding its timeline: the state is the same fold `show` makes
// (from the checkpoint, the journal winning over it), the timeline pane reads the journal through its window,
// the other panes get the events they read, and appends, cuts and rewrites reach the open console.
import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateJournal } from '../../bench/generate.js';
import { consoleStore } from '../../src/cli/console-store.js';
import { foldIncident, type TimelineEvent } from '../../src/core/index.js';
import { checkpointPath, readCheckpoint } from '../../src/store/checkpoint.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent } from '../../src/store/journal.js';
import { BULK_KINDS, RECENT_EVENTS } from '../../src/ui/app/retained.js';
import { tempDir } from '../support/tmp.js';

const ID = 'INC-20261121-BNCH';

function incident(n: number) {
  const dir = tempDir('warroom-console-load-');
  const path = generateJournal(dir, n);
  const store = new IncidentStore(dir, { now: () => Date.parse('2026-11-22T00:00:00Z') });
  return { path, store, ui: consoleStore(store, 'dee'), all: store.load(ID).events };
}

function nextLine(last: TimelineEvent, text: string): string {
  const base = { seq: last.seq + 1, ts: '2026-11-22T00:00:00.000Z', actor: 'dee', kind: 'note', data: { text }, prev: last.hash };
  return `${JSON.stringify({ ...base, hash: hashEvent(base) })}\n`;
}

describe('the console opening a long incident', () => {
  it('folds from the checkpoint, reads the timeline through its window and keeps only what the other panes read', async () => {
    const { path, store, ui, all } = incident(20_000);
    store.state(ID); // as `show` would: writes the checkpoint
    expect(readCheckpoint(checkpointPath(store.incidentsDir, ID), ID)).toBeDefined();
    const loaded = await ui.load(ID);
    expect(loaded.state).toEqual(foldIncident(all));
    expect(loaded.verification?.ok).toBe(true);
    expect(loaded.offset).toBe(readFileSync(path).length);
    const tl = loaded.timeline!;
    expect(tl.count(loaded.offset)).toBe(20_000);
    expect(tl.read(12_340, 12_380)).toEqual(all.slice(12_340, 12_380));
    // Kept: every event of a kind the other panes read, the newest snapshot per metric, the newest events.
    const old = all.slice(0, all.length - RECENT_EVENTS);
    const snapshots = all.filter((e) => e.kind === 'metric.snapshot');
    const newestPerMetric = [...new Set(snapshots.map((e) => String(e.data.metric)))].map((m) => snapshots.filter((e) => e.data.metric === m).at(-1)!);
    const expected = [...new Set([...old.filter((e) => !BULK_KINDS.has(e.kind)), ...newestPerMetric, ...all.slice(-RECENT_EVENTS)])].sort((a, b) => a.seq - b.seq);
    expect(loaded.events.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
    expect(loaded.events.length).toBeLessThan(all.length / 2);
  });

  it('shows an event appended while it is open, in the window and to the panes', async () => {
    const { path, ui, all } = incident(6_000);
    const loaded = await ui.load(ID);
    appendFileSync(path, nextLine(all.at(-1)!, 'appended by another writer'));
    const r = await ui.readSince(ID, loaded.offset);
    expect(r.events.map((e) => e.seq)).toEqual([6_001]);
    expect(r.problem).toBeUndefined();
    expect(loaded.timeline!.count(loaded.offset)).toBe(6_000);
    expect(loaded.timeline!.count(r.offset)).toBe(6_001);
    expect(loaded.timeline!.read(6_000, 6_001)[0]).toMatchObject({ seq: 6_001, data: { text: 'appended by another writer' } });
  });

  it('reports a journal cut short while it is open as a verification problem', async () => {
    const { path, ui } = incident(3_000);
    const loaded = await ui.load(ID);
    truncateSync(path, Math.floor(loaded.offset / 3));
    const r = await ui.readSince(ID, loaded.offset);
    expect(r.problem).toMatch(/cut short or rewritten/);
    expect(loaded.timeline!.problem()).toBe(r.problem);
  });

  it('trusts the journal over a checkpoint whose last event was rewritten: the console shows the broken chain', async () => {
    const { path, store, ui } = incident(6_000);
    store.state(ID);
    const cp = readCheckpoint(checkpointPath(store.incidentsDir, ID), ID)!;
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = cp.feeds[0]!.seq - 1;
    lines[at] = lines[at]!.replace('"actor":"responder-', '"actor":"Responder-');
    writeFileSync(path, lines.join('\n'));
    const loaded = await ui.load(ID);
    expect(loaded.verification?.ok).toBe(false);
    expect(loaded.verification?.firstBad?.seq).toBe(cp.feeds[0]!.seq);
    expect(loaded.timeline!.read(at, at + 1)[0]?.actor).toMatch(/^Responder-/);
  });
});
