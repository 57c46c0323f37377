// What a console with a windowed timeline keeps in memory besides the folded state: the panes other than the
// timeline read the events they need from here (comms delivery, drill record, AWS reads before an action,
// escalations fired, review drafts), so it holds every event except the bulk kinds, whose facts the fold
// keeps (steps, decisions) or whose newest ones are enough (notes, alarm changes, metric snapshots: the
// newest per metric, which tells what evidence is already recorded), and the most recent events of any kind.
import type { TimelineEvent } from '../../core/index.js';

export const BULK_KINDS: ReadonlySet<string> = new Set(['note', 'decision', 'alarm.changed', 'metric.snapshot', 'step.started', 'step.completed']);

/** The most recent events of any kind kept (an incident no longer than this keeps every event). */
export const RECENT_EVENTS = 5_000;

/** Builds the retained events of a journal read line by line (line numbers increasing). */
export class Retainer {
  private readonly kept = new Map<number, TimelineEvent>();
  private readonly snapshotLine = new Map<string, number>();

  /** Whether a line of this kind is kept whatever its age (metric snapshots are handed over too). */
  wants = (kind: string): boolean => !BULK_KINDS.has(kind) || kind === 'metric.snapshot';

  /** `recent` events are kept as they are; older metric snapshots only the newest per metric. */
  add(line: number, e: TimelineEvent, recent = false): void {
    if (e.kind === 'metric.snapshot' && !recent) {
      const metric = String(e.data.metric);
      const before = this.snapshotLine.get(metric);
      if (before !== undefined) this.kept.delete(before);
      this.snapshotLine.set(metric, line);
    }
    this.kept.set(line, e);
  }

  /** The kept events in journal order. */
  events(): TimelineEvent[] {
    return [...this.kept.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  }
}

/** The retained events after `fresh` arrived: bulk kinds older than the most recent ones are let go. */
export function retainedAfter(events: readonly TimelineEvent[], fresh: readonly TimelineEvent[]): TimelineEvent[] {
  const all = [...events, ...fresh];
  if (all.length <= 2 * RECENT_EVENTS) return all;
  const r = new Retainer();
  const recentFrom = all.length - RECENT_EVENTS;
  all.forEach((e, i) => {
    if (i >= recentFrom) r.add(i, e, true);
    else if (r.wants(e.kind)) r.add(i, e);
  });
  return r.events();
}
