// Text too long for its row, opened whole in the viewer: the command `y` copies, the timeline event
// Enter opens (with every amendment made to it).
import { describeEvent, sanitize, type TimelineEvent } from '../../core/index.js';
import { toast } from './incident-commands.js';
import type { Effect } from './msg.js';
import type { AppState, IncidentView } from './state.js';
import { timelineLength, timelineSlice } from './timeline.js';

type Result = [AppState, Effect[]];

const openView = (s: AppState, title: string, text: string): AppState => ({ ...s, modals: [...s.modals, { kind: 'view', title, text, scroll: 0 }] });

/** The text as the viewer draws it; the clipboard gets exactly this. */
export const shownText = (text: string): string => sanitize(text).replace(/\t/g, ' ');

/** Copies a step's command and opens it whole, so what was copied can be read before it is pasted. */
export function copyCommand(s: AppState, v: IncidentView, step: string, command: string): Result {
  const text = shownText(command);
  const next = openView({ ...s, incident: { ...v, copied: text } }, `Command of ${step} (copied with OSC 52)`, text);
  return [toast(next, 'copied (OSC 52); the whole command is shown, Esc closes', 'ok'), [{ type: 'copy', text }]];
}

/** The timeline event the pane highlights: the newest one in view (the pane scrolls it with k/j). */
export function selectedEvent(v: IncidentView): TimelineEvent | undefined {
  const at = timelineLength(v) - 1 - v.cursor.timeline;
  return at < 0 ? undefined : timelineSlice(v, at, at + 1)[0];
}

/** Everything about one event: when, who, what, its data, and the amendments made to it since. */
export function eventText(v: IncidentView, e: TimelineEvent): string {
  const lines = [`#${e.seq}  ${e.ts}  ${e.actor}  ${e.kind}`, '', describeEvent(e)];
  if (e.kind !== 'note' && e.kind !== 'decision') lines.push('', JSON.stringify(e.data, null, 2));
  const amendments = v.incident.amendments[e.seq] ?? [];
  lines.push('', amendments.length ? `Amendments (${amendments.length}):` : 'No amendments.');
  for (const a of amendments) lines.push(`#${a.seq}  ${a.ts}  ${a.actor}: ${a.text}`);
  return shownText(lines.join('\n'));
}

export function eventDetail(s: AppState, v: IncidentView): Result {
  const e = selectedEvent(v);
  if (!e) return [toast(s, 'no event to open', 'warn'), []];
  return [openView(s, `Event #${e.seq} (${e.kind})`, eventText(v, e)), []];
}
