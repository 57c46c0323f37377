// Communications and escalation: the countdown to the next status update, the last one sent, and the
// escalation timers from the scenario's plan.
import { Box } from 'ink';
import { formatDuration, formatOffset, isResolved, nothingLeft, simElapsed, unfired } from '../../core/index.js';
import { drillRecord } from '../app/drill.js';
import { scenariosOf } from '../app/checklist.js';
import { updateDueIn } from '../app/incident-commands.js';
import { inboxOf, injectHeadline } from '../app/drill-inbox.js';
import type { AppState, IncidentView } from '../app/state.js';
import { escalationDueLabel, escalationStopped, escalationsOf } from '../app/tick.js';
import { questionLine } from '../app/drill-debrief.js';
import { Line, PaneTitle } from '../components/text.js';
import { utcTime } from '../format.js';
import type { Token } from '../theme.js';

export function nextUpdateLine(s: AppState, v: IncidentView): [string, Token] {
  const [first] = scenariosOf(v.incident, s.catalog);
  if (isResolved(v.incident)) return ['no further updates due (resolved)', 'muted'];
  const plan = first?.comms ?? { first_update_minutes: 5, cadence_minutes: 30 };
  const left = updateDueIn(v, plan, s.now);
  return left >= 0 ? [`next update in ${formatDuration(left)}`, left < 60_000 ? 'warn' : 'ok'] : [`update OVERDUE by ${formatDuration(-left)}`, 'crit'];
}

export function CommsPane({ s, v, width, height, focused }: { s: AppState; v: IncidentView; width: number; height: number; focused: boolean }) {
  const [first] = scenariosOf(v.incident, s.catalog);
  const [due, dueTone] = nextUpdateLine(s, v);
  const last = v.incident.commsSent.at(-1);
  const lines: [string, Token][] = [
    [due, dueTone],
    [first ? `cadence: first within ${first.comms.first_update_minutes} min, then every ${first.comms.cadence_minutes} min` : 'no scenario: default cadence 5 / 30 min', 'muted'],
    [last ? `last sent ${utcTime(Date.parse(last.ts))} UTC by ${last.actor}: ${last.text}` : 'no update sent yet', last ? 'text' : 'warn'],
    ['c drafts the next update', 'muted'],
  ];
  lines.unshift(...drillLines(s, v));
  lines.push(...escalationLines(s, v));
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <PaneTitle title="Comms" focused={focused} extra={`${v.incident.commsSent.length} sent`} />
      {lines.slice(0, Math.max(0, height - 1)).map(([text, tone], i) => (
        <Line key={i} text={text} tone={tone} width={width} />
      ))}
    </Box>
  );
}

/** The escalation timers; in a drill each is due on the drill clock (T+), as the countdown is. */
export function escalationLines(s: AppState, v: IncidentView): [string, Token][] {
  const timers = escalationsOf(s, v);
  if (!timers.length) return [];
  const stopped = escalationStopped(v);
  const dueLabel = escalationDueLabel(v);
  const lines: [string, Token][] = [['escalation', 'accent']];
  for (const t of timers) {
    const state = t.fired ? 'fired' : stopped ? 'stopped (mitigated)' : t.remainingMs > 0 ? `in ${formatDuration(t.remainingMs)}` : 'due';
    lines.push([` ${t.level} ${state} (${dueLabel(t.dueAt)}): ${t.who}`, t.fired ? 'crit' : t.remainingMs < 5 * 60_000 ? 'warn' : 'text']);
  }
  return lines;
}

/**
 * The drill in this console. The controller sees what comes next and the facilitator's lines; players,
 * evaluators and observers see only what has fired, and never the facilitator's content.
 */
export function drillLines(s: AppState, v: IncidentView): [string, Token][] {
  const d = s.drill;
  if (!d || d.incidentId !== v.id) return [];
  const clock = d.session.clock;
  const state = d.ended ? 'ENDED' : clock.paused ? 'PAUSED' : `x${clock.speed}`;
  // Players and observers count what reached them: the size of the script is the facilitator's to know.
  const seesScript = d.role === 'controller' || d.role === 'evaluator';
  const received = seesScript ? 0 : inboxOf(s, v).length;
  const count = seesScript ? `${d.session.fired.length}/${d.session.schedule.length} injects fired` : `${received} inject${received === 1 ? '' : 's'} received`;
  const lines: [string, Token][] = [[`drill ${state} at ${formatOffset(simElapsed(clock, s.now) / 1000)}; ${count}; you are ${d.role}`, clock.paused || d.ended ? 'warn' : 'accent']];
  const question = questionLine(s, v);
  if (question) lines.push([question, 'accent']);
  if (d.role !== 'controller') {
    // The latest inject aimed at this console, as its channel shows it (an email, a page, a news item).
    const latest = inboxOf(s, v).at(-1);
    if (latest) lines.push([injectHeadline(latest), 'text']);
    if (latest?.channel) lines.push([`  ${latest.text}`, 'text']);
    lines.push([`i reads the injects whole${d.role === 'evaluator' ? '  M marks an expectation' : ''}`, 'muted']);
    return lines;
  }
  // A skipped inject is not next: it never fires.
  const record = drillRecord(v.events);
  const next = unfired(record, d.session.schedule)[0];
  lines.push([next ? `next ${formatOffset(next.atSeconds)} [${next.kind}] ${next.text}` : nothingLeft(record).replace(/^drill: /, ''), 'text']);
  if (d.lastFired) lines.push([`facilitator (${d.lastFired.id}): ${d.lastFired.facilitator}`, 'warn']);
  if (next) lines.push([`facilitator next: ${next.facilitator}`, 'muted']);
  lines.push(['P pause/resume  + - speed  J jump to next  F fire next now  K fire/skip one  O write one  H hand over  X end  i injects', 'muted']);
  return lines;
}
