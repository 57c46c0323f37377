// The AAR's debrief as Markdown: the discussion answers per question, the hotwash, and the participant
// feedback summary (Appendix C). Pure: the model is built in core (drill-aar-debrief.ts).
import { formatOffset, sanitizeLine, type AarDebrief, type AnswerLine } from '../core/index.js';

const one = (s: string) => sanitizeLine(s.replace(/\s*\n\s*/g, ' ').trim());
const cites = (a: AnswerLine) => `[#${a.seq}]${a.amendments.length ? ` (amended ${a.amendments.map((x) => `[#${x}]`).join(' ')})` : ''}`;
const none = (xs: readonly unknown[], what = '- none recorded') => (xs.length ? [] : [what]);

export function discussionMarkdown(m: AarDebrief): string[] {
  const out = ['## Discussion questions', ''];
  if (m.discussion.length === 0) return [...out, 'The script asks no discussion questions.', ''];
  for (const g of m.discussion) {
    out.push(`### ${g.module ? one(g.module.title) : 'Questions outside a module'}`, '');
    for (const q of g.questions) {
      const when = q.asked ? `asked at ${formatOffset(q.asked.at)} when ${one(q.asked.by)} fired [#${q.asked.seq}]` : `not asked: ${q.notAsked ?? 'never asked'}`;
      out.push(`**${one(q.id)}**: ${one(q.text)} (${when})`, '');
      if (q.asked) out.push(...q.answers.map((a) => `- ${one(a.actor)} (${one(a.role)}) at ${formatOffset(a.at)}: ${one(a.text)} ${cites(a)}`), ...none(q.answers, '- no answer recorded'), '');
    }
  }
  return out;
}

export function hotwashMarkdown(m: AarDebrief): string[] {
  const h = m.hotwash;
  const opened = !h.opened ? 'Not opened: the drill had not ended and the controller had not started it.' : h.opened.how === 'opened' ? `Opened by the controller at ${formatOffset(h.opened.at)} [#${h.opened.seq}].` : `Opened when the drill ended at ${formatOffset(h.opened.at)} [#${h.opened.seq}].`;
  const item = (a: AnswerLine) => `- ${one(a.text)} (${one(a.actor)}, ${one(a.role)}) ${cites(a)}`;
  return ['## Hotwash', '', opened, '', '#### Strengths', '', ...h.strengths.map(item), ...none(h.strengths), '', '#### Areas for improvement', '', ...h.improvements.map(item), ...none(h.improvements), ''];
}

export function feedbackMarkdown(m: AarDebrief): string[] {
  const f = m.feedback;
  const r = f.ratings;
  const rating = r.count === 0 ? 'no rating recorded' : `median ${r.median} from ${r.count} rating${r.count === 1 ? '' : 's'} (${r.values.join(', ')}) ${r.cites.map((x) => `[#${x}]`).join(' ')}`;
  const out = ['## Appendix C: Participant feedback summary', '', `Respondents: ${f.respondents.map(one).join(', ') || 'none'}.`, '', `Rating of the exercise (1 to 5): ${rating}`, ''];
  for (const c of f.comments) {
    out.push(`#### ${one(c.question.text)}`, '', ...c.answers.map((a) => `- ${one(a.actor)} (${one(a.role)}): ${one(a.text)} ${cites(a)}`), ...none(c.answers, '- no answer recorded'), '');
  }
  return out;
}
