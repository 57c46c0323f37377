// Status and milestones tell one story: the milestones keep their order, resolving sets the status, and
// once an incident is resolved nothing counts down any more. Pure: every function takes `now` from a Clock.
import { MILESTONES, STATUSES, type Milestone, type NewEvent, type Status } from './events.js';
import type { IncidentState } from './fold.js';
import { formatDuration } from './timers.js';

type Lifecycle = Pick<IncidentState, 'status' | 'milestones'>;

/** Resolved by status or by milestone: either ends every countdown. */
export const isResolved = (s: Lifecycle): boolean => s.status === 'resolved' || s.status === 'closed' || !!s.milestones.resolved;

/** Mitigated or later: escalation stops. */
export const isMitigated = (s: Lifecycle): boolean =>
  isResolved(s) || !!s.milestones.mitigated || STATUSES.indexOf(s.status) >= STATUSES.indexOf('recovered');

/**
 * The milestone a time for `m` would put out of order (impact-started <= detected <= declared <= mitigated <= resolved),
 * as one line naming it; undefined when the order holds.
 */
export function milestoneConflict(ms: Lifecycle['milestones'], m: Milestone, at: string): string | undefined {
  const t = Date.parse(at);
  const i = MILESTONES.indexOf(m);
  for (let j = 0; j < MILESTONES.length; j++) {
    const other = MILESTONES[j]!;
    const set = ms[other];
    if (j === i || !set) continue;
    const ot = Date.parse(set.at);
    if (j < i && ot > t) return `${m} at ${at} would be before ${other} (${set.at})`;
    if (j > i && ot < t) return `${m} at ${at} would be after ${other} (${set.at})`;
  }
  return undefined;
}

/** The status a milestone moves the incident to, when it moves it forward. */
const STATUS_OF: Partial<Record<Milestone, Status>> = { declared: 'declared', mitigated: 'recovered', resolved: 'resolved' };

const later = (a: Status, b: Status) => STATUSES.indexOf(a) > STATUSES.indexOf(b);

export type Recorded = { events: NewEvent[] } | { error: string };

/**
 * The events that set milestone `m` at `at`: refused when out of order; a milestone set before is corrected by an
 * amendment of the earlier event (never edited); a milestone that moves the status forward changes it too.
 */
export function milestoneEvents(s: Lifecycle, m: Milestone, at: string, backdated: boolean): Recorded {
  const conflict = milestoneConflict(s.milestones, m, at);
  if (conflict) return { error: conflict };
  const events: NewEvent[] = [];
  const old = s.milestones[m];
  if (old) {
    if (old.at === at) return { error: `${m} is already set at ${at}` };
    events.push({ kind: 'amend', data: { target: old.seq, text: `corrected: ${m} was ${old.at}, is ${at}` } });
  }
  events.push({ kind: 'milestone.set', data: { milestone: m, at, backdated } });
  const status = STATUS_OF[m];
  if (status && later(status, s.status)) events.push({ kind: 'status.changed', data: { status, reason: `${m} milestone set` } });
  return { events };
}

/** The events that change the status; resolving (or recovering) sets its milestone when it is missing. */
export function statusEvents(s: Lifecycle, status: Status, reason: string | undefined, nowIso: string): Recorded {
  if (status === s.status) return { error: `the status is already ${status}` };
  const events: NewEvent[] = [{ kind: 'status.changed', data: { status, ...(reason ? { reason } : {}) } }];
  const milestone: Milestone | undefined = status === 'resolved' || status === 'closed' ? 'resolved' : status === 'recovered' ? 'mitigated' : undefined;
  if (milestone && !s.milestones[milestone] && !milestoneConflict(s.milestones, milestone, nowIso)) {
    events.push({ kind: 'milestone.set', data: { milestone, at: nowIso, backdated: false } });
  }
  return { events };
}

export interface Verdict {
  text: string;
  /** ok: met or comfortably ahead; warn: close; crit: missed; unknown: cannot be told. */
  tone: 'ok' | 'warn' | 'crit' | 'unknown';
  /** Milliseconds left against the target while it is still running. */
  leftMs?: number;
}

/**
 * RTO against its target, from impact start to mitigation (or resolution): "not yet", "met", "missed by ..." or
 * "unknown (no impact start)". Never "met" for a recovery that has not happened.
 */
export function rtoVerdict(ms: Lifecycle['milestones'], rtoSeconds: number, now: number): Verdict {
  const impact = ms['impact-started'];
  if (!impact) return { text: 'unknown (no impact start)', tone: 'unknown' };
  const start = Date.parse(impact.at);
  const recovered = ms.mitigated ?? ms.resolved;
  const target = rtoSeconds * 1000;
  if (recovered) {
    const took = Date.parse(recovered.at) - start;
    return took <= target ? { text: `met, ${formatDuration(target - took)} to spare`, tone: 'ok' } : { text: `missed by ${formatDuration(took - target)}`, tone: 'crit' };
  }
  const left = start + target - now;
  if (left < 0) return { text: `missed by ${formatDuration(-left)} (not yet recovered)`, tone: 'crit', leftMs: left };
  return { text: `not yet: ${formatDuration(left)} left`, tone: left < 600_000 ? 'warn' : 'ok', leftMs: left };
}
