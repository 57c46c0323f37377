// A running drill: the facilitator's clock, the schedule and which injects have fired. Every control and
// every inject becomes a timeline event, so the after-action report can replay the drill.
import type { NewEvent } from './events.js';
import { jumpTo, pause, resume, setSpeed, simElapsed, startClock, type ExerciseClock } from './exercise-clock.js';
import type { ScheduledInject } from './drill.js';
import { notFound } from './errors.js';

export interface DrillSession {
  clock: ExerciseClock;
  schedule: ScheduledInject[];
  fired: string[];
}

export type DrillControl =
  | { kind: 'start'; speed: number; seed?: number }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'speed'; speed: number }
  | { kind: 'next' }
  | { kind: 'fire'; injectId: string }
  | { kind: 'tick' };

export interface DrillStepResult {
  session: DrillSession;
  events: NewEvent[];
  /** Injects that fired during this step, for the simulated AWS to act on. */
  firedNow: ScheduledInject[];
}

export function newDrill(schedule: ScheduledInject[], realNow: number, speed: number): DrillSession {
  return { clock: startClock(realNow, speed), schedule, fired: [] };
}

const clockEvent = (control: string, c: ExerciseClock, realNow: number, detail?: string, seed?: number): NewEvent<'exercise.clock'> => ({
  kind: 'exercise.clock',
  data: { control, speed: c.speed, simSeconds: simElapsed(c, realNow) / 1000, ...(seed !== undefined ? { seed } : {}), ...(detail ? { detail } : {}) },
});

const injectEvent = (i: ScheduledInject): NewEvent<'exercise.inject'> => ({
  kind: 'exercise.inject',
  data: { inject: i.id, text: i.text, offsetSeconds: i.atSeconds },
});

export const nextInject = (s: DrillSession) => s.schedule.find((i) => !s.fired.includes(i.id));

/** Applies one control at real time `realNow`, then fires whatever is due. */
export function drillStep(s: DrillSession, control: DrillControl, realNow: number): DrillStepResult {
  const events: NewEvent[] = [];
  let session = s;
  const forced: ScheduledInject[] = [];
  switch (control.kind) {
    case 'start':
      events.push(clockEvent('start', s.clock, realNow, control.seed !== undefined ? `seed ${control.seed}` : undefined, control.seed));
      break;
    case 'pause':
      if (!s.clock.paused) {
        session = { ...s, clock: pause(s.clock, realNow) };
        events.push(clockEvent('pause', session.clock, realNow));
      }
      break;
    case 'resume':
      if (s.clock.paused) {
        session = { ...s, clock: resume(s.clock, realNow) };
        events.push(clockEvent('resume', session.clock, realNow));
      }
      break;
    case 'speed':
      session = { ...s, clock: setSpeed(s.clock, realNow, control.speed) };
      events.push(clockEvent('speed', session.clock, realNow));
      break;
    case 'next': {
      const next = nextInject(s);
      if (next) {
        session = { ...s, clock: jumpTo(s.clock, realNow, next.atSeconds * 1000) };
        events.push(clockEvent('jump', session.clock, realNow, `to ${next.id}`));
      }
      break;
    }
    case 'fire': {
      const inject = s.schedule.find((i) => i.id === control.injectId);
      if (!inject) throw notFound(`no inject "${control.injectId}" in this drill (have: ${s.schedule.map((i) => i.id).join(', ')})`);
      if (!s.fired.includes(inject.id)) {
        events.push(clockEvent('fire', s.clock, realNow, `fired ${inject.id} early`));
        forced.push(inject);
      }
      break;
    }
    case 'tick':
      break;
  }
  const now = simElapsed(session.clock, realNow);
  const due = session.schedule.filter((i) => !session.fired.includes(i.id) && (i.atSeconds * 1000 <= now || forced.includes(i)));
  for (const i of due) events.push(injectEvent(i));
  return { session: { ...session, fired: [...session.fired, ...due.map((i) => i.id)] }, events, firedNow: due };
}

export const drillFinished = (s: DrillSession) => s.fired.length === s.schedule.length;
