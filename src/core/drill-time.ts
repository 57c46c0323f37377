// A drill's clocks run on exercise time: the facilitator's pauses, speed-ups and jumps are on the timeline
// as exercise.clock events, so any wall-clock instant of the drill maps back to exercise time. Durations
// measured in a drill (RTO, update cadence, escalations, inject response) use this mapping, never the wall clock.
import type { TimelineEvent } from './events.js';
import type { IncidentState } from './fold.js';
import { formatOffset } from './drill.js';

/** Maps a wall-clock instant (ms) to the drill's own time, as ms since the epoch starting where the drill started. */
export type TimeMap = (wallMs: number) => number;

interface Segment {
  wall: number;
  sim: number;
  speed: number;
  paused: boolean;
}

/**
 * The drill's time map from its exercise.clock and exercise.inject events. Before the drill starts and for a live
 * incident it is the identity. A control that records `simSeconds` fixes exercise time exactly; older journals
 * without it are followed by integrating the recorded speeds (a jump then lands on the next inject's offset).
 */
export function drillTime(events: readonly TimelineEvent[]): TimeMap {
  const segments = drillSegments(events);
  if (segments.length === 0) return (t) => t;
  const origin = segments[0]!.wall;
  return (wallMs) => {
    if (wallMs < origin) return wallMs;
    let seg = segments[0]!;
    for (const s of segments) if (s.wall <= wallMs) seg = s;
    return origin + seg.sim + (seg.paused ? 0 : (wallMs - seg.wall) * seg.speed);
  };
}

/**
 * The inverse: the wall-clock instant a drill-time instant (as drillTime gives it) first fell at, or would fall
 * at if the clock kept its last speed. A report shows this as a time of day, never the drill instant itself.
 */
export function wallTimeOf(events: readonly TimelineEvent[]): TimeMap {
  const segments = drillSegments(events);
  if (segments.length === 0) return (t) => t;
  const origin = segments[0]!.wall;
  return (drillMs) => {
    if (drillMs < origin) return drillMs;
    const sim = drillMs - origin;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const next = segments[i + 1];
      if (sim < seg.sim) return seg.wall; // jumped over: it fell at the jump
      const reach = seg.paused ? seg.sim : next ? seg.sim + (next.wall - seg.wall) * seg.speed : Infinity;
      if (sim <= reach && (!seg.paused || sim === seg.sim)) return seg.wall + (seg.paused ? 0 : (sim - seg.sim) / seg.speed);
    }
    const last = segments.at(-1)!;
    return last.wall + (sim - last.sim) / (last.speed || 1);
  };
}

function drillSegments(events: readonly TimelineEvent[]): Segment[] {
  const segments: Segment[] = [];
  for (const e of events) {
    const wall = Date.parse(e.ts);
    if (Number.isNaN(wall)) continue;
    const last = segments.at(-1);
    const simNow = last ? last.sim + (last.paused ? 0 : (wall - last.wall) * last.speed) : 0;
    if (e.kind === 'exercise.inject') {
      // An inject records the drill time it fired at; an older journal only its offset, which pins exercise time
      // when the clock events do not (a jump). An inject fired early (F, K) fired before its offset: no pin then.
      const fired = typeof e.data.firedAtSeconds === 'number' ? e.data.firedAtSeconds : e.data.how === 'early' ? undefined : e.data.offsetSeconds;
      if (last && typeof fired === 'number' && fired * 1000 > simNow) segments.push({ ...last, wall, sim: fired * 1000 });
      continue;
    }
    if (e.kind !== 'exercise.clock') continue;
    const control = String(e.data.control);
    const speed = typeof e.data.speed === 'number' && e.data.speed > 0 ? e.data.speed : (last?.speed ?? 1);
    const sim = typeof e.data.simSeconds === 'number' ? e.data.simSeconds * 1000 : simNow;
    segments.push({ wall, sim, speed, paused: control === 'pause' || control === 'end' ? true : control === 'resume' || control === 'start' ? false : (last?.paused ?? false) });
  }
  return segments;
}

/** An ISO instant moved onto the drill's time. */
export const onDrillTime = (map: TimeMap, iso: string): string => new Date(map(Date.parse(iso))).toISOString();

const mapAt = <T extends { at: string }>(map: TimeMap, x: T): T => ({ ...x, at: onDrillTime(map, x.at) });
const mapTs = <T extends { ts: string }>(map: TimeMap, x: T): T => ({ ...x, ts: onDrillTime(map, x.ts) });
/** An event on drill time, with the start of a check (`startedAt`) moved with it. */
const mapEvent = (map: TimeMap, e: TimelineEvent): TimelineEvent => {
  const started = e.data.startedAt;
  const moved = typeof started === 'string' && !Number.isNaN(Date.parse(started)) ? { data: { ...e.data, startedAt: onDrillTime(map, started) } } : {};
  return { ...mapTs(map, e), ...moved };
};

/**
 * The incident's state and events with every instant moved onto exercise time, for measuring durations. A live
 * incident comes back as it is. Only for arithmetic: what is shown as a time of day stays on the wall clock.
 */
export function onExerciseTime(state: IncidentState, events: readonly TimelineEvent[], now: number): { state: IncidentState; events: readonly TimelineEvent[]; now: number } {
  if (state.mode !== 'exercise') return { state, events, now };
  const map = drillTime(events);
  const milestones: IncidentState['milestones'] = {};
  for (const [k, m] of Object.entries(state.milestones) as [keyof IncidentState['milestones'], NonNullable<IncidentState['milestones'][keyof IncidentState['milestones']]>][]) milestones[k] = mapAt(map, m);
  const steps: IncidentState['steps'] = {};
  for (const [k, st] of Object.entries(state.steps)) {
    steps[k] = {
      ...st,
      ...(st.startedAt ? { startedAt: onDrillTime(map, st.startedAt) } : {}),
      ...(st.endedAt ? { endedAt: onDrillTime(map, st.endedAt) } : {}),
      ...(st.verification ? { verification: mapAt(map, st.verification) } : {}),
    };
  }
  return {
    state: {
      ...state,
      openedAt: onDrillTime(map, state.openedAt),
      milestones,
      steps,
      severityHistory: state.severityHistory.map((h) => mapAt(map, h)),
      statusHistory: state.statusHistory.map((h) => mapAt(map, h)),
      commsSent: state.commsSent.map((c) => mapTs(map, c)),
    },
    events: events.map((e) => mapEvent(map, e)),
    now: map(now),
  };
}

/** Seconds on the drill's clock (T+) of each wall instant: what every figure of a drill is given in. */
export function drillOffsetOf(events: readonly TimelineEvent[]): (iso: string) => number {
  const map = drillTime(events);
  const start = events.find((e) => e.kind === 'exercise.clock');
  const origin = start ? Date.parse(start.ts) : NaN;
  return (iso) => (Number.isNaN(origin) ? 0 : Math.max(0, (map(Date.parse(iso)) - origin) / 1000));
}

/**
 * What a status update drafted in a drill is written on: the state and now on drill time, instants read as T+,
 * and the EXERCISE marker so nobody takes it for a real outage. A live incident comes back as it is.
 */
export function commsClock(state: IncidentState, events: readonly TimelineEvent[], now: number): { state: IncidentState; now: number; formatAt?: (ms: number) => string; marker: string } {
  if (state.mode !== 'exercise') return { state, now, marker: '' };
  const timed = onExerciseTime(state, events, now);
  const start = events.find((e) => e.kind === 'exercise.clock');
  const origin = start ? Date.parse(start.ts) : Date.parse(state.openedAt);
  return { state: timed.state, now: timed.now, formatAt: (ms) => formatOffset((ms - origin) / 1000), marker: '[EXERCISE] ' };
}
