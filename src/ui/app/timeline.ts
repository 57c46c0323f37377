// Timeline filtering for the pane: "kind:step actor:alice words" (every term must match).
import { describeEvent, type TimelineEvent } from '../../core/index.js';

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
