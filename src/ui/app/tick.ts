// Once a second: the clock moves, a drill this terminal drives fires what is due, an old toast fades.
// Nothing time-derived is recorded here: an escalation that is due or an update that is overdue is computed
// from the policy and the clock and shown; it reaches the timeline only when a person acts on it.
import { escalationTimers, formatOffset, isMitigated, onExerciseTime, type EscalationTimer } from '../../core/index.js';
import { utcTime } from '../format.js';
import { scenariosOf } from './checklist.js';
import { stepDrill } from './drill.js';
import type { Effect } from './msg.js';
import type { AppState, IncidentView } from './state.js';

const TOAST_MS = 8_000;
/** The home list refreshes this often, so incidents declared in another terminal appear. */
export const HOME_REFRESH_MS = 3_000;

/** The incident's state and `now` on its own clock: exercise time in a drill, the wall clock otherwise. */
export const onIncidentClock = (v: IncidentView, now: number) => onExerciseTime(v.incident, v.events, now);

/** Escalation timers on the incident's own clock (a drill's pauses and speed-ups count). */
export function escalationsOf(s: AppState, v: IncidentView, now = s.now): EscalationTimer[] {
  const levels = scenariosOf(v.incident, s.catalog).flatMap((sc) => [...sc.comms.escalation]);
  const t = onIncidentClock(v, now);
  const start = Date.parse(t.state.milestones.declared?.at ?? t.state.openedAt);
  const fired = new Set(v.events.filter((e) => e.kind === 'escalation.fired').map((e) => String(e.data.level)));
  return escalationTimers(levels, start, fired, t.now, escalationStopped(v));
}

/**
 * How an escalation's due instant (on the incident's clock, as escalationsOf gives it) reads: T+ on the drill
 * clock once a drill has started, else the wall time of day.
 */
export function escalationDueLabel(v: IncidentView): (dueAt: number) => string {
  const start = v.incident.mode === 'exercise' ? v.events.find((e) => e.kind === 'exercise.clock') : undefined;
  if (!start) return (dueAt) => `${utcTime(dueAt)} UTC`;
  const origin = Date.parse(start.ts);
  return (dueAt) => `due ${formatOffset((dueAt - origin) / 1000)}`;
}

/** Escalation stops once the incident is mitigated or resolved. */
export const escalationStopped = (v: IncidentView) => isMitigated(v.incident);

export function onTick(s: AppState, now: number): [AppState, Effect[]] {
  const [drilled, drillEffects] = stepDrill({ ...s, now }, { kind: 'tick' });
  let next: AppState = drilled;
  if (next.toast && now - next.toast.at > TOAST_MS) {
    const { toast: _toast, ...rest } = next;
    next = rest;
  }
  if (next.screen === 'home' && !next.home.loading && now - (next.home.listedAt ?? 0) >= HOME_REFRESH_MS) {
    return [{ ...next, home: { ...next.home, loading: true } }, [...drillEffects, { type: 'list-incidents' }]];
  }
  return [next, drillEffects];
}
