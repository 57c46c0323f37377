// Shared spelling for the report renderers: UTC times, durations, figures, and escaping of event text.
import { sanitizeLine } from '../core/index.js';
import { formatSeconds, type Basis, type Figure } from '../core/report/index.js';

export { formatSeconds };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const HTML_SPECIAL = /[&<>"']/;

/** Any external text, made safe for HTML (and for Markdown, which passes HTML through). */
export const esc = (s: unknown): string => {
  const line = sanitizeLine(s);
  return HTML_SPECIAL.test(line) ? line.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : line;
};

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** "2026-11-21 09:30:05Z": UTC, to the second (the timeline keeps milliseconds; a report does not need them). */
export function utc(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  // The store writes "2026-11-21T09:30:05.123Z": cut it, rather than parse and print every row's time.
  if (iso.length === 24 && iso[10] === 'T' && iso[23] === 'Z' && ISO_MS.test(iso)) return `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return esc(iso);
  return new Date(t).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

/** Text made inert in Markdown: what could start a tag or an entity is escaped; an arrow (->) stays readable. */
export const mdText = (v: string) => (v.includes('&') || v.includes('<') ? v.replace(/&(?=#?\w+;)/g, '&amp;').replace(/<(?=[!/?a-zA-Z])/g, '&lt;') : v);

/** Any external text, made safe for Markdown on one line. */
export const md = (s: unknown): string => mdText(sanitizeLine(s));

/** Text for a Markdown table cell. */
export const cell = (s: unknown): string => {
  const text = md(s);
  return text.includes('|') ? text.replace(/\|/g, '\\|') : text;
};

const BASIS_LABEL: Record<Basis, string> = { measured: 'measured', estimated: 'estimated', 'by-design': 'by design', unknown: 'unknown' };
export const basisLabel = (b: Basis) => BASIS_LABEL[b];

/** An achieved figure as shown in the objectives table. */
export function figure(f: Figure): string {
  if (f.basis === 'by-design') return '0 by design';
  if (f.seconds === null) return 'unknown';
  return `${formatSeconds(f.seconds)} (${basisLabel(f.basis)})`;
}

export const target = (seconds: number | null): string => (seconds === null ? 'unknown' : formatSeconds(seconds));

export function number(v: number | null, unit?: string | null): string {
  if (v === null) return 'unknown';
  const n = Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 10 ? 2 : 1);
  // The unit comes from the timeline (a metric.snapshot), so it passes the sanitizer like any recorded text.
  return unit && unit !== 'None' ? `${n} ${sanitizeLine(unit)}` : n;
}

const BARS = '▁▂▃▄▅▆▇█';

/** A one-line chart of a series, averaged into at most `width` buckets. */
export function sparkline(values: readonly number[], width = 48): string {
  if (values.length === 0) return '';
  const buckets: number[] = [];
  const n = Math.min(width, values.length);
  for (let b = 0; b < n; b++) {
    const from = Math.floor((b * values.length) / n);
    const to = Math.max(from + 1, Math.floor(((b + 1) * values.length) / n));
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i]!;
    buckets.push(sum / (to - from));
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of buckets) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (hi === lo) return BARS[3]!.repeat(buckets.length);
  return buckets.map((v) => BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))]).join('');
}

export const NO_UPDATE_DUE = 'No update fell due before the incident was resolved, and none was sent.';

export const DRAFT_NOTE = (status: string) => `DRAFT: the incident is still ${status}; figures may change until it is resolved.`;

/** Verification evidence in one line: "Table.TableStatus=ACTIVE, ItemCount=1200". */
export function evidenceText(evidence: Record<string, unknown>, max = 240): string {
  const text = Object.entries(evidence)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
