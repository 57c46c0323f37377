// What a console may do to the drill, decided from the record alone. Only the lease holder moves the clock or
// fires injects; anyone else gets one line saying why not. The events returned are to be appended onto the
// head the record was folded to (`record.headSeq`), so two consoles deciding at once cannot both land.
import type { NewEvent } from './events.js';
import { formatOffset as fmt, type ScheduledInject } from './drill.js';
import { actorOf, consoleOf, drillSeconds, isController, roleOf, withAdded, type DrillRecord, type DrillRole, type DrillWho, type InjectHow } from './drill-record.js';
import type { InjectChannel } from './drill-audience.js';
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
  | { kind: 'handover'; to: string }
  | { kind: 'add'; inject: NewInject };

/** An inject the controller writes during the drill: fired now, or at `atSeconds` of drill time when later. */
export interface NewInject {
  title: string;
  text: string;
  audience?: string[];
  channel?: InjectChannel;
  /** The response expected, as the evaluator reads it. */
  expect?: string;
  atSeconds?: number;
}

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
  data: {
    inject: i.id,
    text: i.text,
    offsetSeconds: i.atSeconds,
    firedAtSeconds: round(firedAtSeconds),
    how,
    // Who it is for and how it reads travel with it, so every console and the AAR read them from the record.
    ...(i.audience?.length ? { audience: i.audience } : {}),
    ...(i.channel ? { channel: i.channel } : {}),
    ...(i.title ? { title: i.title } : {}),
    ...(i.added ? { added: true } : {}),
  },
});

const round = (s: number) => Math.round(s * 1000) / 1000;

/** Decides `act` by `who` (a person at a console) at wall time `now` on the drill as recorded. */
export function decideDrill(r: DrillRecord, script: readonly ScheduledInject[], who: DrillWho, now: number, act: DrillAct): DrillDecision {
  const schedule = withAdded(r, script);
  if (act.kind === 'join') return join(r, who, act.role);
  if (act.kind === 'start') return start(r, schedule, who, now, act);
  if (!isController(r, who)) {
    if (act.kind === 'tick') return none();
    return none(notController(r, who));
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
      if (!next) return none(nothingLeft(r));
      const to = Math.max(t, next.atSeconds);
      const due = left.filter((i) => i.atSeconds <= to);
      return { events: [clock('jump', to, c.speed, `to ${next.id}`), ...due.map((i) => inject(i, to, i === next && to > t ? 'jumped' : 'scheduled'))], fires: due };
    }
    case 'fire': {
      const chosen = act.injectId === undefined ? left[0] : schedule.find((i) => i.id === act.injectId);
      if (!chosen) return none(act.injectId === undefined ? nothingLeft(r) : `drill: no inject "${act.injectId}" in this drill`);
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
    case 'handover':
      return handover(r, who, act.to.trim());
    case 'add':
      return add(r, schedule, t, act.inject);
  }
}

/** F or J with no inject waiting: a skipped inject did not fire, so "every inject has fired" would be untrue. */
export function nothingLeft(r: DrillRecord): string {
  const fired = Object.keys(r.fired).length;
  return r.skipped.length ? `drill: nothing left to fire (${fired} fired, ${r.skipped.length} skipped)` : 'drill: nothing left to fire (every inject has fired)';
}

/** One line for a console that is not the controller: who is, and how control moves. */
function notController(r: DrillRecord, who: DrillWho): string {
  if (!r.controller) return 'drill: nobody controls this drill yet (start it with "warroom exercise" or open it with --facilitator)';
  const role = roleOf(r, who) ?? 'observer';
  if (r.controller === actorOf(who) && r.controllerConsole) {
    return `drill: your console ${r.controllerConsole} controls this drill and this one (${consoleOf(who) ?? '?'}) is ${role}; hand over with H there, or open this one with --facilitator to take control here`;
  }
  return `drill: ${r.controller} controls this drill and you are ${role === 'controller' ? 'observer' : role}; only the controller moves the clock (they can hand over with H)`;
}

/**
 * A lease that names the person but no console (an older journal, or a hand-over by name): their first
 * console to open the drill takes it, once, so their next terminal does not drive too.
 */
function claim(r: DrillRecord, who: DrillWho): DrillDecision | undefined {
  const console = consoleOf(who);
  if (!console || r.controllerConsole || r.controller !== actorOf(who)) return undefined;
  return { events: [{ kind: 'exercise.lease', data: { holder: actorOf(who), console, detail: 'taken by the console it was handed to' } }], fires: [] };
}

function join(r: DrillRecord, who: DrillWho, role: Exclude<DrillRole, 'controller'>): DrillDecision {
  const claimed = claim(r, who);
  if (claimed) return claimed;
  if (isController(r, who)) return none();
  const actor = actorOf(who);
  const console = consoleOf(who);
  const joined = console ? r.consoles[console]?.role : roleOf(r, who);
  // The controller's other terminal watches: being the same person does not make it a second driver.
  const as = console && r.controller === actor ? 'observer' : role;
  return joined === as ? none() : { events: [{ kind: 'exercise.joined', data: { role: as, ...(console ? { console } : {}) } }], fires: [] };
}

/** Control passes to a console (by its id), or to a person: their latest console that joined, else their next. */
function handover(r: DrillRecord, who: DrillWho, to: string): DrillDecision {
  const actor = actorOf(who);
  const from = { from: actor, ...(consoleOf(who) ? { fromConsole: consoleOf(who)! } : {}) };
  const byConsole = r.consoles[to];
  if (byConsole) {
    if (to === consoleOf(who)) return none('drill: this console already controls the drill');
    return { events: [{ kind: 'exercise.lease', data: { holder: byConsole.actor, console: to, ...from } }], fires: [] };
  }
  if (!to || to === actor) return none('drill: hand over to someone else (pick their console, or type their name as the console shows it)');
  const latest = Object.entries(r.consoles).filter(([, c]) => c.actor === to).at(-1)?.[0];
  return { events: [{ kind: 'exercise.lease', data: { holder: to, ...(latest ? { console: latest } : {}), ...from } }], fires: [] };
}

/** An inject written now: recorded with its drill time, and fired in the same append when that time is now. */
function add(r: DrillRecord, schedule: readonly ScheduledInject[], t: number, n: NewInject): DrillDecision {
  const title = n.title.trim();
  const text = n.text.trim();
  if (!title || !text) return none('drill: a new inject needs a title and a text');
  const taken = new Set(schedule.map((i) => i.id));
  let k = r.added.length + 1;
  while (taken.has(`added-${k}`)) k++;
  const id = `added-${k}`;
  const at = n.atSeconds !== undefined && n.atSeconds > t ? round(n.atSeconds) : round(t);
  const audience = n.audience?.filter((a) => a.trim()) ?? [];
  const expect = n.expect?.trim();
  const added: NewEvent<'exercise.added'> = {
    kind: 'exercise.added',
    data: { inject: id, title, text, atSeconds: at, ...(audience.length ? { audience } : {}), ...(n.channel ? { channel: n.channel } : {}), ...(expect ? { expect } : {}) },
  };
  if (at > t) return { events: [added], fires: [] };
  const scheduled: ScheduledInject = {
    id,
    atSeconds: at,
    kind: 'message',
    text,
    facilitator: '',
    inject: { id, at_seconds: at, kind: 'message', text, facilitator: '', expect: expect ? [{ text: expect }] : [] },
    title,
    added: true,
    ...(audience.length ? { audience } : {}),
    ...(n.channel ? { channel: n.channel } : {}),
  };
  return { events: [added, inject(scheduled, t, 'scheduled')], fires: [scheduled] };
}

function start(r: DrillRecord, schedule: readonly ScheduledInject[], who: DrillWho, now: number, act: { speed: number; seed?: number }): DrillDecision {
  const actor = actorOf(who);
  const console = consoleOf(who);
  const at = console ? { console } : {};
  if (r.clock) {
    const claimed = claim(r, who);
    if (claimed) return claimed;
    if (isController(r, who)) return none(); // this console already drives
    if (r.controller === actor) {
      // The controller back in a new console (a restart, or a second terminal asked to drive): an explicit,
      // recorded move of the lease, so the console it left stops driving.
      if (!console) return none();
      return { events: [{ kind: 'exercise.lease', data: { holder: actor, ...at, from: actor, ...(r.controllerConsole ? { fromConsole: r.controllerConsole } : {}), detail: 'took control back in a new console' } }], fires: [] };
    }
    if (r.controller) return none(`drill: ${r.controller} controls this drill; you joined as observer (they can hand control to you with H)`);
    return { events: [{ kind: 'exercise.lease', data: { holder: actor, ...at, detail: 'took control of a drill nobody held' } }], fires: [] };
  }
  const due = schedule.filter((i) => i.atSeconds <= 0);
  return {
    events: [
      { kind: 'exercise.lease', data: { holder: actor, ...at } },
      clock('start', 0, checkSpeed(act.speed), act.seed !== undefined ? `seed ${act.seed}` : undefined, act.seed),
      ...due.map((i) => inject(i, 0, 'scheduled')),
    ],
    fires: due,
  };
}
