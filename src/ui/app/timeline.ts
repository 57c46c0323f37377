// Timeline filtering for the pane: "kind:step actor:alice words" (every term must match).
import { describeEvent, type TimelineEvent } from '../../core/index.js';
import type { IncidentView } from './state.js';

export function parseFilter(filter: string): { kinds: string[]; actors: string[]; words: string[] } {
  const kinds: string[] = [];
  const actors: string[] = [];
  const words: string[] = [];
  for (const term of filter.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (term.startsWith('kind:')) kinds.push(term.slice(5));
    else if (term.startsWith('actor:')) actors.push(term.slice(6));
    else words.push(term);
  }
  return { kinds, actors, words };
}

export function filterEvents(all: readonly TimelineEvent[], filter: string, hidden?: ReadonlySet<number>): readonly TimelineEvent[] {
  const events = hidden?.size ? all.filter((e) => !hidden.has(e.seq)) : all;
  if (!filter.trim()) return events;
  const f = parseFilter(filter);
  return events.filter((e) => {
    if (f.kinds.length && !f.kinds.some((k) => e.kind.toLowerCase().startsWith(k))) return false;
    if (f.actors.length && !f.actors.some((a) => e.actor.toLowerCase().includes(a))) return false;
    if (f.words.length) {
      const text = describeEvent(e).toLowerCase();
      if (!f.words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

/** Whether one event passes the filter (the predicate a windowed timeline's scan uses). */
export const matchesFilter = (filter: string) => (e: TimelineEvent) => filterEvents([e], filter).length === 1;

/** The windowed timeline's progress while it scans for the filter ('' once done). */
export function scanProgress(v: IncidentView): string {
  if (!v.timeline || !v.filter) return '';
  const s = v.search?.filter === v.filter ? v.search : undefined;
  if (s?.done) return '';
  const total = v.timeline.count(v.offset);
  return `, scanning ${total ? Math.floor(((s?.scanned ?? 0) * 100) / total) : 0}%`;
}

/** How many events the timeline pane shows: the filter's matches, or every event. */
export function timelineLength(v: IncidentView): number {
  if (!v.timeline) return filterEvents(v.events, v.filter, v.hidden).length;
  if (!v.filter) return v.timeline.count(v.offset);
  return v.search?.filter === v.filter ? v.search.hits.length : 0;
}

/** Every event in the journal (the filter's denominator). */
export const timelineTotal = (v: IncidentView): number => (v.timeline ? v.timeline.count(v.offset) : v.events.length);

/** The shown events [start, end), read from the journal when the timeline is windowed. */
export function timelineSlice(v: IncidentView, start: number, end: number): readonly TimelineEvent[] {
  if (!v.timeline) return filterEvents(v.events, v.filter, v.hidden).slice(start, end);
  const src = v.timeline;
  const defined = (e: TimelineEvent | undefined): e is TimelineEvent => e !== undefined;
  if (!v.filter) return src.read(start, end).filter(defined);
  const hits = v.search?.filter === v.filter ? v.search.hits.slice(start, end) : [];
  return hits.map((i) => src.read(i, i + 1)[0]).filter(defined);
}
