// The one file where the AWS commands reach the scenario catalog (src/scenarios).
import type { MetricSpec } from '../core/index.js';
import type { ScenarioLike } from '../aws/sim/seed.js';
import { findScenario, resolveParams } from '../scenarios/index.js';
import { loadCliCatalog } from './catalog.js';
import type { CliContext } from './context.js';

export interface ScenarioForAws {
  id: string;
  title: string;
  metrics: MetricSpec[];
  params: Record<string, string>;
  /** The whole scenario, to seed the simulated AWS. */
  scenario: ScenarioLike;
}

/** `examples`: fill missing params from the scenario's examples (on the simulated AWS, where any name will do). */
export function scenarioForAws(ctx: CliContext, id: string, given: Record<string, string>, opts: { examples?: boolean } = {}): ScenarioForAws {
  const scenario = findScenario(loadCliCatalog(ctx), id);
  const examples = opts.examples ? Object.fromEntries(Object.entries(scenario.params).map(([k, p]) => [k, p.default ?? p.example])) : {};
  const params = resolveParams(scenario, { ...examples, ...given });
  return { id: scenario.id, title: scenario.title, metrics: scenario.metrics, params, scenario };
}
