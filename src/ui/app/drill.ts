// A drill driven from this terminal: the facilitator's clock and the injects it fires. The drill session
// is pure core (drillStep); here it meets the console: ticks, keys, the timeline and the exercise AWS clock.
import { drillStep, MAX_SPEED, MIN_SPEED, newDrill, nextInject, scheduleDrill, type DrillControl, type ScheduledInject, type TimelineEvent } from '../../core/index.js';
import { scenariosOf } from './checklist.js';
import type { Command } from '../keymap.js';
import type { Effect } from './msg.js';
import type { AppState, DrillView } from './state.js';

export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
type Result = [AppState, Effect[]];

const clockEffect = (d: DrillView | undefined): Effect => ({ type: 'drill-clock', clock: d?.session.clock, startedAt: d?.startedAt ?? 0 });

/** Starts driving the drill of the open exercise incident, resuming after the injects already on its timeline. */
export function startDrill(s: AppState, opts: { speed: number; seed?: number; facilitator: boolean }): Result {
  const v = s.incident;
  if (!v || v.incident.mode !== 'exercise') return [s, []];
  const fired = firedOnTimeline(v.events);
  const resumed = fired.length > 0;
  // A resumed drill keeps the seed and speed it was running with, whichever terminal started it.
  if (resumed) opts = { ...opts, ...recordedDrill(v.events) };
  const injects = scenariosOf(v.incident, s.catalog).flatMap((sc) => [...(sc.injects ?? [])]);
  const schedule = scheduleDrill(injects, v.incident.params, opts.seed);
  if (schedule.length === 0) return [{ ...s, toast: { text: 'this exercise\'s scenarios have no injects to drill', tone: 'warn', at: s.now } }, []];
  let session = { ...newDrill(schedule, s.now, opts.speed), fired };
  const lastAt = Math.max(0, ...schedule.filter((i) => fired.includes(i.id)).map((i) => i.atSeconds));
  if (resumed) session = { ...session, clock: { ...session.clock, anchorSim: lastAt * 1000 } };
  const r = drillStep(session, resumed ? { kind: 'tick' } : { kind: 'start', speed: opts.speed, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) }, s.now);
  const startEvents = resumed ? [{ kind: 'exercise.clock' as const, data: { control: 'resume', speed: opts.speed, simSeconds: lastAt, detail: `driving from ${s.config.actor}'s terminal after ${fired.length} injects` } }] : [];
  const drill: DrillView = { incidentId: v.id, session: r.session, facilitator: opts.facilitator, startedAt: s.now - lastAt * 1000, ...lastOf(r.firedNow) };
  return [{ ...s, drill }, [{ type: 'append', id: v.id, events: [...startEvents, ...r.events] }, clockEffect(drill)]];
}

/** A tick or a facilitator's control: fires what is due and records everything on the timeline. */
export function stepDrill(s: AppState, control: DrillControl): Result {
  const d = s.drill;
  if (!d) return [s, []];
  const r = drillStep(d.session, control, s.now);
  if (r.events.length === 0 && r.session === d.session) return [s, []];
  const drill: DrillView = { ...d, session: r.session, ...lastOf(r.firedNow) };
  const effects: Effect[] = r.events.length ? [{ type: 'append', id: d.incidentId, events: r.events }] : [];
  if (control.kind !== 'tick') effects.push(clockEffect(drill));
  return [{ ...s, drill }, effects];
}

/** The facilitator's keys. Without a drill in this terminal, P starts driving the open exercise. */
export function drillCommand(s: AppState, cmd: Extract<Command, `drill-${string}`>): Result {
  const d = s.drill;
  if (!d) {
    if (cmd === 'drill-pause' && s.incident?.incident.mode === 'exercise') return startDrill(s, { speed: 1, facilitator: true });
    return [{ ...s, toast: { text: 'no drill is running in this terminal (open an exercise and press P to drive it)', tone: 'warn', at: s.now } }, []];
  }
  // The keys act on the drill in view only: a facilitator glancing at another incident must not steer it blind.
  if (s.incident?.id !== d.incidentId) {
    return [{ ...s, toast: { text: `the drill runs on ${d.incidentId}: open it to control the drill`, tone: 'warn', at: s.now } }, []];
  }
  switch (cmd) {
    case 'drill-pause':
      return stepDrill(s, { kind: d.session.clock.paused ? 'resume' : 'pause' });
    case 'drill-faster':
    case 'drill-slower': {
      const speed = nextSpeed(d.session.clock.speed, cmd === 'drill-faster' ? 1 : -1);
      if (speed === undefined) return [{ ...s, toast: { text: `the drill clock is already at x${d.session.clock.speed}`, tone: 'muted', at: s.now } }, []];
      return stepDrill(s, { kind: 'speed', speed });
    }
    case 'drill-next':
      if (!nextInject(d.session)) return [{ ...s, toast: { text: 'every inject has fired', tone: 'muted', at: s.now } }, []];
      return stepDrill(s, { kind: 'next' });
    case 'drill-fire': {
      const next = nextInject(d.session);
      return next ? stepDrill(s, { kind: 'fire', injectId: next.id }) : [{ ...s, toast: { text: 'every inject has fired', tone: 'muted', at: s.now } }, []];
    }
  }
}

/** The next step of SPEEDS above or below `speed` (which --speed may have set between two steps). */
export function nextSpeed(speed: number, direction: 1 | -1): number | undefined {
  return direction > 0 ? SPEEDS.find((x) => x > speed) : [...SPEEDS].reverse().find((x) => x < speed);
}

/** The seed the drill started with and the speed it last ran at, as recorded on the timeline. */
function recordedDrill(events: readonly TimelineEvent[]): { seed?: number; speed?: number } {
  const clock = events.filter((e) => e.kind === 'exercise.clock');
  const seed = clock.find((e) => e.data.control === 'start')?.data.seed;
  const speed = clock.findLast((e) => typeof e.data.speed === 'number')?.data.speed;
  const usable = typeof speed === 'number' && speed >= MIN_SPEED && speed <= MAX_SPEED; // a hand-edited journal must not crash the console
  return { ...(typeof seed === 'number' ? { seed } : {}), ...(usable ? { speed } : {}) };
}

function firedOnTimeline(events: readonly TimelineEvent[]): string[] {
  return events.filter((e) => e.kind === 'exercise.inject').map((e) => String(e.data.inject));
}

const lastOf = (fired: readonly ScheduledInject[]): { lastFired?: ScheduledInject } => {
  const last = fired.at(-1);
  return last ? { lastFired: last } : {};
};
