// Milestones, the intervals between them, the impact window and how long the incident spent at each severity.
import { MILESTONES, type Milestone } from '../events.js';
import type { IncidentState } from '../fold.js';
import type { IntervalRow, MilestoneRow, ReportModel } from './model.js';
import { isoFromMs, secondsBetween } from './time.js';

const INTERVALS: { label: string; from: Milestone; to: Milestone }[] = [
  { label: 'time to detect', from: 'impact-started', to: 'detected' },
  { label: 'time to declare', from: 'detected', to: 'declared' },
  { label: 'time to mitigate', from: 'declared', to: 'mitigated' },
  { label: 'time to resolve', from: 'mitigated', to: 'resolved' },
  { label: 'impact to resolution', from: 'impact-started', to: 'resolved' },
];

export function milestoneSection(s: IncidentState): ReportModel['milestones'] {
  const rows: MilestoneRow[] = MILESTONES.map((m) => {
    const ms = s.milestones[m];
    return {
      milestone: m,
      at: ms?.at ?? null,
      setBy: ms?.actor ?? null,
      seq: ms?.seq ?? null,
      backdated: ms?.backdated ?? false,
      missing: !ms,
    };
  });
  const intervals: IntervalRow[] = INTERVALS.map((i) => {
    const seconds = secondsBetween(s.milestones[i.from]?.at, s.milestones[i.to]?.at);
    return { ...i, seconds, outOfOrder: seconds !== null && seconds < 0 };
  });
  return { rows, intervals, warnings: [...s.warnings] };
}

/** When the incident stopped hurting: mitigated, else resolved; null while it goes on. */
export function recoveredAt(s: IncidentState): string | null {
  return s.milestones.mitigated?.at ?? s.milestones.resolved?.at ?? null;
}

/** When the incident ended for severity bookkeeping: resolved milestone, else the status change to resolved/closed. */
function endedAt(s: IncidentState): string | null {
  if (s.milestones.resolved) return s.milestones.resolved.at;
  const st = s.statusHistory.find((h) => h.status === 'resolved' || h.status === 'closed');
  return st?.at ?? null;
}

export function impactSection(s: IncidentState, now: number): ReportModel['impact'] {
  const start = s.milestones['impact-started']?.at ?? null;
  const end = recoveredAt(s);
  const finished = endedAt(s);
  const nowIso = isoFromMs(now);
  const severities = s.severityHistory.map((h, i) => {
    const next = s.severityHistory[i + 1];
    const to = next ? next.at : finished;
    // An incident recorded after its impact began had its first severity from the impact, not from the record.
    const from = i === 0 && start && start < h.at ? start : h.at;
    return {
      severity: h.severity,
      from,
      to,
      // While the incident is open, the current severity has lasted until now (and is marked ongoing).
      seconds: secondsBetween(from, to ?? nowIso),
      ongoing: to === null,
    };
  });
  return { start, end, seconds: end ? secondsBetween(start, end) : null, ongoing: end === null, severities };
}
