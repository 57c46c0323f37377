// Which events the report's sections before the timeline read, so that a report written while the journal
// streams keeps only those (the timeline sections take every event as it passes):
// - a note, decision or update matters to them only by its words (a draft's tags and cause words) or region;
// - of a step's events, the drafts read its first start, its last completion and every skip, failure and
//   verification (core/review/facts.ts stepEvents), so only the last completion is kept;
// - every other kind is kept; an exercise keeps everything (an inject's response is the next event by
//   anyone, of any kind, and the drill clock maps every event).
// The kept events drop their chain fields (prev, hash), which no section reads.
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

/** Collects, in seq order, what `summaryNeeds` keeps, with steps' starts and completions thinned as above. */
export class SummaryEvents {
  private readonly kept: TimelineEvent[] = [];
  private readonly started = new Set<string>();
  private readonly lastCompleted = new Map<string, TimelineEvent>();
  private first = true;

  constructor(private readonly mode: string) {}

  push(e: TimelineEvent): void {
    const first = this.first;
    this.first = false;
    if (!summaryNeeds(e, this.mode, first)) return;
    const slim = { seq: e.seq, ts: e.ts, actor: e.actor, kind: e.kind, data: e.data } as TimelineEvent;
    if (this.mode !== 'exercise' && !first && (e.kind === 'step.started' || e.kind === 'step.completed') && !(typeof e.data.region === 'string' && e.data.region)) {
      const key = `${String(e.data.scenario)}/${String(e.data.step)}`;
      if (e.kind === 'step.completed') this.lastCompleted.set(key, slim);
      else if (!this.started.has(key)) {
        this.started.add(key);
        this.kept.push(slim);
      }
      return;
    }
    this.kept.push(slim);
  }

  events(): TimelineEvent[] {
    if (this.lastCompleted.size === 0) return this.kept;
    return [...this.kept, ...this.lastCompleted.values()].sort((a, b) => a.seq - b.seq);
  }
}
