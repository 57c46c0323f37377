// Regular expressions written in runbooks (param patterns, verify `matches`) run on RE2, whose matching
// time is linear in the input: JavaScript's backtracking engine can take minutes (or forever) on a pattern
// such as (a+)+$ and, with the event loop blocked, the process cannot even act on SIGTERM. What RE2 cannot
// run in linear time (back-references, look-around) it refuses, and the runbook is refused at load.
import RE2 from 're2';

export type CompiledPattern = { ok: true; test: (value: string) => boolean } | { ok: false; reason: string };

const compiled = new Map<string, CompiledPattern>();

/** Compiles a runbook pattern once; `whole` anchors it so the whole value must match. */
export function compilePattern(source: string, opts: { whole?: boolean; ignoreCase?: boolean } = {}): CompiledPattern {
  const key = `${opts.whole ? 'w' : '-'}${opts.ignoreCase ? 'i' : '-'}${source}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  let result: CompiledPattern;
  try {
    const re = new RE2(opts.whole ? `^(?:${source})$` : source, `u${opts.ignoreCase ? 'i' : ''}`);
    result = { ok: true, test: (value) => re.test(value) };
  } catch (err) {
    result = { ok: false, reason: (err instanceof Error ? err.message : String(err)).split('\n')[0]! };
  }
  compiled.set(key, result);
  return result;
}

/** Why a pattern cannot be used, or undefined when it can. */
export function patternProblem(source: string): string | undefined {
  const c = compilePattern(source);
  return c.ok ? undefined : `pattern ${JSON.stringify(source)} cannot be used: ${c.reason} (write it without back-references or look-around; runbook patterns run in linear time)`;
}

/** True when the whole value matches the pattern; false for a pattern that cannot be compiled. */
export function matchesWhole(source: string, value: string): boolean {
  const c = compilePattern(source, { whole: true });
  return c.ok && c.test(value);
}
