// Clock arithmetic for the console: the next status update, and escalation timers (the RTO verdict is in lifecycle.ts).
// Pure: every function takes `now` (ms since the epoch) from the caller's Clock.
const MINUTE = 60_000;

export interface CommsCadence {
  first_update_minutes: number;
  cadence_minutes: number;
}

/** When the next status update is due: the first within `first_update_minutes` of declaring, then every cadence after the last one sent. */
export function nextUpdateDue(plan: CommsCadence, declaredAtMs: number, sentAtMs: readonly number[]): number {
  const after = sentAtMs.filter((t) => t >= declaredAtMs);
  if (after.length === 0) return declaredAtMs + plan.first_update_minutes * MINUTE;
  return Math.max(...after) + plan.cadence_minutes * MINUTE;
}

export interface EscalationLevel {
  level: number | string;
  after_minutes: number;
  who: string;
}

export interface EscalationTimer {
  level: string;
  who: string;
  dueAt: number;
  /** Negative once the timer has passed. */
  remainingMs: number;
  fired: boolean;
  /** Due and not yet recorded: the caller records `escalation.fired`. */
  due: boolean;
}

export const escalationLevelName = (level: number | string): string =>
  typeof level === 'number' || /^\d+$/.test(level) ? `level ${level}` : level;

/**
 * Escalation timers counted from `startMs` (the declared milestone). `fired` holds the levels already recorded
 * on the timeline. Stops escalating once `stopped` (the incident is mitigated or resolved).
 */
export function escalationTimers(
  levels: readonly EscalationLevel[],
  startMs: number,
  fired: ReadonlySet<string>,
  now: number,
  stopped = false,
): EscalationTimer[] {
  return [...levels]
    .sort((a, b) => a.after_minutes - b.after_minutes)
    .map((l) => {
      const level = escalationLevelName(l.level);
      const dueAt = startMs + l.after_minutes * MINUTE;
      const wasFired = fired.has(level);
      return { level, who: l.who, dueAt, remainingMs: dueAt - now, fired: wasFired, due: !wasFired && !stopped && now >= dueAt };
    });
}

/** "1h 02m", "4m 05s", "12s"; a leading "-" when the duration is negative (overdue). */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${sign}${d}d ${pad(h)}h`;
  if (h > 0) return `${sign}${h}h ${pad(m)}m`;
  if (m > 0) return `${sign}${m}m ${pad(s)}s`;
  return `${sign}${s}s`;
}
