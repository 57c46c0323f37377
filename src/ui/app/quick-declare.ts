// Declaring in one line (`n`): a title, Enter, and the incident is open. The severity is suggested, the
// scenario ranked, the parameters the service profile (or the runbook) already knows are filled in, the
// roster's roles assigned; the rest is asked inline when a step that needs it is reached. Pure.
import { NOT_SURE, quickDeclaration, sanitize, splitTitle, type NewEvent } from '../../core/index.js';
import type { IncidentOpening, UiService } from '../deps.js';
import type { UiScenario } from '../scenario.js';
import type { FieldState, FieldStep } from './field.js';
import type { Effect } from './msg.js';

export const QUICK_TITLE: FieldStep = {
  key: 'title',
  label: 'What is happening, in a few words?',
  hint: 'Enter declares: severity suggested, scenario ranked, parameters from the service profile (all editable in the incident view). Esc keeps a draft.',
};

/** The values a scenario's parameters already have: the service profile's, else the runbook's defaults. */
export function knownParams(s: UiScenario | undefined): Record<string, string> {
  if (!s) return {};
  return Object.fromEntries(Object.entries(s.params).flatMap(([name, p]) => (p.default !== undefined && p.default !== '' ? [[name, p.default]] : [])));
}

/** The events that note the service and assign its roster, right after the incident is opened. */
export function serviceEvents(service: UiService | undefined): NewEvent[] {
  if (!service) return [];
  return [
    { kind: 'note', data: { text: `service ${service.name} (profile ${service.profile})` } },
    ...Object.entries(service.roster).map(([role, name]): NewEvent => ({ kind: 'role.assigned', data: { role, name } })),
  ];
}

/** The pasted lines after the title, kept as a note so nothing pasted is lost. */
export const detailsNote = (details: string | undefined): NewEvent[] => (details?.trim() ? [{ kind: 'note', data: { text: details.trim() } }] : []);

export function quickDeclareEffect(
  catalog: readonly UiScenario[],
  firing: readonly string[],
  service: UiService | undefined,
  title: string,
  details: string | undefined,
  now: number,
): Effect {
  const picked = quickDeclaration(catalog, title, firing);
  const scenario = catalog.find((s) => s.id === picked.scenario?.id);
  const opening: IncidentOpening = { title, severity: picked.severity, mode: 'live', scenarios: [], params: {} };
  const nowIso = new Date(now).toISOString();
  const followUps: NewEvent[] = [
    // "unknown" where a question was not asked: the report says what was known, not a guessed "no".
    { kind: 'triage.answered', data: { answers: { ...NOT_SURE, since: 'unknown', chosenSeverity: picked.severity, flow: 'one line' }, suggestedSeverity: picked.severity } },
    ...(scenario ? [{ kind: 'scenario.selected', data: { scenarios: [scenario.id], params: knownParams(scenario) } } as NewEvent] : []),
    ...serviceEvents(service),
    ...detailsNote(details),
    { kind: 'milestone.set', data: { milestone: 'declared', at: nowIso, backdated: false } },
    { kind: 'status.changed', data: { status: 'declared' } },
  ];
  return { type: 'create-incident', opening, followUps };
}

/**
 * A paste into a title: its first line is the title, the lines after it are kept for a note, and the field
 * says so. A title is one line: a pasted alert body would otherwise be the banner, the list and every update.
 */
export function pasteIntoTitle(field: FieldState, details: string | undefined, pasted: string): { field: FieldState; details?: string } {
  const clean = sanitize(pasted.replace(/\r\n?/g, '\n'));
  const { title, rest } = splitTitle(clean);
  if (!rest) return { field: { text: `${field.text}${clean.replace(/\n+/g, ' ')}`.trimStart(), cursor: field.cursor }, ...(details ? { details } : {}) };
  const text = `${field.text}${title}`;
  const kept = [details, rest].filter(Boolean).join('\n');
  const n = kept.split('\n').length;
  return { field: { text, cursor: field.cursor, error: `a title is one line: the first pasted line is the title; the other ${n} line${n === 1 ? ' is' : 's are'} kept and recorded as a note` }, details: kept };
}
