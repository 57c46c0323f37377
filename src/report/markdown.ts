// The report as Markdown (the default format): for a wiki page, a ticket or a pull request.
import type { ReportModel } from '../core/report/index.js';
import { cell, DRAFT_NOTE, md, figure, formatSeconds, target, utc } from './format.js';
import { mdTable } from './markdown-table.js';
import { actionsMd, commsMd, doneMd, exerciseMd, metricsMd, tailMd } from './markdown-sections.js';
import { itemsMd, postChecksMd, reviewMd, reviewStatusLine, sectionBodyMd, sectionOf } from './markdown-review.js';

export function renderMarkdown(m: ReportModel): string {
  return [...markdownParts(m), tailMd(m)].map((p) => p.join('\n')).join('\n\n') + '\n';
}

/** Every section before the timeline, each as its lines (joined by a blank line, then the timeline follows). */
export function markdownParts(m: ReportModel): string[][] {
  // Postmortem order: what happened and what it cost first, the review, the action items; the evidence after.
  return [
    headerMd(m),
    summaryMd(m),
    impactMd(m),
    reviewMd(m),
    itemsMd(m),
    milestonesMd(m),
    objectivesMd(m),
    doneMd(m),
    postChecksMd(m),
    actionsMd(m),
    metricsMd(m),
    commsMd(m),
    decisionsMd(m),
    ...(m.exercise ? [exerciseMd(m.exercise)] : []),
  ];
}

function headerMd(m: ReportModel): string[] {
  const kind = m.summary.mode === 'exercise' ? 'Exercise report' : 'Incident report';
  const lines = [`# ${m.draft ? 'DRAFT ' : ''}${kind}: ${md(m.summary.id)} ${md(m.summary.title)}`, ''];
  if (m.draft) lines.push(`> **${DRAFT_NOTE(m.summary.status)}**`, '');
  lines.push(`Generated ${utc(m.generatedAt)} from the incident timeline. All times are UTC. Each \`[#N]\` names the timeline event (seq N) a statement rests on.`, '', reviewStatusLine(m));
  return lines;
}

function summaryMd(m: ReportModel): string[] {
  const s = m.summary;
  const scenarios = s.scenarios.length ? s.scenarios.map((x) => (x.title ? `${cell(x.id)} (${cell(x.title)})` : cell(x.id))).join(', ') : 'none chosen';
  const roles = s.roles.length ? s.roles.map((r) => `${cell(r.role)}: ${r.names.map(cell).join(', ')}`).join('; ') : 'none assigned';
  return [
    '## Summary',
    '',
    ...sectionBodyMd(sectionOf(m, 'summary')),
    '',
    ...mdTable(['', ''], [
      ['Incident', cell(s.id)],
      ['Title', cell(s.title)],
      ['Severity', cell(s.severity)],
      ['Mode', cell(s.mode)],
      ['Status', cell(s.status)],
      ['Opened', `${utc(s.openedAt)} by ${cell(s.openedBy)}`],
      ['Scenarios', scenarios],
      ['Roles', roles],
      ['Responders', s.responders.map(cell).join(', ')],
    ]),
  ];
}

function impactMd(m: ReportModel): string[] {
  const i = m.impact;
  const window = i.start
    ? `${utc(i.start)} to ${i.ongoing ? 'now (ongoing)' : utc(i.end)}, ${i.ongoing ? 'duration unknown until mitigated' : formatSeconds(i.seconds)}`
    : `start unknown (impact-started was not recorded)${i.end ? `; mitigated at ${utc(i.end)}` : ''}`;
  return [
    '## Impact',
    '',
    ...sectionBodyMd(sectionOf(m, 'impact')),
    '',
    `Impact window: ${window}.`,
    '',
    'Time at each severity:',
    '',
    ...mdTable(['Severity', 'From', 'To', 'Duration'], i.severities.map((s) => [
      cell(s.severity), utc(s.from), s.ongoing ? 'ongoing' : utc(s.to), `${formatSeconds(s.seconds)}${s.ongoing ? ' so far' : ''}`,
    ]), ['l', 'l', 'l', 'r']),
  ];
}

function milestonesMd(m: ReportModel): string[] {
  const ms = m.milestones;
  const lines = [
    '## Key milestones',
    '',
    ...mdTable(['Milestone', 'Time (UTC)', 'Set by', 'Note'], ms.rows.map((r) => [
      r.milestone, r.missing ? 'MISSING' : utc(r.at), r.setBy ? cell(r.setBy) : '', r.missing ? 'not recorded' : r.backdated ? `back-dated (seq ${r.seq})` : `seq ${r.seq}`,
    ])),
    '',
    ...mdTable(['Interval', 'From', 'To', 'Duration'], ms.intervals.map((i) => [
      i.label, i.from, i.to, i.outOfOrder ? `${formatSeconds(i.seconds)} (OUT OF ORDER)` : formatSeconds(i.seconds),
    ]), ['l', 'l', 'l', 'r']),
  ];
  if (ms.warnings.length) lines.push('', ...ms.warnings.map((w) => `> **Warning:** ${md(w)}`));
  return lines;
}

function objectivesMd(m: ReportModel): string[] {
  const o = m.objectives;
  const lines = ['## Recovery objectives', ''];
  if (!o.targetsKnown) lines.push('Targets unknown: no scenario objectives were available for this incident, so achieved figures are incident-wide.', '');
  lines.push(
    ...mdTable(['Component', 'Target RTO', 'Achieved RTO', 'RTO', 'Target RPO', 'Achieved RPO', 'RPO'], o.rows.map((r) => [
      cell(r.component), target(r.targetRto), figure(r.rto), cell(r.rtoVerdict), r.rpoByDesign ? '0 by design' : target(r.targetRpo), figure(r.rpo), cell(r.rpoVerdict),
    ])),
    '',
    'Sources:',
    '',
  );
  for (const r of o.rows) {
    lines.push(`- ${cell(r.component)} RTO (${r.rto.basis}): ${md(r.rto.source)}`);
    lines.push(`- ${cell(r.component)} RPO (${r.rpo.basis}): ${md(r.rpo.source)}`);
    if (r.note) lines.push(`- ${cell(r.component)} note: ${md(r.note)}`);
  }
  return lines;
}

function decisionsMd(m: ReportModel): string[] {
  if (m.decisions.length === 0) return ['## Decisions', '', 'No decisions recorded.'];
  return ['## Decisions', '', ...m.decisions.map((d) => `- ${utc(d.at)} ${cell(d.by)}: ${md(d.text)} (seq ${d.seq})`)];
}
