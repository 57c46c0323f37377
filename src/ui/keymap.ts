// Every key of the console, once, as data. The reducer resolves keys through it, `?` renders it and
// docs/console.md's table is generated from it (keysMarkdown), so help and docs cannot drift.
import type { KeyName } from './keys.js';

export type Layer =
  | 'global'
  | 'home'
  | 'incident'
  | 'checklist'
  | 'timeline'
  | 'alarms'
  | 'metrics'
  | 'comms'
  | 'list'
  | 'field'
  | 'help'
  | 'confirm'
  | 'draft'
  | 'view'
  | 'review';

export const LAYER_TITLE: Record<Layer, string> = {
  global: 'Everywhere',
  home: 'Home',
  incident: 'Incident view',
  checklist: 'Checklist pane',
  timeline: 'Timeline pane',
  alarms: 'Alarms pane',
  metrics: 'Metrics pane',
  comms: 'Comms pane',
  list: 'Incident list (home)',
  field: 'Text fields and choices (declare, quick entry, palette)',
  help: 'Help',
  confirm: 'Confirmation',
  draft: 'Status update draft',
  view: 'Full text (a copied command, a timeline event)',
  review: 'Postmortem review (after resolution)',
};

export interface Binding {
  command: string;
  keys: readonly KeyName[];
  label: string;
  layer: Layer;
  /** Shown in the command palette (commands that make sense to run by name). */
  palette?: boolean;
}

const BOUND = [
  { layer: 'global', command: 'help', keys: ['?'], label: 'show the keys for this screen' },
  { layer: 'global', command: 'palette', keys: [':'], label: 'command palette: run any command by name' },
  { layer: 'global', command: 'quit', keys: ['q'], label: 'quit (asks first while a drill is running)', palette: true },
  { layer: 'global', command: 'quit-now', keys: ['ctrl+c'], label: 'quit at once, restoring the terminal (exit code 130, as for any interrupted command)' },

  { layer: 'list', command: 'down', keys: ['down', 'j'], label: 'next item' },
  { layer: 'list', command: 'up', keys: ['up', 'k'], label: 'previous item' },
  { layer: 'list', command: 'first', keys: ['home', 'g'], label: 'first item' },
  { layer: 'list', command: 'last', keys: ['end', 'G'], label: 'last item' },

  { layer: 'home', command: 'open', keys: ['return', 'o'], label: 'open the selected incident' },
  { layer: 'home', command: 'declare', keys: ['n'], label: 'declare a new incident in one line: a title, Enter (picks up a draft left with Esc)', palette: true },
  { layer: 'home', command: 'declare-guided', keys: ['N'], label: 'declare with the triage questions (scope, impact, data, security, since when)', palette: true },
  { layer: 'home', command: 'drill', keys: ['d'], label: 'start a drill (exercise) from a scenario', palette: true },
  { layer: 'home', command: 'refresh', keys: ['r'], label: 'reload the incident list', palette: true },

  { layer: 'incident', command: 'next-pane', keys: ['tab', 'l', 'right'], label: 'focus the next pane' },
  { layer: 'incident', command: 'prev-pane', keys: ['shift+tab', 'h', 'left'], label: 'focus the previous pane' },
  { layer: 'incident', command: 'pane-checklist', keys: ['1'], label: 'checklist pane' },
  { layer: 'incident', command: 'pane-metrics', keys: ['2'], label: 'metrics pane' },
  { layer: 'incident', command: 'pane-alarms', keys: ['3'], label: 'alarms pane' },
  { layer: 'incident', command: 'pane-timeline', keys: ['4'], label: 'timeline pane' },
  { layer: 'incident', command: 'pane-comms', keys: ['5'], label: 'comms pane' },
  { layer: 'incident', command: 'note', keys: ['n'], label: 'add a note', palette: true },
  { layer: 'incident', command: 'decision', keys: ['D'], label: 'record a decision', palette: true },
  { layer: 'incident', command: 'action-item', keys: ['I'], label: 'add an action item', palette: true },
  { layer: 'incident', command: 'role', keys: ['R'], label: 'assign a role', palette: true },
  { layer: 'incident', command: 'milestone', keys: ['m'], label: 'set a milestone (back-dating allowed)', palette: true },
  { layer: 'incident', command: 'severity', keys: ['S'], label: 'change the severity', palette: true },
  { layer: 'incident', command: 'status', keys: ['T'], label: 'change the status', palette: true },
  { layer: 'incident', command: 'scenario', keys: ['C'], label: 'choose or add a scenario (its checklist, metrics and comms)', palette: true },
  { layer: 'incident', command: 'comms', keys: ['c'], label: 'draft and send a status update', palette: true },
  { layer: 'incident', command: 'export', keys: ['E'], label: 'export the post-incident report', palette: true },
  { layer: 'incident', command: 'filter', keys: ['/'], label: 'filter the timeline (kind:x actor:y words)', palette: true },
  { layer: 'incident', command: 'back', keys: ['escape', 'b'], label: 'back to the incident list', palette: true },
  { layer: 'incident', command: 'review', keys: ['V'], label: 'the postmortem review: its sections, drafts citing the record, write or accept each (after resolution)', palette: true },
  { layer: 'incident', command: 'recovery-points', keys: ['W'], label: 'read recovery points (latest restorable time, replica lag) for the RPO in the report', palette: true },
  { layer: 'incident', command: 'drill-pause', keys: ['P'], label: 'drill: pause or resume the exercise clock (the controller only)', palette: true },
  { layer: 'incident', command: 'drill-faster', keys: ['+'], label: 'drill: speed the clock up (x1, x2, x5, x10, x30, x60)', palette: true },
  { layer: 'incident', command: 'drill-slower', keys: ['-'], label: 'drill: slow the clock down', palette: true },
  { layer: 'incident', command: 'drill-next', keys: ['J'], label: 'drill: jump the clock to the next inject', palette: true },
  { layer: 'incident', command: 'drill-fire', keys: ['F'], label: 'drill: fire the next inject now', palette: true },
  { layer: 'incident', command: 'drill-script', keys: ['K'], label: 'drill: fire a chosen inject now, or skip it', palette: true },
  { layer: 'incident', command: 'drill-handover', keys: ['H'], label: 'drill: hand control of the drill to another participant', palette: true },
  { layer: 'incident', command: 'drill-end', keys: ['X'], label: 'drill: end the drill (the clock stops; asks first)', palette: true },
  { layer: 'incident', command: 'drill-injects', keys: ['i'], label: 'drill: read the injects fired so far, whole', palette: true },
  { layer: 'incident', command: 'answer', keys: ['a'], label: 'drill: answer a discussion question (once the hotwash is open, its questions and the feedback form too)', palette: true },
  { layer: 'incident', command: 'hotwash', keys: ['w'], label: 'drill: the hotwash and feedback form (the controller opens it; it opens when the drill ends)', palette: true },
  { layer: 'incident', command: 'plan-row', keys: ['L'], label: 'drill: set an improvement-plan row\'s owner, organisation, dates and status (evaluators, controller)', palette: true },
  { layer: 'incident', command: 'drill-add', keys: ['O'], label: 'drill: write a new inject (title, text, audience, channel), fired now or at a drill time (the controller)', palette: true },
  { layer: 'incident', command: 'drill-mark', keys: ['M'], label: 'drill: mark an inject\'s expectation met, partly or not met, with a note (evaluators)', palette: true },

  { layer: 'checklist', command: 'down', keys: ['down', 'j'], label: 'next step' },
  { layer: 'checklist', command: 'up', keys: ['up', 'k'], label: 'previous step' },
  { layer: 'checklist', command: 'advance', keys: ['return', ' '], label: 'start the step, or mark it done' },
  { layer: 'checklist', command: 'verify', keys: ['v'], label: 'run the step\'s verification', palette: true },
  { layer: 'checklist', command: 'copy', keys: ['y'], label: 'copy the step\'s command (OSC 52) and show it whole', palette: true },
  { layer: 'checklist', command: 'fail', keys: ['f'], label: 'mark the step failed (asks why)', palette: true },
  { layer: 'checklist', command: 'skip', keys: ['z'], label: 'skip the step (asks why)', palette: true },
  { layer: 'checklist', command: 'action', keys: ['A'], label: 'run the step\'s AWS action (--allow-actions; type the target)', palette: true },

  { layer: 'timeline', command: 'older', keys: ['up', 'k'], label: 'scroll to older events' },
  { layer: 'timeline', command: 'newer', keys: ['down', 'j'], label: 'scroll to newer events' },
  { layer: 'timeline', command: 'page-older', keys: ['pageup', 'u'], label: 'a page older' },
  { layer: 'timeline', command: 'page-newer', keys: ['pagedown', 'ctrl+d'], label: 'a page newer' },
  { layer: 'timeline', command: 'oldest', keys: ['home', 'g'], label: 'oldest event' },
  { layer: 'timeline', command: 'newest', keys: ['end', 'G'], label: 'newest event (follow)' },
  { layer: 'timeline', command: 'event-detail', keys: ['return', 'o'], label: 'open the highlighted event whole, with its amendments' },
  { layer: 'timeline', command: 'clear-filter', keys: ['x'], label: 'clear the timeline filter', palette: true },

  { layer: 'alarms', command: 'down', keys: ['down', 'j'], label: 'next alarm' },
  { layer: 'alarms', command: 'up', keys: ['up', 'k'], label: 'previous alarm' },
  { layer: 'metrics', command: 'down', keys: ['down', 'j'], label: 'next metric' },
  { layer: 'metrics', command: 'up', keys: ['up', 'k'], label: 'previous metric' },
  { layer: 'metrics', command: 'record-metrics', keys: ['return', 's'], label: 'record the panes\' new points on the timeline as evidence', palette: true },
  { layer: 'comms', command: 'comms', keys: ['return'], label: 'draft the next status update' },
  { layer: 'comms', command: 'escalate', keys: ['e'], label: 'record that the due escalations were made', palette: true },
  { layer: 'comms', command: 'page', keys: ['p'], label: 'page the escalation level that is due (recorded once, delivered through the outbox)', palette: true },

  { layer: 'field', command: 'submit', keys: ['return'], label: 'accept the field or the highlighted choice' },
  { layer: 'field', command: 'cancel', keys: ['escape', 'ctrl+x'], label: 'cancel (Ctrl+X is the letter key for Esc while typing)' },
  { layer: 'field', command: 'back-step', keys: ['ctrl+b'], label: 'previous question (declare)' },
  { layer: 'field', command: 'down', keys: ['down', 'ctrl+n'], label: 'next choice' },
  { layer: 'field', command: 'up', keys: ['up', 'ctrl+p'], label: 'previous choice' },
  { layer: 'field', command: 'erase', keys: ['backspace'], label: 'delete a character' },
  { layer: 'field', command: 'clear', keys: ['ctrl+u'], label: 'clear the field' },
  { layer: 'field', command: 'example', keys: ['tab'], label: 'fill in the example value (runbook params)' },

  { layer: 'help', command: 'close', keys: ['escape', 'x', '?', 'q'], label: 'close the help' },
  { layer: 'help', command: 'down', keys: ['down', 'j'], label: 'scroll down' },
  { layer: 'help', command: 'up', keys: ['up', 'k'], label: 'scroll up' },
  { layer: 'confirm', command: 'yes', keys: ['y'], label: 'yes (quit, resolve, or discard the form\'s answers)' },
  { layer: 'confirm', command: 'no', keys: ['n', 'escape', 'x'], label: 'no (back to the form, answers kept)' },
  { layer: 'draft', command: 'send', keys: ['s', 'return'], label: 'send: record comms.sent, write the file, copy (OSC 52)' },
  { layer: 'draft', command: 'edit', keys: ['e'], label: 'add a line to the draft' },
  { layer: 'draft', command: 'preview', keys: ['p'], label: 'preview exactly what each channel will receive (nothing is sent)' },
  { layer: 'draft', command: 'close', keys: ['escape', 'x'], label: 'close without sending (asks first when lines were added)' },
  { layer: 'view', command: 'close', keys: ['escape', 'x', 'q', 'return'], label: 'close the text' },
  { layer: 'view', command: 'down', keys: ['down', 'j'], label: 'scroll down' },
  { layer: 'view', command: 'up', keys: ['up', 'k'], label: 'scroll up' },
  { layer: 'view', command: 'page-down', keys: ['pagedown', ' '], label: 'a page down' },
  { layer: 'view', command: 'page-up', keys: ['pageup', 'u'], label: 'a page up' },
  { layer: 'view', command: 'top', keys: ['home', 'g'], label: 'the start' },
  { layer: 'view', command: 'bottom', keys: ['end', 'G'], label: 'the end' },
  { layer: 'review', command: 'down', keys: ['down', 'j'], label: 'next section' },
  { layer: 'review', command: 'up', keys: ['up', 'k'], label: 'previous section' },
  { layer: 'review', command: 'review-accept', keys: ['a'], label: 'accept the section\'s draft as it stands (recorded as review.section; a written section is amended)' },
  { layer: 'review', command: 'review-write', keys: ['e'], label: 'write the section in one line (a written section is amended)' },
  { layer: 'review', command: 'review-done', keys: ['D'], label: 'close the review (asks first; recorded as review.closed)' },
  { layer: 'review', command: 'close', keys: ['escape', 'x'], label: 'close the review screen (nothing is recorded by looking)' },
] as const satisfies readonly Binding[];

/** Every command a key or the palette can run: the reducer's switches over it are exhaustive. */
export type Command = (typeof BOUND)[number]['command'];
export const KEYMAP: readonly (Binding & { command: Command })[] = BOUND;
export const isCommand = (x: string): x is Command => KEYMAP.some((b) => b.command === x);

/** The command a key runs in the given layers, first layer first (modal > pane > screen > global). */
export function resolveKey(layers: readonly Layer[], key: KeyName): Command | undefined {
  for (const layer of layers) {
    const hit = KEYMAP.find((b) => b.layer === layer && b.keys.includes(key));
    if (hit) return hit.command;
  }
  return undefined;
}

export const bindingsFor = (layers: readonly Layer[]): Binding[] => KEYMAP.filter((b) => layers.includes(b.layer));

const KEY_LABEL: Record<string, string> = { return: 'Enter', escape: 'Esc', ' ': 'Space', 'shift+tab': 'Shift+Tab', tab: 'Tab' };
export function keyLabel(k: KeyName): string {
  if (KEY_LABEL[k]) return KEY_LABEL[k];
  if (k.startsWith('ctrl+')) return `Ctrl+${k.slice(5).toUpperCase()}`;
  if (k.length > 1) return k[0]!.toUpperCase() + k.slice(1);
  return k;
}

/** The keys table for docs/console.md, one section per layer. */
export function keysMarkdown(): string {
  const layers = [...new Set(KEYMAP.map((b) => b.layer))];
  const out: string[] = [];
  for (const layer of layers) {
    out.push(`### ${LAYER_TITLE[layer]}`, '', '| Keys | Does |', '| --- | --- |');
    for (const b of KEYMAP.filter((x) => x.layer === layer)) {
      const keys = b.keys.map((k) => `\`${keyLabel(k).replace('|', '\\|')}\``).join(' ');
      out.push(`| ${keys} | ${b.label.replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
