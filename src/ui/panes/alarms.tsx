// Alarms now in ALARM and the recent transitions recorded on the timeline.
import { Box } from 'ink';
import { describeEvent } from '../../core/index.js';
import type { AppState, IncidentView } from '../app/state.js';
import { Line, PaneTitle, Row, Span } from '../components/text.js';
import { pad, utcTime, windowStart } from '../format.js';

export function AlarmsPane({ s, v, width, height, focused }: { s: AppState; v: IncidentView; width: number; height: number; focused: boolean }) {
  const a = v.alarms;
  const firing = a.list.filter((x) => x.state === 'ALARM');
  const others = a.list.filter((x) => x.state !== 'ALARM');
  const list = [...firing, ...others];
  const stale = a.fetchedAt !== undefined && s.now - a.fetchedAt > 45_000;
  const status = !s.config.awsConnected ? 'not connected' : a.error ? 'failing' : stale ? 'stale' : a.fetchedAt ? `${firing.length} in ALARM` : 'polling...';
  const transitions = v.events.filter((e) => e.kind === 'alarm.changed').slice(-Math.max(1, Math.floor(height / 3)));
  const notes: [string, 'warn' | 'crit'][] = [];
  if (!s.config.awsConnected) notes.push(['no data: AWS layer not wired', 'warn']);
  else if (a.error) notes.push([`failing: ${a.error}`, 'crit']);
  const listH = Math.max(0, height - 1 - notes.length - (transitions.length ? transitions.length + 1 : 0));
  const cursor = Math.min(v.cursor.alarms, Math.max(0, list.length - 1));
  const start = windowStart(cursor, list.length, listH);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Alarms" focused={focused} extra={status} />
      {notes.map(([t, tone]) => (
        <Line key={t} text={t} tone={tone} />
      ))}
      {list.slice(start, start + listH).map((al, i) => (
        <Row key={`${al.region}/${al.name}`} width={width}>
          <Span text={`${start + i === cursor && focused ? '>' : ' '}${pad(al.state, 9)} `} tone={al.state === 'ALARM' ? 'crit' : al.state === 'OK' ? 'ok' : 'warn'} bold={al.state === 'ALARM'} />
          <Span text={`${al.name} (${al.region}) `} />
          <Span text={al.reason} tone="muted" />
        </Row>
      ))}
      {transitions.length > 0 ? <Line text="recent transitions" tone="muted" /> : null}
      {transitions.map((e) => (
        <Line key={e.seq} text={` ${utcTime(Date.parse(String(e.data.at ?? e.ts)))} ${describeEvent(e)}`} tone={e.data.to === 'ALARM' ? 'crit' : 'ok'} width={width} />
      ))}
    </Box>
  );
}
