// The checklist rows of the open incident: every step of its chosen scenarios with its folded state.
import { PLACEHOLDER, sanitizeLine, stepKey, type IncidentState, type StepStatus } from '../../core/index.js';
import type { UiScenario, UiStep } from '../scenario.js';

export interface ChecklistRow {
  key: string;
  scenario: UiScenario;
  step: UiStep;
  status: StepStatus;
  /** Title and instructions with params filled; a missing one reads <name?> (asked when the step is started). */
  title: string;
  instructions: string;
  /** The command with params filled; a missing one reads <name?> (copying asks for it first). */
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
        title: fillShown(step.title, incident.params),
        instructions: fillShown(step.instructions, incident.params),
        // A param value is one line: a line break typed or pasted into one must not become a second shell
        // command when the command is copied; the runbook's own lines stay.
        ...(step.command ? { command: fillShown(step.command, oneLineParams(incident.params)) } : {}),
        blockedBy: step.depends_on.filter((d) => !finished(d)),
      });
    }
  }
  return rows;
}

const oneLineParams = (params: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, sanitizeLine(v)]));

/** Params filled in; one the incident has no value for yet is shown as <name?>, never as raw {{name}}. */
const fillShown = (template: string, params: Readonly<Record<string, string>>): string =>
  template.replace(PLACEHOLDER, (_, name: string) => params[name] ?? `<${name}?>`);
