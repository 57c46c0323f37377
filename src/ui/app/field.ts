// One question at a time: a text field or a choice list filtered by typing. Pure; the declare wizard and
// every quick-entry prompt use it. The highlighted choice is an index into the filtered list kept in state,
// so Enter picks exactly what is highlighted however fast the keys came.
import { sanitize } from '../../core/index.js';
import { matchesWhole } from '../../scenarios/pattern.js';
import { isPrintable, type KeyName } from '../keys.js';

export interface Choice {
  value: string;
  label: string;
  detail?: string;
}

export interface FieldStep {
  key: string;
  label: string;
  hint?: string;
  /** When set, the answer is one of these; typing filters them. */
  choices?: readonly Choice[];
  initial?: string;
  optional?: boolean;
  /** A runbook pattern the whole text answer must match (run on RE2, linear time). */
  pattern?: string;
  /** Why a typed answer cannot be taken, checked on Enter so the person corrects it in place; undefined when it can. */
  check?: (value: string) => string | undefined;
  /** A sample answer that Tab fills in (runbook params carry one). */
  example?: string;
  /** A choice list that also takes any typed answer, offered last as "TEXT (<other>)", e.g. "new role". */
  other?: string;
}

export interface FieldState {
  text: string;
  cursor: number;
  error?: string;
}

export type FieldOutcome =
  | { kind: 'edit'; field: FieldState }
  | { kind: 'submit'; value: string }
  | { kind: 'cancel' }
  | { kind: 'back' }
  | { kind: 'none' };

/** A field ready for its question; `answer` is the answer given before (going back keeps it). */
export function startField(step: FieldStep, answer?: string): FieldState {
  if (step.choices) {
    const want = answer ?? step.initial;
    const i = want === undefined ? 0 : step.choices.findIndex((c) => c.value === want);
    return { text: '', cursor: Math.max(0, i) };
  }
  return { text: answer ?? step.initial ?? '', cursor: 0 };
}

/** True when the field holds text the person typed (a choice list's filter is not an answer). */
export function hasTypedText(step: FieldStep, field: FieldState): boolean {
  return !step.choices && field.text.trim() !== (step.initial ?? '').trim();
}

export function filterChoices(choices: readonly Choice[], text: string): Choice[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  const hits = choices.filter((c) => {
    const hay = `${c.label} ${c.value} ${c.detail ?? ''}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  // Choices whose value or label starts with what was typed come first; otherwise the given order stays.
  const starts = (c: Choice) => c.value.toLowerCase().startsWith(words[0]!) || c.label.toLowerCase().startsWith(words[0]!);
  return [...hits.filter(starts), ...hits.filter((c) => !starts(c))];
}

/** The choices on screen for what was typed: the matches, then the typed text itself where the step takes any answer. */
export function shownChoices(step: FieldStep, text: string): Choice[] {
  if (!step.choices) return [];
  const hits = filterChoices(step.choices, text);
  const typed = text.trim();
  if (!step.other || !typed || step.choices.some((c) => c.value === typed)) return hits;
  return [...hits, { value: typed, label: `${typed} (${step.other})` }];
}

const clamp = (n: number, len: number) => (len === 0 ? 0 : Math.max(0, Math.min(len - 1, n)));

/** Applies one key (already resolved to a command in the field layer, or a typed character). */
export function fieldKey(step: FieldStep, field: FieldState, key: KeyName, command: string | undefined): FieldOutcome {
  const shown = shownChoices(step, field.text);
  switch (command) {
    case 'cancel':
      return { kind: 'cancel' };
    case 'back-step':
      return { kind: 'back' };
    case 'down':
      return step.choices ? { kind: 'edit', field: { ...field, cursor: clamp(field.cursor + 1, shown.length) } } : { kind: 'none' };
    case 'up':
      return step.choices ? { kind: 'edit', field: { ...field, cursor: clamp(field.cursor - 1, shown.length) } } : { kind: 'none' };
    case 'erase':
      return { kind: 'edit', field: { text: [...field.text].slice(0, -1).join(''), cursor: 0 } };
    case 'clear':
      return { kind: 'edit', field: { text: '', cursor: 0 } };
    case 'example':
      return step.example !== undefined && !step.choices ? { kind: 'edit', field: { text: step.example, cursor: 0 } } : { kind: 'none' };
    case 'submit':
      return submit(step, field, shown);
  }
  if (isPrintable(key)) {
    // Typing into a choice list restarts the highlight at the best (first) match.
    return { kind: 'edit', field: { text: field.text + key, cursor: step.choices ? 0 : field.cursor } };
  }
  return { kind: 'none' };
}

function submit(step: FieldStep, field: FieldState, shown: Choice[]): FieldOutcome {
  if (step.choices) {
    const picked = shown[clamp(field.cursor, shown.length)];
    if (!picked) return { kind: 'edit', field: { ...field, error: `nothing matches "${field.text}"` } };
    return { kind: 'submit', value: picked.value };
  }
  const value = field.text.trim();
  if (!value && !step.optional) return { kind: 'edit', field: { ...field, error: 'an answer is needed (Esc or Ctrl+X cancels)' } };
  if (value && step.pattern && !matchesWhole(step.pattern, value)) {
    return { kind: 'edit', field: { ...field, error: `"${value}" does not match ${step.pattern}` } };
  }
  const problem = value ? step.check?.(value) : undefined;
  if (problem) return { kind: 'edit', field: { ...field, error: problem } };
  return { kind: 'submit', value };
}

/**
 * Pasted text goes into the field as typed text, line breaks included (Enter still submits, once).
 * A choice list's filter is one line, so there the breaks become spaces. Escape sequences are dropped.
 */
export function pasteIntoField(step: FieldStep, field: FieldState, text: string): FieldState {
  const clean = sanitize(text.replace(/\r\n?/g, '\n'));
  if (step.choices) return { text: (field.text + clean).replace(/\s+/g, ' ').trimStart(), cursor: 0 };
  return { text: field.text + clean, cursor: field.cursor };
}
