// The fields of a catalog scenario that the console reads. Structural, so the catalog's Scenario type
// (src/scenarios) is assignable to it without the UI importing the loader.
import type { ActionSpec, ExerciseModule, InjectLike, MetricSpec, ObjectiveTarget, Severity, TriageScenario, VerifySpec } from '../core/index.js';

export interface UiStep {
  id: string;
  title: string;
  role: string;
  instructions: string;
  command?: string | undefined;
  verify?: VerifySpec | undefined;
  action?: ActionSpec | undefined;
  /** The JSON files the command reads (file://NAME), written when the command is copied. */
  files?: Readonly<Record<string, unknown>> | undefined;
  depends_on: readonly string[];
  expected_minutes?: number | undefined;
  /** Where the plan is unsafe as written; shown in colour. */
  caution?: string | undefined;
  /** A step that destroys something: copying its command needs the typed confirmation. */
  destructive?: { destroys: string; confirm: string } | undefined;
}

export interface UiParam {
  description: string;
  pattern?: string | undefined;
  example: string;
  default?: string | undefined;
}

export interface UiScenario extends TriageScenario {
  summary: string;
  severity_hint?: Severity | undefined;
  impact: string;
  objectives: readonly ObjectiveTarget[];
  params: Readonly<Record<string, UiParam>>;
  steps: readonly UiStep[];
  metrics: readonly MetricSpec[];
  /** Timed events for drills. */
  injects?: readonly InjectLike[];
  /** A drill's objectives and modules (discussion questions), for the debrief and the improvement plan. */
  exercise_objectives?: readonly { id: string; text: string; capability: string }[];
  exercise_modules?: readonly ExerciseModule[];
  comms: {
    first_update_minutes: number;
    cadence_minutes: number;
    templates: { initial: string; update: string; resolution: string };
    escalation: readonly { level: number | string; after_minutes: number; who: string }[];
  };
}

/** The objective the banner counts down against: the longest RTO, the point by which everything is back. */
export function rtoTarget(scenarios: readonly UiScenario[]): { component: string; seconds: number } | undefined {
  let best: { component: string; seconds: number } | undefined;
  for (const s of scenarios) {
    for (const o of s.objectives) {
      if (o.rto_seconds !== undefined && (!best || o.rto_seconds > best.seconds)) best = { component: o.component, seconds: o.rto_seconds };
    }
  }
  return best;
}
