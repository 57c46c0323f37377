// The postmortem's written parts in HTML: each review section as recorded, else its draft with its citations
// linked to the events in the appendix.
import type { ReportModel, ReviewSectionRow } from '../core/report/index.js';
import { esc, utc } from './format.js';
import { p, section, table } from './html-parts.js';

const citeLinks = (c: readonly number[]) => c.map((n) => `<a class="cite" href="#ev-${n}">[#${n}]</a>`).join(' ');

export function sectionBodyHtml(r: ReviewSectionRow): string {
  if (r.text !== null) {
    const last = r.corrections[r.corrections.length - 1];
    return `<div class="written">${r.text.split('\n').map((l) => esc(l)).join('<br>')}</div>${p(`Recorded by ${esc(r.by)} at ${utc(r.at)} (<a href="#ev-${r.seq}">seq ${r.seq}</a>${r.from === 'draft' ? ', draft accepted' : ''}${last ? `; corrected ${r.corrections.length} time(s), last by ${esc(last.by)}, seq ${last.seq}` : ''}).`, 'muted')}`;
  }
  if (r.draft.length === 0) return p('Not written yet, and the record suggests nothing for it.', 'muted');
  return `<div class="draft-section"><p class="muted">Draft from the record, not yet reviewed:</p><ul>${r.draft.map((s) => `<li>${esc(s.text)} ${citeLinks(s.cites)}</li>`).join('')}</ul></div>`;
}

export function reviewStatusHtml(m: ReportModel): string {
  const r = m.review;
  const written = r.sections.filter((s) => s.text !== null).length;
  if (r.status === 'closed') return `Review closed at ${utc(r.closedAt)} by ${esc(r.closedBy)}; ${written} of ${r.sections.length} sections written.`;
  if (r.status === 'open') return `Review open: ${written} of ${r.sections.length} sections written.`;
  return 'Review not started: the sections below are drafts from the record.';
}

const NARRATIVE = ['detection', 'response', 'root-cause', 'contributing-factors', 'resolution', 'went-well', 'went-wrong', 'lucky', 'lessons'];

export const sectionOf = (m: ReportModel, id: string) => m.review.sections.find((s) => s.section === id)!;

export function reviewHtml(m: ReportModel): string {
  return section('review', 'Review', p(reviewStatusHtml(m)), ...m.review.sections.filter((s) => NARRATIVE.includes(s.section)).map((r) => `<h3 id="review-${r.section}">${esc(r.title)}</h3>${sectionBodyHtml(r)}`));
}

export function itemsHtml(m: ReportModel): string {
  const written = sectionOf(m, 'action-items');
  return section('action-items', 'Action items', written.text !== null ? sectionBodyHtml(written) : '', m.actionItems.length
    ? table(['Seq', 'Item', 'Owner', 'Priority', 'Type', 'Due', 'Ticket', 'Status'], m.actionItems.map((a) => [
        a.seq === null ? 'proposed' : `<a href="#ev-${a.seq}">${a.seq}</a>`,
        esc(a.text) + (a.origin === 'after-action' ? ' <span class="muted">(from the after-action review)</span>' : ''),
        esc(a.owner ?? 'unowned'), esc(a.priority ?? ''), esc(a.type ?? ''), esc(a.due ?? ''), esc(a.ticket ?? ''), esc(a.status),
      ]))
    : p('No action items.'));
}

export function postChecksHtml(m: ReportModel): string {
  if (m.postChecks.length === 0) return section('post-checks', 'Post-checks', p('The runbooks list no checks after recovery.'));
  return section('post-checks', 'Post-checks', table(['Scenario', 'Check', 'Result', 'By', 'When', 'Note'], m.postChecks.map((c) => [
    esc(c.scenario), esc(c.check), c.result === 'failed' ? '<span class="bad">failed</span>' : c.result === 'passed' ? '<span class="met">passed</span>' : esc(c.result), esc(c.by ?? ''), c.at ? utc(c.at) : '', esc(c.text ?? ''),
  ])));
}
