// The incident this actor last had open: remembered whenever one is opened, and offered on the next start
// (the home list's highlight starts on it, and a line says Enter opens it).
import type { UiIncidentSummary } from '../deps.js';
import type { Effect } from './msg.js';
import type { AppState } from './state.js';

/** The home cursor of the first listing: on the last incident, when it is in the list. */
export function firstListing(s: AppState, incidents: readonly UiIncidentSummary[]): number | undefined {
  if (s.home.listedAt !== undefined || !s.lastIncident) return undefined;
  const at = incidents.findIndex((i) => i.id === s.lastIncident);
  return at >= 0 ? at : undefined;
}

export function remembered([s, effects]: [AppState, Effect[]], id: string): [AppState, Effect[]] {
  if (s.screen !== 'incident' || s.incident?.id !== id) return [s, effects];
  return [{ ...s, lastIncident: id }, s.lastIncident === id ? effects : [...effects, { type: 'remember-incident', id }]];
}
