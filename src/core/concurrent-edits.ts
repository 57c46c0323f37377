// Conflicting concurrent edits of a shared incident: two responders who set the same thing (status,
// severity, a milestone, a step's outcome, a role) to different values without having seen each other's
// edit. The fold still applies its rule (the later in merged order wins); this names the conflict so the
// incident commander settles it with a new event, written after seeing both, which ends it.
import type { MergedEvent } from './merge-order.js';

export interface ConcurrentEdit {
  /** What was edited, e.g. "status", "milestone mitigated", "step db/promote". */
  target: string;
  /** The competing values in merged order, the one the fold applied last. */
  values: { value: string; actor: string; origin: string }[];
}

/** An edit is taken as unseen by another origin until this long after it was pushed (one console sync). */
export const SEEN_AFTER_PUSH_MS = 2_000;

function edit(e: MergedEvent): { target: string; value: string } | undefined {
  const d = e.data;
  switch (e.kind) {
    case 'status.changed':
      return { target: 'status', value: String(d.status) };
    case 'severity.changed':
      return { target: 'severity', value: String(d.severity) };
    case 'milestone.set':
      return { target: `milestone ${String(d.milestone)}`, value: String(d.at) };
    case 'role.assigned':
      return { target: `role ${String(d.role)}`, value: String(d.name) };
    case 'step.completed':
    case 'step.skipped':
    case 'step.failed':
      return { target: `step ${String(d.scenario)}/${String(d.step)}`, value: e.kind.slice(5) };
    default:
      return undefined;
  }
}

/** The targets whose last edit was made without seeing an earlier, different edit from another origin. */
export function concurrentEdits(events: readonly MergedEvent[]): ConcurrentEdit[] {
  const byTarget = new Map<string, { e: MergedEvent; value: string }[]>();
  for (const e of events) {
    const x = edit(e);
    if (!x || e.origin === undefined) continue;
    const list = byTarget.get(x.target) ?? [];
    list.push({ e, value: x.value });
    byTarget.set(x.target, list);
  }
  const out: ConcurrentEdit[] = [];
  for (const [target, list] of byTarget) {
    const last = list[list.length - 1]!;
    // Earlier edits from other origins, with another value, that last's writer could not have seen yet.
    const unseen = list.slice(0, -1).filter((x) => x.e.origin !== last.e.origin && x.value !== last.value && last.e.hlc < (x.e.pushedAt ?? Infinity) + SEEN_AFTER_PUSH_MS);
    if (unseen.length === 0) continue;
    out.push({ target, values: [...unseen, last].map((x) => ({ value: x.value, actor: x.e.actor, origin: x.e.origin })) });
  }
  return out.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}

export function describeConcurrentEdit(c: ConcurrentEdit): string {
  return `${c.target}: ${c.values.map((v) => `${v.value} (${v.actor})`).join(' vs ')}`;
}
