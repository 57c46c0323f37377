// Timeline exports: text for people (UTC with the date, and local time), JSONL/JSON/CSV/Markdown for tools.
import { describeEvent, sanitizeLine, type TimelineEvent } from '../core/index.js';

export const TIMELINE_FORMATS = ['text', 'jsonl', 'json', 'csv', 'md'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

export interface TimelineFilter {
  since?: number;
  until?: number;
  kinds?: readonly string[];
  actors?: readonly string[];
}

export function filterTimeline(events: readonly TimelineEvent[], f: TimelineFilter): TimelineEvent[] {
  return events.filter((e) => {
    const t = Date.parse(e.ts);
    if (f.since !== undefined && t < f.since) return false;
    if (f.until !== undefined && t > f.until) return false;
    if (f.kinds && f.kinds.length > 0 && !f.kinds.some((k) => e.kind === k || e.kind.startsWith(`${k}.`))) return false;
    if (f.actors && f.actors.length > 0 && !f.actors.includes(e.actor)) return false;
    return true;
  });
}

/** "2026-11-21 09:30:05.123Z" */
export const utcStamp = (iso: string) => iso.replace('T', ' ');

/** Local wall-clock time for a UTC instant, in the given IANA zone (the machine's by default). */
export function localTime(iso: string, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZoneName: 'short' };
  if (timeZone) opts.timeZone = timeZone;
  return new Intl.DateTimeFormat('en-GB', opts).format(new Date(iso));
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function renderTimeline(events: readonly TimelineEvent[], format: TimelineFormat, timeZone?: string): string {
  switch (format) {
    case 'jsonl':
      return events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '');
    case 'json':
      return JSON.stringify(events, null, 2) + '\n';
    case 'csv':
      return (
        ['seq,ts,actor,kind,text', ...events.map((e) => [String(e.seq), e.ts, e.actor, e.kind, describeEvent(e)].map(csvCell).join(','))].join('\n') + '\n'
      );
    case 'md':
      return (
        ['| seq | time (UTC) | actor | kind | what |', '| ---: | --- | --- | --- | --- |', ...events.map((e) =>
          `| ${e.seq} | ${utcStamp(e.ts)} | ${mdCell(e.actor)} | ${e.kind} | ${mdCell(describeEvent(e))} |`)].join('\n') + '\n'
      );
    case 'text':
      return events
        .map((e) => `${String(e.seq).padStart(5)}  ${utcStamp(e.ts)} (${localTime(e.ts, timeZone)})  ${sanitizeLine(e.actor)}  ${e.kind}  ${sanitizeLine(describeEvent(e))}`)
        .join('\n') + (events.length ? '\n' : '');
  }
}

const mdCell = (v: string) => sanitizeLine(v).replace(/\|/g, '\\|');
