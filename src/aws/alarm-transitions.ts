// Pure detection of alarm state changes between two polls, so the console can record each on the timeline.
import type { AlarmState, AlarmTransition } from './ports.js';

const key = (a: Pick<AlarmState, 'region' | 'name'>) => `${a.region}\u0000${a.name}`;

/**
 * Transitions from `previous` to `current`. The first poll (previous undefined) is a baseline and reports
 * none; an alarm seen for the first time later reports a transition from "(new)", unless it is simply OK
 * (a newly watched scenario's healthy alarms are not news). Regions that failed
 * this poll are passed in `unreadRegions`, and their alarms are neither compared nor forgotten.
 */
export function detectTransitions(
  previous: ReadonlyMap<string, AlarmState> | undefined,
  current: readonly AlarmState[],
): AlarmTransition[] {
  if (!previous) return [];
  const out: AlarmTransition[] = [];
  for (const a of current) {
    const before = previous.get(key(a));
    if (before ? before.state === a.state : a.state === 'OK') continue;
    out.push({ alarm: a.name, from: before ? before.state : '(new)', to: a.state, reason: a.reason, at: a.updatedAt, region: a.region });
  }
  return out;
}

/** Keeps one map of the last known state per alarm; regions that could not be read keep their old entries. */
export function rememberAlarms(previous: ReadonlyMap<string, AlarmState> | undefined, current: readonly AlarmState[], unreadRegions: ReadonlySet<string>): Map<string, AlarmState> {
  const next = new Map<string, AlarmState>();
  for (const [k, a] of previous ?? []) if (unreadRegions.has(a.region)) next.set(k, a);
  for (const a of current) next.set(key(a), a);
  return next;
}

/** A stateful tracker both alarm adapters share. */
export function transitionTracker() {
  let last: Map<string, AlarmState> | undefined;
  return (current: readonly AlarmState[], unreadRegions: ReadonlySet<string> = new Set()): AlarmTransition[] => {
    const transitions = detectTransitions(last, current);
    last = rememberAlarms(last, current, unreadRegions);
    return transitions;
  };
}
