// The JSON files a step's command reads (`file://NAME`): written from the runbook's `files` into a directory,
// and the command rewritten to name them there, so the command runs as it is copied.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileRefs, isPlainFileName, usageError } from '../core/index.js';
import type { ScenarioStep } from '../scenarios/index.js';

export interface StepFiles {
  step: ScenarioStep;
  /** One line per file: written where, or which --write-files would write. */
  notes: string[];
  /** A command that reads a file the runbook does not define. */
  warnings: string[];
}

/** For a rendered step: writes its files into `dir` (when given) and points its command at them. */
export function stepFiles(step: ScenarioStep, dir: string | undefined): StepFiles {
  const notes: string[] = [];
  const warnings: string[] = [];
  let command = step.command;
  for (const name of fileRefs(step.command)) {
    const json = step.files?.[name];
    if (json === undefined) {
      warnings.push(`step ${step.id} reads file://${name}, which the runbook does not define (write it yourself)`);
      continue;
    }
    if (!dir) {
      notes.push(`reads file://${name} (written by --write-files DIR)`);
      continue;
    }
    // Only a plain name: a runbook (or a param value) must not write outside the directory given.
    if (!isPlainFileName(name) || name !== basename(name)) {
      throw usageError(`step ${step.id}: file name "${name}" is not a plain file name (use a name without /)`);
    }
    const [path] = writeCommandFiles(dir, { [name]: json });
    command = command!.split(`file://${name}`).join(`file://${path!}`);
    notes.push(`wrote ${path} (step ${step.id})`);
  }
  return { step: command === step.command ? step : { ...step, command }, notes, warnings };
}

/** Writes each file as JSON into `dir` (made if missing); plain names only. Returns the paths written. */
export function writeCommandFiles(dir: string, files: Readonly<Record<string, unknown>>): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return Object.entries(files).map(([name, json]) => {
    if (!isPlainFileName(name) || name !== basename(name)) throw usageError(`file name "${name}" is not a plain file name (use a name without /)`);
    const path = resolve(dir, name);
    writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
    return path;
  });
}
