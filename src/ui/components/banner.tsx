// The banner that never scrolls away: who and what, severity, status, mode, clocks and countdowns.
import { Box } from 'ink';
import { formatDuration, formatOffset, rtoRemaining, simElapsed } from '../../core/index.js';
import { scenariosOf } from '../app/checklist.js';
import type { AppState, IncidentView } from '../app/state.js';
import { localTime, utcDateTime } from '../format.js';
import { nextUpdateLine } from '../panes/comms.js';
import { bannerSource } from '../panes/source.js';
import { rtoTarget } from '../scenario.js';
import { Row, Span } from './text.js';

const SEV_TONE = { SEV1: 'crit', SEV2: 'crit', SEV3: 'warn', SEV4: 'muted' } as const;

export function Banner({ s, v, timeZone }: { s: AppState; v: IncidentView; timeZone?: string }) {
  const inc = v.incident;
  const drill = s.drill?.incidentId === inc.id ? s.drill.session.clock : undefined;
  const drillText = drill ? ` ${drill.paused ? 'PAUSED' : `x${drill.speed}`} ${formatOffset(simElapsed(drill, s.now) / 1000)}` : '';
  const source = bannerSource(s, inc.params, inc.mode === 'exercise');
  const mode = inc.mode === 'exercise' ? `EXERCISE${drillText} ${source}` : source;
  const impactStart = Date.parse(inc.milestones['impact-started']?.at ?? inc.milestones.declared?.at ?? inc.openedAt);
  const ended = inc.milestones.resolved?.at ?? inc.milestones.mitigated?.at;
  const sinceImpact = (ended ? Date.parse(ended) : s.now) - impactStart;
  const rto = rtoTarget(scenariosOf(inc, s.catalog));
  const left = rto ? rtoRemaining(impactStart, rto.seconds, ended ? Date.parse(ended) : s.now) : undefined;
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
        <Span text={` ${narrow ? '' : 'impact '}${ended ? 'lasted ' : '+'}${formatDuration(sinceImpact)} `} tone={ended ? 'ok' : 'warn'} />
        {rto && left !== undefined ? (
          <Span text={narrow ? ` RTO ${rtoText(left, !!ended)} ` : ` RTO ${formatDuration(rto.seconds * 1000)} (${rto.component}): ${rtoText(left, !!ended)} `} tone={left < 0 ? 'crit' : left < 600_000 ? 'warn' : 'ok'} />
        ) : (
          <Span text=" no RTO target " tone="muted" />
        )}
        <Span text={` ${narrow ? due.replace('next update', 'update').replace('no further updates due (resolved)', 'no updates due') : due}`} tone={dueTone} />
      </Row>
    </Box>
  );
}

function rtoText(left: number, ended: boolean): string {
  if (ended) return left >= 0 ? `met, ${formatDuration(left)} to spare` : `missed by ${formatDuration(-left)}`;
  return left >= 0 ? `${formatDuration(left)} left` : `overrun ${formatDuration(-left)}`;
}
