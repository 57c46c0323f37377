// The scope answer in the ranking. A runbook is for a scope when its id, title or keywords say so (a region
// runbook names the region). A known wide scope (an AZ, a region, the account) lifts the runbooks for that
// scope and cuts the others to a third, so "a whole region" with "API 5xx" ranks the region runbooks above the API
// Gateway one; a single resource cuts the wide runbooks the same way. "Not sure" changes nothing. Pure.
import type { Scope } from './triage.js';
import { findPhrase, words } from './triage-words.js';

const SCOPE_WORDS: Record<Scope, string[]> = {
  'single-resource': [],
  az: ['availability zone', 'az', 'zone'],
  region: ['region', 'regional', 'cross-region'],
  account: ['account', 'credentials', 'compromise'],
  unknown: [],
};
const WIDE: readonly Scope[] = ['az', 'region', 'account'];

/** The lift for a runbook of the answered scope, and what the rest of the score is multiplied by otherwise. */
export const SCOPE_LIFT = 6;
export const SCOPE_DAMPING = 1 / 3;

export interface ScopeFit {
  /** The word that makes it a runbook for the answered scope. */
  word?: string;
  /** Not a runbook for the answered scope (or a wide runbook for a single resource). */
  off?: string;
}

function scopeOf(text: ReturnType<typeof words>, scope: Scope): string | undefined {
  return SCOPE_WORDS[scope].find((w) => findPhrase(text, words(w)) !== undefined);
}

export function scopeFit(s: { id: string; title: string; detection: { keywords: readonly string[] } }, scope: Scope): ScopeFit {
  if (scope === 'unknown') return {};
  // "Multi-AZ" names a database feature, not a zone: read as one word so its "az" is not an AZ runbook's.
  const text = words(`${s.id} ${s.title} ${s.detection.keywords.join(' ')}`.replace(/multi-az/gi, 'multiaz'));
  if (scope === 'single-resource') {
    const wide = WIDE.find((w) => scopeOf(text, w) !== undefined);
    return wide ? { off: `a runbook for a whole ${wide === 'az' ? 'availability zone' : wide}` } : {};
  }
  const word = scopeOf(text, scope);
  return word ? { word } : { off: `not a runbook for a whole ${scope === 'az' ? 'availability zone' : scope}` };
}
