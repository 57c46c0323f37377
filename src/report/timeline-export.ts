// Timeline exports: text for people (UTC with the date, and local time), JSONL/JSON/CSV/Markdown for tools.
// Every format carries the UTC time, the actor, the kind and the one-line text of each event.
import { mdText } from './format.js';
import { describeEvent, EVENT_KINDS, parseIsoTime, sanitize, sanitizeLine, usageError, type TimelineEvent } from '../core/index.js';

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
    const t = eventMs(e.ts) ?? Number.NaN; // an event with a bad ts is outside every time bound
    if (f.since !== undefined && t < f.since) return false;
    if (f.until !== undefined && t > f.until) return false;
    if (f.kinds && f.kinds.length > 0 && !f.kinds.some((k) => e.kind === k || e.kind.startsWith(`${k}.`))) return false;
    if (f.actors && f.actors.length > 0 && !f.actors.includes(e.actor)) return false;
    return true;
  });
}

/** The instant of a journal's ts, read strictly (a ts that is not an ISO time is bad, not rolled over). */
export function eventMs(ts: unknown): number | undefined {
  if (typeof ts !== 'string') return undefined;
  const t = parseIsoTime(ts);
  return t.ok ? t.ms : undefined;
}

/** The instant in UTC ISO form, whatever offset it was written with; a ts that is not a time is shown as bad. */
export function utcIso(iso: string): string {
  const t = eventMs(iso);
  return t === undefined ? `bad ts ${JSON.stringify(sanitizeLine(typeof iso === 'string' ? iso : JSON.stringify(iso)))}` : new Date(t).toISOString();
}

/** "2026-11-21 09:30:05.123Z" */
export const utcStamp = (iso: string) => utcIso(iso).replace('T', ' ');

/** Local wall-clock time for a UTC instant, in the given IANA zone (the machine's by default). */
export function localTime(iso: string, timeZone?: string): string {
  const t = eventMs(iso);
  return t === undefined ? utcIso(iso) : localFormatter(timeZone).format(t);
}

function localFormatter(timeZone?: string): Intl.DateTimeFormat {
  const opts: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat('en-GB', timeZone ? { ...opts, timeZone } : opts);
  } catch {
    // An unknown TZ name must not cost the export: fall back to the machine's zone.
    return new Intl.DateTimeFormat('en-GB', opts);
  }
}

/** Checks --kind values: a known kind, a prefix of known kinds ("step"), or a kind present in this journal. */
export function checkKinds(kinds: readonly string[], events: readonly TimelineEvent[]): void {
  const present = new Set<string>([...EVENT_KINDS, ...events.map((e) => e.kind)]);
  for (const k of kinds) {
    if (present.has(k) || [...present].some((p) => p.startsWith(`${k}.`))) continue;
    const prefixes = [...new Set(EVENT_KINDS.map((p) => p.split('.')[0]!))].join(', ');
    throw usageError(`unknown event kind "${k}": use a kind such as step.completed or a prefix (${prefixes})`);
  }
}

// Spreadsheets run a cell starting with = + - @ (or tab/CR) as a formula; a leading ' keeps it text.
// A multi-line note stays multi-line: RFC 4180 quoting carries the line breaks.
export const csvCell = (raw: string) => {
  const v = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** The event as data, with its one-line text alongside (the journal's fields are kept as they are). */
const withText = (e: TimelineEvent) => ({ ...e, text: describeEvent(e) });

export function renderTimeline(events: readonly TimelineEvent[], format: TimelineFormat, timeZone?: string): string {
  switch (format) {
    case 'jsonl':
      return events.map((e) => JSON.stringify(withText(e))).join('\n') + (events.length ? '\n' : '');
    case 'json':
      return JSON.stringify(events.map(withText), null, 2) + '\n';
    case 'csv':
      return (
        ['seq,ts,actor,kind,text', ...events.map((e) => [String(e.seq), utcIso(e.ts), sanitizeLine(e.actor), sanitizeLine(e.kind), sanitize(describeEvent(e)).replace(/\t/g, ' ')].map(csvCell).join(','))].join('\n') + '\n'
      );
    case 'md':
      return (
        ['| seq | time (UTC) | actor | kind | what |', '| ---: | --- | --- | --- | --- |', ...events.map((e) =>
          `| ${e.seq} | ${utcStamp(e.ts)} | ${mdCell(e.actor)} | ${mdCell(e.kind)} | ${mdCell(describeEvent(e))} |`)].join('\n') + '\n'
      );
    case 'text': {
      const local = localFormatter(timeZone);
      return events
        .map((e) => `${String(e.seq).padStart(5)}  ${utcStamp(e.ts)}${eventMs(e.ts) === undefined ? '' : ` (${local.format(eventMs(e.ts))})`}  ${sanitizeLine(e.actor)}  ${sanitizeLine(e.kind)}  ${sanitizeLine(describeEvent(e))}`)
        .join('\n') + (events.length ? '\n' : '');
    }
  }
}

// Markdown passes HTML through, so event text that could open a tag or an entity is escaped, and kept on one line.
const mdCell = (v: string) => mdText(sanitizeLine(v)).replace(/\|/g, '\\|');
