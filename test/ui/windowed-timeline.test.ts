// The reducer with a windowed timeline: the pane's length and rows come from the source, a filter asks the
// runner to scan and shows its matches as they arrive, events read later continue the scan, and the events
// kept in memory let old bulk events go.
import { describe, expect, it } from 'vitest';
import { foldIncident, type NewEvent, type TimelineEvent } from '../../src/core/index.js';
import { openView } from '../../src/ui/app/incident-open.js';
import { RECENT_EVENTS, retainedAfter } from '../../src/ui/app/retained.js';
import { selectedEvent } from '../../src/ui/app/text-view.js';
import { scanProgress, timelineLength, timelineSlice } from '../../src/ui/app/timeline.js';
import { update } from '../../src/ui/app/update.js';
import type { TimelineSource } from '../../src/ui/deps.js';
import { press } from './fixtures/drive.js';
import { events, homeState, opened } from './fixtures/state.js';

/** A source over an array, as the journal's window would be: `offset` counts events here. */
function sourceOver(all: TimelineEvent[]): TimelineSource {
  return {
    count: (offset) => Math.min(offset, all.length),
    read: (from, to) => all.slice(from, to),
    problem: () => undefined,
    search: async () => ({ hits: [], scanned: 0 }),
  };
}

function windowed(n: number) {
  const notes: NewEvent[] = Array.from({ length: n }, (_, i) => ({ kind: 'note', data: { text: i % 10 === 0 ? `restore ${i}` : `note ${i}` } }));
  const all = events([...opened(), ...notes]);
  // As the console store hands it over: the whole fold, a few retained events and the window.
  const state = openView(homeState(), 'INC-20261121-AAAA', all.slice(-3), all.length, undefined, { timeline: sourceOver(all), state: foldIncident(all) })[0];
  return { state, all };
}

describe('a windowed timeline', () => {
  it('counts and reads the pane from the source, not from the events kept in memory', () => {
    const { state, all } = windowed(1_000);
    const v = state.incident!;
    expect(v.events).toHaveLength(3);
    expect(v.incident.lastSeq).toBe(all.length);
    expect(timelineLength(v)).toBe(all.length);
    expect(timelineSlice(v, 10, 12)).toEqual(all.slice(10, 12));
    const [up] = press(press(state, '4')[0], 'k', 'k');
    expect(selectedEvent(up.incident!)).toEqual(all.at(-3));
  });

  it('asks for a scan when filtered, shows its progress and then its matches', () => {
    const { state, all } = windowed(1_000);
    const [s, effects] = press(state, '/', 'restore', 'return');
    expect(effects).toEqual([expect.objectContaining({ type: 'search-timeline', filter: 'restore', from: 0, kept: [] })]);
    expect(timelineLength(s.incident!)).toBe(0);
    expect(scanProgress(s.incident!)).toBe(', scanning 0%');
    const hits = all.map((e, i) => (String(e.data.text ?? '').startsWith('restore') ? i : -1)).filter((i) => i >= 0);
    const [half] = update(s, { type: 'timeline.searched', id: 'INC-20261121-AAAA', filter: 'restore', hits: hits.slice(0, 50), scanned: 502, done: false });
    expect(scanProgress(half.incident!)).toBe(', scanning 50%');
    const [done] = update(half, { type: 'timeline.searched', id: 'INC-20261121-AAAA', filter: 'restore', hits, scanned: all.length, done: true });
    expect(scanProgress(done.incident!)).toBe('');
    expect(timelineLength(done.incident!)).toBe(100);
    expect(timelineSlice(done.incident!, 99, 100)[0]?.data.text).toBe('restore 990');
    // A scan for a filter since replaced is not shown.
    const [other] = update(done, { type: 'timeline.searched', id: 'INC-20261121-AAAA', filter: 'note', hits: [1, 2], scanned: all.length, done: true });
    expect(other.incident!.search?.filter).toBe('restore');
  });

  it('continues a finished scan with the events read after it', () => {
    const { state, all } = windowed(100);
    const [s] = press(state, '/', 'restore', 'return');
    const [done] = update(s, { type: 'timeline.searched', id: 'INC-20261121-AAAA', filter: 'restore', hits: [4], scanned: all.length, done: true });
    const fresh = events([{ kind: 'note', data: { text: 'restore done' } }], all.length + 1);
    const [, effects] = update(done, { type: 'journal.events', id: 'INC-20261121-AAAA', events: fresh, offset: all.length + 1 });
    expect(effects).toContainEqual(expect.objectContaining({ type: 'search-timeline', filter: 'restore', from: all.length, kept: [4] }));
  });

  it('shows a journal cut short as the chain problem', () => {
    const { state, all } = windowed(10);
    const [s] = update(state, { type: 'journal.events', id: 'INC-20261121-AAAA', events: [], offset: all.length, problem: 'the journal is now 10 bytes, shorter than the 900 bytes already shown' });
    expect(s.incident!.chainProblem).toMatch(/shorter than the 900 bytes/);
  });
});

describe('retainedAfter', () => {
  it('keeps every event until there are twice the recent ones, then lets old bulk events go', () => {
    const many = events(Array.from({ length: 2 * RECENT_EVENTS }, (_, i) => ({ kind: i % 100 === 0 ? 'comms.sent' : 'note', data: { text: `n${i}` } }) as NewEvent));
    expect(retainedAfter(many.slice(0, -1), many.slice(-1))).toHaveLength(many.length);
    const more = events([{ kind: 'note', data: { text: 'one more' } }], many.length + 1);
    const kept = retainedAfter(many, more);
    const old = many.slice(0, many.length + 1 - RECENT_EVENTS);
    expect(kept).toEqual([...old.filter((e) => e.kind === 'comms.sent'), ...[...many, ...more].slice(-RECENT_EVENTS)]);
  });
});
