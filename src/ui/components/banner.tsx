// The banner that never scrolls away: who and what, severity, status, mode, clocks and countdowns.
// On a narrow terminal the title is cut and the least needed parts go first: the id, severity, status
// and elapsed time always stay.
import { Box } from 'ink';
import { formatDuration, formatOffset, rtoVerdict, sanitizeLine, simElapsed, syncMarkText } from '../../core/index.js';
import { scenariosOf } from '../app/checklist.js';
import type { AppState, IncidentView } from '../app/state.js';
import { fitParts, localTime, utcDateTime, type Part } from '../format.js';
import type { Token } from '../theme.js';
import { nextUpdateLine } from '../panes/comms.js';
import { bannerSource } from '../panes/source.js';
import { onIncidentClock } from '../app/tick.js';
import { rtoTarget } from '../scenario.js';
import { outboxBadge } from '../../comms/outbox-state.js';
import { Row, Span } from './text.js';

const SEV_TONE = { SEV1: 'crit', SEV2: 'crit', SEV3: 'warn', SEV4: 'muted' } as const;

export function Banner({ s, v, timeZone }: { s: AppState; v: IncidentView; timeZone?: string }) {
  const inc = v.incident;
  // A drill's clock comes from the record, so every console shows the same; it is the drill's elapsed time.
  const drill = s.drill?.incidentId === inc.id ? s.drill : undefined;
  const drillText = drill ? ` ${drillClockText(drill, s.now)}` : '';
  const source = bannerSource(s, inc.params, inc.mode === 'exercise');
  // Durations run on the incident's own clock: exercise time in a drill.
  // Below 120 columns everything must still fit on the two lines, so the wording gets shorter.
  const narrow = s.cols < 120;
  const timed = onIncidentClock(v, s.now);
  const ms = timed.state.milestones;
  const impact = ms['impact-started']?.at;
  const ended = ms.mitigated?.at ?? ms.resolved?.at;
  // Without an impact start the elapsed time is counted from the declaration (or, in triage, from when the
  // incident was opened), and says which.
  const since = ms.declared ? 'declared' : 'opened';
  const from = Date.parse(ms.declared?.at ?? inc.openedAt);
  const elapsed = `+${formatDuration((ended ? Date.parse(ended) : timed.now) - from)}`;
  const impactText = impact
    ? `${ended ? 'lasted ' : '+'}${formatDuration((ended ? Date.parse(ended) : timed.now) - Date.parse(impact))}`
    : narrow
      ? `${elapsed} ${since}`
      : `start unknown, ${elapsed} since ${since}`;
  const rto = rtoTarget(scenariosOf(inc, s.catalog));
  const verdict = rto ? rtoVerdict(ms, rto.seconds, timed.now) : undefined;
  const [due, dueTone] = nextUpdateLine(s, v);
  const line1: BannerPart[] = [
    { text: ` ${inc.id} `, keep: Infinity, tone: 'accent', inverse: true, bold: true },
    { text: ` ${sanitizeLine(inc.title)} `, keep: 1, shrink: true, bold: true },
    { text: ` ${inc.severity} `, keep: Infinity, tone: SEV_TONE[inc.severity], inverse: true, bold: true },
    { text: ` ${inc.status.toUpperCase()} `, keep: Infinity, tone: ['resolved', 'closed'].includes(inc.status) ? 'ok' : 'warn', bold: true },
    // EXERCISE and the drill clock never go: a narrow terminal drops the AWS source first.
    ...(inc.mode === 'exercise' ? [{ text: ` EXERCISE${drillText} `, keep: Infinity, tone: 'warn', inverse: true } as BannerPart] : []),
    { text: inc.mode === 'exercise' ? `${source} ` : ` ${source} `, keep: 2, tone: inc.mode === 'exercise' ? 'warn' : 'accent', inverse: true },
  ];
  if (v.sync) {
    const mark = syncMarkText(v.sync, s.now);
    line1.push({ text: ` ${mark.text} `, keep: 3, shrink: true, tone: mark.tone, bold: mark.tone === 'crit' });
  }
  const line2: BannerPart[] = [
    { text: narrow ? ` ${utcDateTime(s.now).replace(' UTC', 'Z')} ` : ` ${utcDateTime(s.now)} `, keep: 2 },
    { text: `(${localTime(s.now, timeZone)}) `, keep: 1, tone: 'muted' },
    // In a drill T+ on the first line is the elapsed time: a second clock here would disagree with it.
    ...(drill ? [] : [{ text: ` ${narrow && impact ? '' : 'impact '}${impactText} `, keep: Infinity, tone: ended ? 'ok' : 'warn' } as BannerPart]),
    rto && verdict
      ? {
          text: narrow ? ` RTO ${verdict.text} ` : ` RTO ${formatDuration(rto.seconds * 1000)} (${rto.component}): ${verdict.text} `,
          keep: 4,
          tone: verdict.tone === 'unknown' ? 'muted' : verdict.tone,
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

/** PAUSED, ENDED or the speed, then T+ on the drill's clock. */
export function drillClockText(d: NonNullable<AppState['drill']>, now: number): string {
  const clock = d.session.clock;
  return `${d.ended ? 'ENDED' : clock.paused ? 'PAUSED' : `x${clock.speed}`} ${formatOffset(simElapsed(clock, now) / 1000)}`;
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
