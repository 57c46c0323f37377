// Runs the effects the reducer hands it and dispatches their results; it decides nothing. It owns the one tick, the journal
// follower, the AWS poll loops and every AbortController, so stopping it stops everything.
import { isStaleHead, simElapsed, type Clock, type ExerciseClock, type MetricSpec, type NewEvent } from '../../core/index.js';
import type { AwsPorts } from '../../aws/ports.js';
import type { IncidentSetup, UiDeps } from '../deps.js';
import type { Effect, Msg } from './msg.js';
import { matchesFilter } from './timeline.js';

export const POLL_JOURNAL_MS = 400;
export const POLL_ALARMS_MS = 15_000;
export const POLL_METRICS_MS = 30_000;
const AWS_TIMEOUT_MS = 20_000;
const METRIC_WINDOW_MS = 60 * 60_000;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

const DRILL_RETRY_MS = 200;

export class Runner {
  private tick?: ReturnType<typeof setInterval>;
  private search: AbortController | undefined;
  private follow: { id: string; offset: number; timer?: ReturnType<typeof setTimeout>; reading: boolean; again: boolean } | undefined;
  private aws: { controller: AbortController; timers: ReturnType<typeof setTimeout>[]; kicks: (() => void)[] } | undefined;
  private stopped = false;
  /** Running verifications; leaving the incident cancels them. */
  private readonly probes = new Set<AbortController>();
  /** The open incident as far as AWS is concerned: exercise incidents only ever use the exercise AWS. */
  private setup: IncidentSetup | undefined;
  private drillClock: { clock: ExerciseClock; startedAt: number } | undefined;

  constructor(
    private readonly deps: UiDeps,
    private readonly dispatch: (m: Msg) => void,
    private readonly onExit: (code?: number) => void,
    private readonly clock: Clock = deps.clock,
    private readonly openFirst?: string,
  ) {}

  start(): void {
    this.tick = setInterval(() => {
      this.dispatch({ type: 'tick', now: this.clock.now() });
      this.readSyncMark();
    }, 1000);
    this.run({ type: 'list-incidents' });
    if (this.openFirst) this.run({ type: 'load-incident', id: this.openFirst });
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

  private ports(): AwsPorts {
    return this.setup?.mode === 'exercise' ? (this.deps.exerciseAws ?? this.deps.aws) : this.deps.aws;
  }

  private prepare(setup: IncidentSetup): void {
    this.setup = setup;
    try {
      this.deps.prepareIncident?.(setup);
    } catch (err) {
      this.dispatch({ type: 'warning', message: `could not prepare the simulated AWS: ${message(err)}` });
    }
  }

  run(e: Effect): void {
    if (this.stopped) return;
    const d = { ...this.deps, aws: this.ports() };
    const fail = (what: string) => (err: unknown) => this.dispatch({ type: 'effect.failed', what, message: message(err) });
    switch (e.type) {
      case 'list-incidents':
        d.store.list().then((incidents) => this.dispatch({ type: 'incidents.listed', incidents }), (err) => this.dispatch({ type: 'incidents.failed', message: message(err) }));
        return;
      case 'load-incident':
        d.store.load(e.id).then(
          (r) => {
            const bad = r.verification?.firstBad;
            this.dispatch({ type: 'incident.loaded', id: e.id, events: r.events, offset: r.offset, ...(bad ? { chainProblem: bad.message } : {}), ...(r.timeline ? { timeline: r.timeline, state: r.state } : {}) });
          },
          (err) => this.dispatch({ type: 'incident.failed', message: message(err) }),
        );
        return;
      case 'create-incident':
        d.store.create(e.opening, e.followUps).then(
          (first) => this.dispatch({ type: 'incident.created', id: String(first.data.id) }),
          (err) => this.dispatch({ type: 'incident.failed', message: `could not declare: ${message(err)}` }),
        );
        return;
      case 'append':
        (d.withCommsQueue && e.events.some((x) => x.kind === 'comms.sent') ? d.withCommsQueue(e.id, e.events) : Promise.resolve(e.events)).then((events) => d.store.append(e.id, events)).then(
          (written) => {
            if (written.some((w) => w.kind === 'comms.queued')) d.kickComms?.(e.id);
            this.readJournal();
          },
          (err) => this.dispatch({ type: 'append.failed', message: message(err) }),
        );
        return;
      case 'drill-append':
        d.store.append(e.id, e.events, { afterSeq: e.afterSeq }).then(
          () => this.readJournal(),
          (err) => {
            this.readJournal();
            if (!isStaleHead(err)) this.dispatch({ type: 'append.failed', message: message(err) });
            // Another console wrote first: a person's act is decided again once the new events are read
            // (a tick simply comes again).
            else if (!e.quiet) setTimeout(() => this.dispatch({ type: 'drill.retry', act: e.act, attempt: e.attempt + 1 }), DRILL_RETRY_MS);
          },
        );
        return;
      case 'prepare-aws':
        this.prepare(e.setup);
        return;
      case 'apply-inject': {
        const changed = this.deps.applyInject?.(e.setup, e.inject);
        if (changed && !e.replay) this.dispatch({ type: 'warning', message: `inject: ${changed}` });
        for (const kick of this.aws?.kicks ?? []) kick();
        return;
      }
      case 'follow':
        this.stopFollowing();
        this.follow = { id: e.id, offset: e.offset, reading: false, again: false };
        this.scheduleRead();
        return;
      case 'search-timeline': {
        // One scan at a time: a new filter (or the lines that arrived since) replaces the one running.
        this.search?.abort();
        const ctl = (this.search = new AbortController());
        const kept = e.kept;
        const report = (scanned: number, hits: readonly number[], done: boolean) => {
          if (!ctl.signal.aborted) this.dispatch({ type: 'timeline.searched', id: e.id, filter: e.filter, hits: [...kept, ...hits], scanned, done });
        };
        e.source.search(matchesFilter(e.filter), e.from, (scanned, hits) => report(scanned, hits, false), ctl.signal).then(
          (r) => report(r.scanned, r.hits, true),
          fail('search the timeline'),
        );
        return;
      }
      case 'unfollow':
        this.search?.abort();
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
          (r) => this.dispatch({ type: 'alarms.polled', alarms: r.alarms, transitions: [], ...(r.errors ? { errors: r.errors } : {}), ...(r.regions ? { regions: r.regions } : {}), at: this.clock.now() }),
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
      case 'run-action': {
        // The one recorded path the CLI uses too: it appends every event of the action itself.
        const append = (ev: NewEvent) => d.store.append(e.incidentId, [ev]).then(() => this.readJournal());
        const request = { spec: e.spec, params: e.params, confirmation: e.confirmation };
        const meta = { actionId: e.actionId, scenario: e.scenario, step: e.step, events: e.events, onProgress: (line: string) => this.dispatch({ type: 'action.progress', actionId: e.actionId, line }) };
        if (!d.runAction) {
          this.dispatch({ type: 'effect.failed', what: 'action', message: 'no action runner is wired in this build' });
          return;
        }
        // Quitting stops the wait (an hour-long restore must not keep the process alive); the next opening reports it.
        const controller = new AbortController();
        this.probes.add(controller);
        d.runAction(this.ports(), append, request, meta, controller.signal).then(
          (result) => controller.signal.aborted || this.dispatch({ type: 'action.done', incidentId: e.incidentId, actionId: e.actionId, result }),
          (err) => controller.signal.aborted || this.dispatch({ type: 'action.done', incidentId: e.incidentId, actionId: e.actionId, result: { ok: false, summary: message(err), simulated: false, error: { class: 'unknown', message: message(err) } } }),
        ).finally(() => this.probes.delete(controller));
        return;
      }
      case 'write-files':
        if (!d.writeFiles) {
          this.dispatch({ type: 'effect.failed', what: 'writing the command\'s files', message: 'no file writer is wired in this build' });
          return;
        }
        d.writeFiles(e.dir, e.files).catch(fail('writing the command\'s files'));
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
      case 'preview-comms':
        try {
          this.dispatch({ type: 'comms.preview', lines: d.previewComms ? d.previewComms(e.id, e.text, e.kind) : ['no channels are configured (see docs/comms.md)'] });
        } catch (err) {
          fail('preview')(err);
        }
        return;
      case 'page':
        if (!d.pageLevel) {
          this.dispatch({ type: 'comms.paged', level: e.level, result: { error: 'no channels are configured (see docs/comms.md)' } });
          return;
        }
        d.pageLevel(e.id, e.level, e.who).then(
          (result) => {
            this.dispatch({ type: 'comms.paged', level: e.level, result });
            this.readJournal();
          },
          (err) => this.dispatch({ type: 'comms.paged', level: e.level, result: { error: message(err) } }),
        );
        return;
      case 'export':
        if (!d.exportReport) {
          this.dispatch({ type: 'effect.failed', what: 'export', message: 'no report renderer is wired in this build' });
          return;
        }
        d.exportReport(e.id).then((r) => this.dispatch({ type: 'exported', incidentId: e.id, path: r.path, format: r.format, draft: e.draft }), fail('export'));
        return;
      case 'read-recovery-points':
        d.aws.recoveryPoints.read(e.targets, AbortSignal.timeout(AWS_TIMEOUT_MS)).then(
          (r) => this.dispatch({ type: 'recovery-points.read', id: e.id, targets: e.targets, points: r.points, errors: r.errors.map((x) => x.message) }),
          fail('reading recovery points'),
        );
        return;
      case 'remember-incident':
        try {
          this.deps.rememberIncident?.(e.id);
        } catch (err) {
          this.dispatch({ type: 'warning', message: `could not remember the last incident: ${message(err)}` });
        }
        return;
      case 'drill-clock':
        this.drillClock = e.clock ? { clock: e.clock, startedAt: e.startedAt } : undefined;
        d.setDrillClock?.(e.clock, e.startedAt);
        return;
      case 'exit':
        this.stop();
        this.onExit(e.interrupted ? 130 : undefined);
        return;
    }
  }

  private lastMark = '';

  /** A shared incident's sync mark, dispatched when it changes (read from local files: no network here). */
  private readSyncMark(): void {
    const f = this.follow;
    if (!f || !this.deps.store.syncMark) return;
    try {
      const mark = this.deps.store.syncMark(f.id);
      const key = mark ? `${f.id}:${JSON.stringify(mark)}` : '';
      if (!mark || key === this.lastMark) return;
      this.lastMark = key;
      this.dispatch({ type: 'sync.mark', id: f.id, mark });
    } catch {
      /* a config being replaced: the next tick reads it */
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
          if (r.events.length || r.problem) {
            this.dispatch({ type: 'journal.events', id: f.id, events: r.events, offset: r.offset, ...(r.problem ? { problem: r.problem } : {}) });
          }
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

  /** Now, as the AWS in use sees it: the drill's simulated time for an exercise, else the wall clock. */
  private awsNow(): number {
    const d = this.drillClock;
    return this.setup?.mode === 'exercise' && d ? d.startedAt + simElapsed(d.clock, this.clock.now()) : this.clock.now();
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
    const state = { controller, timers: [] as ReturnType<typeof setTimeout>[], kicks: [] as (() => void)[] };
    this.aws = state;
    const signal = () => AbortSignal.any([controller.signal, AbortSignal.timeout(AWS_TIMEOUT_MS)]);
    // Each loop runs one request at a time; a kick (a drill inject just changed the simulated AWS) runs it
    // now instead of at the next period, or right after the request in flight.
    const loop = (every: number, once: () => Promise<void>) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let inFlight = false;
      let wanted = false;
      const go = () => {
        if (controller.signal.aborted) return;
        if (timer) clearTimeout(timer);
        inFlight = true;
        once().finally(() => {
          inFlight = false;
          if (controller.signal.aborted) return;
          if (wanted) {
            wanted = false;
            go();
          } else {
            timer = setTimeout(go, every);
            state.timers.push(timer);
          }
        });
      };
      state.kicks.push(() => (inFlight ? (wanted = true) : go()));
      go();
    };
    loop(POLL_ALARMS_MS, () =>
      this.ports().alarms.poll(signal(), params).then(
        (r) => void (controller.signal.aborted || this.dispatch({ type: 'alarms.polled', alarms: r.alarms, transitions: r.transitions, ...(r.errors ? { errors: r.errors } : {}), ...(r.regions ? { regions: r.regions } : {}), at: this.clock.now() })),
        (err) => void (controller.signal.aborted || this.dispatch({ type: 'alarms.failed', message: message(err), at: this.clock.now() })),
      ),
    );
    if (metrics.length === 0) return;
    loop(POLL_METRICS_MS, () => {
      const end = this.awsNow();
      return this.ports().metrics.fetch(metrics, params, { start: end - METRIC_WINDOW_MS, end }, signal()).then(
        (series) => void (controller.signal.aborted || this.dispatch({ type: 'metrics.fetched', series, at: this.clock.now() })),
        (err) => void (controller.signal.aborted || this.dispatch({ type: 'metrics.failed', message: message(err), at: this.clock.now() })),
      );
    });
  }
}
