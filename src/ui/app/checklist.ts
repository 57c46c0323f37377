// The checklist rows of the open incident: every step of its chosen scenarios with its folded state.
import { fillLenient, sanitizeLine, stepKey, type IncidentState, type StepStatus } from '../../core/index.js';
import type { UiScenario, UiStep } from '../scenario.js';

export interface ChecklistRow {
  key: string;
  scenario: UiScenario;
  step: UiStep;
  status: StepStatus;
  /** Title and instructions with params filled (unfilled placeholders stay visible). */
  title: string;
  instructions: string;
  /** The command with params filled; unfilled placeholders stay visible. */
  command?: string;
  blockedBy: string[];
}

export function scenariosOf(incident: IncidentState, catalog: readonly UiScenario[]): UiScenario[] {
  return incident.scenarios.map((id) => catalog.find((s) => s.id === id)).filter((s): s is UiScenario => !!s);
}

export function checklistRows(incident: IncidentState, catalog: readonly UiScenario[]): ChecklistRow[] {
  const rows: ChecklistRow[] = [];
  for (const scenario of scenariosOf(incident, catalog)) {
    for (const step of scenario.steps) {
      const key = stepKey(scenario.id, step.id);
      const status = incident.steps[key]?.status ?? 'todo';
      const finished = (id: string) => {
        const st = incident.steps[stepKey(scenario.id, id)]?.status;
        return st === 'done' || st === 'verified' || st === 'skipped';
      };
      rows.push({
        key,
        scenario,
        step,
        status,
        title: fillLenient(step.title, incident.params),
        instructions: fillLenient(step.instructions, incident.params),
        // A param value is one line: a line break typed or pasted into one must not become a second shell
        // command when the command is copied; the runbook's own lines stay.
        ...(step.command ? { command: fillLenient(step.command, oneLineParams(incident.params)) } : {}),
        blockedBy: step.depends_on.filter((d) => !finished(d)),
      });
    }
  }
  return rows;
}

const oneLineParams = (params: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, sanitizeLine(v)]));
