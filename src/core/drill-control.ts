// What a console may do to the drill, decided from the record alone. Only the lease holder moves the clock or
// fires injects; anyone else gets one line saying why not. The events returned are to be appended onto the
// head the record was folded to (`record.headSeq`), so two consoles deciding at once cannot both land.
import type { NewEvent } from './events.js';
import { formatOffset as fmt, type ScheduledInject } from './drill.js';
import { drillSeconds, roleOf, type DrillRecord, type DrillRole, type InjectHow } from './drill-record.js';
import { checkSpeed } from './exercise-clock.js';

export type DrillAct =
  | { kind: 'start'; speed: number; seed?: number }
  | { kind: 'join'; role: Exclude<DrillRole, 'controller'> }
  | { kind: 'tick' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'speed'; speed: number }
  | { kind: 'next' }
  | { kind: 'fire'; injectId?: string }
  | { kind: 'skip'; injectId: string }
  | { kind: 'end' }
  | { kind: 'handover'; to: string };

export interface DrillDecision {
  events: NewEvent[];
  /** One line saying why nothing was done, for a person who asked. */
  refused?: string;
  /** The injects these events fire (for the simulated AWS and the facilitator's pane). */
  fires: ScheduledInject[];
}

const none = (refused?: string): DrillDecision => ({ events: [], fires: [], ...(refused ? { refused } : {}) });

export const unfired = (r: DrillRecord, schedule: readonly ScheduledInject[]) => schedule.filter((i) => !r.fired[i.id] && !r.skipped.includes(i.id));

const clock = (control: string, simSeconds: number, speed: number, detail?: string, seed?: number): NewEvent<'exercise.clock'> => ({
  kind: 'exercise.clock',
  data: { control, speed, simSeconds: round(simSeconds), ...(seed !== undefined ? { seed } : {}), ...(detail ? { detail } : {}) },
});

const inject = (i: ScheduledInject, firedAtSeconds: number, how: InjectHow): NewEvent<'exercise.inject'> => ({
  kind: 'exercise.inject',
  data: { inject: i.id, text: i.text, offsetSeconds: i.atSeconds, firedAtSeconds: round(firedAtSeconds), how },
});

const round = (s: number) => Math.round(s * 1000) / 1000;

/** Decides `act` by `actor` at wall time `now` on the drill as recorded. */
export function decideDrill(r: DrillRecord, schedule: readonly ScheduledInject[], actor: string, now: number, act: DrillAct): DrillDecision {
  if (act.kind === 'join') {
    if (r.controller === actor) return none();
    return roleOf(r, actor) === act.role ? none() : { events: [{ kind: 'exercise.joined', data: { role: act.role } }], fires: [] };
  }
  if (act.kind === 'start') return start(r, schedule, actor, now, act);
  if (r.controller !== actor) {
    if (act.kind === 'tick') return none();
    const role = roleOf(r, actor) ?? 'observer';
    return none(r.controller ? `drill: ${r.controller} controls this drill and you are ${role === 'controller' ? 'observer' : role}; only the controller moves the clock (they can hand over with H)` : 'drill: nobody controls this drill yet (start it with "warroom exercise" or open it with --facilitator)');
  }
  if (!r.clock) return none(act.kind === 'tick' ? undefined : 'drill: the drill has not started yet');
  if (r.ended) return act.kind === 'tick' ? none() : none(`drill: it ended at ${fmt(r.ended.atSeconds)}${r.ended.reason === 'resolved' ? ' (the incident was resolved)' : ''}; nothing more can fire`);
  const c = r.clock;
  const t = drillSeconds(r, now);
  const left = unfired(r, schedule);
  switch (act.kind) {
    case 'tick': {
      const due = c.paused ? [] : left.filter((i) => i.atSeconds <= t);
      return { events: due.map((i) => inject(i, t, 'scheduled')), fires: due };
    }
    case 'pause':
      return c.paused ? none('drill: the clock is already paused') : { events: [clock('pause', t, c.speed)], fires: [] };
    case 'resume':
      return c.paused ? { events: [clock('resume', t, c.speed)], fires: [] } : none('drill: the clock is already running');
    case 'speed':
      return { events: [clock('speed', t, checkSpeed(act.speed))], fires: [] };
    case 'next': {
      const next = left[0];
      if (!next) return none('drill: every inject has fired');
      const to = Math.max(t, next.atSeconds);
      const due = left.filter((i) => i.atSeconds <= to);
      return { events: [clock('jump', to, c.speed, `to ${next.id}`), ...due.map((i) => inject(i, to, i === next && to > t ? 'jumped' : 'scheduled'))], fires: due };
    }
    case 'fire': {
      const chosen = act.injectId === undefined ? left[0] : schedule.find((i) => i.id === act.injectId);
      if (!chosen) return none(act.injectId === undefined ? 'drill: every inject has fired' : `drill: no inject "${act.injectId}" in this drill`);
      if (r.fired[chosen.id]) return none(`drill: inject ${chosen.id} already fired at ${fmt(r.fired[chosen.id]!.firedAtSeconds)}`);
      if (r.skipped.includes(chosen.id)) return none(`drill: inject ${chosen.id} was skipped`);
      return { events: [inject(chosen, t, chosen.atSeconds > t ? 'early' : 'scheduled')], fires: [chosen] };
    }
    case 'skip': {
      const chosen = left.find((i) => i.id === act.injectId);
      if (!chosen) return none(`drill: inject ${act.injectId} is not waiting to fire (fired, skipped or not in this drill)`);
      const control = clock('skip', t, c.speed, `skipped ${chosen.id}`);
      return { events: [{ kind: 'exercise.clock', data: { ...control.data, inject: chosen.id } }], fires: [] };
    }
    case 'end':
      return { events: [clock('end', t, c.speed, `${Object.keys(r.fired).length}/${schedule.length} injects fired`)], fires: [] };
    case 'handover': {
      const to = act.to.trim();
      if (!to || to === actor) return none('drill: hand over to someone else (type their name as the console shows it)');
      return { events: [{ kind: 'exercise.lease', data: { holder: to, from: actor } }], fires: [] };
    }
  }
}

function start(r: DrillRecord, schedule: readonly ScheduledInject[], actor: string, now: number, act: { speed: number; seed?: number }): DrillDecision {
  if (r.clock) {
    if (r.controller === actor) return none(); // the controller back after a restart: the record says where it was
    if (r.controller) return none(`drill: ${r.controller} controls this drill; you joined as observer (they can hand control to you with H)`);
    return { events: [{ kind: 'exercise.lease', data: { holder: actor, detail: 'took control of a drill nobody held' } }], fires: [] };
  }
  const due = schedule.filter((i) => i.atSeconds <= 0);
  return {
    events: [
      { kind: 'exercise.lease', data: { holder: actor } },
      clock('start', 0, checkSpeed(act.speed), act.seed !== undefined ? `seed ${act.seed}` : undefined, act.seed),
      ...due.map((i) => inject(i, 0, 'scheduled')),
    ],
    fires: due,
  };
}
