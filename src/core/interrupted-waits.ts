// An action's lifecycle ends with the state read after its wait. One that succeeded and has no such read was
// cut short (the console or the command closed while the wait ran): the step is not proved, and nobody may
// remember that. Found from the timeline alone, so the console can report it when it opens again.
import type { TimelineEvent } from './events.js';

export interface InterruptedWait {
  actionId: string;
  scenario?: string;
  step?: string;
  /** "rds PromoteReadReplica on orders-replica". */
  what: string;
  /** When the action succeeded (the wait started). */
  at: string;
}

type Ev = Pick<TimelineEvent, 'kind' | 'ts' | 'data'>;
const rec = (e: Ev) => e.data as Record<string, unknown>;
const values = (e: Ev) => (rec(e).values ?? {}) as Record<string, unknown>;

/** The marker a report of an interrupted wait carries, so it is reported once. */
export const WAIT_INTERRUPTED = 'wait-interrupted';

/**
 * Actions that succeeded but whose lifecycle never reached its state read "after": not verified since (no
 * step.verified or could-not-check for the step after it) and not reported as interrupted already.
 */
export function interruptedWaits(events: readonly Ev[]): InterruptedWait[] {
  const requested = new Map<string, Record<string, unknown>>();
  const open = new Map<string, InterruptedWait>();
  for (const e of events) {
    const d = rec(e);
    const id = typeof d.actionId === 'string' ? d.actionId : typeof values(e).actionId === 'string' ? (values(e).actionId as string) : undefined;
    if (e.kind === 'aws.action.requested' && id) requested.set(id, d);
    else if (e.kind === 'aws.action.succeeded' && id) {
      const r = requested.get(id) ?? {};
      open.set(id, {
        actionId: id,
        ...(typeof r.scenario === 'string' ? { scenario: r.scenario } : {}),
        ...(typeof r.step === 'string' ? { step: r.step } : {}),
        what: `${String(r.service ?? '?')} ${String(r.operation ?? '?')} on ${String(r.target ?? '?')}`,
        at: e.ts,
      });
    } else if (e.kind === 'aws.read' && id && (values(e).phase === 'after' || values(e).check === WAIT_INTERRUPTED)) {
      open.delete(id);
    } else if (e.kind === 'step.verified' || (e.kind === 'aws.read' && values(e).check === 'could-not-check')) {
      const step = e.kind === 'step.verified' ? d.step : values(e).step;
      for (const [k, w] of open) if (w.step !== undefined && w.step === step) open.delete(k);
    }
  }
  return [...open.values()];
}
