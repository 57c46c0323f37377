// Runs effects against the ports and dispatches their results. It owns the one tick, the journal
// follower, the AWS poll loops and every AbortController, so stopping it stops everything.
import type { Clock, MetricSpec } from '../../core/index.js';
import type { UiDeps } from '../deps.js';
import type { Effect, Msg } from './msg.js';

export const POLL_JOURNAL_MS = 400;
export const POLL_ALARMS_MS = 15_000;
export const POLL_METRICS_MS = 30_000;
const AWS_TIMEOUT_MS = 20_000;
const METRIC_WINDOW_MS = 60 * 60_000;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

export class Runner {
  private tick?: ReturnType<typeof setInterval>;
  private follow: { id: string; offset: number; timer?: ReturnType<typeof setTimeout>; reading: boolean; again: boolean } | undefined;
  private aws: { controller: AbortController; timers: ReturnType<typeof setTimeout>[] } | undefined;
  private stopped = false;
  /** Running verifications; leaving the incident cancels them. */
  private readonly probes = new Set<AbortController>();

  constructor(
    private readonly deps: UiDeps,
    private readonly dispatch: (m: Msg) => void,
    private readonly onExit: () => void,
    private readonly clock: Clock = deps.clock,
  ) {}

  start(): void {
    this.tick = setInterval(() => this.dispatch({ type: 'tick', now: this.clock.now() }), 1000);
    this.run({ type: 'list-incidents' });
  }

  stop(): void {
    this.stopped = true;
    if (this.tick) clearInterval(this.tick);
    this.stopFollowing();
    this.stopAws();
    this.cancelProbes();
  }

  private cancelProbes(): void {
    for (const c of this.probes) c.abort();
    this.probes.clear();
  }

  run(e: Effect): void {
    if (this.stopped) return;
    const d = this.deps;
    const fail = (what: string) => (err: unknown) => this.dispatch({ type: 'effect.failed', what, message: message(err) });
    switch (e.type) {
      case 'list-incidents':
        d.store.list().then((incidents) => this.dispatch({ type: 'incidents.listed', incidents }), (err) => this.dispatch({ type: 'incidents.failed', message: message(err) }));
        return;
      case 'load-incident':
        d.store.load(e.id).then((r) => this.dispatch({ type: 'incident.loaded', id: e.id, events: r.events, offset: r.offset }), (err) => this.dispatch({ type: 'incident.failed', message: message(err) }));
        return;
      case 'create-incident':
        d.store
          .create(e.opening)
          .then(async (first) => {
            const id = String(first.data.id);
            if (e.followUps.length) await d.store.append(id, e.followUps);
            this.dispatch({ type: 'incident.created', id });
          })
          .catch((err) => this.dispatch({ type: 'incident.failed', message: `could not declare: ${message(err)}` }));
        return;
      case 'append':
        d.store.append(e.id, e.events).then(() => this.readJournal(), (err) => this.dispatch({ type: 'append.failed', message: message(err) }));
        return;
      case 'follow':
        this.stopFollowing();
        this.follow = { id: e.id, offset: e.offset, reading: false, again: false };
        this.scheduleRead();
        return;
      case 'unfollow':
        this.stopFollowing();
        this.cancelProbes();
        return;
      case 'watch-aws':
        this.watchAws(e.metrics, e.params);
        return;
      case 'unwatch-aws':
        this.stopAws();
        return;
      case 'poll-alarms-once':
        d.aws.alarms.poll(AbortSignal.timeout(AWS_TIMEOUT_MS)).then(
          (r) => this.dispatch({ type: 'alarms.polled', alarms: r.alarms, transitions: [], at: this.clock.now() }),
          (err) => this.dispatch({ type: 'alarms.failed', message: message(err), at: this.clock.now() }),
        );
        return;
      case 'run-probe': {
        const controller = new AbortController();
        this.probes.add(controller);
        d.aws.probes
          .verify(e.spec, e.params, controller.signal)
          .then(
            (result) => controller.signal.aborted || this.dispatch({ type: 'probe.done', key: e.key, result }),
            (err) =>
              controller.signal.aborted ||
              this.dispatch({ type: 'probe.done', key: e.key, result: { passed: false, summary: `probe failed: ${message(err)}`, evidence: {}, attempts: 0, elapsedMs: 0, error: { class: 'unknown', message: message(err) } } }),
          )
          .finally(() => this.probes.delete(controller));
        return;
      }
      case 'run-action':
        d.aws.actions.execute({ spec: e.spec, params: e.params, confirmation: e.confirmation }).then(
          (result) => this.dispatch({ type: 'action.done', incidentId: e.incidentId, actionId: e.actionId, result }),
          (err) => this.dispatch({ type: 'action.done', incidentId: e.incidentId, actionId: e.actionId, result: { ok: false, summary: message(err), simulated: false, error: { class: 'unknown', message: message(err) } } }),
        );
        return;
      case 'copy':
        try {
          d.copy(e.text);
        } catch (err) {
          fail('copy')(err);
        }
        return;
      case 'write-comms':
        d.writeComms(e.id, e.text).then((path) => this.dispatch({ type: 'comms.written', path }), fail('writing the status update'));
        return;
      case 'export':
        if (!d.exportReport) {
          this.dispatch({ type: 'effect.failed', what: 'export', message: 'no report renderer is wired in this build' });
          return;
        }
        d.exportReport(e.id).then((r) => this.dispatch({ type: 'exported', incidentId: e.id, path: r.path, format: r.format, draft: e.draft }), fail('export'));
        return;
      case 'exit':
        this.stop();
        this.onExit();
        return;
    }
  }

  private stopFollowing(): void {
    if (this.follow?.timer) clearTimeout(this.follow.timer);
    this.follow = undefined;
  }

  private scheduleRead(): void {
    const f = this.follow;
    if (!f || this.stopped) return;
    if (f.timer) clearTimeout(f.timer);
    f.timer = setTimeout(() => this.readJournal(), POLL_JOURNAL_MS);
  }

  /** Reads what any writer appended since the last read; one read at a time, re-armed after each. */
  private readJournal(): void {
    const f = this.follow;
    if (!f || this.stopped) return;
    if (f.reading) {
      f.again = true;
      return;
    }
    f.reading = true;
    this.deps.store
      .readSince(f.id, f.offset)
      .then(
        (r) => {
          if (this.follow !== f) return;
          f.offset = r.offset;
          if (r.events.length) this.dispatch({ type: 'journal.events', id: f.id, events: r.events, offset: r.offset });
        },
        () => {
          /* a transient read error: the next poll tries again */
        },
      )
      .finally(() => {
        f.reading = false;
        if (this.follow !== f) return;
        if (f.again) {
          f.again = false;
          this.readJournal();
        } else this.scheduleRead();
      });
  }

  private stopAws(): void {
    if (!this.aws) return;
    this.aws.controller.abort();
    for (const t of this.aws.timers) clearTimeout(t);
    this.aws = undefined;
  }

  /** Self-re-arming poll loops; a slow or failing call only delays its own pane. */
  private watchAws(metrics: MetricSpec[], params: Record<string, string>): void {
    this.stopAws();
    const controller = new AbortController();
    const state = { controller, timers: [] as ReturnType<typeof setTimeout>[] };
    this.aws = state;
    const signal = () => AbortSignal.any([controller.signal, AbortSignal.timeout(AWS_TIMEOUT_MS)]);
    const loop = (every: number, once: () => Promise<void>) => {
      const go = () => {
        if (controller.signal.aborted) return;
        once().finally(() => {
          if (!controller.signal.aborted) state.timers.push(setTimeout(go, every));
        });
      };
      go();
    };
    loop(POLL_ALARMS_MS, () =>
      this.deps.aws.alarms.poll(signal()).then(
        (r) => void (controller.signal.aborted || this.dispatch({ type: 'alarms.polled', alarms: r.alarms, transitions: r.transitions, at: this.clock.now() })),
        (err) => void (controller.signal.aborted || this.dispatch({ type: 'alarms.failed', message: message(err), at: this.clock.now() })),
      ),
    );
    if (metrics.length === 0) return;
    loop(POLL_METRICS_MS, () => {
      const end = this.clock.now();
      return this.deps.aws.metrics.fetch(metrics, params, { start: end - METRIC_WINDOW_MS, end }, signal()).then(
        (series) => void (controller.signal.aborted || this.dispatch({ type: 'metrics.fetched', series, at: this.clock.now() })),
        (err) => void (controller.signal.aborted || this.dispatch({ type: 'metrics.failed', message: message(err), at: this.clock.now() })),
      );
    });
  }
}
