// What must hold before a step may be marked done by hand: the steps it depends on are finished, and an
// AWS action whose newest attempt was refused or failed is not declared done by pressing Enter.
import { stepKey, type IncidentState } from './fold.js';

export interface StepRuleInput {
  id: string;
  depends_on: readonly string[];
  /** Present when the step has a mutating AWS action. */
  action?: unknown;
}

const FINISHED = new Set(['done', 'verified', 'skipped']);

/** The steps of `depends` that are not done, verified or skipped yet. */
export function unfinishedDependencies(incident: Pick<IncidentState, 'steps'>, scenario: string, depends: readonly string[]): string[] {
  return depends.filter((d) => !FINISHED.has(incident.steps[stepKey(scenario, d)]?.status ?? 'todo'));
}

/**
 * Why `step` may not be marked done now, or undefined when it may. A step whose action was never tried may
 * be done by hand (its command run in a shell); one whose newest attempt was refused or failed may not:
 * run the action again, verify, skip or fail it with a reason.
 */
export function completionRefusal(incident: Pick<IncidentState, 'steps' | 'actions'>, scenario: string, step: StepRuleInput): string | undefined {
  const waiting = unfinishedDependencies(incident, scenario, step.depends_on);
  if (waiting.length > 0) return `${step.id} depends on ${waiting.join(', ')}, not finished yet (finish or skip ${waiting.length === 1 ? 'it' : 'them'} first)`;
  if (step.action === undefined) return undefined;
  const attempts = Object.values(incident.actions).filter((a) => a.scenario === scenario && a.step === step.id);
  const newest = attempts.at(-1);
  if (newest && newest.outcome !== 'succeeded') {
    const why = newest.error ? `${newest.error.class}: ${newest.error.message}` : newest.outcome;
    return `${step.id}: its AWS action ${newest.operation} did not succeed (${why}); run it again, verify it, or skip or fail the step with a reason`;
  }
  return undefined;
}
