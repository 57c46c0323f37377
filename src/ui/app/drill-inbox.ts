// The injects this console sees, each in the shape of its channel: a mock email, a news item, a page or a
// plain message. Who sees what is decided in core (drill-audience.ts); this is only how it reads.
import { formatOffset, hiddenFrom, injectsFor, type DrillViewer, type InjectDelivery, type TimelineEvent } from '../../core/index.js';
import type { AppState, IncidentView } from './state.js';

export const viewerOf = (s: AppState, v: IncidentView): DrillViewer => ({ actor: s.config.actor, role: s.drill?.incidentId === v.id ? s.drill.role : undefined, incidentRoles: v.incident.roles });

/** The fired injects this console sees, oldest first. */
export const inboxOf = (s: AppState, v: IncidentView): InjectDelivery[] => injectsFor(v.events, viewerOf(s, v));

/** A player's or observer's console announces what just arrived for it, as its channel reads ("PAGE from ..."). */
export function withArrivals(s: AppState, before: readonly string[]): AppState {
  const v = s.incident;
  const role = s.drill?.role;
  if (!v || !s.drill || role === 'controller' || role === 'evaluator') return s;
  const fresh = inboxOf(s, v).filter((d) => !before.includes(d.inject));
  const last = fresh.at(-1);
  return last ? { ...s, toast: { text: injectHeadline(last), tone: last.channel?.kind === 'pager' ? 'crit' : 'warn', at: s.now } } : s;
}

/** The timeline events this console must not show (same content as a set, same object). */
export function hiddenSeqs(events: readonly TimelineEvent[], viewer: DrillViewer, script: ReadonlyMap<string, readonly string[]>, previous?: ReadonlySet<number>): ReadonlySet<number> {
  const next = hiddenFrom(events, viewer, script);
  return previous && previous.size === next.size && [...next].every((x) => previous.has(x)) ? previous : next;
}

const subjectOf = (d: InjectDelivery) => d.channel?.subject ?? d.title ?? firstSentence(d.text);
const firstSentence = (t: string) => (/^(.{1,80}?[.!?])(\s|$)/.exec(t)?.[1] ?? t.slice(0, 80));
const when = (d: InjectDelivery) => (d.firedAtSeconds !== undefined ? formatOffset(d.firedAtSeconds) : '');

/** One line for the comms pane: what arrived, as its channel shows it. */
export function injectHeadline(d: InjectDelivery): string {
  switch (d.channel?.kind) {
    case 'email':
      return `EMAIL from ${d.channel.from ?? 'exercise control'}: ${subjectOf(d)}`;
    case 'media':
      return `NEWS ${d.channel.from ?? 'media'}: ${subjectOf(d)}`;
    case 'pager':
      return `PAGE from ${d.channel.from ?? 'the pager'}: ${subjectOf(d)}`;
    case undefined:
      return `inject ${d.title ?? d.inject}: ${d.text}`;
  }
}

/** The inject whole, for the `i` view; `seesScript` for the controller and evaluators. */
export function injectCard(d: InjectDelivery, seesScript = true): string[] {
  const c = d.channel;
  // Early, jumped or added say how an inject stands to the script: only for those who read the script.
  const how = seesScript ? `${d.how && d.how !== 'scheduled' ? `, ${d.how}` : ''}${d.added ? ', added during the exercise' : ''}` : '';
  const ref = `${d.inject}${how} [#${d.seq}]`;
  switch (c?.kind) {
    case 'email':
      return ['---- EMAIL ----', `From:    ${c.from ?? 'exercise control'}`, `To:      ${d.audience.length ? d.audience.join(', ') : 'everyone'}`, `Subject: ${subjectOf(d)}`, `Date:    ${when(d)}  (${ref})`, '', d.text];
    case 'media':
      return [`---- NEWS: ${c.from ?? 'media'} ----`, subjectOf(d).toUpperCase(), `${when(d)}  (${ref})`, '', d.text];
    case 'pager':
      return [`---- PAGE from ${c.from ?? 'the pager'} ----`, `${when(d)}  ${subjectOf(d)}  (${ref})`, d.text];
    case undefined:
      return [`${when(d)} ${d.title ? `${d.title} (${ref})` : ref}`, d.text];
  }
}
