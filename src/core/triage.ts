// Triage: a severity suggestion from the declare questions, and the scenarios ranked by how well their
// `detection` fits what the operator described and the alarms now in ALARM. Pure; the operator overrides both.
import type { Severity } from './severity.js';

export const SCOPES = ['single-resource', 'az', 'region', 'account'] as const;
export type Scope = (typeof SCOPES)[number];
export const YES_NO_UNKNOWN = ['no', 'yes', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];
export const CUSTOMER_IMPACTS = ['none', 'degraded', 'major', 'outage'] as const;
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
  const rules: [Severity, boolean, string][] = [
    ['SEV1', a.customerImpact === 'outage', 'customers face a complete outage'],
    ['SEV1', a.dataIntegrity === 'yes', 'data integrity is at risk'],
    ['SEV1', a.security === 'yes', 'security is involved'],
    ['SEV1', (a.scope === 'region' || a.scope === 'account') && a.customerImpact === 'major', `a whole ${a.scope} is affected with major customer impact`],
    ['SEV2', a.customerImpact === 'major', 'major customer impact'],
    ['SEV2', a.scope === 'region' || a.scope === 'account', `a whole ${a.scope} is affected`],
    ['SEV2', a.dataIntegrity === 'unknown' && a.customerImpact !== 'none', 'data integrity is unknown while customers are affected'],
    ['SEV2', a.security === 'unknown' && a.customerImpact !== 'none', 'security involvement is unknown while customers are affected'],
    ['SEV3', a.customerImpact === 'degraded', 'customers see degradation'],
    ['SEV3', a.scope === 'az', 'one availability zone is affected'],
  ];
  for (const level of ['SEV1', 'SEV2', 'SEV3'] as const) {
    const reasons = rules.filter(([sev, hit]) => sev === level && hit).map(([, , why]) => why);
    if (reasons.length > 0) return { severity: level, reasons };
  }
  return { severity: 'SEV4', reasons: ['no customer impact, data or security concern reported'] };
}

/** The fields of a scenario that triage reads (the catalog's Scenario type is assignable to it). */
export interface TriageScenario {
  id: string;
  title: string;
  category: string;
  services: readonly string[];
  severity_hint?: Severity | undefined;
  detection: {
    alarms: readonly string[];
    metrics: readonly string[];
    symptoms: readonly string[];
    keywords: readonly string[];
  };
}

export interface RankedScenario {
  id: string;
  score: number;
  reasons: string[];
}

/** A crude stem, so "corrupted" meets "corruption" and "restored" meets "restore". */
const stem = (w: string) => (w.length >= 6 ? w.slice(0, 6) : w);

/** A keyword is found in the text as a phrase, or (single words) by its stem. */
function mentions(lower: string, words: Set<string>, keyword: string): boolean {
  const k = keyword.trim().toLowerCase();
  if (!k) return false;
  if (lower.includes(k)) return true;
  if (/\s/.test(k) || k.length < 6) return false;
  const ks = stem(k);
  for (const w of words) if (w.length >= 6 && stem(w) === ks) return true;
  return false;
}

const STOP = new Set(['the', 'and', 'for', 'are', 'with', 'from', 'that', 'this', 'not', 'all', 'any', 'has', 'have', 'was', 'were', 'into', 'our']);
const tokens = (text: string): Set<string> =>
  new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !STOP.has(w)));

/**
 * Alarm-name glob: `*` any run, `?` one character, case-insensitive. Matched without a regular expression:
 * a runbook's glob with many stars would make a backtracking engine take time that grows as a power of the
 * name's length; this greedy matcher backs up to the last star only, so it is O(pattern x name) at worst.
 */
export function globMatch(pattern: string, name: string): boolean {
  const p = [...pattern.toLowerCase()];
  const n = [...name.toLowerCase()];
  let pi = 0;
  let ni = 0;
  let star = -1;
  let resume = 0;
  while (ni < n.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === n[ni]))) {
      pi++;
      ni++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ni;
    } else if (star >= 0) {
      pi = star + 1;
      ni = ++resume;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

const SCOPE_WORDS: Record<Scope, string[]> = {
  'single-resource': [],
  az: ['az', 'availability zone', 'multi-az', 'zone'],
  region: ['region', 'regional', 'cross-region'],
  account: ['account', 'credentials', 'compromise'],
};

/**
 * Every scenario with a score, best first (ties by title). `text` is what the operator typed (title and the
 * "affected" answer); `firingAlarms` are the names of alarms now in ALARM (empty when AWS is not connected).
 */
export function rankScenarios(
  scenarios: readonly TriageScenario[],
  answers: TriageAnswers,
  text: string,
  firingAlarms: readonly string[] = [],
): RankedScenario[] {
  const lower = `${text} ${answers.affected}`.toLowerCase();
  const words = tokens(lower);
  const ranked = scenarios.map((s) => {
    let score = 0;
    const reasons: string[] = [];
    const add = (n: number, why: string) => {
      score += n;
      reasons.push(why);
    };
    const keywords = s.detection.keywords.filter((k) => mentions(lower, words, k));
    if (keywords.length) add(3 * keywords.length, `keyword ${keywords.join(', ')}`);
    const services = s.services.filter((svc) => svc.trim() && lower.includes(svc.toLowerCase()));
    if (services.length) add(2 * services.length, `service ${services.join(', ')}`);
    const symptomWords = new Set([...tokens(s.detection.symptoms.join(' '))].filter((w) => words.has(w)));
    if (symptomWords.size) add(Math.min(symptomWords.size, 4), `symptom words ${[...symptomWords].slice(0, 4).join(', ')}`);
    const alarms = firingAlarms.filter((name) => s.detection.alarms.some((p) => globMatch(p, name)));
    if (alarms.length) add(5 * alarms.length, `alarm in ALARM: ${alarms.join(', ')}`);
    if (answers.dataIntegrity === 'yes' && s.category === 'data') add(3, 'data integrity at risk and a data scenario');
    if (answers.security === 'yes' && s.category === 'security') add(4, 'security involved and a security scenario');
    const scopeText = `${s.id} ${s.title} ${s.detection.keywords.join(' ')}`.toLowerCase();
    if (SCOPE_WORDS[answers.scope].some((w) => scopeText.includes(w))) add(2, `fits the ${answers.scope} scope`);
    return { id: s.id, title: s.title, score, reasons };
  });
  return ranked
    .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title))
    .map(({ id, score, reasons }) => ({ id, score, reasons }));
}
