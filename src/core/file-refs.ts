// The files a shell command reads as file://NAME (AWS CLI JSON inputs): found in the command text, so the
// runbook's `files` can be written where the copied command will find them.
import { fillLenient } from './comms.js';

const FILE_REF = /file:\/\/([^\s'"]+)/g;

export const fileRefs = (command: string | undefined): string[] => [...new Set([...(command ?? '').matchAll(FILE_REF)].map((m) => m[1]!))];

/** A name with no directory part: a runbook or a param value must not write outside the directory chosen. */
export const isPlainFileName = (name: string): boolean => name !== '' && name !== '.' && name !== '..' && !/[\\/]/.test(name);

/** The command with each file://NAME that `dir` holds pointing there instead. */
export function pointFilesAt(command: string, names: readonly string[], dir: string): string {
  let out = command;
  for (const name of names) out = out.split(`file://${name}`).join(`file://${dir}/${name}`);
  return out;
}

/** A file's JSON with its placeholders filled; an unknown one stays as written (as a copied command's do). */
export function fillDeepLenient(value: unknown, values: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return fillLenient(value, values);
  if (Array.isArray(value)) return value.map((v) => fillDeepLenient(v, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeepLenient(v, values)]));
  return value;
}
