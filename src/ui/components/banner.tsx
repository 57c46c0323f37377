// The banner that never scrolls away: who and what, severity, status, mode, clocks and countdowns.
import { Box } from 'ink';
import { formatDuration, formatOffset, rtoVerdict, simElapsed } from '../../core/index.js';
import { scenariosOf } from '../app/checklist.js';
import type { AppState, IncidentView } from '../app/state.js';
import { localTime, utcDateTime } from '../format.js';
import { nextUpdateLine } from '../panes/comms.js';
import { onIncidentClock } from '../app/tick.js';
import { rtoTarget } from '../scenario.js';
import { Row, Span } from './text.js';

const SEV_TONE = { SEV1: 'crit', SEV2: 'crit', SEV3: 'warn', SEV4: 'muted' } as const;

export function Banner({ s, v, timeZone }: { s: AppState; v: IncidentView; timeZone?: string }) {
  const inc = v.incident;
  const drill = s.drill?.incidentId === inc.id ? s.drill.session.clock : undefined;
  const drillText = drill ? ` ${drill.paused ? 'PAUSED' : `x${drill.speed}`} ${formatOffset(simElapsed(drill, s.now) / 1000)}` : '';
  const mode = inc.mode === 'exercise' ? `EXERCISE${drillText}` : s.config.modeLabel;
  // Durations run on the incident's own clock: exercise time in a drill.
  const timed = onIncidentClock(v, s.now);
  const ms = timed.state.milestones;
  const impact = ms['impact-started']?.at;
  const ended = ms.mitigated?.at ?? ms.resolved?.at;
  const impactText = impact ? `${ended ? 'lasted ' : '+'}${formatDuration((ended ? Date.parse(ended) : timed.now) - Date.parse(impact))}` : 'start unknown';
  const rto = rtoTarget(scenariosOf(inc, s.catalog));
  const verdict = rto ? rtoVerdict(ms, rto.seconds, timed.now) : undefined;
  const [due, dueTone] = nextUpdateLine(s, v);
  // Below 120 columns everything must still fit on the two lines, so the wording gets shorter.
  const narrow = s.cols < 120;
  return (
    <Box flexDirection="column" height={2} width={s.cols}>
      <Row width={s.cols}>
        <Span text={` ${inc.id} `} tone="accent" inverse bold />
        <Span text={` ${inc.title} `} bold />
        <Span text={` ${inc.severity} `} tone={SEV_TONE[inc.severity]} inverse bold />
        <Span text={` ${inc.status.toUpperCase()} `} tone={['resolved', 'closed'].includes(inc.status) ? 'ok' : 'warn'} bold />
        <Span text={` ${mode} `} tone={inc.mode === 'exercise' ? 'warn' : 'accent'} inverse />
      </Row>
      <Row width={s.cols}>
        <Span text={narrow ? ` ${utcDateTime(s.now).replace(' UTC', 'Z')} ` : ` ${utcDateTime(s.now)} `} />
        <Span text={`(${localTime(s.now, timeZone)}) `} tone="muted" />
        <Span text={` ${narrow && impact ? '' : 'impact '}${impactText} `} tone={ended ? 'ok' : 'warn'} />
        {rto && verdict ? (
          <Span text={narrow ? ` RTO ${verdict.text} ` : ` RTO ${formatDuration(rto.seconds * 1000)} (${rto.component}): ${verdict.text} `} tone={verdict.tone === 'unknown' ? 'muted' : verdict.tone} />
        ) : (
          <Span text=" no RTO target " tone="muted" />
        )}
        <Span text={` ${narrow ? due.replace('next update', 'update').replace('no further updates due (resolved)', 'no updates due') : due}`} tone={dueTone} />
      </Row>
    </Box>
  );
}
