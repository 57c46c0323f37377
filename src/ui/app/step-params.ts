// Parameters asked where they are needed: a step whose text, command, verification or action names a
// runbook parameter the incident has no value for asks for it when it is started, verified, run or
// copied, and records the answers (scenario.selected with the params, as when a scenario is chosen).
import { placeholdersIn, verificationParams, type NewEvent } from '../../core/index.js';
import type { ChecklistRow } from './checklist.js';
import type { FieldStep } from './field.js';
import type { Effect } from './msg.js';
import { makePrompt } from './prompts.js';
import type { AppState, IncidentView, PromptModal } from './state.js';

type Result = [AppState, Effect[]];
export type ParamsThen = 'advance' | 'verify' | 'action' | 'copy';

/** The runbook parameters this step names that the incident has no value for, in the runbook's order. */
export function missingParams(row: Pick<ChecklistRow, 'scenario' | 'step'>, params: Readonly<Record<string, string>>): string[] {
  const { step } = row;
  const texts = [step.title, step.instructions, step.command ?? '', JSON.stringify(step.verify ?? {}), JSON.stringify(step.action ?? {})];
  const named = new Set(texts.flatMap(placeholdersIn));
  return Object.keys(row.scenario.params).filter((name) => named.has(name) && (params[name] === undefined || params[name] === ''));
}

export function askStepParams(s: AppState, row: ChecklistRow, missing: readonly string[], then: ParamsThen): Result {
  const steps: FieldStep[] = missing.map((name) => {
    const p = row.scenario.params[name]!;
    return {
      key: name,
      label: `${row.step.id} needs ${name}: ${p.description}`,
      hint: `example: ${p.example} (Tab fills it in)`,
      example: p.example,
      ...(p.pattern !== undefined ? { pattern: p.pattern } : {}),
    };
  });
  const prompt = makePrompt('step-params', `Parameters for ${row.step.id}`, steps, { scenario: row.scenario.id, step: row.step.id, key: row.key, then });
  return [{ ...s, modals: [...s.modals, prompt] }, []];
}

/** Records the answers; starting a step starts it in the same write, a verification runs with them. */
export function stepParamsDone(s: AppState, v: IncidentView, m: PromptModal): Result {
  const { scenario = '', step = '', key = '', then } = m.context;
  const events: NewEvent[] = [{ kind: 'scenario.selected', data: { scenarios: [scenario], params: m.answers } }];
  const names = Object.keys(m.answers).join(', ');
  if (then === 'advance') events.push({ kind: 'step.started', data: { scenario, step } });
  const effects: Effect[] = [{ type: 'append', id: v.id, events }];
  let next = s;
  if (then === 'verify') {
    const spec = s.catalog.find((x) => x.id === scenario)?.steps.find((x) => x.id === step)?.verify;
    if (spec && s.config.awsConnected) {
      next = { ...s, incident: { ...v, probes: { ...v.probes, [key]: { running: true, at: s.now } } } };
      effects.push({ type: 'run-probe', key, spec, params: verificationParams({ ...v.incident.params, ...m.answers }, v.events) });
    }
  }
  const after = then === 'advance' ? `${step} started` : then === 'verify' ? 'verifying' : `press ${then === 'action' ? 'A' : 'y'} again`;
  return [{ ...next, toast: { text: `recorded ${names}; ${after}`, tone: 'ok', at: s.now } }, effects];
}
