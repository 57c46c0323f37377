// Background delivery for a long-running process (the console): flushes an incident's outbox when
// kicked and again when its earliest retry comes due. One flush at a time; never blocks its caller.
import { flushIncident, type FlushResult, type OutboxDeps } from './outbox.js';

export interface OutboxWorker {
  /** Flush this incident soon (after a send, or when the console opens it). */
  kick(id: string): void;
  stop(): void;
}

export function startOutboxWorker(deps: OutboxDeps, onFlushed: (id: string, r: FlushResult) => void = () => {}, onError: (err: Error) => void = () => {}): OutboxWorker {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const queue: string[] = [];
  let running = false;
  let stopped = false;
  const schedule = (id: string, delayMs: number) => {
    if (stopped) return;
    clearTimeout(timers.get(id));
    const t = setTimeout(() => enqueue(id), Math.max(0, delayMs));
    t.unref?.();
    timers.set(id, t);
  };
  const enqueue = (id: string) => {
    if (!queue.includes(id)) queue.push(id);
    void drain();
  };
  const drain = async () => {
    if (running || stopped) return;
    running = true;
    try {
      for (let id = queue.shift(); id !== undefined && !stopped; id = queue.shift()) {
        try {
          const r = await flushIncident(deps, id);
          onFlushed(id, r);
          if (r.busy) schedule(id, 5_000);
          else if (r.nextRetryAt !== undefined) schedule(id, r.nextRetryAt - deps.clock.now());
        } catch (err) {
          onError(err as Error);
          schedule(id, 30_000);
        }
      }
    } finally {
      running = false;
    }
  };
  return {
    kick: enqueue,
    stop: () => {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}
