// What was done: the runbook checklist as walked, and the AWS actions with their outcomes.
import type { IncidentState, StepState } from '../fold.js';
import type { ActionRow, ScenarioInput, StepRow } from './model.js';
import { fillLenient } from '../comms.js';
import { secondsBetween } from './time.js';

/** Step titles name the incident's resources ({{table}}); a param the incident lacks stays visible. */
export function stepRows(s: IncidentState, scenarios: readonly ScenarioInput[]): StepRow[] {
  const rows: StepRow[] = [];
  const seen = new Set<string>();
  for (const sc of scenarios) {
    for (const st of sc.steps) {
      const key = `${sc.id}/${st.id}`;
      seen.add(key);
      const row = stepRow(sc.id, st.id, s.steps[key], { ...st, title: fillLenient(st.title, s.params) });
      if (st.caution) row.caution = fillLenient(st.caution, s.params);
      if (st.destructive) row.destroys = fillLenient(st.destructive.destroys, s.params);
      rows.push(row);
    }
  }
  // Steps recorded on the timeline but absent from the runbooks given (renamed, or no catalog) still count.
  for (const [key, st] of Object.entries(s.steps)) if (!seen.has(key)) rows.push(stepRow(st.scenario, st.step, st, undefined));
  return rows;
}

function stepRow(scenario: string, step: string, st: StepState | undefined, spec: { title: string; role: string } | undefined): StepRow {
  const v = st?.verification;
  return {
    scenario,
    step,
    title: spec?.title ?? null,
    role: spec?.role ?? null,
    status: st?.status ?? 'todo',
    startedAt: st?.startedAt ?? null,
    endedAt: st?.endedAt ?? null,
    by: st?.endedBy ?? st?.startedBy ?? null,
    // Only a step seen both starting and ending has a duration; otherwise it is unknown.
    seconds: st?.startedAt && st.endedAt ? secondsBetween(st.startedAt, st.endedAt) : null,
    reason: st?.reason ?? null,
    verification: v ? { passed: v.passed, summary: v.summary, evidence: v.evidence, at: v.at, seq: v.seq } : null,
  };
}

export function actionRows(s: IncidentState): ActionRow[] {
  return Object.values(s.actions)
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt))
    .map((a) => ({
      actionId: a.actionId,
      service: a.service,
      operation: a.operation,
      target: a.target,
      region: a.region ?? null,
      step: a.scenario && a.step ? `${a.scenario}/${a.step}` : null,
      requestedAt: a.requestedAt,
      requestedBy: a.requestedBy,
      approvedBy: a.approvedBy ?? null,
      outcome: a.outcome,
      endedAt: a.endedAt ?? null,
      requestId: a.requestId ?? null,
      summary: a.summary ?? null,
      error: a.error ? `${a.error.class}: ${a.error.message}` : null,
      simulated: a.simulated === true,
    }));
}
