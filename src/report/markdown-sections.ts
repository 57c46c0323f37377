// The later sections of the Markdown report: what was done, AWS actions, metrics, comms, exercise, timeline.
import type { DigestRow, ReportModel, TimelineRow } from '../core/report/index.js';
import { formatHead } from '../core/journal-head.js';
import { cell, md, NO_UPDATE_DUE, evidenceText, formatSeconds, number, sparkline, utc } from './format.js';
import { mdRow, mdTable } from './markdown-table.js';

export function doneMd(m: ReportModel): string[] {
  const lines = ['## What was done', ''];
  if (m.steps.length === 0) return [...lines, 'No runbook steps were recorded.'];
  lines.push(
    ...mdTable(['Step', 'Title', 'Role', 'Status', 'Who', 'When', 'Took', 'Verification'], m.steps.map((s) => [
      cell(`${s.scenario}/${s.step}`),
      s.title ? cell(s.title) : '',
      s.role ? cell(s.role) : '',
      s.status,
      s.by ? cell(s.by) : '',
      s.endedAt ? utc(s.endedAt) : s.startedAt ? `started ${utc(s.startedAt)}` : '',
      s.status === 'todo' ? '' : formatSeconds(s.seconds),
      s.verification
        ? `${s.verification.passed ? 'passed' : 'FAILED'}: ${cell(s.verification.summary)}${Object.keys(s.verification.evidence).length ? ` [${cell(evidenceText(s.verification.evidence))}]` : ''} (seq ${s.verification.seq})`
        : '',
    ])),
  );
  const warned = m.steps.filter((s) => s.caution || s.destroys);
  if (warned.length) {
    lines.push('', 'Cautions from the runbook:', '', ...warned.map((s) => `- ${cell(`${s.scenario}/${s.step}`)} (${s.status}): ${[s.destroys ? `DESTRUCTIVE: ${md(s.destroys)}.` : '', s.caution ? `CAUTION: ${md(s.caution)}` : ''].filter(Boolean).join(' ')}`));
  }
  const off = m.steps.filter((s) => s.status === 'skipped' || s.status === 'failed');
  if (off.length) {
    lines.push('', 'Skipped and failed steps:', '', ...off.map((s) => `- ${cell(`${s.scenario}/${s.step}`)} ${s.status} by ${cell(s.by ?? 'unknown')} at ${utc(s.endedAt)}: ${md(s.reason ?? 'no reason given')}`));
  }
  return lines;
}

export function actionsMd(m: ReportModel): string[] {
  if (m.actions.length === 0) return ['## AWS actions taken', '', 'No AWS actions were requested.'];
  return [
    '## AWS actions taken',
    '',
    ...mdTable(['Action', 'Operation', 'Target', 'Requested', 'Approved by', 'Outcome', 'Request id', 'Result'], m.actions.map((a) => [
      cell(a.actionId),
      cell(`${a.service} ${a.operation}${a.region ? ` (${a.region})` : ''}`),
      cell(a.target),
      `${utc(a.requestedAt)} by ${cell(a.requestedBy)}`,
      a.approvedBy ? cell(a.approvedBy) : '',
      `${a.outcome}${a.simulated ? ' (simulated)' : ''}`,
      a.requestId ? cell(a.requestId) : 'none',
      cell(a.error ?? a.summary ?? ''),
    ])),
  ];
}

export function metricsMd(m: ReportModel): string[] {
  const lines = ['## Alarms and metrics', ''];
  if (m.metrics.length === 0) lines.push('No metric snapshots were recorded.', '');
  for (const s of m.metrics) {
    const thresholds = [s.warning !== null ? `warning ${number(s.warning, s.unit)}` : '', s.critical !== null ? `critical ${number(s.critical, s.unit)}` : ''].filter(Boolean).join(', ');
    lines.push(
      `### ${md(s.title)} (${md(s.metric)})`,
      '',
      s.points.length ? `\`${sparkline(s.points.map((p) => p[1]))}\`` : 'No datapoints.',
      '',
      `${s.points.length} points${s.points.length ? ` from ${utc(s.points[0]![0])} to ${utc(s.points[s.points.length - 1]![0])}` : ''}; min ${number(s.min, s.unit)}, max ${number(s.max, s.unit)}, last ${number(s.last, s.unit)}; thresholds: ${thresholds || 'none'} (bad when ${s.badWhen}).`,
      '',
    );
  }
  lines.push('Alarm changes:', '');
  if (m.alarmChanges.length === 0) return [...lines, 'No alarm changes were recorded.'];
  return [...lines, ...mdTable(['Time (UTC)', 'Alarm', 'From', 'To', 'Reason'], m.alarmChanges.map((a) => [utc(a.at), cell(a.alarm), cell(a.from), cell(a.to), cell(a.reason ?? '')]))];
}

export function commsMd(m: ReportModel): string[] {
  const c = m.comms;
  const lines = ['## Communications sent', ''];
  if (c.sent.length === 0) lines.push('No updates were sent.');
  else lines.push(...mdTable(['Time (UTC)', 'By', 'Channel', 'Update', 'On time'], c.sent.map((x) => [utc(x.at), cell(x.by), cell(x.channel), cell(x.text), x.lateBySeconds === null ? 'yes' : `late by ${formatSeconds(x.lateBySeconds)}`])));
  lines.push('', `Cadence: first update within ${c.cadence.firstUpdateMinutes} min of declaration, then every ${c.cadence.cadenceMinutes} min.`);
  if (!c.cadence.from) lines.push('The incident was not declared, so the cadence was not checked.');
  else if (c.cadence.late.length === 0) lines.push(c.sent.length ? 'Every update went out on time.' : NO_UPDATE_DUE);
  else lines.push('', ...c.cadence.late.map((l) => (l.sentAt ? `- update due ${utc(l.dueAt)} sent ${utc(l.sentAt)}, ${formatSeconds(l.lateBySeconds)} late` : `- update due ${utc(l.dueAt)} NOT SENT (${formatSeconds(l.lateBySeconds)} overdue)`)));
  return lines;
}

export function exerciseMd(x: NonNullable<ReportModel['exercise']>): string[] {
  const lines = ['## Exercise injects', ''];
  if (x.injects.length === 0) lines.push('No injects were played.');
  else lines.push(...mdTable(['Time (UTC)', 'Inject', 'What participants saw', 'First response', 'Response time'], x.injects.map((i) => [
    utc(i.at), cell(i.inject), cell(i.text), i.response ? `${cell(i.response.by)}: ${i.response.kind} (seq ${i.response.seq})` : 'none', i.response ? formatSeconds(i.response.seconds) : 'no response',
  ])));
  const list = (items: string[], none: string) => (items.length ? items.map((t) => `- ${md(t)}`) : [none]);
  lines.push('', '## After-action review', '', '### What went well', '', ...list(x.afterAction.wentWell, 'Nothing recorded.'), '', '### What to improve', '', ...list(x.afterAction.toImprove, 'Nothing recorded.'));
  return lines;
}

/** The readable timeline's title, note and table header, before its rows. */
export const DIGEST_HEAD_MD = [
  '## Timeline (UTC)',
  '',
  'Snapshots of one metric, and an alarm changing again within 15 minutes, are one row each; the appendix has every event.',
  '',
  ...mdTable(['Seq', 'Time (UTC)', 'Actor', 'Kind', 'What', 'Events'], [], ['r', 'l', 'l', 'l', 'l', 'r']),
];

export const TIMELINE_HEAD_MD = ['## Appendix: full timeline (UTC)', '', ...mdTable(['Seq', 'Time (UTC)', 'Actor', 'Kind', 'What'], [], ['r'])];

export const digestRowMd = (e: DigestRow): string =>
  mdRow([e.count > 1 ? `${e.seq}-${e.lastSeq}` : String(e.seq), utc(e.at), cell(e.actor), cell(e.kind), cell(e.text), String(e.count)]);

export const timelineRowMd = (e: TimelineRow): string =>
  mdRow([
    String(e.seq), utc(e.at), cell(e.actor), cell(e.kind),
    cell(e.text) + e.corrections.map((c) => ` **[corrected by seq ${c.seq}, ${cell(c.actor)}, ${utc(c.at)}: ${cell(c.text)}]**`).join(''),
  ]);

export function tailMd(m: ReportModel): string[] {
  return [...DIGEST_HEAD_MD, ...m.digest.map(digestRowMd), '', ...TIMELINE_HEAD_MD, ...m.timeline.map(timelineRowMd), '', ...integrityMd(m)];
}

export function integrityMd(m: ReportModel): string[] {
  const i = m.integrity;
  return [
    '## Integrity',
    '',
    `- Events: ${i.events}`,
    ...(i.origins
      ? [
          `- Shared by ${i.origins.length} origins (each a hash-chained feed; \`warroom verify ${md(m.summary.id)} --remote\` compares them with the table):`,
          ...i.origins.map((o) => `  - origin \`${md(o.origin)}\`: head \`${formatHead(o.seq, o.hash)}\`${tableNote(o)}`),
          `- Digest of every origin's head: \`${md(i.headHash)}\``,
          `- ${tableAgreement(i.tableAgreed)}`,
        ]
      : [
          `- Head: \`${formatHead(i.events, i.headHash)}\` (\`warroom verify ${md(m.summary.id)} --expect ${formatHead(i.events, i.headHash)}\` proves a journal still holds it)`,
          `- Head hash: \`${md(i.headHash)}\``,
        ]),
    `- Verify: ${i.verified ? 'passes (hash chain and seq sequence intact)' : `FAILS at ${md(i.firstBad ?? 'unknown')}`}`,
  ];
}

/** Where the table's copy of an origin stood at the last sync, beside the head held here. */
export function tableNote(o: { seq: number; hash: string; table: { seq: number; hash: string } | null }): string {
  if (!o.table) return '; table: not seen';
  if (o.table.seq === o.seq && o.table.hash === o.hash) return '; table: the same';
  return `; table: \`${formatHead(o.table.seq, o.table.hash)}\``;
}

export function tableAgreement(agreed: boolean | null | undefined): string {
  if (agreed === true) return 'Local and table copies: agreed at the last sync (every origin\'s head the same on both)';
  if (agreed === false) return 'Local and table copies: DIFFERED at the last sync (see each origin above; run `warroom sync` and `warroom verify --remote`)';
  return 'Local and table copies: not compared (never synced from here)';
}
