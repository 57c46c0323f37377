// The simulated world agrees with the injects: an inject that declares a condition drives what shows it.
// The region-failure drill's first inject says the primary's Route 53 health check reports unhealthy, so the
// confirm-region step's verification must see Failure.
import { describe, expect, it } from 'vitest';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import type { VerifySpec } from '../../src/core/index.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';

const SCENARIO = findScenario(loadCatalog({}), 'region-failure-dr-failover');

function drill() {
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, seed: 7, region: 'us-east-1', drRegion: 'us-west-2', allowActions: true });
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
    const r = await ports.probes.verify(verify, params);
    expect(r.passed).toBe(true);
    // And it recovers when an inject brings the metric back.
    sim.applyInject({ ...inject, metric: { ...inject.metric!, to: 1 } });
    expect((await ports.probes.verify(verify, params)).passed).toBe(false);
  });
});
