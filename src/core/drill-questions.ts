// Discussion questions, the hotwash and the participant feedback form of a drill. A runbook attaches questions
// to an inject (asked when it fires) or to a module (asked when the module's first inject fires); at the end the
// hotwash asks each participant for strengths and areas for improvement and the feedback form asks the standard
// questions. Every answer is an exercise.answer event by the participant who gave it; a second answer to the
// same question is recorded as an amend of the first, so nothing said is ever edited away.
import type { NewEvent, TimelineEvent } from './events.js';
import { drillSeconds, roleOf, type DrillRecord, type DrillRole } from './drill-record.js';
import { formatOffset } from './drill.js';

export interface DiscussionQuestion {
  id: string;
  text: string;
}

export interface ExerciseModule {
  id: string;
  title: string;
  questions?: readonly DiscussionQuestion[] | undefined;
}

/** What the questions hang on: an inject's id, its module and its own questions. */
export interface QuestionSource {
  id: string;
  module?: string | undefined;
  questions?: readonly DiscussionQuestion[] | undefined;
}

export type AnswerForm = 'discussion' | 'hotwash' | 'feedback';

export const HOTWASH_QUESTIONS: readonly DiscussionQuestion[] = [
  { id: 'hotwash-strengths', text: 'Strengths: what went well in the response?' },
  { id: 'hotwash-improvements', text: 'Areas for improvement: what should change, and why?' },
];

/** The participant feedback form (HSEEP's standard questions). The rating is a whole number from 1 to 5. */
export const FEEDBACK_QUESTIONS: readonly DiscussionQuestion[] = [
  { id: 'feedback-rating', text: 'Rate the exercise overall, from 1 (poor) to 5 (excellent)' },
  { id: 'feedback-most-useful', text: 'What was most useful in this exercise?' },
  { id: 'feedback-change', text: 'What would you change about the exercise?' },
  { id: 'feedback-top-improvement', text: 'What is the single most important improvement your team should make?' },
];

/** Ids a runbook may not give its own questions: the hotwash's and the feedback form's. */
export const RESERVED_QUESTION_PREFIXES = ['hotwash-', 'feedback-'] as const;

/** Why `text` is not a feedback rating, or undefined when it is one. */
export const ratingProblem = (text: string): string | undefined =>
  /^[1-5]$/.test(text.trim()) ? undefined : `the rating is a whole number from 1 to 5, not "${text.trim()}" (give 1, 2, 3, 4 or 5)`;

export const formOf = (questionId: string): AnswerForm =>
  questionId.startsWith('hotwash-') && HOTWASH_QUESTIONS.some((q) => q.id === questionId) ? 'hotwash' : questionId.startsWith('feedback-') && FEEDBACK_QUESTIONS.some((q) => q.id === questionId) ? 'feedback' : 'discussion';

export interface AskedQuestion extends DiscussionQuestion {
  /** The inject or module that asked it. */
  from: { kind: 'inject' | 'module'; id: string; title?: string };
  module?: string;
  /** The exercise.inject event that asked it, and the drill time it fired at. */
  seq: number;
  atSeconds: number;
}

/** The discussion questions asked so far, in the order they were asked: a module's when its first inject fired, then the inject's own. */
export function questionsAsked(record: DrillRecord, injects: readonly QuestionSource[], modules: readonly ExerciseModule[]): AskedQuestion[] {
  const byId = new Map(injects.map((i) => [i.id, i]));
  const started = new Set<string>();
  const out: AskedQuestion[] = [];
  const fired = Object.entries(record.fired).sort(([, a], [, b]) => a.seq - b.seq);
  for (const [id, f] of fired) {
    const inject = byId.get(id);
    if (!inject) continue;
    const module = inject.module ? modules.find((m) => m.id === inject.module) : undefined;
    const at = { seq: f.seq, atSeconds: f.firedAtSeconds, ...(module ? { module: module.id } : {}) };
    if (module && !started.has(module.id)) {
      started.add(module.id);
      for (const q of module.questions ?? []) out.push({ ...q, from: { kind: 'module', id: module.id, title: module.title }, ...at });
    }
    for (const q of inject.questions ?? []) out.push({ ...q, from: { kind: 'inject', id }, ...at });
  }
  return out;
}

export interface Answer {
  question: string;
  form: AnswerForm;
  actor: string;
  role: string;
  /** The exercise.answer event; `text` is what it says now (its latest amendment by the same person). */
  seq: number;
  atSeconds: number;
  text: string;
  amendments: { seq: number; text: string }[];
}

/** Every answer, in the order first given, one per participant and question; a participant's amends win in order. */
export function foldAnswers(events: readonly TimelineEvent[]): Answer[] {
  const out: Answer[] = [];
  const bySeq = new Map<number, Answer>();
  for (const e of events) {
    const d = e.data;
    if (e.kind === 'exercise.answer' && typeof d.question === 'string' && typeof d.text === 'string') {
      const earlier = out.find((a) => a.question === d.question && a.actor === e.actor);
      if (earlier) {
        // Two consoles of one person answering at once: the later answer amends the earlier, nothing is lost.
        earlier.text = d.text;
        earlier.amendments.push({ seq: e.seq, text: d.text });
        bySeq.set(e.seq, earlier);
        continue;
      }
      const form = d.form === 'hotwash' || d.form === 'feedback' ? d.form : 'discussion';
      const answer: Answer = { question: d.question, form, actor: e.actor, role: typeof d.role === 'string' ? d.role : 'player', seq: e.seq, atSeconds: typeof d.atSeconds === 'number' ? d.atSeconds : 0, text: d.text, amendments: [] };
      out.push(answer);
      bySeq.set(e.seq, answer);
    } else if (e.kind === 'amend' && typeof d.target === 'number' && typeof d.text === 'string') {
      const answer = bySeq.get(d.target);
      // Only the person who answered speaks for their answer.
      if (answer && answer.actor === e.actor) {
        answer.text = d.text;
        answer.amendments.push({ seq: e.seq, text: d.text });
      }
    }
  }
  return out;
}

/** The hotwash is open once the controller opens it or the drill ends, whichever came first. */
export function hotwashOf(record: DrillRecord, events: readonly TimelineEvent[]): { seq: number; atSeconds: number; how: 'opened' | 'ended' } | undefined {
  const opened = events.find((e) => e.kind === 'exercise.hotwash');
  const byController = opened ? { seq: opened.seq, atSeconds: typeof opened.data.atSeconds === 'number' ? opened.data.atSeconds : 0, how: 'opened' as const } : undefined;
  const byEnd = record.ended ? { seq: record.ended.seq, atSeconds: record.ended.atSeconds, how: 'ended' as const } : undefined;
  if (byController && byEnd) return byController.seq < byEnd.seq ? byController : byEnd;
  return byController ?? byEnd;
}

export interface AnswerDecision {
  events: NewEvent[];
  refused?: string;
  /** What was recorded, in one line for the person who answered. */
  said?: string;
}

const refuse = (refused: string): AnswerDecision => ({ events: [], refused });

/** The questions `actor` may answer now: the discussion questions asked so far, and the hotwash and feedback once the hotwash is open. */
export function openQuestions(record: DrillRecord, events: readonly TimelineEvent[], asked: readonly AskedQuestion[]): { question: DiscussionQuestion; form: AnswerForm }[] {
  const out: { question: DiscussionQuestion; form: AnswerForm }[] = asked.map((q) => ({ question: { id: q.id, text: q.text }, form: 'discussion' }));
  if (hotwashOf(record, events)) {
    for (const q of HOTWASH_QUESTIONS) out.push({ question: q, form: 'hotwash' });
    for (const q of FEEDBACK_QUESTIONS) out.push({ question: q, form: 'feedback' });
  }
  return out;
}

/** An answer by `actor` at wall time `now`: recorded as theirs, or as an amend of the answer they already gave. */
export function decideAnswer(record: DrillRecord, events: readonly TimelineEvent[], asked: readonly AskedQuestion[], actor: string, now: number, questionId: string, given: string): AnswerDecision {
  const role: DrillRole | undefined = roleOf(record, actor);
  if (!role) return refuse(`drill: ${actor} has not joined this drill (open it in the console with --role player, evaluator or observer)`);
  const text = given.trim();
  if (!text) return refuse('drill: the answer is empty (type what you would say)');
  const form = formOf(questionId);
  if (form === 'discussion') {
    if (!asked.some((q) => q.id === questionId)) {
      const known = asked.map((q) => q.id);
      return refuse(`drill: no discussion question "${questionId}" has been asked yet (asked so far: ${known.join(', ') || 'none'})`);
    }
  } else if (!hotwashOf(record, events)) {
    return refuse(`drill: the hotwash has not started (the controller starts it with w, or it opens when the drill ends)`);
  }
  const badRating = questionId === 'feedback-rating' ? ratingProblem(text) : undefined;
  if (badRating) return refuse(`drill: ${badRating}`);
  const mine = foldAnswers(events).find((a) => a.question === questionId && a.actor === actor);
  if (mine) {
    if (mine.text === text) return refuse(`drill: your answer to ${questionId} already says that [#${mine.seq}] (nothing recorded)`);
    return { events: [{ kind: 'amend', data: { target: mine.seq, text } }], said: `amended your answer to ${questionId} [#${mine.seq}]` };
  }
  const at = Math.round(drillSeconds(record, now) * 1000) / 1000;
  return { events: [{ kind: 'exercise.answer', data: { question: questionId, form, text, role, atSeconds: at } }], said: `answered ${questionId} at ${formatOffset(at)}` };
}

/** The controller opens the hotwash (before the end, when play is over early). */
export function decideHotwash(record: DrillRecord, events: readonly TimelineEvent[], actor: string, now: number): AnswerDecision {
  if (record.controller !== actor) return refuse(`drill: only the controller starts the hotwash (${record.controller ? `${record.controller} controls this drill` : 'nobody controls this drill yet'}; it also opens when the drill ends)`);
  const open = hotwashOf(record, events);
  if (open) return refuse(`drill: the hotwash is already open since ${formatOffset(open.atSeconds)} [#${open.seq}] (w answers its questions)`);
  const at = Math.round(drillSeconds(record, now) * 1000) / 1000;
  return { events: [{ kind: 'exercise.hotwash', data: { atSeconds: at } }], said: `hotwash opened at ${formatOffset(at)}: every participant answers with w` };
}

/** The feedback form's summary: the ratings (median and count) and each comment question's answers. */
export function feedbackSummary(answers: readonly Answer[]): { ratings: { values: number[]; median?: number; count: number; cites: number[] }; comments: { question: DiscussionQuestion; answers: Answer[] }[]; respondents: string[] } {
  const feedback = answers.filter((a) => a.form === 'feedback');
  const rated = feedback.filter((a) => a.question === 'feedback-rating' && /^[1-5]$/.test(a.text.trim()));
  const values = rated.map((a) => Number(a.text.trim()));
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? undefined : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    ratings: { values, count: values.length, cites: rated.map((a) => a.seq), ...(median !== undefined ? { median } : {}) },
    comments: FEEDBACK_QUESTIONS.filter((q) => q.id !== 'feedback-rating').map((q) => ({ question: q, answers: feedback.filter((a) => a.question === q.id) })),
    respondents: [...new Set(feedback.map((a) => a.actor))].sort(),
  };
}

/** Hotwash and feedback answers are the debrief, not a response to an inject: automatic credit leaves them out. */
export function withoutDebrief(events: readonly TimelineEvent[]): TimelineEvent[] {
  const debrief = new Set(events.filter((e) => e.kind === 'exercise.answer' && e.data.form !== 'discussion').map((e) => e.seq));
  return events.filter((e) => !(e.kind === 'exercise.hotwash' || e.kind === 'exercise.plan' || debrief.has(e.seq) || (e.kind === 'amend' && debrief.has(Number(e.data.target)))));
}
