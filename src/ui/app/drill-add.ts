// The controller writes an inject during the drill: title, text, who it is for, the channel it arrives by,
// when it fires and the response expected. Deciding and recording it is core (decideDrill's `add`).
import { CHANNEL_KINDS, parseAudience, parseDrillAt, simElapsed, type DrillRecord, type InjectChannel, type NewInject } from '../../core/index.js';
import { stepDrill } from './drill.js';
import type { Effect } from './msg.js';
import { makePrompt } from './prompts.js';
import type { AppState, PromptModal } from './state.js';

type Result = [AppState, Effect[]];

/** The questions, with the audiences this drill can name offered as choices (a typed list also goes). */
export function addInjectPrompt(s: AppState, record: DrillRecord): PromptModal {
  const incidentRoles = Object.keys(s.incident?.incident.roles ?? {});
  const people = [...new Set(Object.entries(record.roles).filter(([, r]) => r !== 'controller').map(([a]) => a))];
  const audiences = [
    { value: 'everyone', label: 'everyone' },
    ...['player', 'evaluator', 'observer'].map((r) => ({ value: r, label: `every ${r}` })),
    ...incidentRoles.map((r) => ({ value: r, label: `${r} (${(s.incident?.incident.roles[r] ?? []).join(', ')})` })),
    ...people.map((a) => ({ value: `@${a}`, label: `@${a} (${record.roles[a]})` })),
  ];
  return makePrompt('drill-add', 'Write a new inject', [
    { key: 'title', label: 'Title (the subject or headline)' },
    { key: 'text', label: 'What the audience reads' },
    { key: 'audience', label: 'For whom (pick one, or type several: player, comms-lead, @name)', choices: audiences, other: 'this audience' },
    { key: 'channel', label: 'Arrives as', choices: [{ value: 'message', label: 'a plain inject' }, ...CHANNEL_KINDS.map((k) => ({ value: k, label: k === 'media' ? 'a news item (media)' : k === 'email' ? 'a mock email' : 'a page' }))] },
    { key: 'from', label: 'From (sender, outlet or paging service; optional)', optional: true },
    { key: 'when', label: 'Fire when? (now, a drill time such as T+25:00, or +5m)', initial: 'now', check: whenProblem },
    { key: 'expect', label: 'Response expected (optional, for the evaluators)', optional: true },
  ]);
}

/** A "when" the drill cannot read is refused at its own question, before the rest is lost with it. */
function whenProblem(text: string): string | undefined {
  const when = parseDrillAt(text, 0);
  return 'error' in when ? when.error : undefined;
}

export function finishAddInject(s: AppState, a: Record<string, string>): Result {
  if (!s.drill) return [s, []];
  const answer = toNewInject(a, simElapsed(s.drill.session.clock, s.now) / 1000);
  if ('error' in answer) return [{ ...s, toast: { text: `drill: ${answer.error}; the inject was not added (O to write it again)`, tone: 'warn', at: s.now } }, []];
  return stepDrill(s, { kind: 'add', inject: answer });
}

/** The prompt's answers as an inject to add, or why not. */
export function toNewInject(a: Record<string, string>, now: number): NewInject | { error: string } {
  const when = parseDrillAt(a.when ?? 'now', now);
  if ('error' in when) return when;
  const kind = CHANNEL_KINDS.find((k) => k === a.channel);
  const from = (a.from ?? '').trim();
  const channel: InjectChannel | undefined = kind ? { kind, ...(from ? { from } : {}) } : undefined;
  const audience = parseAudience(a.audience ?? '');
  const expect = (a.expect ?? '').trim();
  return {
    title: a.title ?? '',
    text: a.text ?? '',
    ...(audience.length ? { audience } : {}),
    ...(channel ? { channel } : {}),
    ...(expect ? { expect } : {}),
    ...(when.atSeconds !== undefined ? { atSeconds: when.atSeconds } : {}),
  };
}
