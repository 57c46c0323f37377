// The console's side of delivery: an update the comms pane records is queued in the outbox and sent
// in the background; when the console opens, whatever the outbox still owes is resumed. Nothing here
// blocks a key press: every send runs on the worker.
import { updateKind, type TimelineEvent } from '../core/index.js';
import { queueUpdate, type OutboxDeps } from './outbox.js';
import { foldOutbox, isOpen } from './outbox-state.js';
import { startOutboxWorker, type OutboxWorker } from './worker.js';

export interface ConsoleComms {
  deliverComms(incidentId: string, sent: TimelineEvent): void;
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
    deliverComms: (id, sent) => {
      const d = sent.data as { text?: string; kind?: string };
      const text = d.text ?? '';
      void (async () => {
        try {
          const { state } = deps.store.load(id);
          const kind = d.kind && KINDS.has(d.kind) ? (d.kind as 'initial' | 'update' | 'resolution') : updateKind(state);
          const q = await queueUpdate(deps, id, { kind, text, sentSeq: sent.seq });
          if (q.channels.length > 0) worker.kick(id);
        } catch (err) {
          warn(`delivery: ${deps.redactor.redact((err as Error).message)}`);
        }
      })();
    },
    resume: (ids) => {
      for (const id of ids) {
        try {
          if (foldOutbox(deps.store.load(id).events).some((u) => u.deliveries.some((x) => isOpen(x) || x.attempts > x.results))) worker.kick(id);
        } catch {
          // an unreadable journal is reported where it is opened
        }
      }
    },
    stop: () => worker.stop(),
  };
}
