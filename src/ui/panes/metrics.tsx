// One sparkline per metric with its thresholds, current value, unit and data age; stale or failing
// sources are marked, and without an AWS layer the pane says so instead of showing nothing.
import { Box } from 'ink';
import type { ReactElement } from 'react';
import type { MetricSpec } from '../../core/index.js';
import { formatDuration, simElapsed } from '../../core/index.js';
import { scenariosOf } from '../app/checklist.js';
import type { AppState, IncidentView } from '../app/state.js';
import { Line, PaneTitle, Row, Span } from '../components/text.js';
import { formatValue, pad, sparkline, textWidth, windowStart } from '../format.js';
import type { Token } from '../theme.js';

/** Metrics are fetched every 30 s; older than this they are marked stale. */
export const METRICS_STALE_MS = 90_000;

function level(spec: MetricSpec | undefined, v: number): Token {
  if (!spec) return 'text';
  const worse = (t: number | undefined) => t !== undefined && (spec.bad_when === 'below' ? v <= t : v >= t);
  return worse(spec.critical) ? 'crit' : worse(spec.warning) ? 'warn' : 'ok';
}

export function MetricsPane({ s, v, width, height, focused }: { s: AppState; v: IncidentView; width: number; height: number; focused: boolean }) {
  const specs = scenariosOf(v.incident, s.catalog).flatMap((sc) => [...sc.metrics]);
  const m = v.metrics;
  // A drill's simulated AWS reports points in drill time, so their age is measured against it.
  const d = s.drill?.incidentId === v.id ? s.drill : undefined;
  const dataNow = d ? d.startedAt + simElapsed(d.session.clock, s.now) : s.now;
  const stale = m.fetchedAt !== undefined && s.now - m.fetchedAt > METRICS_STALE_MS;
  const status = !s.config.awsConnected ? 'not connected' : m.error ? 'failing' : stale ? 'stale' : m.fetchedAt ? `fetched ${formatDuration(s.now - m.fetchedAt)} ago` : 'fetching...';
  const body: ReactElement[] = [];
  if (!s.config.awsConnected) body.push(<Line key="nc" text="no data: AWS layer not wired" tone="warn" />);
  else if (specs.length === 0) body.push(<Line key="none" text="the scenario defines no metrics" tone="muted" />);
  else if (m.error) body.push(<Line key="err" text={`failing: ${m.error}`} tone="crit" />);
  const listH = Math.max(0, height - 1 - body.length);
  const cursor = Math.min(v.cursor.metrics, Math.max(0, m.series.length - 1));
  const start = windowStart(cursor, m.series.length, listH);
  // Labels first (up to 28 columns), then the sparkline; the thresholds and age are clipped last.
  const longest = Math.max(8, ...m.series.map((x) => textWidth(x.label || x.id)));
  const labelW = Math.min(28, longest, Math.max(8, width - 38));
  const sparkW = Math.max(8, Math.min(40, width - labelW - 30));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Metrics" focused={focused} extra={status} />
      {body}
      {m.series.slice(start, start + listH).map((series, i) => {
        const spec = specs.find((x) => x.id === series.id);
        const last = series.points.at(-1);
        const age = last ? formatDuration(dataNow - Date.parse(last.t)) : '';
        const thresholds = [spec?.warning, spec?.critical].filter((x): x is number => x !== undefined);
        const failing = series.status === 'Failed' || series.error;
        return (
          <Row key={series.id} width={width}>
            <Span text={`${start + i === cursor && focused ? '>' : ' '}${pad(series.label || series.id, labelW)} `} />
            <Span text={pad(sparkline(series.points.map((p) => p.v), sparkW, thresholds), sparkW)} tone="accent" />
            {failing ? <Span text={` failing: ${series.error?.message ?? 'no data'}`} tone="crit" /> : null}
            {!failing && last ? <Span text={` ${formatValue(last.v)} ${series.unit}`} tone={level(spec, last.v)} bold /> : null}
            {!failing && last ? (
              <Span text={` w ${spec?.warning ?? '-'} c ${spec?.critical ?? '-'}  age ${age}${series.status === 'PartialData' ? ' partial' : ''}`} tone="muted" />
            ) : null}
            {!failing && !last ? <Span text=" no datapoints" tone="muted" /> : null}
          </Row>
        );
      })}
    </Box>
  );
}
