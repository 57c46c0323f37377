// The drill's debrief in the console: `a` answers a discussion question (and, once the hotwash is open, its
// questions and the feedback form's), `w` opens the hotwash (the controller) or fills in the hotwash and
// feedback form, `L` sets an improvement-plan row (evaluators and the controller). Decided in core
// (drill-questions.ts, drill-plan.ts); recorded as the participant's own events.
import {
  buildAar,
  dateProblem,
  decideAnswer,
  decideHotwash,
  decidePlan,
  FEEDBACK_QUESTIONS,
  foldAnswers,
  foldDrill,
  HOTWASH_QUESTIONS,
  hotwashOf,
  NOT_SET,
  openQuestions,
  planSettings,
  questionsAsked,
  ratingProblem,
  roleOf,
  type AskedQuestion,
  type ExerciseModule,
  type NewEvent,
  type TimelineEvent,
} from '../../core/index.js';
import type { Command } from '../keymap.js';
import { scenariosOf } from './checklist.js';
import { drillRecord } from './drill.js';
import type { FieldStep } from './field.js';
import type { Effect } from './msg.js';
import { makePrompt } from './prompts.js';
import type { AppState, IncidentView, PromptModal } from './state.js';

type Result = [AppState, Effect[]];
const PURPOSES = ['drill-answer', 'drill-hotwash', 'drill-plan'] as const;
export type DebriefPurpose = (typeof PURPOSES)[number];
export const isDebriefPurpose = (p: string): p is DebriefPurpose => (PURPOSES as readonly string[]).includes(p);

const toastOf = (s: AppState, text: string, tone: 'ok' | 'warn' | 'muted' = 'warn'): AppState => ({ ...s, toast: { text, tone, at: s.now } });
const withPrompt = (s: AppState, m: PromptModal): AppState => ({ ...s, modals: [...s.modals, m] });

const modulesOf = (s: AppState, v: IncidentView): ExerciseModule[] => scenariosOf(v.incident, s.catalog).flatMap((sc) => [...(sc.exercise_modules ?? [])]);

/** The discussion questions asked so far in the drill in view. */
export function askedIn(s: AppState, v: IncidentView): AskedQuestion[] {
  const d = s.drill;
  if (!d || d.incidentId !== v.id) return [];
  return questionsAsked(drillRecord(v.events), d.session.schedule.map((i) => i.inject), modulesOf(s, v));
}

/** One line for the comms pane: the newest question this participant has not answered, or what is open. */
export function questionLine(s: AppState, v: IncidentView): string | undefined {
  const asked = askedIn(s, v);
  const mine = new Set(foldAnswers(v.events).filter((a) => a.actor === s.config.actor).map((a) => a.question));
  const open = hotwashOf(drillRecord(v.events), v.events);
  const waiting = asked.filter((q) => !mine.has(q.id));
  const newest = waiting.at(-1);
  if (newest) return `discuss ${newest.id}${waiting.length > 1 ? ` (+${waiting.length - 1} more)` : ''}: ${newest.text}  a answers`;
  if (open) return [...HOTWASH_QUESTIONS, ...FEEDBACK_QUESTIONS].some((q) => !mine.has(q.id)) ? 'hotwash open: w gives your strengths, improvements and feedback' : 'hotwash: your answers are in (w amends them)';
  return undefined;
}

export function debriefCommand(s: AppState, cmd: Extract<Command, 'answer' | 'hotwash' | 'plan-row'>): Result {
  const d = s.drill;
  const v = s.incident;
  if (!d || !v || v.id !== d.incidentId) return [toastOf(s, 'no drill in view (open an exercise incident)'), []];
  const record = foldDrill(v.events);
  const actor = s.config.actor;
  switch (cmd) {
    case 'answer': {
      const answers = foldAnswers(v.events).filter((a) => a.actor === actor);
      const open = openQuestions(record, v.events, askedIn(s, v));
      if (open.length === 0) return [toastOf(s, 'drill: no question has been asked yet', 'muted'), []];
      const choices = [...open].reverse().map(({ question, form }) => {
        const a = answers.find((x) => x.question === question.id);
        return { value: question.id, label: `${question.id} (${form}${a ? ', answered' : ''})`, detail: `${question.text}${a ? ` | your answer: ${a.text}` : ''}` };
      });
      return [withPrompt(s, makePrompt('drill-answer', 'Answer a question', [{ key: 'question', label: 'Question (newest first)', choices }, { key: 'text', label: 'Your answer (a second answer amends the first)' }])), []];
    }
    case 'hotwash': {
      if (!hotwashOf(record, v.events)) {
        const decision = decideHotwash(record, v.events, actor, s.now);
        if (decision.refused) return [toastOf(s, decision.refused, 'muted'), []];
        return [toastOf(s, decision.said ?? 'hotwash opened', 'ok'), [{ type: 'append', id: v.id, events: decision.events }]];
      }
      if (!roleOf(record, actor)) return [toastOf(s, `drill: ${actor} has not joined this drill`), []];
      const mine = new Map(foldAnswers(v.events).filter((a) => a.actor === actor).map((a) => [a.question, a.text]));
      const steps: FieldStep[] = [...HOTWASH_QUESTIONS, ...FEEDBACK_QUESTIONS].map((q) => {
        const initial = mine.get(q.id);
        const check = q.id === 'feedback-rating' ? { check: ratingProblem } : {};
        return { key: q.id, label: `${q.text} (optional: Enter on a blank skips it)`, optional: true, ...check, ...(initial !== undefined ? { initial } : {}) };
      });
      return [withPrompt(s, makePrompt('drill-hotwash', 'Hotwash and participant feedback', steps)), []];
    }
    case 'plan-row': {
      const role = roleOf(record, actor);
      if (role !== 'evaluator' && role !== 'controller') return [toastOf(s, `drill: only an evaluator or the controller sets the improvement plan (you are ${role ?? d.role})`), []];
      const rows = planRows(s, v);
      if (rows.length === 0) return [toastOf(s, 'drill: no area for improvement recorded yet', 'muted'), []];
      const steps: FieldStep[] = [
        { key: 'issue', label: 'Improvement-plan row', choices: rows.map((r) => ({ value: r.key, label: `${r.key}: ${r.issue}`, detail: `action ${r.action}; owner ${r.owner}, organisation ${r.organisation}, ${r.start} to ${r.completion}, ${r.status}` })) },
        { key: 'action', label: 'Corrective action (optional; blank keeps it)', optional: true },
        { key: 'owner', label: 'Owner (optional)', optional: true },
        { key: 'organisation', label: 'Organisation (optional)', optional: true },
        { key: 'start', label: 'Start date, YYYY-MM-DD (optional)', optional: true, check: dateProblem },
        { key: 'completion', label: 'Completion date, YYYY-MM-DD (optional)', optional: true, check: dateProblem },
        { key: 'status', label: 'Status (optional: Not started, In progress, Complete)', optional: true },
      ];
      return [withPrompt(s, makePrompt('drill-plan', 'Set an improvement-plan row', steps)), []];
    }
  }
}

/** The improvement plan as the AAR would give it now. */
function planRows(s: AppState, v: IncidentView) {
  const scenarios = scenariosOf(v.incident, s.catalog);
  const first = scenarios[0];
  if (!first) return [];
  return buildAar({
    state: v.incident,
    events: v.events,
    scenario: { id: first.id, title: first.title, summary: first.summary, impact: first.impact },
    injects: scenarios.flatMap((sc) => [...(sc.injects ?? [])]),
    objectives: scenarios.flatMap((sc) => [...(sc.exercise_objectives ?? [])]),
    modules: modulesOf(s, v),
  }).plan;
}

export function finishDebriefPrompt(s: AppState, m: PromptModal): Result {
  const v = s.incident!;
  const a = m.answers;
  const actor = s.config.actor;
  if (m.purpose === 'drill-plan') {
    const given = { action: a.action ?? '', owner: a.owner ?? '', organisation: a.organisation ?? '', start: a.start ?? '', completion: a.completion ?? '', status: a.status ?? '' };
    const decision = decidePlan(foldDrill(v.events), v.events, planRows(s, v).map((r) => r.key), actor, a.issue ?? '', given);
    if (decision.refused) return [toastOf(s, decision.refused), []];
    const key = String((decision.events[0]!.data as { issue: string }).issue);
    const set = planSettings([...v.events, ...asRead(v, actor, s.now, decision.events)]).get(key);
    return [toastOf(s, `plan row ${key}: owner ${set?.owner ?? NOT_SET}, organisation ${set?.organisation ?? NOT_SET}, ${set?.start ?? NOT_SET} to ${set?.completion ?? NOT_SET}`, 'ok'), [{ type: 'append', id: v.id, events: decision.events }]];
  }
  const given: [string, string][] = m.purpose === 'drill-answer' ? [[a.question ?? '', a.text ?? '']] : [...HOTWASH_QUESTIONS, ...FEEDBACK_QUESTIONS].map((q) => [q.id, a[q.id] ?? '']);
  const asked = askedIn(s, v);
  let events = v.events;
  const out: NewEvent[] = [];
  const said: string[] = [];
  for (const [question, text] of given) {
    if (m.purpose === 'drill-hotwash' && !text.trim()) continue; // a question left blank is not answered
    const decision = decideAnswer(foldDrill(events), events, asked, actor, s.now, question, text);
    if (decision.refused) {
      if (m.purpose === 'drill-hotwash' && /already says that/.test(decision.refused)) continue; // kept as it was
      return [toastOf(s, `${decision.refused}${out.length ? ' (nothing recorded)' : ''}`), []];
    }
    events = [...events, ...asRead(v, actor, s.now, decision.events, events)];
    out.push(...decision.events);
    said.push(decision.said ?? question);
  }
  if (out.length === 0) return [toastOf(s, 'drill: nothing to record', 'muted'), []];
  return [toastOf(s, said.length === 1 ? said[0]! : `${said.length} answers recorded`, 'ok'), [{ type: 'append', id: v.id, events: out }]];
}

/** Events as the journal will hold them once appended, to decide what follows in the same append. */
function asRead(v: IncidentView, actor: string, now: number, batch: NewEvent[], base: readonly TimelineEvent[] = v.events): TimelineEvent[] {
  const head = base.at(-1)?.seq ?? 0;
  return batch.map((e, i) => ({ seq: head + i + 1, ts: new Date(now).toISOString(), actor, kind: e.kind, data: e.data as Record<string, unknown>, prev: '', hash: '' }));
}

/** After the journal moved: tells a participant (not the controller) that a new question waits, in a narrow layout too. */
export function withQuestionToast(before: AppState, [s, effects]: Result): Result {
  const v = s.incident;
  const was = before.incident;
  if (!v || !was || v.id !== was.id || !s.drill || s.drill.role === 'controller') return [s, effects];
  const seen = new Set(askedIn(before, was).map((q) => q.id));
  const fresh = askedIn(s, v).filter((q) => !seen.has(q.id));
  if (fresh.length === 0) return [s, effects];
  return [toastOf(s, `discussion: ${fresh.map((q) => q.id).join(', ')} asked (a answers; the question shows whole there)`, 'ok'), effects];
}
