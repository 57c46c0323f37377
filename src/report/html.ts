// The report as one self-contained HTML file: inline CSS and SVG, no scripts, fonts or requests; prints to PDF.
import type { ReportModel } from '../core/report/index.js';
import { DRAFT_NOTE, esc, figure, formatSeconds, target, utc } from './format.js';
import { kvTable, num, p, section, table, ul, verdictHtml } from './html-parts.js';
import { actionsHtml, commsHtml, doneHtml, exerciseHtml, metricsHtml, tailHtml } from './html-sections.js';
import { itemsHtml, postChecksHtml, reviewHtml, reviewStatusHtml, sectionBodyHtml, sectionOf } from './html-review.js';
import { REPORT_CSS } from './html-style.js';
import { objectivesChart } from './html-figures.js';

export function renderHtml(m: ReportModel): string {
  return htmlDocument(m, [...htmlParts(m), tailHtml(m)].join('\n'));
}

export const htmlTitle = (m: ReportModel) => `${m.draft ? 'DRAFT ' : ''}${m.summary.mode === 'exercise' ? 'Exercise report' : 'Incident report'}: ${m.summary.id} ${m.summary.title}`;

/** Every part of the body before the timeline (joined by newlines, then the timeline follows). */
export function htmlParts(m: ReportModel): string[] {
  return [
    `<header><h1>${esc(htmlTitle(m))}</h1>`,
    m.draft ? `<div class="draft">${esc(DRAFT_NOTE(m.summary.status))}</div>` : '',
    p(`Generated ${utc(m.generatedAt)} from the incident timeline. All times are UTC. Each [#N] links to the timeline event (seq N) a statement rests on. ${reviewStatusHtml(m)}`, 'muted'),
    '</header>',
    summaryHtml(m),
    impactHtml(m),
    reviewHtml(m),
    itemsHtml(m),
    milestonesHtml(m),
    objectivesHtml(m),
    doneHtml(m),
    postChecksHtml(m),
    actionsHtml(m),
    metricsHtml(m),
    commsHtml(m),
    section('decisions', 'Decisions', m.decisions.length ? ul(m.decisions.map((d) => `${utc(d.at)} <b>${esc(d.by)}</b>: ${esc(d.text)} <span class="muted">(seq ${d.seq})</span>`)) : p('No decisions recorded.')),
    m.exercise ? exerciseHtml(m.exercise) : '',
  ];
}

/** The page around a body. */
export function htmlDocument(m: ReportModel, body: string): string {
  // The CSP forbids every fetch: the file must render the same with no network at all.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(htmlTitle(m))}</title>
<style>${REPORT_CSS}</style></head>
<body>
${body}
</body></html>
`;
}

function summaryHtml(m: ReportModel): string {
  const s = m.summary;
  const rows: [string, string][] = [
    ['Incident', esc(s.id)],
    ['Title', esc(s.title)],
    ['Severity', esc(s.severity)],
    ['Mode', esc(s.mode)],
    ['Status', esc(s.status)],
    ['Opened', `${utc(s.openedAt)} by ${esc(s.openedBy)}`],
    ['Scenarios', s.scenarios.length ? s.scenarios.map((x) => (x.title ? `${esc(x.id)} (${esc(x.title)})` : esc(x.id))).join(', ') : 'none chosen'],
    ['Roles', s.roles.length ? s.roles.map((r) => `${esc(r.role)}: ${r.names.map(esc).join(', ')}`).join('; ') : 'none assigned'],
    ['Responders', s.responders.map(esc).join(', ')],
  ];
  return section('summary', 'Summary', sectionBodyHtml(sectionOf(m, 'summary')), kvTable(rows));
}

function impactHtml(m: ReportModel): string {
  const i = m.impact;
  const window = i.start
    ? `${utc(i.start)} to ${i.ongoing ? 'now (ongoing)' : utc(i.end)}, ${i.ongoing ? 'duration unknown until mitigated' : formatSeconds(i.seconds)}`
    : `start unknown (impact-started was not recorded)${i.end ? `; mitigated at ${utc(i.end)}` : ''}`;
  return section('impact', 'Impact', sectionBodyHtml(sectionOf(m, 'impact')), p(`Impact window: ${window}.`),
    table(['Severity', 'From', 'To', 'Duration'], i.severities.map((s) => [esc(s.severity), utc(s.from), s.ongoing ? 'ongoing' : utc(s.to), num(`${formatSeconds(s.seconds)}${s.ongoing ? ' so far' : ''}`)])));
}

function milestonesHtml(m: ReportModel): string {
  const ms = m.milestones;
  return section('milestones', 'Key milestones',
    table(['Milestone', 'Time (UTC)', 'Set by', 'Note'], ms.rows.map((r) => [
      r.milestone, r.missing ? '<span class="bad">MISSING</span>' : utc(r.at), r.setBy ? esc(r.setBy) : '', r.missing ? 'not recorded' : r.backdated ? `back-dated (seq ${r.seq})` : `seq ${r.seq}`,
    ])),
    table(['Interval', 'From', 'To', 'Duration'], ms.intervals.map((i) => [
      i.label, i.from, i.to, num(i.outOfOrder ? `<span class="bad">${formatSeconds(i.seconds)} (out of order)</span>` : formatSeconds(i.seconds)),
    ])),
    ms.warnings.map((w) => `<div class="warning">Warning: ${esc(w)}</div>`).join(''));
}

function objectivesHtml(m: ReportModel): string {
  const o = m.objectives;
  return section('objectives', 'Recovery objectives',
    o.targetsKnown ? '' : p('Targets unknown: no scenario objectives were available for this incident, so achieved figures are incident-wide.', 'warning'),
    objectivesChart(m),
    table(['Component', 'Target RTO', 'Achieved RTO', 'RTO', 'Target RPO', 'Achieved RPO', 'RPO'], o.rows.map((r) => [
      esc(r.component), num(target(r.targetRto)), num(figure(r.rto)), verdictHtml(r.rtoMet, r.rtoVerdict), num(r.rpoByDesign ? '0 by design' : target(r.targetRpo)), num(figure(r.rpo)), verdictHtml(r.rpoMet, r.rpoVerdict),
    ])),
    '<h3>Sources</h3>',
    ul(o.rows.flatMap((r) => [
      `${esc(r.component)} RTO (${r.rto.basis}): ${esc(r.rto.source)}`,
      `${esc(r.component)} RPO (${r.rpo.basis}): ${esc(r.rpo.source)}`,
      ...(r.note ? [`${esc(r.component)} note: ${esc(r.note)}`] : []),
    ])));
}
