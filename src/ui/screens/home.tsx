// Home: the incidents in the state dir, newest first, and how to declare one or start a drill.
import { Box } from 'ink';
import { formatDuration } from '../../core/index.js';
import type { AppState } from '../app/state.js';
import { Line, Row, Span } from '../components/text.js';
import { pad, windowStart } from '../format.js';

export function HomeScreen({ s, height }: { s: AppState; height: number }) {
  const h = s.home;
  const lastShown = s.lastIncident ? h.incidents.find((i) => i.id === s.lastIncident) : undefined;
  const header = 4 + (s.config.catalogProblems.length ? 1 : 0) + (s.declareDraft ? 1 : 0) + (lastShown ? 1 : 0);
  const listH = Math.max(1, height - header);
  const start = windowStart(h.cursor, h.incidents.length, listH);
  return (
    <Box flexDirection="column" width={s.cols} height={height} overflow="hidden">
      <Row>
        <Span text=" warroom " tone="accent" inverse bold />
        <Span text={`  ${s.config.modeLabel}  actor ${s.config.actor}  ${s.catalogPending ? 'reading runbooks' : `${s.catalog.length} scenarios`}${s.config.allowActions ? '  ACTIONS ENABLED' : ''}`} tone="muted" />
      </Row>
      <Line text=" n declare (one line)   N declare with triage questions   d drill   Enter open   ? keys   q quit" tone="muted" />
      {lastShown ? <Line text={` last open here: ${lastShown.id} ${lastShown.title}  (${h.incidents[h.cursor]?.id === lastShown.id ? 'Enter opens it' : 'warroom --last opens it at start'})`} tone="accent" /> : null}
      {s.declareDraft ? <Line text={` draft: "${s.declareDraft.field.text || s.declareDraft.answers.title || ''}" (${s.declareDraft.mode === 'live' ? 'n' : 'd'} picks it up)`} tone="warn" /> : null}
      {s.config.catalogProblems.length ? <Line text={` catalog: ${s.config.catalogProblems.join('; ')}`} tone="warn" /> : null}
      <Line text=" " />
      <Line text={`   ${pad('ID', 18)} ${pad('SEV', 5)} ${pad('STATUS', 11)} ${pad('MODE', 9)} ${pad('AGE', 9)} TITLE`} tone="muted" bold />
      {h.loading && h.incidents.length === 0 ? <Line text="   loading..." tone="muted" /> : null}
      {h.error ? <Line text={`   could not list incidents: ${h.error}`} tone="crit" /> : null}
      {!h.loading && !h.error && h.incidents.length === 0 ? <Line text="   No incidents yet. Press n to declare one or d to start a drill." /> : null}
      {h.incidents.slice(start, start + listH).map((inc, i) => {
        const selected = start + i === h.cursor;
        const age = formatDuration(s.now - Date.parse(inc.openedAt));
        return (
          <Row key={inc.id}>
            <Span text={`${selected ? ' > ' : '   '}${pad(inc.id, 18)} `} inverse={selected} bold={selected} />
            <Span text={`${pad(inc.severity, 5)} `} tone={inc.severity === 'SEV1' || inc.severity === 'SEV2' ? 'crit' : 'warn'} />
            <Span text={`${pad(inc.status, 11)} ${pad(inc.mode, 9)} ${pad(age, 9)} `} tone={['resolved', 'closed'].includes(inc.status) ? 'muted' : 'text'} />
            <Span text={inc.title} />
          </Row>
        );
      })}
    </Box>
  );
}
