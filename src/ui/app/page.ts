// One key to page the escalation level that is due, and the preview of a draft per channel. Both only ask
// the runner: the page is recorded (once, decided by the record under a lock) and delivered by the outbox.
import { toast } from './incident-commands.js';
import type { Effect } from './msg.js';
import type { AppState } from './state.js';
import { escalationsOf } from './tick.js';

type Result = [AppState, Effect[]];

export function pageCommand(s: AppState): Result {
  const v = s.incident;
  if (!v) return [s, []];
  // The earliest level that is due and not recorded yet: one key, one level.
  const due = escalationsOf(s, v).find((t) => t.due);
  if (!due) return [toast(s, 'no escalation level is due to page', 'muted'), []];
  return [toast(s, `paging ${due.level} (${due.who})...`), [{ type: 'page', id: v.id, level: due.level, who: due.who }]];
}

/** The runner's answer to a page, as a toast. */
export function pagedToast(s: AppState, level: string, r: { already: boolean; channels: string[]; exercise: boolean } | { error: string }): AppState {
  if ('error' in r) return toast(s, `${level} not paged: ${r.error}`, 'crit');
  if (r.already) return toast(s, `${level} was already paged (the record holds it); not paged again`, 'warn');
  if (r.channels.length === 0) return toast(s, `${level} recorded as escalated; ${r.exercise ? 'EXERCISE: no drill channel takes pages' : 'no channel takes pages'}`, 'warn');
  return toast(s, `${level} paged through ${r.channels.join(', ')} (delivering in the background)`, 'ok');
}

export function previewView(s: AppState, lines: readonly string[]): Result {
  return [{ ...s, modals: [...s.modals, { kind: 'view', title: 'What each channel will receive (nothing sent yet)', text: lines.join('\n'), scroll: 0 }] }, []];
}

/**
 * After a tick: a level the profile pages automatically that has come due is paged by this console, if it
 * is the one console that does so. The record decides: the page is made only while the record holds none
 * (under a lock, on this machine); on a shared incident only the console with the lowest origin id among
 * those present pages, so consoles on other machines do not page too (PagerDuty's dedup key ID/LEVEL
 * would fold a second trigger into the same incident should presence be stale).
 */
export function withAutoPage([s, effects]: Result): Result {
  const v = s.incident;
  const auto = s.config.autoPage;
  if (!v || !auto?.length || s.screen !== 'incident') return [s, effects];
  if (v.sync?.origin && v.sync.here.some((h) => h.origin !== undefined && h.origin < v.sync!.origin!)) return [s, effects];
  const asked = v.autoPaged ?? [];
  const due = escalationsOf(s, v).find((t) => t.due && auto.includes(t.level) && !asked.includes(t.level));
  if (!due) return [s, effects];
  return [
    toast({ ...s, incident: { ...v, autoPaged: [...asked, due.level] } }, `${due.level} is due: paging ${due.who} automatically...`, 'warn'),
    [...effects, { type: 'page', id: v.id, level: due.level, who: due.who }],
  ];
}
