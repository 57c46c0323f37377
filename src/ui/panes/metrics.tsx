// One sparkline per metric with its value, data age, region and thresholds; where the pane's data comes
// from and how old it is in the title. Failed and stale series keep their last good data, marked as such.
import { Box } from 'ink';
import type { AppState, IncidentView } from '../app/state.js';
import { Line, PaneTitle, Row, Span } from '../components/text.js';
import { formatValue, pad, sparkline, windowStart } from '../format.js';
import { metricsModel, type MetricRow } from './metrics-model.js';

export { METRICS_STALE_MS } from './metrics-model.js';

export function MetricsPane({ s, v, width, height, focused }: { s: AppState; v: IncidentView; width: number; height: number; focused: boolean }) {
  const model = metricsModel(s, v);
  const rows = model.rows;
  const listH = Math.max(0, height - 1 - model.notes.length);
  const cursor = Math.min(v.cursor.metrics, Math.max(0, rows.length - 1));
  const start = windowStart(cursor, rows.length, listH);
  // Labels first (up to 28 columns), then the sparkline, value, region and age; thresholds are clipped first.
  const longest = Math.max(8, ...rows.map((r) => r.label.length));
  const labelW = Math.min(28, longest, Math.max(8, width - 38));
  const sparkW = Math.max(8, Math.min(40, width - labelW - 30));
  // A failed row needs its room for the reason; its last good data stays as a short sparkline.
  const failW = Math.min(sparkW, 10);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Metrics" focused={focused} extra={model.status} />
      {model.notes.map((n) => (
        <Line key={n.text} text={n.text} tone={n.tone} />
      ))}
      {rows.slice(start, start + listH).map((r, i) => (
        <Row key={r.id} width={width}>
          <Span text={`${start + i === cursor && focused ? '>' : ' '}${pad(r.label, labelW)} `} />
          <Span text={pad(sparkline(r.values, r.failed ? failW : sparkW, r.thresholds), r.failed ? failW : sparkW)} tone={r.failed || r.stale ? 'muted' : 'accent'} />
          {r.last ? <Span text={` ${formatValue(r.last.v)} ${r.last.unit}`} tone={r.failed || r.stale ? 'muted' : r.last.tone} bold={!r.failed && !r.stale} /> : null}
          {r.failed ? (
            <Span text={` FAILED (last good ${r.failed.lastGood}) ${r.failed.reason}  ${r.region}`} tone="crit" />
          ) : r.last ? (
            <Span text={` ${r.region}  ${r.stale ? 'STALE ' : ''}age ${r.age}${r.partial ? ' partial' : ''}  ${thresholdText(r)}`} tone={r.stale ? 'warn' : 'muted'} />
          ) : (
            <Span text={` no datapoints  ${r.region}`} tone="muted" />
          )}
        </Row>
      ))}
    </Box>
  );
}

/** "w >1 c >5" or "c <1": the direction and the boundary, as the runbook means them (strictly). */
function thresholdText(r: MetricRow): string {
  const op = r.spec?.bad_when === 'below' ? '<' : '>';
  const parts = [r.spec?.warning !== undefined ? `w ${op}${r.spec.warning}` : '', r.spec?.critical !== undefined ? `c ${op}${r.spec.critical}` : ''].filter(Boolean);
  return parts.join(' ') || 'no thresholds';
}
