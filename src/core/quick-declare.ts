// A declaration from one line of text: nothing is known yet but the words (and any alarms in ALARM), so
// scope, data, security and impact are "not sure"; the scenario is the top of the ranking and the severity
// the one the answers suggest, or the scenario's hint when that is more severe. Used by `warroom declare`
// and by the console's `n`. Pure.
import { SEVERITIES, type Severity } from './severity.js';
import { rankScenarios, type TriageScenario } from './triage-rank.js';
import { suggestSeverity, type TriageAnswers } from './triage.js';

export const NOT_SURE: TriageAnswers = { affected: '', scope: 'unknown', dataIntegrity: 'unknown', security: 'unknown', customerImpact: 'unknown' };

export interface QuickDeclaration {
  /** The top of the ranking, when anything matched at all. */
  scenario?: { id: string; reasons: string[] };
  severity: Severity;
  severityReason: string;
}

const moreSevere = (a: Severity, b: Severity) => (SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b);

export function quickDeclaration(catalog: readonly TriageScenario[], title: string, alarms: readonly string[] = []): QuickDeclaration {
  const top = rankScenarios(catalog, NOT_SURE, title, alarms, { mode: 'live' }).find((r) => r.score > 0);
  const scenario = top ? catalog.find((s) => s.id === top.id) : undefined;
  return { ...(top ? { scenario: { id: top.id, reasons: top.reasons } } : {}), ...quickSeverity(scenario) };
}

/** The severity "not sure" answers suggest, raised to the scenario's hint when that is more severe. */
export function quickSeverity(scenario: Pick<TriageScenario, 'id' | 'severity_hint'> | undefined): { severity: Severity; severityReason: string } {
  const suggested = suggestSeverity(NOT_SURE);
  const hint = scenario?.severity_hint;
  const severity = hint ? moreSevere(suggested.severity, hint) : suggested.severity;
  const severityReason = hint && severity === hint && hint !== suggested.severity ? `the ${scenario!.id} runbook's hint` : suggested.reasons.join('; ');
  return { severity, severityReason };
}

/** A title is one line: the first line with text, and the lines after it (to keep elsewhere, never to lose). */
export function splitTitle(text: string): { title: string; rest: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const at = lines.findIndex((l) => l.trim() !== '');
  if (at < 0) return { title: '', rest: '' };
  return { title: lines[at]!.trim(), rest: lines.slice(at + 1).join('\n').trim() };
}
