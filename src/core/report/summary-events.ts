// Which events the report's sections before the timeline read, so that a report written while the journal
// streams keeps only those (the timeline sections take every event as it passes). A note, decision or update
// matters to them only by its words (a draft's tags and cause words) or its region; every other kind is kept.
// An exercise keeps everything: an inject's response is the next event by anyone, of any kind.
import type { TimelineEvent } from '../events.js';
import { CAUSE_WORDS, NOTE_TAGS } from '../review/drafts.js';
import { noteTag } from '../review/facts.js';

const TAGS: ReadonlySet<string> = new Set(Object.values(NOTE_TAGS).flat());
const WORDS_ONLY = new Set(['note', 'decision', 'comms.sent']);

export function summaryNeeds(e: TimelineEvent, mode: string, first: boolean): boolean {
  if (first || mode === 'exercise' || !WORDS_ONLY.has(e.kind)) return true;
  if (typeof e.data.region === 'string' && e.data.region) return true;
  if (e.kind === 'comms.sent') return false;
  const text = e.data.text;
  if (typeof text !== 'string') return false;
  const tag = noteTag(text.trim());
  return (tag !== undefined && TAGS.has(tag)) || CAUSE_WORDS.test(text);
}
