// The banner that never scrolls away: who and what, severity, status, mode, clocks and countdowns.
// On a narrow terminal the title is cut and the least needed parts go first: the id, severity, status
// and elapsed time always stay.
import { Box } from 'ink';
import { formatDuration, formatOffset, rtoRemaining, sanitizeLine, simElapsed } from '../../core/index.js';
import { scenariosOf } from '../app/checklist.js';
import type { AppState, IncidentView } from '../app/state.js';
import { fitParts, localTime, utcDateTime, type Part } from '../format.js';
import type { Token } from '../theme.js';
import { nextUpdateLine } from '../panes/comms.js';
import { bannerSource } from '../panes/source.js';
import { rtoTarget } from '../scenario.js';
import { outboxBadge } from '../../comms/outbox-state.js';
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
  const line1: BannerPart[] = [
    { text: ` ${inc.id} `, keep: Infinity, tone: 'accent', inverse: true, bold: true },
    { text: ` ${sanitizeLine(inc.title)} `, keep: 1, shrink: true, bold: true },
    { text: ` ${inc.severity} `, keep: Infinity, tone: SEV_TONE[inc.severity], inverse: true, bold: true },
    { text: ` ${inc.status.toUpperCase()} `, keep: Infinity, tone: ['resolved', 'closed'].includes(inc.status) ? 'ok' : 'warn', bold: true },
    { text: ` ${mode} `, keep: 2, tone: inc.mode === 'exercise' ? 'warn' : 'accent', inverse: true },
  ];
  const line2: BannerPart[] = [
    { text: narrow ? ` ${utcDateTime(s.now).replace(' UTC', 'Z')} ` : ` ${utcDateTime(s.now)} `, keep: 2 },
    { text: `(${localTime(s.now, timeZone)}) `, keep: 1, tone: 'muted' },
    { text: ` ${narrow ? '' : 'impact '}${ended ? 'lasted ' : '+'}${formatDuration(sinceImpact)} `, keep: Infinity, tone: ended ? 'ok' : 'warn' },
    rto && left !== undefined
      ? {
          text: narrow ? ` RTO ${rtoText(left, !!ended)} ` : ` RTO ${formatDuration(rto.seconds * 1000)} (${rto.component}): ${rtoText(left, !!ended)} `,
          keep: 4,
          tone: left < 0 ? 'crit' : left < 600_000 ? 'warn' : 'ok',
        }
      : { text: ' no RTO target ', keep: 3, tone: 'muted' },
    { text: ` ${narrow ? due.replace('next update', 'update').replace('no further updates due (resolved)', 'no updates due') : due}`, keep: 3, tone: dueTone },
  ];
  const delivery = outboxBadge(v.events);
  if (delivery) line2.push({ text: ` ${delivery} `, keep: 2, tone: /failing|failed|uncertain/.test(delivery) ? 'crit' : 'warn', bold: true });
  return (
    <Box flexDirection="column" height={2} width={s.cols}>
      <BannerLine parts={line1} width={s.cols} />
      <BannerLine parts={line2} width={s.cols} />
    </Box>
  );
}

interface BannerPart extends Part {
  tone?: Token;
  inverse?: boolean;
  bold?: boolean;
}

function BannerLine({ parts, width }: { parts: BannerPart[]; width: number }) {
  return (
    <Row width={width}>
      {fitParts(parts, width).map((p, i) => (
        <Span key={i} text={p.text} {...(p.tone ? { tone: p.tone } : {})} {...(p.inverse ? { inverse: true } : {})} {...(p.bold ? { bold: true } : {})} />
      ))}
    </Row>
  );
}

function rtoText(left: number, ended: boolean): string {
  if (ended) return left >= 0 ? `met, ${formatDuration(left)} to spare` : `missed by ${formatDuration(-left)}`;
  return left >= 0 ? `${formatDuration(left)} left` : `overrun ${formatDuration(-left)}`;
}
