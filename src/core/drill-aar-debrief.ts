// The AAR's debrief sections from the record: the discussion answers per question (grouped by module), the
// hotwash's strengths and areas for improvement, and the participant feedback summary. Every line keeps the
// seq of the answer it rests on and of its amendments, so the report can cite them.
import type { TimelineEvent } from './events.js';
import type { InjectLike } from './drill.js';
import type { DrillRecord } from './drill-record.js';
import { feedbackSummary, foldAnswers, hotwashOf, questionsAsked, type Answer, type DiscussionQuestion, type ExerciseModule } from './drill-questions.js';

export interface AnswerLine {
  actor: string;
  role: string;
  at: number;
  text: string;
  seq: number;
  amendments: number[];
}

export interface DiscussionItem extends DiscussionQuestion {
  asked?: { seq: number; at: number; by: string };
  /** Why it was never asked, when it was not. */
  notAsked?: string;
  answers: AnswerLine[];
}

export interface AarDebrief {
  discussion: { module?: { id: string; title: string }; questions: DiscussionItem[] }[];
  hotwash: { opened?: { seq: number; at: number; how: 'opened' | 'ended' }; strengths: AnswerLine[]; improvements: AnswerLine[] };
  feedback: {
    respondents: string[];
    ratings: { values: number[]; median?: number; count: number; cites: number[] };
    comments: { question: DiscussionQuestion; answers: AnswerLine[] }[];
  };
}

const line = (a: Answer): AnswerLine => ({ actor: a.actor, role: a.role, at: a.atSeconds, text: a.text, seq: a.seq, amendments: a.amendments.map((x) => x.seq) });

export function debriefOf(events: readonly TimelineEvent[], record: DrillRecord, injects: readonly InjectLike[], modules: readonly ExerciseModule[]): AarDebrief {
  const answers = foldAnswers(events);
  const asked = questionsAsked(record, injects, modules);
  const item = (q: DiscussionQuestion, notAsked: string): DiscussionItem => {
    const a = asked.find((x) => x.id === q.id);
    const given = answers.filter((x) => x.form === 'discussion' && x.question === q.id).map(line);
    return { id: q.id, text: q.text, ...(a ? { asked: { seq: a.seq, at: a.atSeconds, by: String(events.find((e) => e.seq === a.seq)?.data.inject ?? a.from.id) } } : { notAsked }), answers: given };
  };
  const injectItems = (list: readonly InjectLike[]) =>
    list.flatMap((i) => (i.questions ?? []).map((q) => item(q, record.skipped.includes(i.id) ? `its inject ${i.id} was skipped` : `its inject ${i.id} did not fire`)));
  const discussion: AarDebrief['discussion'] = modules.map((m) => ({
    module: { id: m.id, title: m.title },
    questions: [...(m.questions ?? []).map((q) => item(q, 'no inject of its module fired')), ...injectItems(injects.filter((i) => i.module === m.id))],
  }));
  const loose = injectItems(injects.filter((i) => !i.module || !modules.some((m) => m.id === i.module)));
  if (loose.length) discussion.push({ questions: loose });
  const opened = hotwashOf(record, events);
  const summary = feedbackSummary(answers);
  return {
    discussion: discussion.filter((g) => g.questions.length > 0),
    hotwash: {
      ...(opened ? { opened: { seq: opened.seq, at: opened.atSeconds, how: opened.how } } : {}),
      strengths: answers.filter((a) => a.question === 'hotwash-strengths').map(line),
      improvements: answers.filter((a) => a.question === 'hotwash-improvements').map(line),
    },
    feedback: { respondents: summary.respondents, ratings: summary.ratings, comments: summary.comments.map((c) => ({ question: c.question, answers: c.answers.map(line) })) },
  };
}
