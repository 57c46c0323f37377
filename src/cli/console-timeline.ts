// Opening an incident in the console without holding its timeline: the state folded from the checkpoint and
// what follows it (as `show` does: the journal wins over a stale or damaged checkpoint), an index of where
// each journal line starts for the timeline pane, and the retained events the other panes read.
import type { TimelineEvent } from '../core/index.js';
import type { IncidentStore } from '../store/incident-store.js';
import { JournalWindow } from '../store/timeline-window.js';
import { RECENT_EVENTS, Retainer } from '../ui/app/retained.js';
import type { TimelineSource, UiStore } from '../ui/deps.js';

type Loaded = Awaited<ReturnType<UiStore['load']>>;

export function openWindowed(store: IncidentStore, id: string): { loaded: Loaded; window: JournalWindow } {
  const s = store.state(id);
  const offset = s.offset ?? 0;
  const window = new JournalWindow(store.journalPath(id));
  const v = s.verification;
  const verification = { ok: v.ok, ...(v.firstBad ? { firstBad: { seq: v.firstBad.seq, message: v.firstBad.message } } : {}) };
  // A drill is short and its panes read its record whole (and hide from each role what is not for it): it
  // keeps every event and its timeline pane reads them from memory.
  if (s.state.mode === 'exercise') {
    window.extend(offset);
    return { loaded: { events: window.read(0, window.count), state: s.state, offset, verification }, window };
  }
  const retainer = new Retainer();
  window.extend(offset, (line) => {
    if (!retainer.wants(line.kind)) return;
    const e = line.event();
    if (e) retainer.add(line.index, e);
  });
  const n = window.count;
  const recentFrom = Math.max(0, n - RECENT_EVENTS);
  window.readLines(recentFrom, n).forEach((e, i) => e && retainer.add(recentFrom + i, e, true));
  return { loaded: { events: retainer.events(), state: s.state, offset, verification, timeline: sourceOf(window) }, window };
}

export function sourceOf(window: JournalWindow): TimelineSource {
  return {
    count: (offset) => {
      window.extend(offset);
      return window.linesBefore(offset);
    },
    read: (from, to) => window.readLines(from, to),
    problem: () => window.cutShort,
    search: (match, from, onProgress, signal) => window.search(match, from, onProgress, signal),
  };
}

/** Events read by the follower, with the window's own check that the journal was not cut short meanwhile. */
export function followWindow(window: JournalWindow, r: { events: TimelineEvent[]; offset: number }): { events: TimelineEvent[]; offset: number; problem?: string } {
  window.extend(r.offset);
  return window.cutShort ? { ...r, problem: window.cutShort } : r;
}
