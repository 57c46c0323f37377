// How much a firing alarm says about which scenario fits. A glob with few literal characters says little
// (`*` nothing at all), and an alarm that many scenarios' globs claim says little about any one of them:
// an alarm every candidate claims adds nothing.

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

/** 0 for a catch-all, rising with the letters and digits the glob fixes, 1 from four on (`*-api-5xx*`). */
export function globSpecificity(pattern: string): number {
  const literal = pattern.replace(/[*?]/g, '').replace(/[^a-z0-9]/gi, '').length;
  return Math.min(1, literal / 4);
}

export interface AlarmHit {
  alarm: string;
  pattern: string;
  /** 0..1: the glob's specificity times how few candidates claim the alarm. */
  weight: number;
}

/** The most specific of a scenario's globs that matches `alarm`, if any says anything. */
function bestGlob(patterns: readonly string[], alarm: string): { pattern: string; specificity: number } | undefined {
  let best: { pattern: string; specificity: number } | undefined;
  for (const p of patterns) {
    const specificity = globSpecificity(p);
    if (specificity > 0 && globMatch(p, alarm) && (!best || specificity > best.specificity)) best = { pattern: p, specificity };
  }
  return best;
}

/**
 * For each candidate (by its alarm globs), the firing alarms it claims and how much each counts. An alarm's
 * weight falls with the share of candidates that claim it: claimed by one of N counts fully, by all N not at all.
 */
export function alarmHits(candidates: readonly (readonly string[])[], firing: readonly string[]): AlarmHit[][] {
  const n = candidates.length;
  const hits: AlarmHit[][] = candidates.map(() => []);
  for (const alarm of new Set(firing)) {
    const found = candidates.map((globs) => bestGlob(globs, alarm));
    const claimed = found.filter(Boolean).length;
    if (claimed === 0) continue;
    const rarity = n <= 1 ? 1 : Math.log(n / claimed) / Math.log(n);
    found.forEach((f, i) => {
      if (f) hits[i]!.push({ alarm, pattern: f.pattern, weight: f.specificity * rarity });
    });
  }
  return hits;
}
