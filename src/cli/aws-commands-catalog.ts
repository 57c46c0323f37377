// The one file where the AWS commands reach the scenario catalog (src/scenarios). This build carries no
// catalog, so asking for a scenario fails with a clear line; the real body is in docs/aws.md.
import type { MetricSpec } from '../core/index.js';
import { ExitCode, WarroomError } from '../core/index.js';
import type { ScenarioLike } from '../aws/sim/seed.js';
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
export function scenarioForAws(_ctx: CliContext, id: string, _given: Record<string, string>, _opts: { examples?: boolean } = {}): ScenarioForAws {
  throw new WarroomError(`scenario catalog not available in this build: cannot load "${id}"`, ExitCode.failure);
}
