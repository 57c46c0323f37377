// Which events the report's sections before the timeline read, so that a report written while the journal
// streams keeps only those (the timeline sections take every event as it passes):
// - a note, decision or update matters to them only by its words (a draft's tags and cause words) or region;
// - of a step's events, the drafts read its first start, its last completion and every skip, failure and
//   verification (core/review/facts.ts stepEvents), so only the last completion is kept;
// - a metric snapshot is folded into its series (MetricFold) and an alarm change into a row; of the alarm
//   changes only those that open or close a span are kept as events (the drafts' spans and first alarm);
// - every other kind is kept; an exercise keeps everything (an inject's response is the next event by
//   anyone, of any kind, and the drill clock maps every event).
// The kept events drop their chain fields (prev, hash), which no section reads.
import type { TimelineEvent } from '../events.js';
import { CAUSE_WORDS, NOTE_TAGS } from '../review/drafts.js';
import { noteTag } from '../review/facts.js';
import { MetricFold } from './metrics.js';

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
  private readonly openAlarms = new Set<string>();
  private first = true;
  /** The metric series and alarm changes, for buildReport's `folded`. */
  readonly folded = new MetricFold();

  constructor(private readonly mode: string) {}

  push(e: TimelineEvent): void {
    const first = this.first;
    this.first = false;
    this.folded.push(e);
    const spanEdge = e.kind === 'alarm.changed' && this.opensOrCloses(e);
    if (!summaryNeeds(e, this.mode, first)) return;
    if (this.mode !== 'exercise' && !first && !(typeof e.data.region === 'string' && e.data.region)) {
      if (e.kind === 'metric.snapshot') return;
      if (e.kind === 'alarm.changed' && !spanEdge) return;
    }
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

  // As the drafts' alarm spans read them: to ALARM when not in ALARM, or out of it when in ALARM.
  private opensOrCloses(e: TimelineEvent): boolean {
    const alarm = String(e.data.alarm);
    const on = e.data.to === 'ALARM';
    if (on === this.openAlarms.has(alarm)) return false;
    if (on) this.openAlarms.add(alarm);
    else this.openAlarms.delete(alarm);
    return true;
  }
}
