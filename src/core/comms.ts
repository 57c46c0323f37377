// Status update drafts: the scenario's template filled from the incident's state. Unlike fillTemplate, a
// placeholder with no value stays visible as {{name}} so the operator sees what to fill in before sending.
import type { IncidentState } from './fold.js';
import { PLACEHOLDER } from './placeholders.js';
import { formatDuration } from './timers.js';


export function fillLenient(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

export type UpdateKind = 'initial' | 'update' | 'resolution';

export function updateKind(state: Pick<IncidentState, 'status' | 'commsSent'>): UpdateKind {
  if (state.status === 'resolved' || state.status === 'closed') return 'resolution';
  return state.commsSent.length === 0 ? 'initial' : 'update';
}

const utcText = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Values for the placeholders a template may use: the scenario's params plus the incident's fields. */
export function incidentVars(
  state: IncidentState,
  extra: { now: number; nextUpdateAt?: number; scenarioTitle?: string; impact?: string; formatAt?: (ms: number) => string },
): Record<string, string> {
  // A drill gives its own formatter: its instants are on the drill clock and read as T+, not as a UTC time.
  const utc = extra.formatAt ?? utcText;
  const at = (iso: string | undefined) => (iso ? utc(Date.parse(iso)) : 'unknown');
  const steps = Object.values(state.steps);
  const done = steps.filter((s) => s.status === 'done' || s.status === 'verified' || s.status === 'skipped').length;
  const ms = state.milestones;
  const startedAt = ms['impact-started']?.at ?? ms.declared?.at ?? state.openedAt;
  const endedAt = ms.resolved?.at ? Date.parse(ms.resolved.at) : extra.now;
  return {
    ...state.params,
    id: state.id,
    incident_id: state.id,
    title: state.title,
    severity: state.severity,
    status: state.status,
    mode: state.mode,
    now: utc(extra.now),
    time: utc(extra.now),
    impact: extra.impact ?? '',
    impact_start: at(ms['impact-started']?.at),
    // The runbooks' names for the incident fields (INCIDENT_FIELDS in src/scenarios).
    impact_started: at(ms['impact-started']?.at),
    elapsed: formatDuration(endedAt - Date.parse(startedAt)),
    started_at: at(ms['impact-started']?.at ?? state.openedAt),
    detected_at: at(ms.detected?.at),
    declared_at: at(ms.declared?.at ?? state.openedAt),
    mitigated_at: at(ms.mitigated?.at),
    resolved_at: at(ms.resolved?.at),
    next_update: extra.nextUpdateAt !== undefined ? utc(extra.nextUpdateAt) : 'when there is news',
    commander: (state.roles['incident-commander'] ?? []).join(', ') || state.openedBy,
    scenario: state.scenarios.join(', '),
    scenario_title: extra.scenarioTitle ?? state.scenarios.join(', '),
    steps_done: String(done),
    steps_total: String(steps.length),
  };
}
