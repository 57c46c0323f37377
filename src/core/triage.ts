// Triage: the declare questions and a severity suggestion from the answers; the scenarios are ranked in
// triage-rank. Pure; the operator overrides both.
import type { Severity } from './severity.js';

export { globMatch, globSpecificity } from './triage-alarms.js';
export * from './triage-rank.js';

/** `unknown` is a real answer: at 3am the scope is often not known yet. */
export const SCOPES = ['single-resource', 'az', 'region', 'account', 'unknown'] as const;
export type Scope = (typeof SCOPES)[number];
export const YES_NO_UNKNOWN = ['no', 'yes', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];
export const CUSTOMER_IMPACTS = ['none', 'degraded', 'major', 'outage', 'unknown'] as const;
export type CustomerImpact = (typeof CUSTOMER_IMPACTS)[number];

export interface TriageAnswers {
  /** Free text: what is affected (service, table, cluster, symptom). */
  affected: string;
  scope: Scope;
  dataIntegrity: YesNoUnknown;
  security: YesNoUnknown;
  customerImpact: CustomerImpact;
}

export interface SeveritySuggestion {
  severity: Severity;
  reasons: string[];
}

/** The worst level any answer justifies, with the answers that justify it. */
export function suggestSeverity(a: TriageAnswers): SeveritySuggestion {
  const customers = a.customerImpact === 'unknown' ? 'customers may be affected' : 'customers are affected';
  const rules: [Severity, boolean, string][] = [
    ['SEV1', a.customerImpact === 'outage', 'customers face a complete outage'],
    ['SEV1', a.dataIntegrity === 'yes', 'data integrity is at risk'],
    ['SEV1', a.security === 'yes', 'security is involved'],
    ['SEV1', (a.scope === 'region' || a.scope === 'account') && a.customerImpact === 'major', `a whole ${a.scope} is affected with major customer impact`],
    ['SEV2', a.customerImpact === 'major', 'major customer impact'],
    ['SEV2', a.scope === 'region' || a.scope === 'account', `a whole ${a.scope} is affected`],
    ['SEV2', a.dataIntegrity === 'unknown' && a.customerImpact !== 'none', `data integrity is unknown while ${customers}`],
    ['SEV2', a.security === 'unknown' && a.customerImpact !== 'none', `security involvement is unknown while ${customers}`],
    ['SEV3', a.customerImpact === 'degraded', 'customers see degradation'],
    ['SEV3', a.scope === 'az', 'one availability zone is affected'],
    ['SEV3', a.customerImpact === 'unknown', 'customer impact is not known yet'],
  ];
  for (const level of ['SEV1', 'SEV2', 'SEV3'] as const) {
    const reasons = rules.filter(([sev, hit]) => sev === level && hit).map(([, , why]) => why);
    if (reasons.length > 0) return { severity: level, reasons };
  }
  return { severity: 'SEV4', reasons: ['no customer impact, data or security concern reported'] };
}
