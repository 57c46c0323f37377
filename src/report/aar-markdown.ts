// The drill's AAR/IP and the players' handout as Markdown. Pure: the models are built in core.
import { formatOffset, OTHER_FINDINGS, sanitizeLine, type AarModel } from '../core/index.js';
import { mdTable } from './markdown-table.js';
import { discussionMarkdown, feedbackMarkdown, hotwashMarkdown } from './aar-debrief-markdown.js';

/** Text safe inside a Markdown table cell (one line, no pipe); a runbook's folded lines read as one sentence. */
const cell = (s: string) => sanitizeLine(s.replace(/\s*\n\s*/g, ' ').trim()).replace(/\|/g, '\\|');

/** A skipped inject's title (one written during the drill) and when it was due. */
const skippedWhat = (x: AarModel['skipped'][number]) => {
  const parts = [...(x.title ? [cell(x.title)] : []), ...(x.dueAt !== undefined ? [`due ${formatOffset(x.dueAt)}`] : [])];
  return parts.length ? ` (${parts.join(', ')})` : '';
};

export function renderAarMarkdown(m: AarModel): string {
  const out: string[] = [
    `# After-Action Report / Improvement Plan: ${cell(m.name)}`,
    '',
    `Incident ${m.incident}. Every time below is on the drill's clock (T+ from the start of the drill); each finding cites the timeline events it rests on as [#seq] (\`warroom timeline ${m.incident}\`).`,
    '',
    '## Exercise overview',
    '',
    ...mdTable(['Item', 'Detail'], [
      ['Exercise name', cell(m.name)],
      ['Exercise dates', m.dates.start === m.dates.end ? m.dates.start : `${m.dates.start} to ${m.dates.end}`],
      ['Duration (drill time)', `${m.duration}; ${cell(m.ended)}`],
      ['Scope', cell(m.scope)],
      ['Mission area', 'Response and recovery'],
      ['Objectives', m.objectives.map((o, i) => `${i + 1}. ${cell(o.text)}`).join('<br>')],
      ['Core capabilities', [...new Set(m.objectives.map((o) => cell(o.capability)))].join(', ')],
      ['Scenario', `${cell(m.scenario.title)}: ${cell(m.scenario.summary)} Impact: ${cell(m.scenario.impact)}`],
      ['Participants', m.participants.map((p) => `${p.role}: ${p.names.map(cell).join(', ')}`).join('<br>') || 'none recorded'],
    ]),
    '',
    '## Analysis of core capabilities',
    '',
  ];
  m.analysis.forEach((a, i) => {
    const heading = a.objective.id === OTHER_FINDINGS.id ? `### Other findings: ${cell(a.objective.text)}` : `### Objective ${i + 1}: ${cell(a.objective.text)}`;
    out.push(heading, '', `Core capability: ${cell(a.objective.capability)}. Rating: **${a.rating}**.`, '', '#### Strengths', '');
    out.push(...(a.strengths.length ? a.strengths.map((s) => `- ${sanitizeLine(s)}`) : ['- none recorded']), '', '#### Areas for improvement', '');
    if (a.improvements.length === 0) out.push('- none recorded');
    for (const imp of a.improvements) out.push(`- ${sanitizeLine(imp.text)} ${imp.cite}`, `  - Root cause: ${sanitizeLine(imp.rootCause)}`);
    out.push('');
  });
  out.push(...discussionMarkdown(m), ...hotwashMarkdown(m));
  out.push('## Appendix A: Improvement plan', '', 'A row\'s owner, organisation, dates and status are set by an evaluator or the controller (`L` in the console, or `warroom exercise plan ID ROW`).', '');
  out.push(
    ...(m.plan.length
      ? mdTable(
          ['Row', 'Core capability', 'Issue / area for improvement', 'Corrective action', 'Owner', 'Organisation', 'Start date', 'Completion date', 'Status', 'Cites'],
          m.plan.map((p) => [cell(p.key), cell(p.capability), cell(p.issue), cell(p.action), cell(p.owner), cell(p.organisation), cell(p.start), cell(p.completion), cell(p.status), p.cite]),
        )
      : ['No area for improvement was recorded.']),
    '',
  );
  out.push('## Appendix B: Injects on drill time', '');
  out.push(
    ...mdTable(
      ['Inject', 'Scheduled', 'Fired', 'How', 'Audience', 'Expected', 'Suggested response', 'Evaluation'],
      m.injectTable.map((f) => [
        `${cell(f.inject)}${f.added ? ` (added during the exercise: ${cell(f.added.title)})` : ''} [#${f.seq}]`,
        formatOffset(f.scheduledAt),
        formatOffset(f.firedAt),
        f.how,
        cell(f.audience),
        cell(f.expected.join('; ') || 'not stated') + (f.withinSeconds !== undefined ? ` (within ${formatOffset(f.withinSeconds).slice(2)})` : ''),
        f.credit ? `${cell(f.credit.kind)} by ${cell(f.credit.actor)} at ${formatOffset(f.credit.at)} (+${formatOffset(f.credit.after).slice(2)}) [#${f.credit.seq}]` : 'none',
        f.mark ? `${f.mark.rating} (${cell(f.mark.actor)}${f.mark.note ? `: ${cell(f.mark.note)}` : ''}) [#${f.mark.seq}]` : 'not evaluated',
      ]),
    ),
    '',
  );
  if (m.skipped.length) out.push(`Skipped by the controller: ${m.skipped.map((x) => `${cell(x.inject)}${skippedWhat(x)} at ${formatOffset(x.at)} [#${x.seq}]`).join(', ')}.`, '');
  out.push(...feedbackMarkdown(m));
  return out.join('\n');
}

export interface Handout {
  title: string;
  scenarioId: string;
  summary: string;
  impact: string;
  services: readonly string[];
  objectives: readonly { text: string; capability: string }[];
  steps: readonly { id: string; title: string }[];
  params: Readonly<Record<string, string>>;
}

/** A runbook's multi-line prose as one Markdown paragraph (its line breaks are wrapping, not structure). */
const paragraph = (text: string): string => sanitizeLine(text.replace(/\s*\n\s*/g, ' ').trim());

/** The players' situation manual: the scenario as it starts, objectives and ground rules; no inject, no facilitator line. */
export function renderHandoutMarkdown(h: Handout): string {
  return [
    `# Situation manual: ${cell(h.title)}`,
    '',
    'For players. The facilitator holds the script: what happens next comes as injects during the drill.',
    '',
    '## Scenario',
    '',
    paragraph(h.summary),
    '',
    `Impact: ${paragraph(h.impact)}`,
    '',
    `Services: ${h.services.map(cell).join(', ')}. Resources: ${Object.entries(h.params).map(([k, v]) => `${k}=${cell(v)}`).join(', ') || 'none'}.`,
    '',
    '## Objectives',
    '',
    ...h.objectives.map((o, i) => `${i + 1}. ${sanitizeLine(o.text)} (${sanitizeLine(o.capability)})`),
    '',
    '## Your runbook',
    '',
    ...h.steps.map((s) => `- ${cell(s.id)}: ${sanitizeLine(s.title)}`),
    '',
    '## Ground rules',
    '',
    '- Everything happens on the simulated AWS; nothing reaches a real account.',
    '- Times are on the drill clock (T+ in the banner); the facilitator may pause it or jump ahead.',
    '- Join with `warroom --role player` and open the exercise; `i` reads every inject fired so far, whole.',
    '- Record what you do and decide (notes, decisions, steps, updates): the after-action report is built from it.',
    '',
  ].join('\n');
}
