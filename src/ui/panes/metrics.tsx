// One sparkline per metric with its value, data age, region and thresholds; where the pane's data comes
// from and how old it is in the title. Failed and stale series keep their last good data, marked as such.
import { Box } from 'ink';
import type { AppState, IncidentView } from '../app/state.js';
import { Line, PaneTitle, Row, Span } from '../components/text.js';
import { formatValue, pad, sparkline, textWidth, windowStart } from '../format.js';
import { metricsModel, type MetricRow } from './metrics-model.js';

export { METRICS_STALE_MS } from './metrics-model.js';

export function MetricsPane({ s, v, width, height, focused }: { s: AppState; v: IncidentView; width: number; height: number; focused: boolean }) {
  const model = metricsModel(s, v);
  const rows = model.rows;
  const listH = Math.max(0, height - 1 - model.notes.length);
  const cursor = Math.min(v.cursor.metrics, Math.max(0, rows.length - 1));
  const shown = visibleRows(rows, cursor, listH);
  // Labels first (up to 28 columns), then the sparkline, value, region and age; thresholds are clipped first.
  const longest = Math.max(8, ...rows.map((r) => textWidth(r.label)));
  const labelW = Math.min(28, longest, Math.max(8, width - 38));
  const sparkW = Math.max(8, Math.min(40, width - labelW - 42));
  // A failed row keeps its last good data as a short sparkline, leaving room for when it was read.
  const failW = Math.min(sparkW, 10);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Metrics" focused={focused} extra={model.status} />
      {model.notes.map((n, i) => (
        <Line key={i} text={n.text} tone={n.tone} />
      ))}
      {shown.map(({ r, i }) => [
        <Row key={r.id} width={width}>
          <Span text={`${i === cursor && focused ? '>' : ' '}${pad(r.label, labelW)} `} />
          <Span text={pad(sparkline(r.values, r.failed ? failW : sparkW, r.thresholds), r.failed ? failW : sparkW)} tone={r.failed || r.stale ? 'muted' : 'accent'} />
          {r.last ? <Span text={` ${formatValue(r.last.v)}${r.last.unit ? ` ${r.last.unit}` : ''}`} tone={r.failed || r.stale ? 'muted' : r.last.tone} bold={!r.failed && !r.stale} /> : null}
          {r.failed ? (
            <Span text={` FAILED ${r.region}, last good ${r.failed.lastGood}`} tone="crit" />
          ) : r.last ? (
            <Span text={` ${r.region}  ${r.stale ? 'STALE ' : ''}age ${r.age}${r.partial ? ' partial' : ''}  ${thresholdText(r)}`} tone={r.stale ? 'warn' : 'muted'} />
          ) : (
            <Span text={` no datapoints  ${r.region}`} tone="muted" />
          )}
        </Row>,
        // Why it failed gets a line of its own, so it is never the part clipped away.
        r.failed ? <Line key={`${r.id}-why`} text={`   ${r.failed.reason}`} tone="crit" width={width} /> : null,
      ])}
    </Box>
  );
}

/** The rows that fit in `height` lines (a failed row takes two), keeping the cursor's row in view. */
function visibleRows(rows: readonly MetricRow[], cursor: number, height: number): { r: MetricRow; i: number }[] {
  const lines = (r: MetricRow) => (r.failed ? 2 : 1);
  let first = windowStart(cursor, rows.length, height);
  const used = (a: number, b: number) => rows.slice(a, b + 1).reduce((n, r) => n + lines(r), 0);
  while (first < cursor && used(first, cursor) > height) first++;
  const out: { r: MetricRow; i: number }[] = [];
  let budget = height;
  for (let i = first; i < rows.length && budget >= lines(rows[i]!); i++) {
    out.push({ r: rows[i]!, i });
    budget -= lines(rows[i]!);
  }
  return out;
}

/** "w >1 c >5" or "c <1": the direction and the boundary, as the runbook means them (strictly). */
function thresholdText(r: MetricRow): string {
  const op = r.spec?.bad_when === 'below' ? '<' : '>';
  const parts = [r.spec?.warning !== undefined ? `w ${op}${r.spec.warning}` : '', r.spec?.critical !== undefined ? `c ${op}${r.spec.critical}` : ''].filter(Boolean);
  return parts.join(' ') || 'no thresholds';
}
