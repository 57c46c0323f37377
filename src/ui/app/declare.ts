// The declare wizard (guided triage) and the drill set-up, as data: the questions depend on the answers
// so far (the severity suggestion and the scenario ranking are computed from them by core/triage).
import {
  CUSTOMER_IMPACTS,
  parseWhen,
  SCOPES,
  SEVERITIES,
  SEVERITY_LABEL,
  suggestSeverity,
  YES_NO_UNKNOWN,
  type NewEvent,
  type Severity,
  type TriageAnswers,
} from '../../core/index.js';
import type { IncidentOpening, UiService } from '../deps.js';
import type { UiScenario } from '../scenario.js';
import type { FieldStep } from './field.js';
import { answerChoices, scenarioChoices } from './triage-view.js';
import type { Effect } from './msg.js';
import { detailsNote, knownParams, QUICK_TITLE, quickDeclareEffect, serviceEvents } from './quick-declare.js';
import type { AppState, DeclareState } from './state.js';

export const NO_SCENARIO = '(none)';

export function triageAnswers(a: Record<string, string>): TriageAnswers {
  return {
    affected: a.affected ?? '',
    scope: (a.scope as TriageAnswers['scope']) ?? 'single-resource',
    dataIntegrity: (a.dataIntegrity as TriageAnswers['dataIntegrity']) ?? 'no',
    security: (a.security as TriageAnswers['security']) ?? 'no',
    customerImpact: (a.customerImpact as TriageAnswers['customerImpact']) ?? 'none',
  };
}

function scenarioStep(catalog: readonly UiScenario[], a: Record<string, string>, firing: readonly string[], mode: 'live' | 'exercise'): FieldStep {
  const list = scenarioChoices(catalog, triageAnswers(a), a.title ?? '', firing, mode);
  if (mode === 'live') list.push({ value: NO_SCENARIO, label: 'no scenario yet (choose one later with C)', detail: '' });
  return { key: 'scenario', label: mode === 'live' ? 'Which scenario fits? (ranked; type to filter)' : 'Which scenario is the drill?', choices: list };
}

function paramSteps(s: UiScenario | undefined): FieldStep[] {
  if (!s) return [];
  return Object.entries(s.params).map(([name, p]) => ({
    key: `param:${name}`,
    label: `Param ${name}: ${p.description}`,
    hint: `example: ${p.example} (Tab fills it in)`,
    example: p.example,
    ...(p.default !== undefined ? { initial: p.default } : {}),
    ...(p.pattern !== undefined ? { pattern: p.pattern } : {}),
  }));
}

export function declareSteps(
  mode: 'live' | 'exercise',
  a: Record<string, string>,
  catalog: readonly UiScenario[],
  firing: readonly string[],
): FieldStep[] {
  const chosen = catalog.find((s) => s.id === a.scenario);
  if (mode === 'exercise') {
    return [
      scenarioStep(catalog, a, firing, mode),
      { key: 'title', label: 'Drill title', initial: `Drill: ${chosen?.title ?? ''}` },
      { key: 'severity', label: 'Severity the drill plays at', choices: sevChoices(), initial: chosen?.severity_hint ?? 'SEV2' },
      ...paramSteps(chosen),
    ];
  }
  const suggestion = suggestSeverity(triageAnswers(a));
  return [
    { key: 'title', label: 'What is happening, in a few words?' },
    { key: 'affected', label: 'What is affected? (service, table, cluster, endpoint, symptom)' },
    { key: 'scope', label: 'Scope', choices: answerChoices(SCOPES, 'not sure yet') },
    { key: 'dataIntegrity', label: 'Is data integrity at risk?', choices: answerChoices(YES_NO_UNKNOWN) },
    { key: 'security', label: 'Is security involved (compromise, leaked credentials)?', choices: answerChoices(YES_NO_UNKNOWN) },
    { key: 'customerImpact', label: 'Customer impact', choices: answerChoices(CUSTOMER_IMPACTS) },
    { key: 'since', label: 'Since when? (now, 09:30 UTC, -20m, 2026-11-21T09:30Z)', initial: 'now' },
    {
      key: 'severity',
      label: `Severity (suggested ${suggestion.severity}: ${suggestion.reasons.join('; ')})`,
      choices: sevChoices(),
      initial: suggestion.severity,
    },
    // Parameters are not asked here: the profile and the runbook's defaults fill what they can, and the rest
    // is asked in the checklist when a step that needs it is reached.
    scenarioStep(catalog, a, firing, mode),
  ];
}

/** The questions of a declaration in progress: one line (`n`), or the guided triage (`N`) and drills. */
export function stepsOf(d: DeclareState, s: Pick<AppState, 'catalog' | 'firingAlarms'>): FieldStep[] {
  return d.flow === 'quick' ? [QUICK_TITLE] : declareSteps(d.mode, d.answers, s.catalog, s.firingAlarms);
}

/** The incident to create once the last question is answered. */
export function finishDeclare(d: DeclareState, answers: Record<string, string>, s: Pick<AppState, 'catalog' | 'firingAlarms' | 'service' | 'now'>): Effect {
  if (d.flow === 'quick') return quickDeclareEffect(s.catalog, s.firingAlarms, s.service, answers.title ?? '', d.details, s.now);
  return declareEffect(d.mode, answers, s.now, { catalog: s.catalog, ...(s.service ? { service: s.service } : {}), ...(d.details ? { details: d.details } : {}) });
}

const sevChoices = () => SEVERITIES.map((s) => ({ value: s, label: `${s}  ${SEVERITY_LABEL[s]}` }));

/** Checks an answer that needs more than the field's own checks; returns an error to show, if any. */
export function checkAnswer(key: string, value: string, now: number): string | undefined {
  if (key === 'since') {
    const w = parseWhen(value, now);
    return w.ok ? undefined : w.error;
  }
  return undefined;
}

/** The incident to create and the events that record the triage, once every question is answered. */
export function declareEffect(
  mode: 'live' | 'exercise',
  a: Record<string, string>,
  now: number,
  known: { catalog?: readonly UiScenario[]; service?: UiService; details?: string } = {},
): Effect {
  const answered = Object.fromEntries(
    Object.entries(a)
      .filter(([k]) => k.startsWith('param:'))
      .map(([k, v]) => [k.slice('param:'.length), v]),
  );
  const params = { ...knownParams(known.catalog?.find((s) => s.id === a.scenario)), ...answered };
  const severity = (a.severity ?? 'SEV2') as Severity;
  const opening: IncidentOpening = { title: a.title ?? 'untitled', severity, mode, scenarios: [], params: {} };
  const nowIso = new Date(now).toISOString();
  const followUps: NewEvent[] = [];
  if (mode === 'live') {
    const answers = triageAnswers(a);
    const suggested = suggestSeverity(answers).severity;
    followUps.push({
      kind: 'triage.answered',
      data: { answers: { ...answers, since: a.since ?? 'now', chosenSeverity: severity }, suggestedSeverity: suggested },
    });
  }
  if (a.scenario && a.scenario !== NO_SCENARIO) followUps.push({ kind: 'scenario.selected', data: { scenarios: [a.scenario], params } });
  if (mode === 'live') followUps.push(...serviceEvents(known.service), ...detailsNote(known.details));
  const since = parseWhen(a.since ?? 'now', now);
  if (mode === 'live' && since.ok) followUps.push({ kind: 'milestone.set', data: { milestone: 'impact-started', at: since.at, backdated: since.backdated } });
  if (mode === 'exercise') followUps.push({ kind: 'milestone.set', data: { milestone: 'impact-started', at: nowIso, backdated: false } });
  followUps.push({ kind: 'milestone.set', data: { milestone: 'declared', at: nowIso, backdated: false } });
  followUps.push({ kind: 'status.changed', data: { status: 'declared' } });
  return { type: 'create-incident', opening, followUps };
}
