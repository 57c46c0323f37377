// What is still open on an incident, said before someone resolves it or walks away from the console:
// steps not done and a status update that is overdue.
import { formatDuration, isResolved, type NewEvent } from '../../core/index.js';
import { checklistRows, scenariosOf } from './checklist.js';
import { updateDueIn } from './incident-commands.js';
import type { Effect } from './msg.js';
import type { AppState, IncidentView } from './state.js';

/** Resolving counts every step not done; leaving the console, the steps someone started and has not finished. */
export function openWork(s: AppState, v: IncidentView, purpose: 'resolve' | 'quit'): string[] {
  if (isResolved(v.incident)) return [];
  const open = checklistRows(v.incident, s.catalog).filter((r) => r.status === 'in-progress' || (purpose === 'resolve' && (r.status === 'todo' || r.status === 'failed')));
  const out: string[] = [];
  if (open.length) out.push(`${open.length} step${open.length === 1 ? '' : 's'} ${purpose === 'resolve' ? 'not done' : 'in progress'}`);
  const [first] = scenariosOf(v.incident, s.catalog);
  const late = -updateDueIn(v, first?.comms ?? { first_update_minutes: 5, cadence_minutes: 30 }, s.now);
  if (late > 0) out.push(`the status update is overdue by ${formatDuration(late)}`);
  return out;
}

const resolves = (events: readonly NewEvent[]) =>
  events.some((e) => (e.kind === 'status.changed' && (e.data.status === 'resolved' || e.data.status === 'closed')) || (e.kind === 'milestone.set' && e.data.milestone === 'resolved'));

/** Appends the events, or first asks when they resolve an incident with work still open. */
export function appendOrConfirm(s: AppState, v: IncidentView, events: NewEvent[]): [AppState, Effect[]] {
  const open = resolves(events) ? openWork(s, v, 'resolve') : [];
  if (open.length === 0) return [s, [{ type: 'append', id: v.id, events }]];
  return [{ ...s, modals: [...s.modals, { kind: 'confirm', purpose: 'resolve', text: `Resolve with ${open.join(' and ')}? (y/n)`, events }] }, []];
}
