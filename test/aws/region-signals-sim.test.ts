// The simulated AWS answers confirm-region's signals as the live adapter reads them: a simulated outage of the
// primary region is an open AWS Health issue and a probe that gets no answer.
import { describe, expect, it } from 'vitest';
import { probeOutcome } from '../../src/aws/poll-verify.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { loadCatalog, resolveParams } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';

const scenario = loadCatalog({}).scenarios.find((s) => s.id === 'region-failure-dr-failover')!;
const confirm = { ...scenario.steps.find((s) => s.id === 'confirm-region')!.verify!, interval_seconds: 1, deadline_seconds: 1 };

function world() {
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, region: 'eu-west-2', drRegion: 'eu-west-1' });
  const params = resolveParams(scenario, Object.fromEntries(Object.entries(scenario.params).map(([k, p]) => [k, p.default ?? p.example])));
  sim.load(scenario, params);
  return { sim, params };
}

describe('confirm-region on the simulated AWS', () => {
  it('fails while the primary region answers (every signal says up)', async () => {
    const { sim, params } = world();
    const r = await sim.ports().probes.verify(confirm, params);
    expect(probeOutcome(r)).toBe('failed');
    expect(r.summary).toMatch(/up by 3 of 3 signals/);
  });

  it('passes once the primary region is out: AWS Health and the probe say down, the health check still up', async () => {
    const { sim, params } = world();
    sim.applyInject({ id: 'out', kind: 'resource', text: 'region out', resource: 'region:primary', state: 'ALARM' });
    const r = await sim.ports().probes.verify(confirm, params);
    expect(r.passed, r.summary).toBe(true);
    expect(r.summary).toMatch(/down by 2 of 3 signals: aws-health down .*route53-health-check up .*probe down/);
  });
});
