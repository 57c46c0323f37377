// The later sections of the HTML report: what was done, AWS actions, metrics, comms, exercise, timeline.
import type { DigestRow, ReportModel, TimelineRow } from '../core/report/index.js';
import { formatHead } from '../core/journal-head.js';
import { esc, evidenceText, NO_UPDATE_DUE, formatSeconds, number, utc } from './format.js';
import { metricChart } from './html-chart.js';
import { recoveryGantt } from './html-figures.js';
import { num, p, section, table, tr, ul } from './html-parts.js';
import { tableAgreement, tableNote } from './markdown-sections.js';

export function doneHtml(m: ReportModel): string {
  if (m.steps.length === 0) return section('done', 'What was done', p('No runbook steps were recorded.'));
  const off = m.steps.filter((s) => s.status === 'skipped' || s.status === 'failed');
  const warned = m.steps.filter((s) => s.caution || s.destroys);
  return section('done', 'What was done',
    recoveryGantt(m),
    table(['Step', 'Title', 'Role', 'Status', 'Who', 'When', 'Took', 'Verification'], m.steps.map((s) => [
      `<span class="mono">${esc(`${s.scenario}/${s.step}`)}</span>`,
      s.title ? esc(s.title) : '',
      s.role ? esc(s.role) : '',
      s.status === 'failed' ? '<span class="bad">failed</span>' : s.status,
      s.by ? esc(s.by) : '',
      s.endedAt ? utc(s.endedAt) : s.startedAt ? `started ${utc(s.startedAt)}` : '',
      num(s.status === 'todo' ? '' : formatSeconds(s.seconds)),
      s.verification
        ? `${s.verification.passed ? 'passed' : '<span class="bad">FAILED</span>'}: ${esc(s.verification.summary)}${Object.keys(s.verification.evidence).length ? `<br><span class="mono">${esc(evidenceText(s.verification.evidence))}</span>` : ''} <span class="muted">(seq ${s.verification.seq})</span>`
        : '',
    ])),
    warned.length ? `<h3>Cautions from the runbook</h3>${ul(warned.map((s) => `<span class="mono">${esc(`${s.scenario}/${s.step}`)}</span> (${s.status}): ${s.destroys ? `<span class="bad">DESTRUCTIVE: ${esc(s.destroys)}.</span> ` : ''}${s.caution ? `<span class="bad">CAUTION:</span> ${esc(s.caution)}` : ''}`))}` : '',
    off.length ? `<h3>Skipped and failed steps</h3>${ul(off.map((s) => `<span class="mono">${esc(`${s.scenario}/${s.step}`)}</span> ${s.status} by ${esc(s.by ?? 'unknown')} at ${utc(s.endedAt)}: ${esc(s.reason ?? 'no reason given')}`))}` : '');
}

export function actionsHtml(m: ReportModel): string {
  if (m.actions.length === 0) return section('actions', 'AWS actions taken', p('No AWS actions were requested.'));
  return section('actions', 'AWS actions taken',
    table(['Action', 'Operation', 'Target', 'Requested', 'Approved by', 'Outcome', 'Request id', 'Result'], m.actions.map((a) => [
      esc(a.actionId),
      esc(`${a.service} ${a.operation}${a.region ? ` (${a.region})` : ''}`),
      esc(a.target),
      `${utc(a.requestedAt)} by ${esc(a.requestedBy)}`,
      a.approvedBy ? esc(a.approvedBy) : '',
      a.outcome === 'failed' ? '<span class="bad">failed</span>' : `${a.outcome}${a.simulated ? ' (simulated)' : ''}`,
      a.requestId ? `<span class="mono">${esc(a.requestId)}</span>` : 'none',
      esc(a.error ?? a.summary ?? ''),
    ])));
}

export function metricsHtml(m: ReportModel): string {
  const charts = m.metrics.map((s) => {
    const th = [s.warning !== null ? `warning ${number(s.warning, s.unit)}` : '', s.critical !== null ? `critical ${number(s.critical, s.unit)}` : ''].filter(Boolean).join(', ');
    return `<h3>${esc(s.title)} <span class="muted mono">${esc(s.metric)}</span></h3>${metricChart(s, m.alarmChanges, { impact: m.impact, milestones: m.milestones.rows })}${p(esc(`${s.points.length} points; min ${number(s.min, s.unit)}, max ${number(s.max, s.unit)}, last ${number(s.last, s.unit)}; thresholds: ${th || 'none'} (bad when ${s.badWhen}).`), 'muted')}`;
  });
  return section('metrics', 'Alarms and metrics',
    charts.length ? charts.join('') : p('No metric snapshots were recorded.'),
    '<h3>Alarm changes</h3>',
    m.alarmChanges.length
      ? table(['Time (UTC)', 'Alarm', 'From', 'To', 'Reason'], m.alarmChanges.map((a) => [utc(a.at), esc(a.alarm), esc(a.from), a.to === 'ALARM' ? `<span class="bad">${esc(a.to)}</span>` : esc(a.to), esc(a.reason ?? '')]))
      : p('No alarm changes were recorded.'));
}

export function commsHtml(m: ReportModel): string {
  const c = m.comms;
  const late = c.cadence.late.map((l) => (l.sentAt ? `update due ${utc(l.dueAt)} sent ${utc(l.sentAt)}, ${formatSeconds(l.lateBySeconds)} late` : `<span class="bad">update due ${utc(l.dueAt)} NOT SENT</span> (${formatSeconds(l.lateBySeconds)} overdue)`));
  return section('comms', 'Communications sent',
    c.sent.length
      ? table(['Time (UTC)', 'By', 'Channel', 'Update', 'On time'], c.sent.map((x) => [utc(x.at), esc(x.by), esc(x.channel), esc(x.text), x.lateBySeconds === null ? 'yes' : `<span class="bad">late by ${formatSeconds(x.lateBySeconds)}</span>`]))
      : p('No updates were sent.'),
    p(`Cadence: first update within ${c.cadence.firstUpdateMinutes} min of declaration, then every ${c.cadence.cadenceMinutes} min.`),
    !c.cadence.from ? p('The incident was not declared, so the cadence was not checked.') : late.length ? ul(late) : p(c.sent.length ? 'Every update went out on time.' : NO_UPDATE_DUE));
}

export function exerciseHtml(x: NonNullable<ReportModel['exercise']>): string {
  const list = (items: string[]) => (items.length ? ul(items.map(esc)) : p('Nothing recorded.'));
  return [
    section('injects', 'Exercise injects', x.injects.length
      ? table(['Time (UTC)', 'Inject', 'What participants saw', 'First response', 'Response time'], x.injects.map((i) => [
          utc(i.at), esc(i.inject), esc(i.text), i.response ? `${esc(i.response.by)}: ${esc(i.response.kind)} (seq ${i.response.seq})` : '<span class="bad">none</span>', num(i.response ? formatSeconds(i.response.seconds) : 'no response'),
        ]))
      : p('No injects were played.')),
    section('after-action', 'After-action review', '<h3>What went well</h3>', list(x.afterAction.wentWell), '<h3>What to improve</h3>', list(x.afterAction.toImprove)),
  ].join('');
}

const DIGEST_HEADERS = ['Seq', 'Time (UTC)', 'Actor', 'Kind', 'What', 'Events'];
const TIMELINE_HEADERS = ['Seq', 'Time (UTC)', 'Actor', 'Kind', 'What'];

export const digestRowHtml = (e: DigestRow): string =>
  tr([num(e.count > 1 ? `${e.seq}-${e.lastSeq}` : String(e.seq)), `<td class="nowrap">${utc(e.at)}</td>`, esc(e.actor), esc(e.kind), esc(e.text), num(String(e.count))]);

export const timelineRowHtml = (e: TimelineRow): string =>
  tr([
    `<td class="num" id="ev-${e.seq}">${e.seq}</td>`, `<td class="nowrap">${utc(e.at)}</td>`, esc(e.actor), esc(e.kind),
    esc(e.text) + e.corrections.map((c) => `<span class="correction">corrected by seq ${c.seq} (${esc(c.actor)}, ${utc(c.at)}): ${esc(c.text)}</span>`).join(''),
  ]);

/** The timeline sections around their rows: before the readable rows, between them and the full rows, after. */
export function timelineFrameHtml(m: ReportModel): { digest: string; timeline: string; end: string } {
  const digest = section('timeline', 'Timeline (UTC)',
    p('Snapshots of one metric, and an alarm changing again within 15 minutes, are one row each; the appendix has every event.', 'muted'),
    table(DIGEST_HEADERS, [], 'timeline'));
  const timeline = section('appendix-timeline', 'Appendix: full timeline (UTC)', table(TIMELINE_HEADERS, [], 'timeline'));
  const [digestOpen, digestClose] = splitAt(digest, EMPTY_BODY);
  const [timelineOpen, timelineClose] = splitAt(timeline, EMPTY_BODY);
  return { digest: digestOpen, timeline: digestClose + timelineOpen, end: timelineClose + integrityHtml(m) };
}

const EMPTY_BODY = '<tbody></tbody>';
const splitAt = (html: string, at: string): [string, string] => {
  const i = html.indexOf(at) + '<tbody>'.length;
  return [html.slice(0, i), html.slice(i)];
};

export function tailHtml(m: ReportModel): string {
  const f = timelineFrameHtml(m);
  return f.digest + m.digest.map(digestRowHtml).join('') + f.timeline + m.timeline.map(timelineRowHtml).join('') + f.end;
}

function integrityHtml(m: ReportModel): string {
  const i = m.integrity;
  return section('integrity', 'Integrity', ul([
      `Events: ${i.events}`,
      ...(i.origins
        ? [
            `Shared by ${i.origins.length} origins (each a hash-chained feed; <code>warroom verify ${esc(m.summary.id)} --remote</code> compares them with the table): ${i.origins.map((o) => `origin <code>${esc(o.origin)}</code> head <code>${formatHead(o.seq, o.hash)}</code>${esc(tableNote(o).replace(/`/g, ''))}`).join(', ')}`,
            `Digest of every origin's head: <code>${esc(i.headHash)}</code>`,
            esc(tableAgreement(i.tableAgreed).replace(/`/g, '')),
          ]
        : [
            `Head: <code>${formatHead(i.events, i.headHash)}</code> (<code>warroom verify ${esc(m.summary.id)} --expect ${formatHead(i.events, i.headHash)}</code> proves a journal still holds it)`,
            `Head hash: <code>${esc(i.headHash)}</code>`,
          ]),
      `Verify: ${i.verified ? 'passes (hash chain and seq sequence intact)' : `<span class="bad">FAILS at ${esc(i.firstBad ?? 'unknown')}</span>`}`,
    ]));
}
