// The postmortem's written parts in Markdown: each review section as recorded, else its draft from the record.
import type { ReportModel, ReviewSectionRow } from '../core/report/index.js';
import { cell, md, utc } from './format.js';
import { mdTable } from './markdown-table.js';

export const cites = (c: readonly number[]) => c.map((n) => `[#${n}]`).join(' ');

/** The section's recorded text, or its draft marked as such, as Markdown lines. */
export function sectionBodyMd(r: ReviewSectionRow): string[] {
  if (r.text !== null) {
    const lines = r.text.split('\n').map((l) => md(l));
    const fixes = r.corrections.length ? `; corrected ${r.corrections.length} time(s), last by ${md(r.corrections[r.corrections.length - 1]!.by)} (seq ${r.corrections[r.corrections.length - 1]!.seq})` : '';
    return [...lines, '', `*Recorded by ${md(r.by)} at ${utc(r.at)} (seq ${r.seq}${r.from === 'draft' ? ', draft accepted' : ''}${fixes}).*`];
  }
  if (r.draft.length === 0) return ['*Not written yet, and the record suggests nothing for it.*'];
  return ['*Draft from the record, not yet reviewed:*', '', ...r.draft.map((s) => `- ${md(s.text)} ${cites(s.cites)}`)];
}

export function reviewStatusLine(m: ReportModel): string {
  const r = m.review;
  const written = r.sections.filter((s) => s.text !== null).length;
  if (r.status === 'closed') return `Review closed at ${utc(r.closedAt)} by ${md(r.closedBy)} (seq ${r.closedSeq}); ${written} of ${r.sections.length} sections written.`;
  if (r.status === 'open') return `Review open: ${written} of ${r.sections.length} sections written (\`warroom review ${md(m.summary.id)}\`).`;
  return `Review not started: the sections below are drafts from the record (\`warroom review ${md(m.summary.id)}\`).`;
}

const NARRATIVE = ['detection', 'response', 'root-cause', 'contributing-factors', 'resolution', 'went-well', 'went-wrong', 'lucky', 'lessons'];

export function reviewMd(m: ReportModel): string[] {
  const lines = ['## Review', '', reviewStatusLine(m)];
  for (const r of m.review.sections.filter((s) => NARRATIVE.includes(s.section))) lines.push('', `### ${r.title}`, '', ...sectionBodyMd(r));
  return lines;
}

export const sectionOf = (m: ReportModel, id: string) => m.review.sections.find((s) => s.section === id)!;

export function itemsMd(m: ReportModel): string[] {
  const lines = ['## Action items', ''];
  const written = sectionOf(m, 'action-items');
  if (written.text !== null) lines.push(...sectionBodyMd(written), '');
  if (m.actionItems.length === 0) return [...lines, 'No action items.'];
  return [
    ...lines,
    ...mdTable(['Seq', 'Item', 'Owner', 'Priority', 'Type', 'Due', 'Ticket', 'Status'], m.actionItems.map((a) => [
      a.seq === null ? 'proposed' : String(a.seq),
      cell(a.text) + (a.origin === 'after-action' ? ' (from the after-action review)' : ''),
      cell(a.owner ?? 'unowned'),
      cell(a.priority ?? ''),
      cell(a.type ?? ''),
      cell(a.due ?? ''),
      cell(a.ticket ?? ''),
      cell(a.status),
    ])),
  ];
}

export function postChecksMd(m: ReportModel): string[] {
  if (m.postChecks.length === 0) return ['## Post-checks', '', 'The runbooks list no checks after recovery.'];
  return ['## Post-checks', '', ...mdTable(['Scenario', 'Check', 'Result', 'By', 'When', 'Note'], m.postChecks.map((p) => [
    cell(p.scenario), cell(p.check), p.result === 'failed' ? '**failed**' : cell(p.result), cell(p.by ?? ''), p.at ? utc(p.at) : '', cell(p.text ?? '') + (p.seq ? ` (seq ${p.seq})` : ''),
  ]))];
}
