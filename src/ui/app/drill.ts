// The drill in this console: which role it plays and what the record says of the clock and the injects.
// Every decision is pure core (decideDrill on foldDrill of the timeline); here it meets the console: keys,
// ticks, the append onto the head it was decided on, and the exercise AWS clock.
import { decideDrill, foldDrill, roleOf, scheduleDrill, withAdded, type DrillAct, type DrillDecision, type DrillRecord, type DrillRole, type DrillWho, type ExerciseClock, type TimelineEvent } from '../../core/index.js';
import { hiddenSeqs, viewerOf, withArrivals } from './drill-inbox.js';
import { scenariosOf } from './checklist.js';
import type { Command } from '../keymap.js';
import type { Effect } from './msg.js';
import type { AppState, DrillView } from './state.js';
import { drillPrompt } from './drill-prompts.js';

export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
type Result = [AppState, Effect[]];

const toastOf = (s: AppState, text: string, tone: 'ok' | 'warn' | 'muted' = 'warn'): AppState => ({ ...s, toast: { text, tone, at: s.now } });

/** One fold per timeline: the same events array always gives the same record. */
const folds = new WeakMap<readonly TimelineEvent[], DrillRecord>();
export function drillRecord(events: readonly TimelineEvent[]): DrillRecord {
  let r = folds.get(events);
  if (!r) folds.set(events, (r = foldDrill(events)));
  return r;
}

/** This console in the drill: the person and, when it has one, the console instance the lease names. */
export const whoOf = (s: AppState): DrillWho => (s.config.consoleId ? { actor: s.config.actor, console: s.config.consoleId } : s.config.actor);

/** The role this console will have once `decision` is read back from the journal. */
function roleAfter(record: DrillRecord, who: DrillWho, act: DrillAct, decision: DrillDecision): DrillRole {
  const lease = decision.events.find((e) => e.kind === 'exercise.lease');
  const joined = decision.events.find((e) => e.kind === 'exercise.joined');
  if ((act.kind === 'start' && !decision.refused) || lease) return 'controller';
  if (joined) return joined.data.role as DrillRole;
  return roleOf(record, who) ?? (act.kind === 'join' ? act.role : 'observer');
}

/** A stopped clock at zero, shown until the start is read back from the journal. */
const notStarted = (now: number): ExerciseClock => ({ anchorSim: 0, anchorReal: now, speed: 1, paused: true });

/**
 * Joins the drill of the exercise just opened: as its controller when asked to drive it (`warroom exercise`,
 * --facilitator) and nobody else holds it, else in this console's role. Both are recorded.
 */
export function joinDrill(s: AppState, drive?: { speed: number; seed?: number }): Result {
  const v = s.incident;
  if (!v || v.incident.mode !== 'exercise') return [s, []];
  const record = drillRecord(v.events);
  const who = whoOf(s);
  const seed = record.seed ?? (record.clock ? undefined : drive?.seed);
  const injects = scenariosOf(v.incident, s.catalog).flatMap((sc) => [...(sc.injects ?? [])]);
  const schedule = scheduleDrill(injects, v.incident.params, seed);
  if (schedule.length === 0) return [toastOf(s, "this exercise's scenarios have no injects to drill"), []];
  // Asked to drive, this console starts the drill or takes the lease back for its person; otherwise it joins
  // in its role (the lease names a console, so the controller's other terminals only watch).
  const joinAs = s.config.drillRole ?? 'player';
  let act: DrillAct = drive ? { kind: 'start', speed: drive.speed, ...(seed !== undefined ? { seed } : {}) } : { kind: 'join', role: joinAs };
  let decision = decideDrill(record, schedule, who, s.now, act);
  let next = s;
  if (decision.refused && act.kind === 'start') {
    // Someone else holds the drill: this console watches instead of becoming a second driver.
    next = toastOf(s, decision.refused);
    act = { kind: 'join', role: 'observer' };
    decision = decideDrill(record, schedule, who, s.now, act);
  }
  const role = roleAfter(record, who, act, decision);
  if (!drive && role === 'observer' && joinAs !== 'observer' && record.controller === s.config.actor) {
    next = toastOf(next, `drill: your console ${record.controllerConsole ?? ''} controls this drill; this one watches (open it with --facilitator to take control here)`, 'muted');
  }
  const drill: DrillView = {
    incidentId: v.id,
    session: { clock: record.clock ?? notStarted(s.now), schedule: withAdded(record, schedule), fired: firedIds(record) },
    facilitator: role === 'controller',
    role,
    startedAt: record.startedAt ?? s.now,
  };
  const effects: Effect[] = decision.events.length ? [{ type: 'drill-append', id: v.id, events: decision.events, afterSeq: record.headSeq, quiet: false, act, attempt: 0 }] : [];
  // This console's simulated AWS has not seen the injects fired before it opened the drill (a late joiner, a
  // restarted controller): they are applied again, in order, once the drill clock is set.
  const setup = { mode: 'exercise' as const, scenarios: [...v.incident.scenarios], params: { ...v.incident.params } };
  const replay: Effect[] = firedIds(record).map((inject) => ({ type: 'apply-inject', setup, inject, replay: true }));
  return [withHidden({ ...next, drill }), [...effects, clockEffect(drill), ...replay]];
}

/** Hides from the timeline what this console's role must not see (injects aimed at others, injects ahead). */
function withHidden(s: AppState): AppState {
  const v = s.incident;
  if (!v || !s.drill || s.drill.incidentId !== v.id) return s;
  const script = new Map(s.drill.session.schedule.filter((i) => !i.added).map((i) => [i.id, i.audience ?? []]));
  const hidden = hiddenSeqs(v.events, viewerOf(s, v), script, v.hidden);
  return hidden === v.hidden ? s : { ...s, incident: { ...v, hidden } };
}

/** Brings the drill view up to the record after events were read; tells the runner when the clock changed. */
export function syncDrill([s, effects]: Result): Result {
  const d = s.drill;
  const v = s.incident;
  if (!d || !v || v.id !== d.incidentId) return [s, effects];
  const record = drillRecord(v.events);
  const clock = record.clock ?? d.session.clock;
  const fired = firedIds(record);
  const role = roleOf(record, whoOf(s)) ?? d.role;
  const schedule = withAdded(record, d.session.schedule.filter((i) => !i.added));
  const lastId = fired.at(-1);
  const lastFired = lastId ? schedule.find((i) => i.id === lastId) : undefined;
  const drill: DrillView = {
    ...d,
    session: { ...d.session, clock, fired, schedule },
    role,
    facilitator: role === 'controller',
    startedAt: record.startedAt ?? d.startedAt,
    ...(lastFired ? { lastFired } : {}),
    ...(record.ended ? { ended: record.ended } : {}),
  };
  const changed = JSON.stringify(clock) !== JSON.stringify(d.session.clock) || drill.startedAt !== d.startedAt;
  return [withArrivals(withHidden({ ...s, drill }), d.session.fired), changed ? [...effects, clockEffect(drill)] : effects];
}

/** A tick or a control, decided on the record and appended onto the head it was decided on. */
export function stepDrill(s: AppState, act: DrillAct, attempt = 0): Result {
  const d = s.drill;
  const v = s.incident;
  if (!d || !v || v.id !== d.incidentId) return [s, []];
  const record = drillRecord(v.events);
  const decision = decideDrill(record, d.session.schedule.filter((i) => !i.added), whoOf(s), s.now, act);
  if (decision.refused) return [toastOf(s, decision.refused, 'muted'), []];
  if (decision.events.length === 0) return [s, []];
  return [s, [{ type: 'drill-append', id: d.incidentId, events: decision.events, afterSeq: record.headSeq, quiet: act.kind === 'tick', act, attempt }]];
}

const MAX_DRILL_ATTEMPTS = 8;

/** An act that lost the race to another console's write, decided again on the record as now read. */
export function retryDrill(s: AppState, act: DrillAct, attempt: number): Result {
  if (attempt >= MAX_DRILL_ATTEMPTS) return [toastOf(s, 'drill: the timeline kept moving; nothing recorded (press it again)'), []];
  return stepDrill(s, act, attempt);
}

/** The drill keys. A console that is not the controller gets one line saying who is. */
export function drillCommand(s: AppState, cmd: Extract<Command, `drill-${string}`>): Result {
  const d = s.drill;
  if (!d) return [toastOf(s, 'no drill in this console (open an exercise incident)'), []];
  // The keys act on the drill in view only: a facilitator glancing at another incident must not steer it blind.
  if (s.incident?.id !== d.incidentId) return [toastOf(s, `the drill runs on ${d.incidentId}: open it to control the drill`), []];
  const clock = d.session.clock;
  switch (cmd) {
    case 'drill-pause':
      return stepDrill(s, { kind: clock.paused ? 'resume' : 'pause' });
    case 'drill-faster':
    case 'drill-slower': {
      const speed = nextSpeed(clock.speed, cmd === 'drill-faster' ? 1 : -1);
      if (speed === undefined && d.role === 'controller') return [toastOf(s, `the drill clock is already at x${clock.speed}`, 'muted'), []];
      return stepDrill(s, { kind: 'speed', speed: speed ?? clock.speed }); // anyone else is told who controls the drill
    }
    case 'drill-next':
      return stepDrill(s, { kind: 'next' });
    case 'drill-fire':
      return stepDrill(s, { kind: 'fire' });
    case 'drill-script':
    case 'drill-handover':
    case 'drill-end':
    case 'drill-injects':
    case 'drill-mark':
    case 'drill-add':
      return drillPrompt(s, d, cmd);
  }
}


/** The next step of SPEEDS above or below `speed` (which --speed may have set between two steps). */
export function nextSpeed(speed: number, direction: 1 | -1): number | undefined {
  return direction > 0 ? SPEEDS.find((x) => x > speed) : [...SPEEDS].reverse().find((x) => x < speed);
}

const clockEffect = (d: DrillView): Effect => ({ type: 'drill-clock', clock: d.session.clock, startedAt: d.startedAt });

/** Injects in the order the record fired them. */
const firedIds = (r: DrillRecord): string[] => Object.entries(r.fired).sort(([, a], [, b]) => a.seq - b.seq).map(([id]) => id);
