// Updates sent, checked against the cadence: the first within N minutes of declaration, then every M minutes.
import type { IncidentState } from '../fold.js';
import type { CadenceCheck, CommsRow } from './model.js';
import { isoFromMs, ms } from './time.js';

export const DEFAULT_CADENCE = { firstUpdateMinutes: 5, cadenceMinutes: 30 };

export function declaredAt(s: IncidentState): string | null {
  return s.milestones.declared?.at ?? s.statusHistory.find((h) => h.status === 'declared')?.at ?? null;
}

/** When updates stop being owed: resolution, else now (an open incident owes them still). */
function updatesOwedUntil(s: IncidentState, now: number): number {
  const resolved = s.milestones.resolved?.at ?? s.statusHistory.find((h) => h.status === 'resolved' || h.status === 'closed')?.at;
  return ms(resolved) ?? now;
}

export function commsSection(s: IncidentState, now: number, cadence = DEFAULT_CADENCE): { sent: CommsRow[]; cadence: CadenceCheck } {
  const sent: CommsRow[] = s.commsSent
    .map((c) => ({ seq: c.seq, at: c.ts, by: c.actor, channel: c.channel, text: c.text, lateBySeconds: null as number | null }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.seq - b.seq);
  const from = declaredAt(s);
  const check: CadenceCheck = { ...cadence, from, late: [] };
  const start = ms(from);
  if (start === null) return { sent, cadence: check };
  let due = start + cadence.firstUpdateMinutes * 60_000;
  for (const c of sent) {
    const t = ms(c.at);
    if (t === null || t < start) continue;
    if (t > due) {
      c.lateBySeconds = Math.round((t - due) / 1000);
      check.late.push({ dueAt: isoFromMs(due), sentAt: c.at, lateBySeconds: c.lateBySeconds });
    }
    due = t + cadence.cadenceMinutes * 60_000;
  }
  const until = updatesOwedUntil(s, now);
  if (until > due) check.late.push({ dueAt: isoFromMs(due), sentAt: null, lateBySeconds: Math.round((until - due) / 1000) });
  return { sent, cadence: check };
}
