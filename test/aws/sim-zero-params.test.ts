// Every built-in scenario on the simulated AWS with no parameters typed at all (a new user declares and
// looks): its metric panes have data, its alarms read, and its verifications run against the values the
// simulated AWS was seeded with, and pass once the scenario's own actions are done.
import { describe, expect, it } from 'vitest';
import { runRecordedAction } from '../../src/aws/recorded-action.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { thresholdLevel } from '../../src/core/thresholds.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';
import { KNOWN } from './support/sim-known.js';


const catalog = loadCatalog({});
const NONE: Record<string, string> = {};

describe('the built-in catalog on the simulated AWS, zero parameters typed', () => {
  it('has scenarios', () => expect(catalog.scenarios.length).toBeGreaterThan(0));

  it.each(catalog.scenarios.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const { clock, sleep } = simTime();
    const sim = new SimAws({ clock, sleep, allowActions: true });
    const ports = sim.ports();
    sim.load(scenario, NONE);

    const series = await ports.metrics.fetch(scenario.metrics, NONE, { start: clock.now() - 3_600_000, end: clock.now() });
    expect(series.map((s) => s.id)).toEqual(scenario.metrics.map((m) => m.id));
    expect(series.filter((s) => s.status === 'Failed').map((s) => `${s.id}: ${s.error?.message}`)).toEqual([]);
    expect(series.filter((s) => s.points.length === 0).map((s) => s.id)).toEqual([]);
    // Before any inject the simulated world is healthy: no pane shows a warning or critical value.
    const unhealthy = series.filter((s, i) => s.points.some((p) => thresholdLevel(scenario.metrics[i]!, p.v) !== 'ok'));
    expect(unhealthy.map((s) => `${s.id}: ${s.points.at(-1)?.v}`)).toEqual([]);

    const alarms = await ports.alarms.poll();
    expect(alarms.errors ?? []).toEqual([]);

    const failed: string[] = [];
    for (const step of scenario.steps) {
      if (step.action) {
        // Through the one recorded path, as the console and `warroom step act` run it: a wait may compare with
        // the state recorded just before the call (the writer before a failover).
        const request = { spec: step.action, params: NONE, confirmation: ports.actions.target(step.action, NONE) };
        const r = await runRecordedAction(ports, () => {}, request, { scenario: scenario.id, step: step.id });
        expect(r.ok, `${step.id}: ${r.summary}`).toBe(true);
        if (step.action.wait) expect(r.outcome, `${step.id} wait`).toBe('proved');
      }
      if (!step.verify) continue;
      const r = await ports.probes.verify(step.verify, NONE);
      expect(r.error?.class, `${step.id}: ${r.summary}`).not.toBe('invalid-parameter');
      if (!r.passed) failed.push(`${scenario.id}/${step.id}`);
    }
    expect(failed.filter((f) => !(f in KNOWN))).toEqual([]);
  });
});

describe('the simulated AWS is where the incident says it is', () => {
  const scenario = catalog.scenarios.find((s) => s.id === 'region-failure-dr-failover')!;

  it('reads metric panes and verifications in the incident\'s own primary and DR regions', async () => {
    const { clock, sleep } = simTime();
    const sim = new SimAws({ clock, sleep });
    const ports = sim.ports();
    const params = { region: 'eu-west-2', dr_region: 'eu-west-1' };
    sim.load(scenario, params);
    const series = await ports.metrics.fetch(scenario.metrics, params, { start: clock.now() - 3_600_000, end: clock.now() });
    const regionOf = Object.fromEntries(series.map((s) => [s.id, s.region]));
    for (const m of scenario.metrics) expect(regionOf[m.id], m.id).toBe(m.region === 'dr' ? 'eu-west-1' : m.region === 'primary' ? 'eu-west-2' : 'us-east-1');
    expect(series.filter((s) => s.points.length === 0).map((s) => s.id)).toEqual([]);
    // The replica the runbook promotes was seeded in the DR region the incident named, and is found there.
    const drVerify = scenario.steps.flatMap((st) => (st.verify?.region === 'dr' && st.verify.service === 'rds' ? [st.verify] : []))[0]!;
    expect(drVerify).toBeDefined();
    const r = await ports.probes.verify(drVerify, params);
    expect(r.error?.class, r.summary).not.toBe('not-found');
  });

  it('polls alarms in the incident\'s regions, and an alarm inject fires in its primary region', async () => {
    const { clock, sleep } = simTime();
    const sim = new SimAws({ clock, sleep });
    sim.load(scenario, { region: 'eu-west-2', dr_region: 'eu-west-1' });
    sim.applyInject({ kind: 'alarm', alarm: 'app-5xx-errors', state: 'ALARM' });
    const polled = await sim.ports().alarms.poll();
    expect(polled.regions).toEqual(['eu-west-2', 'eu-west-1', 'us-east-1']);
    expect(polled.alarms.find((a) => a.name === 'app-5xx-errors')).toMatchObject({ state: 'ALARM', region: 'eu-west-2' });
  });

  it('an unreadable region is named on the failure, so the pane can say which one failed', async () => {
    const { clock, sleep } = simTime();
    const sim = new SimAws({ clock, sleep, region: 'eu-west-2', drRegion: 'eu-west-1' });
    sim.load(scenario, {});
    sim.applyInject({ kind: 'resource', resource: 'region:primary', state: 'ALARM' });
    const polled = await sim.ports().alarms.poll();
    expect(polled.errors).toEqual([expect.objectContaining({ class: 'timeout', region: 'eu-west-2' })]);
  });
});
