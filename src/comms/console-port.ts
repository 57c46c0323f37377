// The console's side of delivery: an update the comms pane records is queued in the outbox and sent
// in the background; when the console opens, whatever the outbox still owes is resumed. Nothing here
// blocks a key press: every send runs on the worker.
import { updateKind, type NewEvent } from '../core/index.js';
import { ownUpdates, planQueue, type OutboxDeps } from './outbox.js';
import { pageLevelOnce, type Paged } from './page.js';
import { previewUpdate } from './preview.js';
import { foldOutbox, isOpen } from './outbox-state.js';
import { startOutboxWorker, type OutboxWorker } from './worker.js';

export interface ConsoleComms {
  /** The events to append with an update's queue entry added right after its comms.sent (one append). */
  withQueue(incidentId: string, events: readonly NewEvent[]): Promise<NewEvent[]>;
  /** Delivers what the incident's outbox owes, in the background. */
  kick(incidentId: string): void;
  preview(incidentId: string, text: string, kind: string): string[];
  /** Escalation levels paged automatically when due (the profile's `auto_page`). */
  autoPage: readonly string[];
  pageLevel(incidentId: string, level: string, who: string): Promise<Paged>;
  /** Kicks every incident with undelivered updates. */
  resume(ids: readonly string[]): void;
  stop(): void;
}

const KINDS = new Set(['initial', 'update', 'resolution']);

export function consoleComms(deps: OutboxDeps, warn: (message: string) => void): ConsoleComms {
  const worker: OutboxWorker = startOutboxWorker(
    deps,
    (_id, r) => {
      // A retrying channel shows in the banner; only a final outcome is worth a toast.
      const bad = r.lines.filter((l) => l.outcome === 'gave-up' || l.outcome === 'uncertain');
      if (bad.length > 0) warn(`delivery: ${bad.map((l) => `${l.channel} ${l.outcome}`).join(', ')} (see "warroom comms status")`);
    },
    (err) => warn(`delivery: ${deps.redactor.redact(err.message)}`),
  );
  return {
    withQueue: async (id, events) => {
      const out: NewEvent[] = [];
      for (const ev of events) {
        if (ev.kind !== 'comms.sent') {
          out.push(ev);
          continue;
        }
        const d = ev.data as { text?: string; kind?: string };
        try {
          const { state } = deps.store.load(id);
          const kind = d.kind && KINDS.has(d.kind) ? (d.kind as 'initial' | 'update' | 'resolution') : updateKind(state);
          const plan = await planQueue(deps, id, { kind, text: d.text ?? '' });
          // The plan's comms.sent carries the redacted text; the draft's channel name is kept.
          const [sent, queued] = plan.batch as [NewEvent<'comms.sent'>, NewEvent];
          out.push({ ...ev, data: { ...ev.data, text: sent.data.text } } as NewEvent, queued);
        } catch (err) {
          // No channels to plan for: the update is still recorded, as before delivery existed.
          warn(`delivery: ${deps.redactor.redact((err as Error).message)}`);
          out.push(ev);
        }
      }
      return out;
    },
    kick: (id) => worker.kick(id),
    autoPage: deps.config.auto_page,
    preview: (id, text, kind) => previewUpdate(deps, id, deps.redactor.redact(text), KINDS.has(kind) ? (kind as 'initial' | 'update' | 'resolution') : undefined),
    pageLevel: async (id, level, who) => {
      const r = await pageLevelOnce(deps, id, level, who);
      if (!r.already && r.channels.length > 0) worker.kick(id);
      return r;
    },
    resume: (ids) => {
      for (const id of ids) {
        try {
          if (ownUpdates(deps.store, id, foldOutbox(deps.store.commsEvents?.(id) ?? deps.store.load(id).events)).some((u) => u.deliveries.some((x) => isOpen(x) || x.attempts > x.results))) worker.kick(id);
        } catch {
          // an unreadable journal is reported where it is opened
        }
      }
    },
    stop: () => worker.stop(),
  };
}
