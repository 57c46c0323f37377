// The simulated AWS behind the same ports as the live adapters: the embedded default when no AWS is
// configured, and the world an exercise drives with injects.
import { fillDeep, fillTemplate, sanitizeLine, type Clock, type MetricSpec, type RegionRef } from '../../core/index.js';
import { actionTarget, guardAction } from '../action-guard.js';
import { transitionTracker } from '../alarm-transitions.js';
import { classifyAwsError } from '../classify-error.js';
import { planMetricCalls } from '../metric-plan.js';
import { pollVerify, realSleep, type Sleep } from '../poll-verify.js';
import { readRegionSignals } from '../region-signals.js';
import { readServedRecord } from '../route53-served.js';
import { readObjectVersion } from '../s3-version.js';
import { waitForChangeInsync } from '../wait-effect.js';
import { regionOrPrimary } from '../where.js';
import type { AlarmState, AwsPorts, MetricSeries, ProbesPort } from '../ports.js';
import { simAct } from './actions.js';
import { breaches, levelFor, linkAlarms, SimAlarmWatch, type AlarmLink } from './alarm-watch.js';
import { impairResource } from './impair.js';
import { simMetricData } from './metric-data.js';
import { SimMetrics } from './metrics.js';
import { simRead } from './reads.js';
import { ensureAlarm, paramValues, seedFromScenario, type ScenarioLike } from './seed.js';
import { simRecoveryPoints } from './recovery-points.js';
import { SimWorld } from './world.js';

/** Params that say where, not what: never defaulted from the seeded world. */
const REGION_PARAMS: ReadonlySet<string> = new Set(['region', 'primary_region', 'dr_region']);

export interface SimInject {
  id?: string | undefined;
  kind: 'alarm' | 'metric' | 'resource' | 'message' | 'fact';
  alarm?: string | undefined;
  state?: 'ALARM' | 'OK' | undefined;
  metric?: { id: string; to: number; over_seconds: number } | undefined;
  resource?: string | undefined;
  text?: string | undefined;
}

export interface SimOptions {
  clock: Clock;
  seed?: number;
  region?: string;
  drRegion?: string;
  allowActions?: boolean;
  sleep?: Sleep;
}

type Service = 'dynamodb' | 'rds' | 'route53' | 'cloudwatch' | 'kms' | 'health' | 's3';

export class SimAws {
  readonly world: SimWorld;
  readonly metricsModel: SimMetrics;
  readonly region: string;
  readonly drRegion: string;
  private readonly sleep: Sleep;
  /** The param values of the loaded scenario: injects name resources with {{placeholders}}. */
  private values: Record<string, string> = {};
  /** The params the incident itself gave (typed, not examples): they say which regions it is in. */
  private given: Record<string, string> = {};
  /** The panes of the loaded scenarios: what a verify's GetMetricData can find. */
  private readonly metricSpecs: MetricSpec[] = [];
  /** The alarms the loaded scenarios declare, each with the pane it watches. */
  private readonly alarmLinks: AlarmLink[] = [];

  constructor(private readonly opts: SimOptions) {
    this.world = new SimWorld(opts.clock, opts.seed ?? 1);
    this.metricsModel = new SimMetrics(opts.seed ?? 1);
    this.region = opts.region ?? 'us-east-1';
    this.drRegion = opts.drRegion ?? (this.region === 'us-west-2' ? 'us-east-1' : 'us-west-2');
    this.sleep = opts.sleep ?? realSleep;
    const watch = new SimAlarmWatch(this.world, this.metricsModel, () => this.alarmLinks);
    this.world.onSettle(() => watch.evaluate());
  }

  /** Resolved as live AWS resolves it (core/regions.ts): the runbook's ref, then the incident's params (what nobody typed is what the simulation was given), then the options. */
  regionName = (ref: RegionRef, params: Readonly<Record<string, string>> = this.given): string => regionOrPrimary(ref, params, { region: this.region, drRegion: this.drRegion });

  /** Params as the simulated world knows them: what nobody typed is the value it was seeded with. */
  private filled(params: Readonly<Record<string, string>>): Record<string, string> {
    return { ...this.values, ...params };
  }

  /** Seeds resources, metrics and alarms for a scenario; returns the param values used. */
  load(scenario: ScenarioLike, given: Readonly<Record<string, string>> = {}): Record<string, string> {
    const values = paramValues(scenario, given);
    this.values = { ...this.values, ...values };
    this.given = { ...given };
    seedFromScenario(this.world, scenario, values, (ref) => this.regionName(ref, given));
    const specs = (scenario.metrics ?? []) as MetricSpec[];
    for (const m of specs) {
      this.metricsModel.register(m);
      this.metricSpecs.push(m);
    }
    const fill = (v: string) => {
      try {
        return fillTemplate(v, values);
      } catch {
        return v;
      }
    };
    for (const link of linkAlarms(scenario.alarms ?? [], specs, fill, (spec) => this.regionName(spec.region, given))) {
      if (this.alarmLinks.some((l) => l.name === link.name && l.region === link.region)) continue;
      this.alarmLinks.push(link);
      ensureAlarm(this.world, link.region, link.name);
      this.world.alarms.set(this.world.key(link.region, link.name), { ...this.world.alarms.get(this.world.key(link.region, link.name))!, metric: link.spec.metric });
    }
    return values;
  }

  /** Applies an inject now; returns one line saying what changed in the simulated AWS. */
  applyInject(inject: SimInject): string {
    const w = this.world;
    const fill = (v: string) => {
      try {
        return fillTemplate(v, this.values);
      } catch {
        return v;
      }
    };
    const now = w.clock.now();
    w.settle();
    if (inject.kind === 'alarm' && inject.alarm) {
      const name = fill(inject.alarm);
      const link = this.alarmLinks.find((l) => l.name === name);
      const region = link?.region ?? this.regionName('primary');
      const key = w.key(region, name);
      const state = inject.state ?? 'ALARM';
      const prev = w.alarms.get(key);
      w.alarms.set(key, { name, region, state, reason: sanitizeLine(inject.text ?? `Threshold Crossed (simulated ${state})`), updatedAt: now, ...(prev?.metric ? { metric: prev.metric } : {}) });
      return `alarm ${name} -> ${state}${link ? this.followAlarm(link, state, now, fill) : ''}`;
    }
    if (inject.kind === 'metric' && inject.metric) {
      this.metricsModel.ramp(inject.metric.id, inject.metric.to, inject.metric.over_seconds, now);
      const also = this.healthFromMetric(inject.metric.id, inject.metric.to, fill);
      return `metric ${inject.metric.id} -> ${inject.metric.to} over ${inject.metric.over_seconds} s${also}`;
    }
    if (inject.kind === 'resource' && inject.resource) {
      const name = fill(inject.resource);
      // No state: the resource's pending change (a restore, a failover) completes now. ALARM/OK: it fails or recovers.
      if (!inject.state) {
        const n = w.complete(name);
        return n ? `${name}: pending change completed` : `${name}: no pending change`;
      }
      return impairResource(w, name, inject.state === 'ALARM', (r) => this.regionName(r, this.values));
    }
    return 'no change to the simulated AWS';
  }

  /** The metric an alarm watches goes where the alarm says, unless it is already heading there. */
  private followAlarm(link: AlarmLink, state: 'ALARM' | 'OK', now: number, fill: (v: string) => string): string {
    if (breaches(link, this.metricsModel.heading(link.spec.id)) === (state === 'ALARM')) return '';
    const to = levelFor(link, state);
    this.metricsModel.ramp(link.spec.id, to, 0, now);
    return `; metric ${link.spec.id} -> ${to}${this.healthFromMetric(link.spec.id, to, fill)}`;
  }

  /**
   * A Route 53 HealthCheckStatus metric is the health check seen from CloudWatch: an inject that moves it
   * moves the health check too (below 1 is failing), so the reads a runbook verifies with agree with the panes.
   */
  private healthFromMetric(metricId: string, to: number, fill: (v: string) => string): string {
    const spec = this.metricSpecs.find((m) => m.id === metricId);
    const id = spec?.namespace === 'AWS/Route53' && spec.metric === 'HealthCheckStatus' ? spec.dimensions.HealthCheckId : undefined;
    if (!id) return '';
    const name = fill(id);
    const hc = this.world.healthChecks.get(name) ?? { id: name, healthy: true };
    this.world.healthChecks.set(name, { ...hc, healthy: to >= 1 });
    return `; health check ${name} ${to >= 1 ? 'healthy' : 'failing'}`;
  }

  private call(kind: 'read' | 'act', service: Service, operation: string, args: Record<string, unknown>, ref: RegionRef, params: Readonly<Record<string, string>>) {
    const region = this.regionName(ref, params);
    try {
      return { ok: true as const, value: kind === 'read' ? simRead(this.world, service, operation, args, region) : simAct(this.world, service, operation, args, region) };
    } catch (err) {
      return { ok: false as const, error: classifyAwsError(err, { service, operation, region }) };
    }
  }

  private metricData(args: Record<string, unknown>, ref: RegionRef, params: Readonly<Record<string, string>>) {
    const region = this.regionName(ref, params);
    try {
      this.world.checkRegion(region);
      return { ok: true as const, value: simMetricData(this.metricsModel, this.metricSpecs, args, this.opts.clock.now()) };
    } catch (err) {
      return { ok: false as const, error: classifyAwsError(err, { service: 'cloudwatch', operation: 'GetMetricData', region }) };
    }
  }

  ports(): AwsPorts & { sim: SimAws } {
    const clock = this.opts.clock;
    const iso = () => new Date(clock.now()).toISOString();
    const probes: ProbesPort = {
      verify: (spec, params, signal) => pollVerify(spec, this.filled(params), {
        clock,
        sleep: this.sleep,
        read: async (args) => (spec.service === 'route53' && spec.operation === 'GetServedRecord'
          ? readServedRecord(async (op, a) => this.call('read', 'route53', op, a, spec.region, params), args)
          : spec.service === 'cloudwatch' && spec.operation === 'GetMetricData'
            ? this.metricData(args, spec.region, params)
            : spec.service === 'health' && spec.operation === 'GetRegionSignals'
              ? readRegionSignals({
                read: async (service, op, a, region) => this.call('read', service, op, a, region, params),
                // The simulated probe: an impaired region does not answer.
                probe: async () => (this.world.impairedRegions.has(this.regionName(spec.region, params)) ? { ok: false, reason: 'no answer (simulated outage)' } : { ok: true, status: 200 }),
              }, args, this.regionName(spec.region, params))
              : spec.service === 's3' && spec.operation === 'CompareObjectVersion'
                ? readObjectVersion(async (op, a) => this.call('read', 's3', op, a, spec.region, params), args)
                : this.call('read', spec.service, spec.operation, args, spec.region, params)),
      }, signal),
      read: async (c, params) => {
        let args: Record<string, unknown>;
        try {
          args = fillDeep(c.args, this.filled(params)) as Record<string, unknown>;
        } catch (err) {
          return { ok: false, error: { class: 'invalid-parameter', message: `invalid parameter: ${(err as Error).message}` } };
        }
        const res = this.call('read', c.service, c.operation, args, c.region, params);
        return res.ok ? { ...res, region: this.regionName(c.region, params) } : res;
      },
    };
    const track = transitionTracker();
    const enabled = this.opts.allowActions === true;
    return {
      mode: 'simulated',
      describe: { region: this.region, drRegion: this.drRegion, account: this.world.account },
      sim: this,
      probes,
      metrics: {
        fetch: async (specs, params, window) => {
          const { calls, problems } = planMetricCalls(specs, this.filled(params), (ref) => this.regionName(ref, params));
          const series: MetricSeries[] = problems.map((p) => ({ id: p.spec.id, label: p.spec.title, unit: p.spec.unit, region: this.regionName(p.spec.region, params), points: [], status: 'Failed', fetchedAt: iso(), error: { class: 'invalid-parameter', message: `invalid parameter: ${p.message}` } }));
          for (const c of calls) {
            const { region } = c;
            for (const q of c.queries) {
              const down = this.world.impairedRegions.has(region);
              series.push({ id: q.spec.id, label: q.spec.title, unit: q.spec.unit, region, fetchedAt: iso(), points: down ? [] : this.metricsModel.points(q.spec, window.start, window.end, clock.now()), status: down ? 'Failed' : 'Complete', ...(down ? { error: { class: 'timeout' as const, region, message: `timed out: cloudwatch GetMetricData in ${region} did not answer in time; the region may be impaired` } } : {}) });
            }
          }
          return specs.map((s) => series.find((x) => x.id === s.id)!).filter(Boolean);
        },
      },
      alarms: {
        poll: async (_signal, params = this.given) => {
          this.world.settle();
          // The incident's primary and DR regions and us-east-1, as the live adapter reads them.
          const regions = [...new Set((['primary', 'dr', 'us-east-1'] as const).map((r) => this.regionName(r, params)))];
          const unread = new Set(regions.filter((r) => this.world.impairedRegions.has(r)));
          const alarms: AlarmState[] = [...this.world.alarms.values()].filter((a) => regions.includes(a.region) && !unread.has(a.region)).map((a) => ({ name: a.name, state: a.state, reason: a.reason, updatedAt: new Date(a.updatedAt).toISOString(), region: a.region, ...(a.metric ? { metric: a.metric } : {}) }));
          const errors = [...unread].map((r) => ({ class: 'timeout' as const, region: r, message: `timed out: cloudwatch DescribeAlarms in ${r} did not answer in time; the region may be impaired` }));
          return { alarms, transitions: track(alarms, unread), fetchedAt: iso(), regions, ...(errors.length ? { errors } : {}) };
        },
      },
      actions: {
        enabled,
        target: (spec, params) => actionTarget(spec, this.filled(params)),
        defaults: () => Object.fromEntries(Object.entries(this.values).filter(([k]) => !REGION_PARAMS.has(k))),
        execute: async (asked, signal) => {
          const request = { ...asked, params: this.filled(asked.params) };
          const guard = guardAction(request, enabled);
          if (!guard.ok) return { ok: false, simulated: true, summary: guard.error.message, error: guard.error };
          const { spec } = request;
          // Regions come from what the incident was given, as the world was seeded; filled values are resources only.
          const res = this.call('act', spec.service, spec.operation, guard.args, spec.region, asked.params);
          if (!res.ok) return { ok: false, simulated: true, summary: res.error.message, error: res.error, ...(res.error.requestId ? { requestId: res.error.requestId } : {}) };
          const effect = await waitForChangeInsync(probes, spec.service, res.value, signal);
          const requestId = this.world.nextId('sim-req');
          return { ok: true, simulated: true, requestId, summary: `simulated ${spec.service} ${spec.operation} accepted for ${sanitizeLine(fillTemplate(spec.confirm, request.params))} in ${this.regionName(spec.region, asked.params)}${effect ? `; ${effect}` : ''}` };
        },
      },
      identity: { whoami: async () => ({ ok: true, identity: { account: this.world.account, arn: `arn:aws:iam::${this.world.account}:user/simulated` } }) },
      recoveryPoints: simRecoveryPoints(this.world, (r) => this.regionName(r, this.values)),
    };
  }
}
