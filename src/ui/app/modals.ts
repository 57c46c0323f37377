// Keys for the modal on top of the stack: help, confirmation, status update draft, text viewer and prompts.
// A form with answers (a prompt, or a draft with added lines) asks before Esc discards it.
import type { NewEvent } from '../../core/index.js';
import { padEnd, viewLines, viewPageHeight } from '../format.js';
import { bindingsFor, keyLabel, resolveKey } from '../keymap.js';
import type { KeyName } from '../keys.js';
import { fieldKey, hasTypedText, startField } from './field.js';
import { chooseScenario, confirmCopy, startAction, toast } from './incident-commands.js';
import type { Effect } from './msg.js';
import { appendOrConfirm } from './open-work.js';
import { entryEvents, isEntryPurpose, makePrompt } from './prompts.js';
import { stepParamsDone } from './step-params.js';
import { finishDrillPrompt, isDrillPurpose } from './drill-prompts.js';
import { finishDebriefPrompt, isDebriefPurpose } from './drill-debrief.js';
import type { AppState, Modal, PromptModal } from './state.js';
import { finishReviewPrompt } from './review-screen.js';

type Result = [AppState, Effect[]];
const pop = (s: AppState): AppState => ({ ...s, modals: s.modals.slice(0, -1) });
const replaceTop = (s: AppState, m: Modal): AppState => ({ ...s, modals: [...s.modals.slice(0, -1), m] });

export function modalKey(s: AppState, m: Modal, key: KeyName, runCommand: (s: AppState, cmd: string) => Result): Result {
  switch (m.kind) {
    case 'help': {
      const cmd = resolveKey(['help'], key);
      if (cmd === 'close') return [pop(s), []];
      if (cmd === 'down' || cmd === 'up') return [replaceTop(s, { ...m, scroll: Math.max(0, m.scroll + (cmd === 'down' ? 1 : -1)) }), []];
      return [s, []];
    }
    case 'confirm': {
      const cmd = resolveKey(['confirm'], key);
      if (cmd === 'yes') {
        if ('events' in m) return [pop(s), s.incident ? [{ type: 'append', id: s.incident.id, events: m.events }] : []];
        return m.purpose === 'quit' ? [pop(s), [{ type: 'exit' }]] : [discardForm(pop(s)), []];
      }
      if (cmd === 'no') return [pop(s), []];
      return [s, []];
    }
    case 'view': {
      const cmd = resolveKey(['view'], key);
      if (cmd === 'close') return [pop(s), []];
      const page = viewPageHeight(s.rows);
      const last = Math.max(0, viewLines(m.text, s.cols).length - page);
      const steps: Partial<Record<string, number>> = { down: 1, up: -1, 'page-down': page, 'page-up': -page, top: -last, bottom: last };
      const step = cmd ? steps[cmd] : undefined;
      if (step !== undefined) return [replaceTop(s, { ...m, scroll: Math.max(0, Math.min(last, m.scroll + step)) }), []];
      return [s, []];
    }
    case 'draft': {
      const cmd = resolveKey(['draft'], key);
      const v = s.incident;
      if (cmd === 'close') return m.edited ? [askDiscard(s, 'Discard the lines added to this update?'), []] : [pop(s), []];
      if (cmd === 'edit') return [{ ...s, modals: [...s.modals, makePrompt('draft-line', 'Add a line', [{ key: 'line', label: 'Line to add' }])] }, []];
      if (cmd === 'preview' && v) return [s, [{ type: 'preview-comms', id: v.id, text: m.text, kind: m.updateKind }]];
      if (cmd === 'send' && v) {
        const event: NewEvent = { kind: 'comms.sent', data: { channel: 'status', text: m.text, kind: m.updateKind } };
        return [
          toast(pop(s), 'status update sent: recorded, written to a file and copied', 'ok'),
          [{ type: 'append', id: v.id, events: [event] }, { type: 'write-comms', id: v.id, text: m.text }, { type: 'copy', text: m.text }],
        ];
      }
      return [s, []];
    }
    case 'review': {
      // Routed through the one command decider (update.ts), which hands it to the review screen.
      const cmd = resolveKey(['review'], key);
      return cmd ? runCommand(s, cmd) : [s, []];
    }
    case 'prompt':
      return promptKey(s, m, key, runCommand);
  }
}

function promptKey(s: AppState, m: PromptModal, key: KeyName, runCommand: (s: AppState, cmd: string) => Result): Result {
  const step = m.steps[m.index]!;
  const out = fieldKey(step, m.field, key, resolveKey(['field'], key));
  switch (out.kind) {
    case 'none':
      return [s, []];
    case 'cancel':
      return Object.keys(m.answers).length > 0 || hasTypedText(step, m.field) ? [askDiscard(s, `Discard what was typed in "${m.title}"?`), []] : [pop(s), []];
    case 'back': {
      if (m.index === 0) return [s, []];
      const prev = m.steps[m.index - 1]!;
      return [replaceTop(s, { ...m, index: m.index - 1, field: startField(prev, m.answers[prev.key]) }), []];
    }
    case 'edit':
      return [replaceTop(s, { ...m, field: out.field }), []];
    case 'submit': {
      const answers = { ...m.answers, [step.key]: out.value };
      if (m.index + 1 < m.steps.length) {
        const next = m.steps[m.index + 1]!;
        return [replaceTop(s, { ...m, answers, index: m.index + 1, field: startField(next, answers[next.key]) }), []];
      }
      return finishPrompt(pop(s), { ...m, answers }, runCommand);
    }
  }
}

function finishPrompt(s: AppState, m: PromptModal, runCommand: (s: AppState, cmd: string) => Result): Result {
  const v = s.incident;
  const a = m.answers;
  if (m.purpose === 'palette') return runCommand(s, a.command ?? '');
  if (m.purpose === 'filter') {
    if (!v) return [s, []];
    const filter = a.filter ?? '';
    const { search: _old, ...view } = v;
    // A windowed timeline is scanned for the filter in the background; the pane says how far it has got.
    const scan: Effect[] = v.timeline && filter.trim() ? [{ type: 'search-timeline', id: v.id, source: v.timeline, filter, from: 0, kept: [] }] : [];
    return [{ ...s, incident: { ...view, filter, pane: 'timeline', cursor: { ...v.cursor, timeline: 0 } } }, scan];
  }
  if (m.purpose === 'draft-line') {
    const top = s.modals.at(-1);
    return top?.kind === 'draft' ? [{ ...s, modals: [...s.modals.slice(0, -1), { ...top, text: `${top.text}\n${a.line ?? ''}`, edited: true }] }, []] : [s, []];
  }
  if (!v) return [s, []];
  if (m.purpose === 'review-section') return finishReviewPrompt(s, m);
  if (isDrillPurpose(m.purpose)) return finishDrillPrompt(s, m);
  if (isDebriefPurpose(m.purpose)) return finishDebriefPrompt(s, m);
  if (m.purpose === 'scenario' || m.purpose === 'scenario-params') return chooseScenario(s, m);
  if (m.purpose === 'confirm-action') return startAction(s, m.context, a.typed ?? '');
  if (m.purpose === 'step-params') return stepParamsDone(s, v, m);
  if (m.purpose === 'confirm-copy') return confirmCopy(s, m.context, a.typed ?? '');
  if (m.purpose === 'skip' || m.purpose === 'fail') {
    const ref = { scenario: m.context.scenario ?? '', step: m.context.step ?? '' };
    const event: NewEvent = m.purpose === 'skip' ? { kind: 'step.skipped', data: { ...ref, reason: a.reason ?? '' } } : { kind: 'step.failed', data: { ...ref, reason: a.reason ?? '' } };
    return [s, [{ type: 'append', id: v.id, events: [event] }]];
  }
  if (isEntryPurpose(m.purpose)) {
    const out = entryEvents(m.purpose, a, s.now, v.incident);
    if ('error' in out) {
      // Reopen the prompt at its last question with the problem shown; nothing is lost.
      const last = m.steps.length - 1;
      return [{ ...s, modals: [...s.modals, { ...m, index: last, field: { text: a[m.steps[last]!.key] ?? '', cursor: 0, error: out.error } }] }, []];
    }
    const [next, effects] = appendOrConfirm(s, v, out.events);
    // A bare time of day says which day it was read as.
    return [out.note ? toast(next, out.note, 'ok') : next, effects];
  }
  return [s, []];
}

/** The command palette: every palette command of the layers it was opened from, filterable by typing. */
export function paletteModal(layers: Parameters<typeof bindingsFor>[0]): PromptModal {
  const seen = new Set<string>();
  const choices = layers
    .flatMap((layer) => bindingsFor([layer]))
    .filter((b) => b.palette && !seen.has(b.command) && seen.add(b.command))
    .map((b) => ({ value: b.command, label: `${padEnd(b.command, 12)} ${b.label}`, detail: b.keys.map(keyLabel).join(' ') }));
  return { ...makePrompt('palette', 'Command palette', [{ key: 'command', label: 'Run a command (type to filter)', choices }]), paletteLayers: [...layers] };
}

/** Asks before a form with answers is thrown away; "no" goes back to the form as it was. */
export function askDiscard(s: AppState, question: string): AppState {
  return { ...s, modals: [...s.modals, { kind: 'confirm', purpose: 'discard', text: `${question} (y/n)` }] };
}

/** Throws away the form under the confirmation: the modal on top, or else the declare screen. */
function discardForm(s: AppState): AppState {
  if (s.modals.length > 0) return pop(s);
  if (s.screen === 'declare') {
    const { declare: _d, ...rest } = s;
    return { ...rest, screen: 'home' };
  }
  return s;
}
