// When the console opens: an action whose wait was cut short by the console closing is reported, once, on the
// incident's timeline and on screen, so a step is never left looking in progress with nobody checking it.
import { interruptedWaits, sanitizeLine, WAIT_INTERRUPTED, type NewEvent, type TimelineEvent } from '../core/index.js';
import type { IncidentStore } from '../store/incident-store.js';
import { eventsOfKinds } from '../store/timeline-window.js';

const DONE = new Set(['resolved', 'closed']);

/** Appends one `aws.read` per interrupted wait of every incident still open; returns a line for each. */
export async function reportInterruptedWaits(store: Pick<IncidentStore, 'list' | 'journalPath' | 'append'>, actor: string): Promise<string[]> {
  const lines: string[] = [];
  for (const summary of await store.list()) {
    if (summary.problem || DONE.has(summary.status)) continue;
    const waits = interruptedWaits(waitEvents(store.journalPath(summary.id)));
    if (waits.length === 0) continue;
    const events: NewEvent[] = waits.map((w) => {
      const verify = w.step ? `verify it with v on the step, or warroom step ${summary.id} ${w.step} verify` : 'check its effect by hand';
      const line = sanitizeLine(`the wait after ${w.what}${w.step ? ` (step ${w.step})` : ''} was interrupted when the console closed; it is not proved: ${verify}`);
      lines.push(`${summary.id}: ${line}`);
      return { kind: 'aws.read', data: { service: 'warroom', operation: 'wait', summary: line, values: { check: WAIT_INTERRUPTED, actionId: w.actionId, ...(w.scenario ? { scenario: w.scenario } : {}), ...(w.step ? { step: w.step } : {}), startedAt: w.at } } };
    });
    await store.append(summary.id, events, actor);
  }
  return lines;
}

/**
 * The events interruptedWaits reads (AWS calls and step verifications), picked by kind without parsing the
 * rest: a long journal of notes costs a scan for newlines, not a parse and hash of every line.
 */
const waitEvents = (path: string): TimelineEvent[] => eventsOfKinds(path, (kind) => kind.startsWith('aws.') || kind === 'step.verified');
