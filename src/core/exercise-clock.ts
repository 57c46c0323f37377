// The facilitator's clock for a tabletop exercise: simulated time that can be paused, resumed, sped up
// (x1..x60) and jumped forward. Pure: every operation takes the real time it happens at.
import { usageError } from './errors.js';

export const MIN_SPEED = 1;
export const MAX_SPEED = 60;

export interface ExerciseClock {
  /** Simulated milliseconds since the drill started, as of `anchorReal`. */
  anchorSim: number;
  /** Real epoch milliseconds of the last control. */
  anchorReal: number;
  speed: number;
  paused: boolean;
}

export function startClock(realNow: number, speed = 1): ExerciseClock {
  return { anchorSim: 0, anchorReal: realNow, speed: checkSpeed(speed), paused: false };
}

export function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw usageError(`speed ${Number.isFinite(speed) ? speed : 'given'} is not a speed from x${MIN_SPEED} to x${MAX_SPEED} (e.g. --speed 5)`);
  }
  return speed;
}

/** Simulated milliseconds since the start of the drill. */
export function simElapsed(c: ExerciseClock, realNow: number): number {
  return c.paused ? c.anchorSim : c.anchorSim + Math.max(0, realNow - c.anchorReal) * c.speed;
}

const rebase = (c: ExerciseClock, realNow: number): ExerciseClock => ({ ...c, anchorSim: simElapsed(c, realNow), anchorReal: realNow });

export const pause = (c: ExerciseClock, realNow: number): ExerciseClock => (c.paused ? c : { ...rebase(c, realNow), paused: true });
export const resume = (c: ExerciseClock, realNow: number): ExerciseClock => (c.paused ? { ...c, anchorReal: realNow, paused: false } : c);
export const setSpeed = (c: ExerciseClock, realNow: number, speed: number): ExerciseClock => ({ ...rebase(c, realNow), speed: checkSpeed(speed) });

/** Moves simulated time forward to `simMs` (never backward: what happened stays happened). */
export function jumpTo(c: ExerciseClock, realNow: number, simMs: number): ExerciseClock {
  const now = simElapsed(c, realNow);
  return { ...c, anchorReal: realNow, anchorSim: Math.max(now, simMs) };
}

/** Real milliseconds until simulated time reaches `simMs`; Infinity while paused. */
export function realDelayUntil(c: ExerciseClock, realNow: number, simMs: number): number {
  const remaining = simMs - simElapsed(c, realNow);
  if (remaining <= 0) return 0;
  return c.paused ? Infinity : remaining / c.speed;
}
