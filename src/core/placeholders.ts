// {{param}} placeholders, shared by runbook commands, verify/action arguments, metric dimensions and comms.
import { usageError } from './errors.js';

export const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills every placeholder; a missing value is an error naming the param. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw usageError(`missing param "${name}" (give it with --param ${name}=VALUE)`);
    return v;
  });
}

/** Fills placeholders in every string inside a JSON-like value (verify and action arguments). */
export function fillDeep(value: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return fillTemplate(value, values);
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, values)]));
  }
  return value;
}
