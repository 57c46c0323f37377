// A paste is text for the field being typed in; anywhere else it is dropped with a notice, so pasted
// lines can never run commands.
import { stepsOf } from './declare.js';
import { pasteIntoField } from './field.js';
import { toast } from './incident-commands.js';
import { pasteIntoTitle } from './quick-declare.js';
import type { Effect } from './msg.js';
import { tooSmall, type AppState } from './state.js';

export function onPaste(s: AppState, text: string): [AppState, Effect[]] {
  const top = s.modals.at(-1);
  if (!tooSmall(s) && top?.kind === 'prompt') {
    const field = pasteIntoField(top.steps[top.index]!, top.field, text);
    return [{ ...s, modals: [...s.modals.slice(0, -1), { ...top, field }] }, []];
  }
  const d = s.declare;
  if (!tooSmall(s) && !top && s.screen === 'declare' && d && !d.creating) {
    const step = stepsOf(d, s)[d.index]!;
    if (step.key === 'title') {
      const { field, details } = pasteIntoTitle(d.field, d.details, text);
      const { details: _old, ...rest } = d;
      return [{ ...s, declare: { ...rest, field, ...(details ? { details } : {}) } }, []];
    }
    return [{ ...s, declare: { ...d, field: pasteIntoField(step, d.field, text) } }, []];
  }
  const size = [...text].length;
  return [toast(s, `paste ignored (${size} character${size === 1 ? '' : 's'}): not in a text field`, 'warn'), []];
}
