// The banner's word on a shared incident: synced, pending, behind or offline (and why), who else is on
// it now, and conflicting concurrent edits for the incident commander to settle.
import type { ConcurrentEdit } from './concurrent-edits.js';
import { describeConcurrentEdit } from './concurrent-edits.js';

export interface SyncMark {
  lastOkAt?: number;
  offlineSince?: number;
  why?: string;
  /** The replica region the last sync went through (the primary region impaired). */
  via?: string;
  /** This machine's events not in the table yet. */
  pending: number;
  /** Events other origins have pushed (by their presence) that are not pulled here yet. */
  behind: number;
  /** Other responders whose console or sync reached the table lately. */
  here: { actor: string; seenAt: number; origin?: string }[];
  /** This machine's origin in the shared incident. */
  origin?: string;
  conflicts: ConcurrentEdit[];
  /** A problem sync will not settle on its own (a conflict in the table, a forked journal). */
  problem?: string;
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

export function syncMarkText(m: SyncMark, now: number): { text: string; tone: 'ok' | 'warn' | 'crit' } {
  const parts: string[] = [];
  let tone: 'ok' | 'warn' | 'crit' = 'ok';
  if (m.offlineSince !== undefined) {
    parts.push(`offline since ${hhmm(m.offlineSince)} UTC${m.why ? ` (${m.why.replace(/^\w*Error: /, '')})` : ''}`);
    tone = 'crit';
  } else if (m.lastOkAt !== undefined) {
    parts.push(`synced ${Math.max(0, Math.round((now - m.lastOkAt) / 1000))} s ago${m.via ? ` via replica ${m.via}` : ''}`);
    if (m.via) tone = 'warn';
  } else parts.push('not synced yet');
  if (m.pending > 0) parts.push(`${m.pending} pending`);
  if (m.behind > 0) parts.push(`${m.behind} behind`);
  if ((m.pending > 0 || m.behind > 0) && tone === 'ok') tone = 'warn';
  const text = [`sync: ${parts.join(', ')}`];
  if (m.here.length > 0) text.push(`here: ${[...new Set(m.here.map((h) => h.actor))].join(', ')}`);
  if (m.problem) {
    text.push(`PROBLEM ${m.problem}`);
    tone = 'crit';
  }
  if (m.conflicts.length > 0) {
    text.push(`CONFLICT ${m.conflicts.map(describeConcurrentEdit).join('; ')}: settle with a new event`);
    tone = 'crit';
  }
  return { text: text.join(' | '), tone };
}
