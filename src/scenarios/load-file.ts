// Reads one runbook file: YAML syntax, then the schema; every problem comes back with its file and line.
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { textKey, type ParsedCache } from './parsed-cache.js';
import { ScenarioSchema, type Scenario } from './schema.js';
import { formatPath, lineAt, parseYaml, type ParsedYaml, type Problem } from './yaml-source.js';

export interface LoadedFile {
  file: string;
  scenario?: Scenario;
  problems: Problem[];
}

/** `cache`: scenarios already validated, by text hash (see parsed-cache.ts). */
/** The largest runbook file read (the built-in ones are under 40 KiB); a bigger one is refused unread. */
export const MAX_RUNBOOK_BYTES = 1024 * 1024;

export function loadScenarioFile(file: string, cache?: ParsedCache): LoadedFile {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_RUNBOOK_BYTES) return { file, problems: [{ file, message: `the file is ${size} bytes; a runbook is at most ${MAX_RUNBOOK_BYTES} (1 MiB)` }] };
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return { file, problems: [{ file, message: `cannot read the file (${code})` }] };
  }
  const cached = cache?.get(textKey(text));
  if (cached) return { file, scenario: cached, problems: [] };
  return loadScenarioText(text, file);
}

/** Never throws: whatever is wrong with one file (a YAML bomb, an alias inside itself) is that file's problem. */
export function loadScenarioText(text: string, file: string): LoadedFile {
  if (text.length > MAX_RUNBOOK_BYTES) return { file, problems: [{ file, message: `the text is ${text.length} characters; a runbook is at most ${MAX_RUNBOOK_BYTES} (1 MiB)` }] };
  try {
    return validateText(text, file);
  } catch (err) {
    const reason = err instanceof RangeError ? 'it nests too deeply to read' : (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return { file, problems: [{ file, message: `cannot be read as a runbook: ${reason}` }] };
  }
}

function validateText(text: string, file: string): LoadedFile {
  const parsed = parseYaml(text, file);
  if (parsed.problems.length) return { file, problems: parsed.problems };
  if (parsed.data === null || parsed.data === undefined) return { file, problems: [{ file, line: 1, message: 'the file is empty: a runbook is one scenario, a YAML mapping' }] };
  const result = ScenarioSchema.safeParse(parsed.data);
  if (result.success) return { file, scenario: result.data, problems: [] };
  return { file, problems: result.error.issues.flatMap((i) => toProblems(i, parsed, file)) };
}

function toProblems(issue: z.core.$ZodIssue, parsed: ParsedYaml, file: string): Problem[] {
  const at = (path: PropertyKey[], message: string, atKey = false): Problem => {
    const problem: Problem = { file, message };
    const line = lineAt(parsed, path, atKey);
    if (line !== undefined) problem.line = line;
    if (path.length) problem.path = formatPath(path);
    return problem;
  };
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => at([...path, k], `unknown field "${k}"`, true));
    case 'invalid_key':
      return [at(path, `${issue.issues[0]?.message ?? 'invalid key'}`, true)];
    case 'invalid_type': {
      const value = valueAt(parsed.data, path);
      if (value === undefined) return [at(path, `missing required field "${String(path[path.length - 1] ?? '')}"`)];
      return [at(path, `expected ${issue.expected}, got ${describe(value)}`)];
    }
    case 'invalid_value':
      return [at(path, `${describe(valueAt(parsed.data, path))} is not allowed here; use one of ${issue.values.map(String).join(', ')}`)];
    case 'invalid_union': {
      const inner = issue.errors.flat().filter((e) => e.code !== 'invalid_type');
      const message = inner[0]?.message ?? `expected ${[...new Set(issue.errors.flat().map((e) => (e.code === 'invalid_type' ? e.expected : e.message)))].join(' or ')}, got ${describe(valueAt(parsed.data, path))}`;
      return [at(path, message)];
    }
    default:
      return [at(path, issue.message)];
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}
