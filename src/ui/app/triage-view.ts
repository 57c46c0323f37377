// The declare wizard's triage lists as data: the answers (with "not sure" for what is not known yet) and the
// ranked scenarios, each with the evidence that ranks it (words, symptoms, alarms), from core/triage.
import { rankScenarios, type TriageAnswers } from '../../core/index.js';
import type { UiScenario } from '../scenario.js';
import type { Choice } from './field.js';

const ANSWER_LABELS: Record<string, string> = {
  unknown: 'not sure',
  'single-resource': 'single resource',
  az: 'one availability zone',
  region: 'a whole region',
  account: 'the whole account',
};

/** The choices of a triage question; `unknown` reads "not sure" (for scope: "not sure yet"). */
export function answerChoices(values: readonly string[], unknownLabel = ANSWER_LABELS.unknown!): Choice[] {
  return values.map((v) => ({ value: v, label: v === 'unknown' ? unknownLabel : (ANSWER_LABELS[v] ?? v) }));
}

/** The text a ranked scenario shows beside its title: its score and why it ranks. */
export function rankDetail(score: number, reasons: readonly string[]): string {
  return [`score ${score}`, ...(reasons.length ? reasons : ['nothing matched'])].join(' · ');
}

/**
 * The scenario choices: for a live incident ranked by triage (never a drill runbook), for an exercise every
 * scenario by title (an exercise rehearses any runbook on the simulated AWS).
 */
export function scenarioChoices(catalog: readonly UiScenario[], answers: TriageAnswers, title: string, firing: readonly string[], mode: 'live' | 'exercise'): Choice[] {
  if (mode === 'exercise') {
    return [...catalog].sort((x, y) => x.title.localeCompare(y.title)).map((s) => ({ value: s.id, label: `${s.title} (${s.id})`, detail: s.summary }));
  }
  const byId = new Map(catalog.map((s) => [s.id, s]));
  return rankScenarios(catalog, answers, title, firing, { mode: 'live' }).map((r) => ({
    value: r.id,
    label: `${byId.get(r.id)?.title ?? r.id} (${r.id})`,
    detail: rankDetail(r.score, r.reasons),
  }));
}
