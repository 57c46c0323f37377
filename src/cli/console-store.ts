// The console's view of the incident store. readSince reads only the bytes after the offset, so following
// a long timeline every few hundred milliseconds costs what was appended, not the whole journal.
import type { IncidentStore, IncidentSummary } from '../store/incident-store.js';
import type { UiStore } from '../ui/deps.js';
import { SharedFollower } from './console-sync.js';

export function consoleStore(store: IncidentStore, actor: string, shared = new SharedFollower(store, actor)): UiStore {
  return {
    list: async () => (await store.list()).map(markProblem),
    load: async (id) => {
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
    readSince: async (id, offset) => (shared.isShared(id) ? shared.readSince(id, offset) : store.journal(id).readSince(offset)),
  };
}

/** The home screen shows status and title: a bad journal says so there, in capitals, with the reason after its title. */
export function markProblem(s: IncidentSummary): IncidentSummary {
  if (!s.problem) return s;
  return { ...s, status: s.problem.kind.toUpperCase(), title: `${s.title ? `${s.title} ` : ''}!! ${s.problem.message}` };
}
