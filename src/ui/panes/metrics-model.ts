// What the metrics pane says, as plain data: each series' level against its thresholds, the age of its
// data, whether it is stale or failed (with why and the last good read), and where it was read.
import { thresholdLevel } from '../../core/thresholds.js';
import type { MetricSpec } from '../../core/index.js';
import { formatDuration, shownUnit, simElapsed } from '../../core/index.js';
import { scenariosOf } from '../app/checklist.js';
import type { ShownSeries } from '../app/pane-reads.js';
import type { AppState, IncidentView } from '../app/state.js';
import { utcTime } from '../format.js';
import type { Token } from '../theme.js';
import { lastGood, sourceLabel } from './source.js';

/** Metrics are fetched every 30 s; a pane whose last good read is older than this is stale. */
export const METRICS_STALE_MS = 90_000;

/** A series whose newest point is older than this many periods (and at least 5 minutes) has stopped arriving. */
const STALE_PERIODS = 3;
const STALE_MIN_MS = 5 * 60_000;

/**
 * A threshold is the boundary the runbook names: `bad_when: above` with `critical: 5` is critical above 5
 * (5 itself is not), `bad_when: below` with `critical: 1` is critical below 1 (a healthy 1 is not).
 */
export function metricLevel(spec: Pick<MetricSpec, 'bad_when' | 'warning' | 'critical'> | undefined, v: number): Token {
  if (!spec) return 'text';
  return TONE[thresholdLevel(spec, v)];
}

const TONE = { ok: 'ok', warning: 'warn', critical: 'crit' } as const;

export interface MetricRow {
  id: string;
  label: string;
  region: string;
  values: number[];
  thresholds: number[];
  spec?: MetricSpec;
  last?: { v: number; unit: string; tone: Token };
  /** Age of the newest point, in the data's own clock. */
  age?: string;
  stale: boolean;
  partial: boolean;
  failed?: { reason: string; lastGood: string };
}

export interface MetricsModel {
  status: string;
  notes: { text: string; tone: Token }[];
  rows: MetricRow[];
}

function dataClock(s: AppState, v: IncidentView): number {
  // A drill's simulated AWS reports points in drill time, so their age is measured against it.
  const d = s.drill?.incidentId === v.id ? s.drill : undefined;
  return d ? d.startedAt + simElapsed(d.session.clock, s.now) : s.now;
}

function row(series: ShownSeries, spec: MetricSpec | undefined, dataNow: number): MetricRow {
  const last = series.points.at(-1);
  const ageMs = last ? Math.max(0, dataNow - Date.parse(last.t)) : undefined;
  const period = (spec?.period_seconds ?? 60) * 1000;
  const failedNow = series.status === 'Failed' || series.error !== undefined;
  return {
    id: series.id,
    label: series.label || series.id,
    region: series.region,
    values: series.points.map((p) => p.v),
    thresholds: [spec?.warning, spec?.critical].filter((x): x is number => x !== undefined),
    ...(spec ? { spec } : {}),
    ...(last ? { last: { v: last.v, unit: shownUnit(series.unit), tone: metricLevel(spec, last.v) } } : {}),
    ...(ageMs !== undefined ? { age: formatDuration(ageMs) } : {}),
    stale: ageMs !== undefined && ageMs > Math.max(STALE_PERIODS * period, STALE_MIN_MS),
    partial: series.status === 'PartialData',
    ...(failedNow ? { failed: { reason: series.error?.message ?? 'no data', lastGood: series.lastGoodAt === undefined ? 'never read' : `${utcTime(series.lastGoodAt)}Z` } } : {}),
  };
}

export function metricsModel(s: AppState, v: IncidentView): MetricsModel {
  const specs = scenariosOf(v.incident, s.catalog).flatMap((sc) => [...sc.metrics]);
  const m = v.metrics;
  const source = sourceLabel(s, v);
  const notes: MetricsModel['notes'] = [];
  let status: string;
  if (!s.config.awsConnected) {
    status = 'not connected';
    notes.push({ text: 'no data: AWS layer not wired', tone: 'warn' });
  } else if (m.error) {
    status = `${source} · FAILED`;
    notes.push({ text: `FAILED, last good read ${lastGood(m.lastGoodAt, s.now)}`, tone: 'crit' }, { text: `  ${m.error}`, tone: 'crit' });
  } else if (m.lastGoodAt !== undefined) {
    const age = formatDuration(Math.max(0, s.now - m.lastGoodAt));
    status = s.now - m.lastGoodAt > METRICS_STALE_MS ? `${source} · STALE, read ${age} ago` : `${source} · read ${age} ago`;
  } else status = m.fetchedAt !== undefined ? `${source} · no good read yet` : `${source} · fetching...`;
  if (s.config.awsConnected && specs.length === 0) notes.push({ text: 'the scenario defines no metrics', tone: 'muted' });
  const dataNow = dataClock(s, v);
  return { status, notes, rows: m.series.map((x) => row(x, specs.find((sp) => sp.id === x.id), dataNow)) };
}
