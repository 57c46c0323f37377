// Text for `warroom doctor` and `warroom metrics`: one line per check or pane, sanitized.
import { sanitizeLine, shownUnit, type MetricSpec } from '../core/index.js';
import type { DoctorCheck } from '../aws/live/doctor.js';
import type { AwsPorts, MetricSeries } from '../aws/ports.js';
import { incidentRegions } from '../core/regions.js';
import { thresholdLevel } from '../core/thresholds.js';

const BARS = '▁▂▃▄▅▆▇█';

/** A sparkline of the last `width` points; an empty string when there are none. */
export function sparkline(values: readonly number[], width = 20): string {
  const vs = values.slice(-width);
  if (vs.length === 0) return '';
  const min = Math.min(...vs);
  const max = Math.max(...vs);
  return vs.map((v) => BARS[max === min ? 0 : Math.round(((v - min) / (max - min)) * (BARS.length - 1))]).join('');
}

export type Level = 'ok' | 'warning' | 'critical' | 'no data' | 'failed';

export function levelOf(spec: Pick<MetricSpec, 'bad_when' | 'warning' | 'critical'>, series: MetricSeries): Level {
  if (series.status === 'Failed') return 'failed';
  const last = series.points[series.points.length - 1];
  if (!last) return 'no data';
  return thresholdLevel(spec, last.v);
}

const num = (v: number) => (Math.abs(v) >= 1000 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3));

/** The source and the regions read: the params' region/primary_region/dr_region first, then the flags'. */
export function banner(ports: Pick<AwsPorts, 'mode' | 'describe'>, params: Readonly<Record<string, string>> = {}): string {
  const d = ports.describe;
  const r = incidentRegions(params, d);
  const regions = `${r.primary}${r.dr ? ` / DR ${r.dr}` : ''}`;
  if (ports.mode === 'simulated') return `SIMULATED AWS (no AWS configuration given) ${regions}`;
  return `LIVE ${d.profile ? `${sanitizeLine(d.profile)} ` : ''}${regions}`;
}

export function formatPane(spec: MetricSpec, s: MetricSeries): string {
  const level = levelOf(spec, s);
  const last = s.points[s.points.length - 1];
  const value = last ? `${num(last.v)}${shownUnit(s.unit) ? ` ${sanitizeLine(shownUnit(s.unit))}` : ''}` : '-';
  const limits = [spec.warning !== undefined ? `warn ${spec.bad_when === 'below' ? '<' : '>'}${spec.warning}` : '', spec.critical !== undefined ? `crit ${spec.bad_when === 'below' ? '<' : '>'}${spec.critical}` : ''].filter(Boolean).join(' ');
  const status = s.status === 'Failed' ? `STALE: ${sanitizeLine(s.error?.message ?? 'failed')}` : s.status === 'PartialData' ? 'partial data' : `${s.points.length} points`;
  const title = sanitizeLine(spec.title);
  return [(title.length > 40 ? `${title.slice(0, 39)}…` : title).padEnd(40), value.padEnd(16), limits.padEnd(22), sparkline(s.points.map((p) => p.v)).padEnd(20), level.toUpperCase().padEnd(9), status].join(' ');
}

export function formatDoctor(checks: readonly DoctorCheck[]): string[] {
  const lines = checks.map((c) => `${c.ok ? 'ok    ' : 'FAILED'} ${c.service.padEnd(10)} ${c.operation.padEnd(19)} ${c.region.padEnd(14)} ${String(c.ms).padStart(5)} ms  ${sanitizeLine(c.detail)}`);
  const missing = [...new Set(checks.filter((c) => c.error?.class === 'access-denied').map((c) => c.iamAction))];
  if (missing.length) lines.push(`missing IAM actions: ${missing.join(', ')} (see policies/warroom-read-only.json)`);
  const failed = checks.filter((c) => !c.ok).length;
  lines.push(failed === 0 ? `all ${checks.length} checks passed` : `${failed} of ${checks.length} checks failed`);
  return lines;
}
