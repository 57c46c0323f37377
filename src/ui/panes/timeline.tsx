// The timeline tail: a window over the (filtered) events, newest at the bottom, times in UTC. The bottom
// row is the highlighted event while the pane has focus: Enter opens it whole.
import { Box } from 'ink';
import { useMemo } from 'react';
import { describeEvent, sanitizeLine, type TimelineEvent } from '../../core/index.js';
import type { IncidentView } from '../app/state.js';
import { scanProgress, timelineLength, timelineSlice, timelineTotal } from '../app/timeline.js';
import { PaneTitle, Row, Span } from '../components/text.js';
import { pad } from '../format.js';
import type { Token } from '../theme.js';

function tone(e: TimelineEvent): Token {
  if (e.kind.endsWith('.failed') || e.kind === 'escalation.fired' || (e.kind === 'alarm.changed' && e.data.to === 'ALARM')) return 'crit';
  if (e.kind === 'step.verified') return e.data.passed ? 'ok' : 'crit';
  if (e.kind.startsWith('milestone') || e.kind.startsWith('severity') || e.kind.startsWith('status')) return 'accent';
  if (e.kind === 'decision') return 'warn';
  return 'text';
}

export function TimelinePane({ v, width, height, focused }: { v: IncidentView; width: number; height: number; focused: boolean }) {
  // Only the rows in view are read (from the journal itself when the timeline is windowed).
  const length = timelineLength(v);
  const listH = Math.max(0, height - 1);
  const end = Math.max(0, length - v.cursor.timeline);
  const start = Math.max(0, end - listH);
  const rows = useMemo(() => timelineSlice(v, start, end), [v.events, v.timeline, v.filter, v.hidden, v.search, start, end]);
  const where = v.cursor.timeline === 0 ? 'following' : `${v.cursor.timeline} newer below`;
  const extra = `${length}${v.filter ? ` of ${timelineTotal(v)} (filter: ${v.filter}${scanProgress(v)})` : ''} events, ${where}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Timeline" focused={focused} extra={extra} />
      {rows.map((e, i) => (
        <Row key={e.seq} width={width}>
          <Span text={`${e.ts.slice(11, 19)} `} tone="muted" inverse={focused && start + i === end - 1} />
          <Span text={`${pad(sanitizeLine(e.actor), 10)} ${pad(e.kind, 20)} `} tone="muted" />
          <Span text={describeEvent(e)} tone={tone(e)} />
        </Row>
      ))}
    </Box>
  );
}
