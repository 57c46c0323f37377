// Turning a scenario into something to run: check the operator's params, then fill the steps with them.
import { fillDeep, fillTemplate, REGION_NAME, usageError, type ActionSpec, type VerifySpec } from '../core/index.js';
import { matchesWhole } from './pattern.js';
import type { Scenario, ScenarioStep } from './schema.js';

/** Given values plus defaults, each checked against its pattern; an unknown, missing or bad param is an error naming it. */
export function resolveParams(scenario: Scenario, given: Readonly<Record<string, string>>): Record<string, string> {
  const declared = scenario.params;
  const unknown = Object.keys(given).filter((k) => !(k in declared));
  if (unknown.length) {
    throw usageError(`scenario ${scenario.id} has no param ${unknown.map((k) => `"${k}"`).join(', ')}; its params are ${Object.keys(declared).join(', ') || '(none)'}`);
  }
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, param] of Object.entries(declared)) {
    const value = given[name] ?? param.default;
    if (value === undefined) {
      missing.push(`${name} (${param.description}; e.g. --param ${name}=${param.example})`);
      continue;
    }
    if (param.pattern !== undefined && !matchesWhole(param.pattern, value)) {
      throw usageError(`param "${name}" = "${value}" does not match ${param.pattern} (${param.description}; e.g. ${param.example})`);
    }
    values[name] = value;
  }
  if (missing.length) {
    throw usageError(`scenario ${scenario.id} needs ${missing.length === 1 ? 'param' : 'params'} ${missing.join(', ')}`);
  }
  return values;
}

/** A step with every placeholder filled: title, instructions, caution, what it destroys, command, verify and action arguments. */
export function renderStep(step: ScenarioStep, params: Readonly<Record<string, string>>): ScenarioStep {
  const rendered: ScenarioStep = {
    ...step,
    title: fillTemplate(step.title, params),
    instructions: fillTemplate(step.instructions, params),
  };
  if (step.command !== undefined) rendered.command = fillTemplate(step.command, params);
  if (step.caution !== undefined) rendered.caution = fillTemplate(step.caution, params);
  if (step.destructive !== undefined) rendered.destructive = { destroys: fillTemplate(step.destructive.destroys, params), confirm: fillTemplate(step.destructive.confirm, params) };
  if (step.verify !== undefined) rendered.verify = fillDeep(step.verify, params) as VerifySpec;
  if (step.action !== undefined) rendered.action = fillDeep(step.action, params) as ActionSpec;
  if (step.files !== undefined) rendered.files = Object.fromEntries(Object.entries(step.files).map(([name, json]) => [fillTemplate(name, params), fillDeep(json, params)]));
  return rendered;
}


const INCIDENT_REGION_PARAMS: ReadonlySet<string> = new Set(['region', 'primary_region', 'dr_region']);

/**
 * The params given when an incident is declared with these scenarios: each must be declared by one of them
 * and match the pattern of every one that declares it. Missing ones are asked for later, so not an error here.
 */
export function checkGivenParams(scenarios: readonly Scenario[], given: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(given)) {
    const declaring = scenarios.filter((s) => name in s.params);
    // Where the incident is (region, primary_region, dr_region) is every incident's to say, whatever its runbooks declare.
    if (INCIDENT_REGION_PARAMS.has(name) && declaring.length === 0) {
      if (!REGION_NAME.test(value)) throw usageError(`param "${name}" = "${value}" is not a region name (give one such as eu-west-2)`);
      continue;
    }
    if (scenarios.length > 0 && declaring.length === 0) {
      const known = [...new Set(scenarios.flatMap((s) => Object.keys(s.params)))];
      throw usageError(`no chosen scenario has a param "${name}"; their params are ${known.join(', ') || '(none)'} (check the name, or see "warroom scenarios show ID")`);
    }
    for (const s of declaring) {
      const param = s.params[name]!;
      if (param.pattern !== undefined && !matchesWhole(param.pattern, value)) {
        throw usageError(`param "${name}" = "${value}" does not match ${param.pattern} (${param.description}; e.g. ${param.example})`);
      }
    }
  }
}
