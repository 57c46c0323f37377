// Pictures for the HTML report, inline SVG so the file stays self-contained: the recovery Gantt (each step from
// start to end, verification marked) against the RTO deadlines, and achieved RTO/RPO per component against target.
import type { ReportModel } from '../core/report/index.js';
import { esc, formatSeconds, utc } from './format.js';

const W = 760;
const f = (n: number) => n.toFixed(1);
const t = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/** Steps as bars on a time axis from impact start, with a dashed line at each objective's RTO deadline. */
export function recoveryGantt(m: ReportModel): string {
  const steps = m.steps.filter((s) => s.startedAt || s.endedAt);
  const impact = t(m.impact.start ?? m.summary.openedAt);
  if (steps.length === 0 || Number.isNaN(impact)) return '';
  const deadlines = m.objectives.rows.filter((r) => r.targetRto !== null).map((r) => ({ at: impact + r.targetRto! * 1000, label: `${r.component} RTO ${formatSeconds(r.targetRto)}` }));
  const ends = [...steps.flatMap((s) => [t(s.startedAt), t(s.endedAt), t(s.verification?.at)]), t(m.milestones.rows.find((r) => r.milestone === 'mitigated')?.at), ...deadlines.map((d) => d.at)].filter((x) => !Number.isNaN(x));
  const t0 = Math.min(impact, ...ends);
  const t1 = Math.max(t0 + 60_000, ...ends);
  const left = 230;
  const right = 16;
  const rowH = 20;
  const top = 24;
  const h = top + steps.length * rowH + 30;
  const x = (v: number) => left + ((v - t0) / (t1 - t0)) * (W - left - right);
  const parts: string[] = [`<rect x="${left}" y="${top - 4}" width="${W - left - right}" height="${steps.length * rowH + 4}" class="plot"/>`];
  steps.forEach((s, i) => {
    const y = top + i * rowH;
    const a = t(s.startedAt ?? s.endedAt);
    const b = t(s.endedAt ?? s.startedAt);
    const cls = s.status === 'failed' ? 'bar bar-failed' : s.status === 'skipped' ? 'bar bar-skipped' : s.status === 'in-progress' ? 'bar bar-open' : 'bar';
    parts.push(`<text x="${left - 6}" y="${y + 12}" text-anchor="end" class="axis">${esc(s.step)}</text>`);
    parts.push(`<rect x="${f(x(a))}" y="${y + 2}" width="${f(Math.max(3, x(b) - x(a)))}" height="${rowH - 6}" class="${cls}"><title>${esc(`${s.scenario}/${s.step} ${s.status}: ${utc(s.startedAt)} to ${utc(s.endedAt)}`)}</title></rect>`);
    if (s.verification) parts.push(`<circle cx="${f(x(t(s.verification.at)))}" cy="${y + rowH / 2 - 1}" r="4" class="${s.verification.passed ? 'verified' : 'unverified'}"><title>${esc(`verification ${s.verification.passed ? 'passed' : 'failed'} ${utc(s.verification.at)}`)}</title></circle>`);
  });
  for (const d of deadlines) {
    if (d.at < t0 || d.at > t1) continue;
    parts.push(`<line x1="${f(x(d.at))}" x2="${f(x(d.at))}" y1="${top - 8}" y2="${top + steps.length * rowH}" class="rto"><title>${esc(d.label)}</title></line>`);
    parts.push(`<text x="${f(x(d.at) - 3)}" y="${top - 10}" text-anchor="end" class="th-label">${esc(d.label)}</text>`);
  }
  parts.push(`<text x="${left}" y="${h - 8}" class="axis">${esc(utc(new Date(t0).toISOString()))}</text>`, `<text x="${W - right}" y="${h - 8}" text-anchor="end" class="axis">${esc(utc(new Date(t1).toISOString()))}</text>`);
  return `<svg class="chart gantt" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${esc(`Recovery Gantt: ${steps.length} steps against the RTO`)}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

/** Achieved RTO and RPO per component as bars, each with its target as a tick; unknown figures are said, not drawn as zero. */
export function objectivesChart(m: ReportModel): string {
  const bars = m.objectives.rows.flatMap((r) => [
    { label: `${r.component} RTO`, achieved: r.rto.seconds, target: r.targetRto, met: r.rtoMet },
    { label: `${r.component} RPO`, achieved: r.rpoByDesign ? 0 : r.rpo.seconds, target: r.targetRpo, met: r.rpoMet },
  ]).filter((b) => b.achieved !== null || b.target !== null);
  if (bars.length === 0) return '';
  const left = 260;
  const right = 90;
  const rowH = 22;
  const h = bars.length * rowH + 16;
  // Each bar on its own scale (achieved against its target), so a 5-minute RPO and a 4-hour RTO both read.
  const parts = bars.map((b, i) => {
    const y = 8 + i * rowH;
    const scale = Math.max(b.achieved ?? 0, b.target ?? 0, 1) * 1.1;
    const x = (v: number) => left + (v / scale) * (W - left - right);
    const out = [`<text x="${left - 6}" y="${y + 13}" text-anchor="end" class="axis">${esc(b.label)}</text>`];
    if (b.achieved !== null) out.push(`<rect x="${left}" y="${y + 3}" width="${f(Math.max(2, x(b.achieved) - left))}" height="${rowH - 8}" class="achieved ${b.met === false ? 'achieved-missed' : b.met === true ? 'achieved-met' : ''}"><title>${esc(`${b.label}: ${formatSeconds(b.achieved)} against ${b.target === null ? 'no target' : formatSeconds(b.target)}`)}</title></rect>`);
    if (b.target !== null) out.push(`<line x1="${f(x(b.target))}" x2="${f(x(b.target))}" y1="${y}" y2="${y + rowH - 2}" class="target"><title>${esc(`target ${formatSeconds(b.target)}`)}</title></line>`);
    out.push(`<text x="${W - right + 6}" y="${y + 13}" class="axis">${esc(b.achieved === null ? 'unknown' : formatSeconds(b.achieved))}</text>`);
    return out.join('');
  });
  return `<svg class="chart objectives-chart" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="Achieved RTO and RPO per component against target" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
