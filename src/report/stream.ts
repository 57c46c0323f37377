// A report as pieces, so it can be written while the journal is read: the text before, between and after
// the two timelines (which need the whole report model but no timeline row), and each row on its own.
// Joined with the rows, the pieces are byte for byte what renderReport gives for the same model.
import type { DigestRow, ReportModel, TimelineRow } from '../core/report/index.js';
import { htmlDocument, htmlParts } from './html.js';
import { digestRowHtml, timelineFrameHtml, timelineRowHtml } from './html-sections.js';
import { markdownParts } from './markdown.js';
import { DIGEST_HEAD_MD, digestRowMd, integrityMd, TIMELINE_HEAD_MD, timelineRowMd } from './markdown-sections.js';
import type { ReportFormat } from './render.js';

export type RowList = 'digest' | 'timeline';

/** How a list of rows is punctuated: around the rows, before each, after each. */
export interface ListStyle {
  open: string;
  before: (first: boolean) => string;
  after: string;
  close: (empty: boolean) => string;
}

export interface RowRenderers {
  digest: (r: DigestRow) => string;
  timeline: (r: TimelineRow) => string;
  list: ListStyle;
}

const PLAIN: ListStyle = { open: '', before: () => '', after: '', close: () => '' };

const json = (v: unknown, indent: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`);
const q = JSON.stringify;

// A row as JSON.stringify(row, null, 2) writes it inside the report's array, spelled out: a million rows
// through the generic pretty-printer cost seconds more.
const plainRow = (r: DigestRow | TimelineRow) => typeof r.at === 'string' && typeof r.actor === 'string' && typeof r.kind === 'string' && typeof r.text === 'string';
const jsonDigestRow = (r: DigestRow) =>
  !plainRow(r) ? json(r, '    ') : `{\n      "seq": ${r.seq},\n      "at": ${q(r.at)},\n      "actor": ${q(r.actor)},\n      "kind": ${q(r.kind)},\n      "text": ${q(r.text)},\n      "count": ${r.count},\n      "lastSeq": ${r.lastSeq}\n    }`;
const jsonTimelineRow = (r: TimelineRow) =>
  !plainRow(r) ? json(r, '    ') : `{\n      "seq": ${r.seq},\n      "at": ${q(r.at)},\n      "actor": ${q(r.actor)},\n      "kind": ${q(r.kind)},\n      "text": ${q(r.text)},\n      "corrections": ${r.corrections.length ? json(r.corrections, '      ') : '[]'}\n    }`;

/** The rows of a format (they do not depend on the rest of the report). */
export function rowRenderers(format: ReportFormat): RowRenderers {
  switch (format) {
    case 'md':
      return { digest: digestRowMd, timeline: timelineRowMd, list: { ...PLAIN, after: '\n' } };
    case 'html':
      return { digest: digestRowHtml, timeline: timelineRowHtml, list: PLAIN };
    case 'json':
      return {
        digest: jsonDigestRow,
        timeline: jsonTimelineRow,
        list: { open: '[', before: (first) => (first ? '\n    ' : ',\n    '), after: '', close: (empty) => (empty ? ']' : '\n  ]') },
      };
  }
}

/** The document in order: fixed text, and where each list of rows goes. */
export function reportLayout(m: ReportModel, format: ReportFormat): (string | RowList)[] {
  switch (format) {
    case 'md':
      return [
        `${markdownParts(m).map((p) => p.join('\n')).join('\n\n')}\n\n${DIGEST_HEAD_MD.join('\n')}\n`,
        'digest',
        `\n${TIMELINE_HEAD_MD.join('\n')}\n`,
        'timeline',
        `\n${integrityMd(m).join('\n')}\n`,
      ];
    case 'html': {
      const mark = '\u0000';
      const [top, bottom] = htmlDocument(m, mark).split(mark) as [string, string];
      const f = timelineFrameHtml(m);
      return [`${top}${htmlParts(m).join('\n')}\n${f.digest}`, 'digest', f.timeline, 'timeline', f.end + bottom];
    }
    case 'json': {
      // JSON.stringify(m, null, 2), one top-level key at a time.
      const out: (string | RowList)[] = ['{\n'];
      let first = true;
      for (const [k, v] of Object.entries(m)) {
        if (v === undefined || typeof v === 'function') continue;
        out.push(`${first ? '' : ',\n'}  ${JSON.stringify(k)}: `);
        first = false;
        out.push(k === 'digest' || k === 'timeline' ? k : json(v, '  '));
      }
      out.push('\n}\n');
      return out;
    }
  }
}

/** The whole document from a layout and its rows in memory (what a streamed write produces, for checking it). */
export function renderLayout(m: ReportModel, format: ReportFormat, rows: { digest: readonly DigestRow[]; timeline: readonly TimelineRow[] }): string {
  const r = rowRenderers(format);
  const list = (texts: string[]) => r.list.open + texts.map((t, i) => r.list.before(i === 0) + t + r.list.after).join('') + r.list.close(texts.length === 0);
  return reportLayout(m, format)
    .map((p) => (p === 'digest' ? list(rows.digest.map(r.digest)) : p === 'timeline' ? list(rows.timeline.map(r.timeline)) : p))
    .join('');
}
