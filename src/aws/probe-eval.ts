// Pure evaluation of a verify's `path` and `expect` against a response object. Shared by the live and the
// simulated probes, so a runbook step means the same thing on both.
import type { AlsoSpec, ExpectSpec } from '../core/index.js';
import { compilePattern } from '../scenarios/pattern.js';

type Match = 'any' | 'all' | 'every';
type Token = { key: string } | { index: number } | { any: true } | { where: string };

/**
 * Splits "DBClusters[0].DBClusterMembers[*].IsClusterWriter" into keys, indexes and wildcards;
 * `[?IsClusterWriter]` keeps the items whose field is true (the writer's id, not every member's).
 */
export function parsePath(path: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of path.split('.')) {
    const m = /^([^.[\]]+)((?:\[(?:\d+|\*|\?[A-Za-z0-9_]+)\])*)$/.exec(segment);
    if (!m) throw new Error(`path "${path}" is not valid near "${segment}" (use Key.Key[0].Key, Key[*] or Key[?Flag])`);
    tokens.push({ key: m[1]! });
    for (const [, idx] of m[2]!.matchAll(/\[(\d+|\*|\?[A-Za-z0-9_]+)\]/g)) {
      tokens.push(idx === '*' ? { any: true } : idx!.startsWith('?') ? { where: idx!.slice(1) } : { index: Number(idx) });
    }
  }
  return tokens;
}

/** Every value found at `path` ([*] fans out); missing branches are dropped, so "not found" is an empty list. */
export function evaluatePath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const token of parsePath(path)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (v === undefined || v === null) continue;
      if ('key' in token) {
        if (typeof v === 'object' && !Array.isArray(v) && token.key in v) next.push((v as Record<string, unknown>)[token.key]);
      } else if ('index' in token) {
        if (Array.isArray(v) && token.index < v.length) next.push(v[token.index]);
      } else if ('where' in token) {
        if (Array.isArray(v)) next.push(...v.filter((item) => item && typeof item === 'object' && (item as Record<string, unknown>)[token.where] === true));
      } else if (Array.isArray(v)) {
        next.push(...v);
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined && v !== null);
}

/** JSON-safe evidence: SDK timestamps are Date objects. */
export function toEvidence(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) return value.map(toEvidence);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toEvidence(v)]));
  return value;
}

const asNumber = (v: unknown): number | undefined => {
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};
const same = (a: unknown, b: unknown) => (a instanceof Date ? a.toISOString() : String(a)) === String(b);

export interface ExpectOutcome {
  passed: boolean;
  /** What was expected, in words: "equals ACTIVE", "< 30". */
  expected: string;
}

/**
 * Checks the values found against the expectation; with several values (a [*] path), any one satisfying it
 * passes, or with match "all" every one must (and there must be one).
 */
export function checkExpect(values: readonly unknown[], expect: ExpectSpec, match: Match = 'any'): ExpectOutcome {
  const any = (test: (v: unknown) => boolean) => (match === 'every' ? values.every(test) : match === 'all' ? values.length > 0 && values.every(test) : values.some(test));
  const num = (test: (n: number) => boolean) => any((v) => {
    const n = asNumber(v);
    return n !== undefined && test(n);
  });
  if (expect.equals !== undefined) return { passed: any((v) => same(v, expect.equals)), expected: `equals ${expect.equals}` };
  if (expect.not_equals !== undefined) return { passed: any((v) => !same(v, expect.not_equals)), expected: `not equal to ${expect.not_equals}` };
  if (expect.in !== undefined) return { passed: any((v) => expect.in!.some((e) => same(v, e))), expected: `one of ${expect.in.join(', ')}` };
  if (expect.exists !== undefined) return { passed: expect.exists === values.length > 0, expected: expect.exists ? 'present' : 'absent' };
  if (expect.lt !== undefined) return { passed: num((n) => n < expect.lt!), expected: `< ${expect.lt}` };
  if (expect.lte !== undefined) return { passed: num((n) => n <= expect.lte!), expected: `<= ${expect.lte}` };
  if (expect.gt !== undefined) return { passed: num((n) => n > expect.gt!), expected: `> ${expect.gt}` };
  if (expect.gte !== undefined) return { passed: num((n) => n >= expect.gte!), expected: `>= ${expect.gte}` };
  if (expect.not_after !== undefined || expect.not_before !== undefined) {
    const limit = (expect.not_after ?? expect.not_before)!;
    const at = Date.parse(limit);
    const words = `${expect.not_after !== undefined ? 'at or before' : 'at or after'} ${limit}`;
    if (Number.isNaN(at)) return { passed: false, expected: `${words} (not a time)` };
    const time = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : Number.NaN);
    return { passed: any((v) => !Number.isNaN(time(v)) && (expect.not_after !== undefined ? time(v) <= at : time(v) >= at)), expected: words };
  }
  if (expect.matches !== undefined) {
    // A runbook's pattern: RE2, linear in the value, so a hostile pattern cannot stall the console.
    const re = compilePattern(expect.matches);
    if (!re.ok) return { passed: false, expected: `matches ${expect.matches} (not a usable pattern: ${re.reason})` };
    return { passed: any((v) => re.test(String(toEvidence(v)))), expected: `matches ${expect.matches}` };
  }
  return { passed: false, expected: 'an expectation' };
}

function judgeOne(response: unknown, path: string, expect: ExpectSpec, match: Match) {
  const values = evaluatePath(response, path);
  const outcome = checkExpect(values, expect, match);
  const shown = values.length === 0 ? undefined : values.length === 1 ? toEvidence(values[0]) : values.map(toEvidence);
  const read = shown === undefined ? 'nothing' : JSON.stringify(shown);
  return { passed: outcome.passed, shown: shown ?? null, summary: `${path} = ${read.length > 120 ? `${read.slice(0, 117)}...` : read}; expected ${match === 'all' ? 'every value ' : match === 'every' ? 'every value (if any) ' : ''}${outcome.expected}` };
}

/**
 * Evaluates a whole verify against one response: pass/fail, the evidence and one line for the operator.
 * Every `and` condition must hold too; the summary leads with the first that does not.
 */
export function judgeResponse(
  response: unknown,
  path: string,
  expect: ExpectSpec,
  opts: { match?: Match | undefined; and?: readonly AlsoSpec[] | undefined } = {},
): { passed: boolean; evidence: Record<string, unknown>; summary: string } {
  const checks = [judgeOne(response, path, expect, opts.match ?? 'any'), ...(opts.and ?? []).map((c) => judgeOne(response, c.path, c.expect, c.match ?? 'any'))];
  const paths = [path, ...(opts.and ?? []).map((c) => c.path)];
  const failing = checks.filter((c) => !c.passed);
  const lead = failing.length > 0 ? failing : checks;
  return {
    passed: failing.length === 0,
    evidence: Object.fromEntries(paths.map((p, i) => [p, checks[i]!.shown])),
    summary: lead.map((c) => c.summary).join('; and '),
  };
}
