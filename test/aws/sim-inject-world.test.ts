// The simulated world agrees with the injects: an inject that declares a condition drives what shows it.
// The region-failure drill's first injects say the primary's Route 53 health check reports unhealthy and the
// region is out, so the confirm-region step's signals (AWS Health, the health check, a probe) must say down.
import { describe, expect, it } from 'vitest';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import type { VerifySpec } from '../../src/core/index.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';

const SCENARIO = findScenario(loadCatalog({}), 'region-failure-dr-failover');

function drill() {
  const { clock, sleep } = simTime();
  // The primary is not us-east-1, where Route 53's and AWS Health's APIs answer: an outage there would silence two signals.
  const sim = new SimAws({ clock, sleep, seed: 7, region: 'eu-west-2', drRegion: 'us-west-2', allowActions: true });
  const examples = Object.fromEntries(Object.entries(SCENARIO.params).map(([k, p]) => [k, p.example]));
  const params = sim.load(SCENARIO as never, examples);
  return { sim, ports: sim.ports(), params };
}

describe('injects drive the simulated world', () => {
  it("a health-check metric inject fails the health check itself, so the drill's confirm-region can pass", async () => {
    const { sim, ports, params } = drill();
    const step = SCENARIO.steps.find((s) => s.id === 'confirm-region')!;
    const verify = { ...step.verify!, deadline_seconds: 1 } as VerifySpec;
    expect((await ports.probes.verify(verify, params)).passed).toBe(false); // healthy before the inject
    const inject = SCENARIO.injects.find((i) => i.id === 'health-fails')!;
    expect(sim.applyInject(inject)).toMatch(/primary_health/);
    // The health check alone is one signal of three: no majority yet.
    expect((await ports.probes.verify(verify, params)).passed).toBe(false);
    const out = SCENARIO.injects.find((i) => i.id === 'region-out')!;
    expect(sim.applyInject(out)).toMatch(/region eu-west-2 impaired/);
    const r = await ports.probes.verify(verify, params);
    expect(r.passed, r.summary).toBe(true);
    expect(r.summary).toMatch(/down by 3 of 3 signals/);
    // And it recovers when injects bring the metric and the region back.
    sim.applyInject({ ...inject, metric: { ...inject.metric!, to: 1 } });
    sim.applyInject({ ...out, state: 'OK' });
    expect((await ports.probes.verify(verify, params)).passed).toBe(false);
  });
});
