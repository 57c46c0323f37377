// Once a second: the clock moves, due escalations are recorded, an old toast fades.
import { escalationTimers, type EscalationTimer } from '../../core/index.js';
import { scenariosOf } from './checklist.js';
import { stepDrill } from './drill.js';
import type { Effect } from './msg.js';
import type { AppState, IncidentView } from './state.js';

const TOAST_MS = 8_000;
/** The home list refreshes this often, so incidents declared in another terminal appear. */
export const HOME_REFRESH_MS = 3_000;

export function escalationsOf(s: AppState, v: IncidentView): EscalationTimer[] {
  const levels = scenariosOf(v.incident, s.catalog).flatMap((sc) => [...sc.comms.escalation]);
  const start = Date.parse(v.incident.milestones.declared?.at ?? v.incident.openedAt);
  const fired = new Set([
    ...v.events.filter((e) => e.kind === 'escalation.fired').map((e) => String(e.data.level)),
    ...v.firing,
  ]);
  return escalationTimers(levels, start, fired, s.now, escalationStopped(v));
}

/** Escalation stops once the incident is mitigated. */
export const escalationStopped = (v: IncidentView) =>
  !!v.incident.milestones.mitigated || ['recovered', 'resolved', 'closed'].includes(v.incident.status);

export function onTick(s: AppState, now: number): [AppState, Effect[]] {
  const [drilled, drillEffects] = stepDrill({ ...s, now }, { kind: 'tick' });
  const [after, effects] = onClockTick(drilled, now);
  return [after, [...drillEffects, ...effects]];
}

function onClockTick(s: AppState, now: number): [AppState, Effect[]] {
  let next: AppState = s;
  if (next.toast && now - next.toast.at > TOAST_MS) {
    const { toast: _toast, ...rest } = next;
    next = rest;
  }
  if (next.screen === 'home' && !next.home.loading && now - (next.home.listedAt ?? 0) >= HOME_REFRESH_MS) {
    return [{ ...next, home: { ...next.home, loading: true } }, [{ type: 'list-incidents' }]];
  }
  const v = next.incident;
  if (!v || next.screen !== 'incident') return [next, []];
  const due = escalationsOf(next, v).filter((t) => t.due);
  if (due.length === 0) return [next, []];
  const events = due.map((t) => ({
    kind: 'escalation.fired' as const,
    data: { level: t.level, text: `escalate to ${t.who}: ${Math.round((t.dueAt - Date.parse(v.incident.milestones.declared?.at ?? v.incident.openedAt)) / 60_000)} min since declared` },
  }));
  return [{ ...next, incident: { ...v, firing: [...v.firing, ...due.map((t) => t.level)] } }, [{ type: 'append', id: v.id, events }]];
}
