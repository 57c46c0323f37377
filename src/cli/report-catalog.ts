// The one place the report meets the scenario catalog: it turns runbooks into the plain inputs the report
// model takes (objectives, step titles and roles, metrics, update cadence).
// The scenario library (src/scenarios: loadCatalog, findScenario) is not part of this build yet, so this
// adapter answers "no scenario data" and the report states that targets are unknown. Wiring it is a matter
// of mapping each found Scenario to a ScenarioInput here; nothing else in the report changes.
import type { ReportInput } from '../core/report/index.js';

export interface ScenarioData {
  scenarios: ReportInput['scenarios'];
  cadence?: NonNullable<ReportInput['cadence']>;
  /** Why some or all of the incident's scenarios have no data, for a warning line. */
  missing: string[];
}

export function scenarioDataFor(ids: readonly string[], _stateDir: string): ScenarioData {
  return { scenarios: [], missing: [...ids] };
}
