// The one place the report meets the scenario catalog: it turns runbooks into the plain inputs the report
// model takes (objectives, step titles and roles, metrics, update cadence).
// A scenario the catalog no longer has (a removed user runbook) is reported missing: its targets are unknown.
import type { MetricSpec, ObjectiveTarget } from '../core/index.js';
import type { ReportInput, ScenarioInput } from '../core/report/index.js';
import { loadCatalog } from '../scenarios/index.js';

export interface ScenarioData {
  scenarios: ReportInput['scenarios'];
  cadence?: NonNullable<ReportInput['cadence']>;
  /** The incident's scenarios the catalog gave no data for (their targets are unknown in the report). */
  missing: string[];
}

/** The parts of a catalog Scenario (the contract's shape) that a report uses. */
export interface RunbookLike {
  id: string;
  title: string;
  objectives: ObjectiveTarget[];
  steps: { id: string; title: string; role: string; component?: string; depends_on?: string[] }[];
  metrics?: MetricSpec[];
  post_checks?: string[];
  comms?: { first_update_minutes?: number; cadence_minutes?: number };
}

export function toScenarioInput(s: RunbookLike): ScenarioInput {
  return {
    id: s.id,
    title: s.title,
    objectives: s.objectives,
    steps: s.steps.map((st) => ({
      id: st.id,
      title: st.title,
      role: st.role,
      ...(st.component ? { component: st.component } : {}),
      ...(st.depends_on?.length ? { depends_on: [...st.depends_on] } : {}),
    })),
    metrics: s.metrics ?? [],
    ...(s.post_checks?.length ? { postChecks: [...s.post_checks] } : {}),
  };
}

/** The cadence of the first runbook that states one (they come from the same plans, so they agree). */
export function cadenceOf(runbooks: readonly RunbookLike[]): ScenarioData['cadence'] {
  const c = runbooks.find((r) => r.comms?.first_update_minutes !== undefined && r.comms.cadence_minutes !== undefined)?.comms;
  return c ? { firstUpdateMinutes: c.first_update_minutes!, cadenceMinutes: c.cadence_minutes! } : undefined;
}

export function scenarioDataFor(ids: readonly string[], stateDir: string, runbookDirs: readonly string[] = []): ScenarioData {
  if (ids.length === 0) return { scenarios: [], missing: [] };
  const catalog = loadCatalog({ dirs: [...runbookDirs], stateDir });
  const found = ids.map((id) => catalog.scenarios.find((s) => s.id === id));
  const runbooks = found.filter((s): s is NonNullable<typeof s> => !!s);
  const cadence = cadenceOf(runbooks);
  return {
    scenarios: runbooks.map(toScenarioInput),
    ...(cadence ? { cadence } : {}),
    missing: ids.filter((_, i) => !found[i]),
  };
}
