// The console's view of the incident store. readSince reads only the bytes after the offset, so following
// a long timeline every few hundred milliseconds costs what was appended, not the whole journal.
import type { IncidentStore, IncidentSummary } from '../store/incident-store.js';
import type { UiStore } from '../ui/deps.js';

export function consoleStore(store: IncidentStore, actor: string): UiStore {
  return {
    list: async () => (await store.list()).map(markProblem),
    load: async (id) => store.load(id),
    append: (id, events) => store.append(id, events, actor),
    create: (opening, followUps) => store.create(opening, actor, followUps),
    readSince: async (id, offset) => store.journal(id).readSince(offset),
  };
}

/** The home screen shows status and title: a bad journal says so there, in capitals, with the reason after its title. */
export function markProblem(s: IncidentSummary): IncidentSummary {
  if (!s.problem) return s;
  return { ...s, status: s.problem.kind.toUpperCase(), title: `${s.title ? `${s.title} ` : ''}!! ${s.problem.message}` };
}
