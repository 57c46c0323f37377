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
  // A drill's record is read whole by its panes (drills are short): it keeps every event.
  const keepAll = s.state.mode === 'exercise';
  const retainer = new Retainer();
  window.extend(offset, (line) => {
    if (!keepAll && !retainer.wants(line.kind)) return;
    const e = line.event();
    if (e) retainer.add(line.index, e, keepAll);
  });
  const n = window.count;
  window.readLines(Math.max(0, n - RECENT_EVENTS), n).forEach((e, i) => e && retainer.add(Math.max(0, n - RECENT_EVENTS) + i, e, true));
  const v = s.verification;
  const loaded: Loaded = {
    events: retainer.events(),
    state: s.state,
    offset,
    verification: { ok: v.ok, ...(v.firstBad ? { firstBad: { seq: v.firstBad.seq, message: v.firstBad.message } } : {}) },
    timeline: sourceOf(window),
  };
  return { loaded, window };
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
