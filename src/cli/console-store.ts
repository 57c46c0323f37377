// The console's view of the incident store. readSince reads only the bytes after the offset, so following
// a long timeline every few hundred milliseconds costs what was appended, not the whole journal.
import type { IncidentStore, IncidentSummary } from '../store/incident-store.js';
import type { UiStore } from '../ui/deps.js';
import { SharedFollower } from './console-sync.js';
import { followWindow, openWindowed } from './console-timeline.js';
import type { JournalWindow } from '../store/timeline-window.js';

export function consoleStore(store: IncidentStore, actor: string, shared = new SharedFollower(store, actor)): UiStore {
  // The open incident's timeline window (an incident that is not shared; a shared one is read in its merged order).
  let open: { id: string; window: JournalWindow } | undefined;
  return {
    list: async () => (await store.list()).map(markProblem),
    load: async (id) => {
      if (!shared.isShared(id)) {
        const { loaded, window } = openWindowed(store, id);
        open = { id, window };
        return loaded;
      }
      const loaded = store.load(id);
      if (shared.isShared(id)) shared.opened(id, loaded.events); // a shared incident syncs while open
      return loaded;
    },
    // A shared incident's seqs are the merged order of several feeds, so a head check applies to local journals only.
    append: async (id, events, opts) => {
      const written = await store.append(id, events, actor, shared.isShared(id) ? {} : (opts ?? {}));
      shared.appended(id);
      return written;
    },
    create: (opening, followUps) => store.create(opening, actor, followUps),
    syncMark: (id) => (shared.isShared(id) ? shared.mark(id) : undefined),
    readSince: async (id, offset) => {
      if (shared.isShared(id)) return shared.readSince(id, offset);
      const r = store.journal(id).readSince(offset);
      return open?.id === id ? followWindow(open.window, r) : r;
    },
  };
}

/** The home screen shows status and title: a bad journal says so there, in capitals, with the reason after its title. */
export function markProblem(s: IncidentSummary): IncidentSummary {
  if (!s.problem) return s;
  return { ...s, status: s.problem.kind.toUpperCase(), title: `${s.title ? `${s.title} ` : ''}!! ${s.problem.message}` };
}
