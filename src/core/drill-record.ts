// The drill as the timeline records it: who controls it, who joined in which role, the exercise clock and
// which injects fired. Every console folds the same events, so after any restart each shows the same T+ and
// the same pause state, and the controller decides what to fire from the record alone: an inject already on
// it is never fired again, whichever terminals come and go.
import type { TimelineEvent } from './events.js';
import { MAX_SPEED, MIN_SPEED, simElapsed, type ExerciseClock } from './exercise-clock.js';
import type { ScheduledInject } from './drill.js';
import { channelOfData } from './drill-audience.js';

export const DRILL_ROLES = ['controller', 'player', 'evaluator', 'observer'] as const;
export type DrillRole = (typeof DRILL_ROLES)[number];
export type InjectHow = 'scheduled' | 'early' | 'jumped';

/**
 * Who acts on a drill: a person at one console. The lease names the console, so a second terminal of the same
 * person is not a second driver. A bare name is a console that has no id (journals and callers from before).
 */
export type DrillWho = string | { actor: string; console: string };
export const actorOf = (who: DrillWho): string => (typeof who === 'string' ? who : who.actor);
export const consoleOf = (who: DrillWho): string | undefined => (typeof who === 'string' ? undefined : who.console);

export interface FiredInject {
  seq: number;
  /** Wall time it fired (the event's ts). */
  ts: string;
  /** Drill time it fired at. */
  firedAtSeconds: number;
  how: InjectHow;
}

export interface DrillRecord {
  /** Wall ms of the start control; undefined until the drill starts. */
  startedAt?: number;
  seed?: number;
  /** The actor holding the lease: the only one whose console moves the clock and fires injects. */
  controller?: string;
  /** The console holding the lease; undefined when the lease names only a person (older journals). */
  controllerConsole?: string;
  /** Each console that joined: its person and role (the controller's console is in the lease). */
  consoles: Record<string, { actor: string; role: Exclude<DrillRole, 'controller'> }>;
  /** Injects the controller wrote during the drill, each to fire once at its drill time. */
  added: ScheduledInject[];
  /** Each participant's latest role, the controller included. */
  roles: Record<string, DrillRole>;
  /** The exercise clock as of the last control (anchorReal is that control's wall time). */
  clock?: ExerciseClock;
  /** Set by an explicit end or by resolving the incident: the clock stops there. */
  ended?: { atSeconds: number; reason: 'ended' | 'resolved'; seq: number };
  fired: Record<string, FiredInject>;
  /** Injects the controller took out of the script: they never fire. */
  skipped: string[];
  /** The last event folded: a decision is appended only onto this head. */
  headSeq: number;
}

const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** Folds the drill out of a timeline (any order of consoles, quits and restarts gives the same answer). */
export function foldDrill(events: readonly TimelineEvent[]): DrillRecord {
  const r: DrillRecord = { roles: {}, consoles: {}, added: [], fired: {}, skipped: [], headSeq: 0 };
  const roleBeforeControl = new Map<string, Exclude<DrillRole, 'controller'>>();
  for (const e of events) {
    r.headSeq = Math.max(r.headSeq, e.seq);
    const wall = Date.parse(e.ts);
    if (Number.isNaN(wall)) continue;
    const d = e.data;
    switch (e.kind) {
      case 'exercise.lease': {
        r.controller = String(d.holder);
        const had = r.roles[r.controller];
        if (had && had !== 'controller') roleBeforeControl.set(r.controller, had);
        r.roles[r.controller] = 'controller';
        if (typeof d.console === 'string') r.controllerConsole = d.console;
        else delete r.controllerConsole;
        // Handing control on gives back the role held before taking it (an evaluator evaluates again).
        if (typeof d.from === 'string' && d.from !== r.controller && r.roles[d.from] === 'controller') r.roles[d.from] = roleBeforeControl.get(d.from) ?? 'observer';
        break;
      }
      case 'exercise.joined': {
        const role = d.role as Exclude<DrillRole, 'controller'>;
        if (e.actor !== r.controller) r.roles[e.actor] = role;
        if (typeof d.console === 'string') r.consoles[d.console] = { actor: e.actor, role };
        break;
      }
      case 'exercise.added':
        foldAdded(r, e);
        break;
      case 'exercise.clock':
        if (!r.ended) foldClock(r, e, wall);
        break;
      case 'exercise.inject':
        foldInject(r, e, wall);
        break;
      case 'status.changed':
        if ((d.status === 'resolved' || d.status === 'closed') && r.clock && !r.ended) stopAt(r, wall, 'resolved', e.seq);
        break;
    }
  }
  return r;
}

function foldClock(r: DrillRecord, e: TimelineEvent, wall: number): void {
  const d = e.data;
  const control = String(d.control);
  if (control === 'start') {
    r.startedAt ??= wall;
    if (typeof d.seed === 'number') r.seed = d.seed;
    // Journals from before the lease: whoever started the drill controls it.
    if (!r.controller) {
      r.controller = e.actor;
      r.roles[e.actor] = 'controller';
    }
  }
  const prev = r.clock;
  const recorded = num(d.simSeconds);
  const anchorSim = recorded !== undefined ? recorded * 1000 : prev ? simElapsed(prev, wall) : 0;
  // A speed out of range (a hand-edited journal) is ignored rather than trusted.
  const given = num(d.speed);
  const speed = given !== undefined && given >= MIN_SPEED && given <= MAX_SPEED ? given : (prev?.speed ?? 1);
  const paused = control === 'pause' || control === 'end' ? true : control === 'resume' || control === 'start' ? false : (prev?.paused ?? false);
  r.clock = { anchorSim, anchorReal: wall, speed, paused };
  if (control === 'end') r.ended = { atSeconds: anchorSim / 1000, reason: 'ended', seq: e.seq };
  if (control === 'skip' && typeof d.inject === 'string' && !r.fired[d.inject]) r.skipped.push(d.inject);
}

function foldInject(r: DrillRecord, e: TimelineEvent, wall: number): void {
  const id = String(e.data.inject);
  if (r.fired[id]) return; // a duplicate in an older journal counts once
  const offset = num(e.data.offsetSeconds);
  let at = num(e.data.firedAtSeconds);
  if (at === undefined && r.clock && !r.ended) {
    // Older journals: an inject fires at its offset, which pins drill time when a jump recorded none.
    const now = simElapsed(r.clock, wall);
    if (offset !== undefined && offset * 1000 > now) r.clock = { ...r.clock, anchorSim: offset * 1000, anchorReal: wall };
    at = simElapsed(r.clock, wall) / 1000;
  }
  const how = e.data.how === 'early' || e.data.how === 'jumped' ? e.data.how : 'scheduled';
  r.fired[id] = { seq: e.seq, ts: e.ts, firedAtSeconds: at ?? 0, how };
}

function foldAdded(r: DrillRecord, e: TimelineEvent): void {
  const d = e.data;
  const id = String(d.inject);
  if (r.added.some((i) => i.id === id)) return;
  const at = num(d.atSeconds) ?? 0;
  const audience = Array.isArray(d.audience) ? d.audience.filter((a): a is string => typeof a === 'string') : [];
  const channel = channelOfData(d.channel);
  const expect = typeof d.expect === 'string' && d.expect ? [{ text: d.expect }] : [];
  r.added.push({
    id,
    atSeconds: at,
    kind: 'message',
    text: String(d.text),
    facilitator: `added by ${e.actor} during the drill`,
    inject: { id, at_seconds: at, kind: 'message', text: String(d.text), facilitator: '', expect, ...(audience.length ? { audience } : {}) },
    title: String(d.title),
    added: true,
    ...(audience.length ? { audience } : {}),
    ...(channel ? { channel } : {}),
  });
}

function stopAt(r: DrillRecord, wall: number, reason: 'resolved', seq: number): void {
  const at = simElapsed(r.clock!, wall);
  r.clock = { ...r.clock!, anchorSim: at, anchorReal: wall, paused: true };
  r.ended = { atSeconds: at / 1000, reason, seq };
}

/** Drill seconds at wall time `now` (frozen while paused and after the end). */
export const drillSeconds = (r: DrillRecord, now: number): number => (r.clock ? simElapsed(r.clock, now) / 1000 : 0);

/**
 * True when `who` holds the lease: its console, or the person when the lease names no console. A caller that
 * names no console (the one-shot `warroom exercise inject`, older callers) acts for the person.
 */
export function isController(r: DrillRecord, who: DrillWho): boolean {
  const console = consoleOf(who);
  if (r.controllerConsole && console) return r.controllerConsole === console;
  return r.controller !== undefined && r.controller === actorOf(who);
}

/** The role a console (or, given a bare name, a person) has in the drill, if it joined. */
export function roleOf(r: DrillRecord, who: DrillWho): DrillRole | undefined {
  if (isController(r, who)) return 'controller';
  const console = consoleOf(who);
  const joined = console ? r.consoles[console] : undefined;
  if (joined) return joined.role;
  const actor = actorOf(who);
  // The controller's other terminal watches; a bare name keeps the person's role.
  return r.controller === actor ? (console ? undefined : 'controller') : r.roles[actor];
}

/** The script and the injects written during the drill, in drill-time order. */
export const withAdded = (r: DrillRecord, schedule: readonly ScheduledInject[]): ScheduledInject[] =>
  r.added.length === 0 ? [...schedule] : [...schedule, ...r.added].sort((a, b) => a.atSeconds - b.atSeconds);

/**
 * Whether this console records what the simulated AWS does (alarm changes). Every console of a drill runs the
 * same simulation from the same injects and sees the same changes; only the controller's console records them,
 * so each is on the timeline once. An exercise with no drill on the record has no such question.
 */
export const recordsSimulation = (r: DrillRecord, who: DrillWho): boolean => r.controller === undefined || isController(r, who);
