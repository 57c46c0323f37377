// Alarms now in ALARM and the recent transitions recorded on the timeline. The title names the source and
// the age of the last good read; a region that cannot be read is shown failed, its last states kept as stale.
import { Box } from 'ink';
import { describeEvent, formatDuration } from '../../core/index.js';
import type { AppState, IncidentView } from '../app/state.js';
import { Line, PaneTitle, Row, Span } from '../components/text.js';
import { pad, utcTime, windowStart } from '../format.js';
import type { Token } from '../theme.js';
import { lastGood, sourceLabel } from './source.js';

/** Alarms are polled every 15 s; a last good read older than this is stale. */
export const ALARMS_STALE_MS = 45_000;

export function alarmsModel(s: AppState, v: IncidentView): { status: string; notes: [string, Token][] } {
  const a = v.alarms;
  const source = sourceLabel(s, v);
  const errors = a.errors ?? [];
  const firing = a.list.filter((x) => x.state === 'ALARM' && !x.stale).length;
  // The reason gets a line of its own, so a narrow pane clips neither it nor the last good read.
  const notes: [string, Token][] = errors.flatMap((e): [string, Token][] => [[`${e.region ? `${e.region} ` : ''}FAILED, last good read ${lastGood(a.lastGoodAt, s.now)}`, 'crit'], [`  ${e.message}`, 'crit']]);
  if (!s.config.awsConnected) return { status: 'not connected', notes: [['no data: AWS layer not wired', 'warn']] };
  if (a.fetchedAt === undefined) return { status: `${source} · polling...`, notes };
  // A count is only claimed for what was read: with every read failed there is no count at all.
  const readSome = errors.length === 0 || a.list.some((x) => !x.stale);
  const count = !readSome ? 'FAILED' : errors.length ? `${firing} in ALARM in the regions read` : `${firing} in ALARM`;
  const age = a.lastGoodAt !== undefined ? formatDuration(Math.max(0, s.now - a.lastGoodAt)) : undefined;
  const when = age === undefined ? '' : a.lastGoodAt !== undefined && s.now - a.lastGoodAt > ALARMS_STALE_MS ? ` · STALE, read ${age} ago` : ` · read ${age} ago`;
  const regions = a.regions?.length ? ` · ${a.regions.join(' ')}` : '';
  return { status: `${source} · ${count}${errors.length ? '' : when}${regions}`, notes };
}

export function AlarmsPane({ s, v, width, height, focused }: { s: AppState; v: IncidentView; width: number; height: number; focused: boolean }) {
  const a = v.alarms;
  const list = [...a.list.filter((x) => x.state === 'ALARM'), ...a.list.filter((x) => x.state !== 'ALARM')];
  const { status, notes } = alarmsModel(s, v);
  const transitions = v.events.filter((e) => e.kind === 'alarm.changed').slice(-Math.max(1, Math.floor(height / 3)));
  const listH = Math.max(0, height - 1 - notes.length - (transitions.length ? transitions.length + 1 : 0));
  const cursor = Math.min(v.cursor.alarms, Math.max(0, list.length - 1));
  const start = windowStart(cursor, list.length, listH);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Alarms" focused={focused} extra={status} />
      {notes.map(([t, tone], i) => (
        <Line key={i} text={t} tone={tone} />
      ))}
      {list.slice(start, start + listH).map((al, i) => (
        <Row key={`${al.region}/${al.name}`} width={width}>
          <Span text={`${start + i === cursor && focused ? '>' : ' '}${pad(al.state, 9)} `} tone={al.stale ? 'muted' : al.state === 'ALARM' ? 'crit' : al.state === 'OK' ? 'ok' : 'warn'} bold={al.state === 'ALARM' && !al.stale} />
          <Span text={`${al.name} (${al.region}${al.stale ? ', stale' : ''}) `} />
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
