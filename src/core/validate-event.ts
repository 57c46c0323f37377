import * as z from 'zod';
import { usageError } from './errors.js';
import { EVENT_DATA, EVENT_KINDS, type EventKind } from './events.js';

/** Checks an event's data against its kind's schema; returns the normalised data or throws a one-line error. */
export function validateEventData(kind: string, data: unknown): Record<string, unknown> {
  if (!(kind in EVENT_DATA)) {
    throw usageError(`unknown event kind "${kind}" (known: ${EVENT_KINDS.join(', ')})`);
  }
  const result = EVENT_DATA[kind as EventKind].safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw usageError(`invalid ${kind} event: ${where}${issue ? issue.message : z.prettifyError(result.error)}`);
  }
  return result.data as Record<string, unknown>;
}
