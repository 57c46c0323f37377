// The console's timeline window: the line index reads exactly the journal's events in any window, follows
// appends, says when the journal was cut short, and the filter scan finds what filtering every event finds.
import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateJournal } from '../../bench/generate.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent } from '../../src/store/journal.js';
import { eventsOfKinds, JournalWindow } from '../../src/store/timeline-window.js';
import { filterEvents, matchesFilter } from '../../src/ui/app/timeline.js';
import type { TimelineEvent } from '../../src/core/index.js';
import { tempDir } from '../support/tmp.js';

const ID = 'INC-20261121-BNCH';

function journalOf(n: number) {
  const dir = tempDir('warroom-window-');
  const path = generateJournal(dir, n);
  const store = new IncidentStore(dir, { now: () => Date.parse('2026-11-22T00:00:00Z') });
  return { dir, path, store, all: store.load(ID).events };
}

/** The line a writer would append next, chained onto the journal's last event. */
function nextLine(last: TimelineEvent, text: string): string {
  const base = { seq: last.seq + 1, ts: '2026-11-22T00:00:00.000Z', actor: 'dee', kind: 'note', data: { text }, prev: last.hash };
  return `${JSON.stringify({ ...base, hash: hashEvent(base) })}\n`;
}

describe('JournalWindow', () => {
  it('reads any window of lines exactly as the journal holds them, across read chunks', () => {
    const { path, all } = journalOf(12_000); // about 3.5 MB: several 1 MiB chunks, lines split across them
    const w = new JournalWindow(path);
    expect(w.extend(Number.MAX_SAFE_INTEGER)).toBe(12_000);
    expect(w.read(0, 5)).toEqual(all.slice(0, 5));
    expect(w.read(5_990, 6_010)).toEqual(all.slice(5_990, 6_010));
    expect(w.read(11_950, 12_000)).toEqual(all.slice(11_950));
    expect(w.read(11_990, 12_500)).toEqual(all.slice(11_990));
    expect(w.linesBefore(w.indexedTo)).toBe(12_000);
  });

  it('indexes only up to the offset it is given, and an event appended later appears once it is followed', () => {
    const { path, all } = journalOf(300);
    const before = readFileSync(path).length;
    const w = new JournalWindow(path);
    w.extend(before);
    appendFileSync(path, nextLine(all.at(-1)!, 'appended while the console is open'));
    expect(w.extend(before)).toBe(300); // not yet followed
    const after = readFileSync(path).length;
    expect(w.extend(after)).toBe(301);
    expect(w.read(300, 301)[0]).toMatchObject({ seq: 301, data: { text: 'appended while the console is open' } });
    expect(w.cutShort).toBeUndefined();
  });

  it('does not index a torn last line until it is complete', () => {
    const { path, all } = journalOf(50);
    const line = nextLine(all.at(-1)!, 'half written');
    appendFileSync(path, line.slice(0, 20));
    const w = new JournalWindow(path);
    expect(w.extend(Number.MAX_SAFE_INTEGER)).toBe(50);
    appendFileSync(path, line.slice(20));
    expect(w.extend(Number.MAX_SAFE_INTEGER)).toBe(51);
    expect(w.read(50, 51)[0]?.seq).toBe(51);
  });

  it('says the journal was cut short when it is found shorter than what was indexed', () => {
    const { path } = journalOf(200);
    const w = new JournalWindow(path);
    const size = readFileSync(path).length;
    w.extend(size);
    truncateSync(path, Math.floor(size / 2));
    w.extend(size);
    expect(w.cutShort).toMatch(/shorter than the \d+ bytes already shown/);
  });

  it('finds with its scan the lines filtering every event finds, reporting progress batch by batch', async () => {
    const { path, all } = journalOf(9_000);
    const w = new JournalWindow(path);
    w.extend(Number.MAX_SAFE_INTEGER);
    const progress: number[] = [];
    const filter = 'kind:decision 88';
    const r = await w.search(matchesFilter(filter), 0, (scanned) => progress.push(scanned), undefined, 2_000);
    const want = filterEvents(all, filter).map((e) => e.seq - 1);
    expect(want.length).toBeGreaterThan(0);
    expect(r).toEqual({ hits: want, scanned: 9_000 });
    expect(progress).toEqual([2_000, 4_000, 6_000, 8_000, 9_000]);
    // From a line on: only the lines after it are scanned.
    const tail = await w.search(matchesFilter(filter), 6_000, () => {});
    expect(tail.hits).toEqual(want.filter((l) => l >= 6_000));
  });

  it('hands over the events of the kinds asked for without parsing the others', () => {
    const { path, all } = journalOf(2_000);
    const picked = eventsOfKinds(path, (k) => k.startsWith('comms.') || k === 'decision');
    expect(picked).toEqual(all.filter((e) => e.kind.startsWith('comms.') || e.kind === 'decision'));
  });

  it('leaves out a line that does not parse, keeping the others in place', () => {
    const { path, all } = journalOf(20);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[9] = '{not json';
    writeFileSync(path, lines.join('\n'));
    const w = new JournalWindow(path);
    w.extend(Number.MAX_SAFE_INTEGER);
    expect(w.readLines(8, 11).map((e) => e?.seq)).toEqual([9, undefined, 11]);
    expect(w.read(0, 20)).toEqual([...all.slice(0, 9), ...all.slice(10)]);
  });
});
