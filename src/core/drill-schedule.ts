// Which scheduled drills are due: each drill runbook has a cadence, each exercise incident that ran it is a
// run; a drill never run, or last run longer than its cadence ago, is overdue.
export interface ScheduledDrill {
  id: string;
  title: string;
  cadence_seconds: number;
}

export interface DrillRun {
  scenario: string;
  /** When the exercise was opened (ISO 8601). */
  at: string;
  incident: string;
}

export interface DrillDue {
  id: string;
  title: string;
  cadence_seconds: number;
  last?: { at: string; incident: string };
  /** When the next run is due (ISO 8601); undefined when it has never run (due now). */
  dueAt?: string;
  overdue: boolean;
  /** Seconds past due (0 when not overdue or never run). */
  overdueSeconds: number;
}

export function drillsDue(drills: readonly ScheduledDrill[], runs: readonly DrillRun[], nowMs: number): DrillDue[] {
  return drills
    .map((d): DrillDue => {
      const last = runs.filter((r) => r.scenario === d.id).sort((a, b) => b.at.localeCompare(a.at))[0];
      if (!last) return { id: d.id, title: d.title, cadence_seconds: d.cadence_seconds, overdue: true, overdueSeconds: 0 };
      const due = Date.parse(last.at) + d.cadence_seconds * 1000;
      return {
        id: d.id, title: d.title, cadence_seconds: d.cadence_seconds,
        last: { at: last.at, incident: last.incident },
        dueAt: new Date(due).toISOString(),
        overdue: nowMs > due,
        overdueSeconds: Math.max(0, Math.round((nowMs - due) / 1000)),
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.id.localeCompare(b.id));
}
