// A metric series as an inline SVG line chart: thresholds as dashed lines, alarm changes as vertical markers.
// Inline so the HTML report stays one file that needs no network.
import type { AlarmChangeRow, MetricRow } from '../core/report/index.js';
import { esc, number, utc } from './format.js';

const W = 640;
const H = 180;
const PAD = { left: 56, right: 12, top: 12, bottom: 28 };

/** The impact window and the milestones, drawn behind a metric so the series reads against what happened. */
export interface ChartContext {
  impact: { start: string | null; end: string | null };
  milestones: readonly { milestone: string; at: string | null }[];
}

export function metricChart(m: MetricRow, alarms: readonly AlarmChangeRow[], context?: ChartContext): string {
  if (m.points.length === 0) return '<p class="muted">No datapoints.</p>';
  const ts = m.points.map((p) => Date.parse(p[0]));
  const marks = (context?.milestones ?? []).map((r) => ({ name: r.milestone, t: r.at ? Date.parse(r.at) : Number.NaN })).filter((r) => !Number.isNaN(r.t));
  // The axis spans the series and the milestones around it, so detection and mitigation show beside the curve.
  const t0 = Math.min(ts[0]!, ...marks.map((r) => r.t));
  const t1 = Math.max(ts[ts.length - 1]!, t0 + 1, ...marks.map((r) => r.t));
  let lo = Math.min(0, m.min ?? 0);
  let hi = m.max ?? 1;
  for (const th of [m.warning, m.critical]) if (th !== null) hi = Math.max(hi, th);
  for (const th of [m.warning, m.critical]) if (th !== null) lo = Math.min(lo, th);
  if (hi === lo) hi = lo + 1;
  hi += (hi - lo) * 0.08;
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const f = (n: number) => n.toFixed(1);
  const path = m.points.map((p, i) => `${i ? 'L' : 'M'}${f(x(ts[i]!))},${f(y(p[1]))}`).join(' ');
  const parts: string[] = [
    `<rect x="${PAD.left}" y="${PAD.top}" width="${W - PAD.left - PAD.right}" height="${H - PAD.top - PAD.bottom}" class="plot"/>`,
  ];
  const start = context?.impact.start ? Date.parse(context.impact.start) : Number.NaN;
  if (!Number.isNaN(start)) {
    const end = context?.impact.end ? Date.parse(context.impact.end) : t1;
    const a = x(Math.max(t0, start));
    const b = x(Math.min(t1, end));
    if (b > a) parts.push(`<rect x="${f(a)}" y="${PAD.top}" width="${f(b - a)}" height="${H - PAD.top - PAD.bottom}" class="impact-window"><title>${esc(`impact ${utc(context!.impact.start)} to ${context!.impact.end ? utc(context!.impact.end) : 'ongoing'}`)}</title></rect>`);
  }
  for (const r of marks) {
    parts.push(`<line x1="${f(x(r.t))}" x2="${f(x(r.t))}" y1="${PAD.top}" y2="${H - PAD.bottom}" class="milestone"><title>${esc(`${r.name} ${utc(new Date(r.t).toISOString())}`)}</title></line>`);
    parts.push(`<text x="${f(x(r.t) + 2)}" y="${PAD.top + 9}" class="th-label">${esc(r.name)}</text>`);
  }
  for (const [name, th] of [['warning', m.warning], ['critical', m.critical]] as const) {
    if (th === null) continue;
    parts.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${f(y(th))}" y2="${f(y(th))}" class="th-${name}"><title>${name} ${esc(number(th, m.unit))}</title></line>`);
    parts.push(`<text x="${W - PAD.right - 4}" y="${f(y(th) - 3)}" text-anchor="end" class="th-label">${name} ${esc(number(th, m.unit))}</text>`);
  }
  for (const a of alarms) {
    const t = Date.parse(a.at);
    if (Number.isNaN(t) || t < t0 || t > t1) continue;
    parts.push(`<line x1="${f(x(t))}" x2="${f(x(t))}" y1="${PAD.top}" y2="${H - PAD.bottom}" class="alarm alarm-${a.to === 'ALARM' ? 'on' : 'off'}"><title>${esc(`${utc(a.at)} ${a.alarm} ${a.from} -> ${a.to}`)}</title></line>`);
  }
  parts.push(`<path d="${path}" class="series"/>`);
  if (m.points.length <= 120) {
    for (let i = 0; i < m.points.length; i++) parts.push(`<circle cx="${f(x(ts[i]!))}" cy="${f(y(m.points[i]![1]))}" r="2.2" class="dot"/>`);
  }
  parts.push(
    `<text x="${PAD.left - 6}" y="${f(y(hi) + 10)}" text-anchor="end" class="axis">${esc(number(Number(hi.toPrecision(3))))}</text>`,
    `<text x="${PAD.left - 6}" y="${f(y(lo))}" text-anchor="end" class="axis">${esc(number(lo))}</text>`,
    `<text x="${PAD.left}" y="${H - 8}" class="axis">${esc(utc(m.points[0]![0]))}</text>`,
    `<text x="${W - PAD.right}" y="${H - 8}" text-anchor="end" class="axis">${esc(utc(m.points[m.points.length - 1]![0]))}</text>`,
  );
  const label = `${m.title}: ${m.points.length} points, min ${number(m.min, m.unit)}, max ${number(m.max, m.unit)}`;
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
