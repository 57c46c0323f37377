// Every scenario of the built-in catalog, played on the simulated AWS: after its actions (confirmed, with
// their waits), its verify steps pass. The exceptions are steps the simulated AWS cannot know about.
import { describe, expect, it } from 'vitest';
import { runRecordedAction } from '../../src/aws/recorded-action.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import type { NewEvent } from '../../src/core/index.js';
import { loadCatalog, resolveParams } from '../../src/scenarios/index.js';
import { simTime } from './support/fixtures.js';
import { KNOWN } from './support/sim-known.js';


const catalog = loadCatalog({});

describe('the catalog on the simulated AWS', () => {
  it('loads', () => {
    expect(catalog.problems).toEqual([]);
    expect(catalog.scenarios.length).toBeGreaterThan(0);
  });

  it.each(catalog.scenarios.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const { clock, sleep } = simTime();
    const sim = new SimAws({ clock, sleep, allowActions: true });
    const ports = sim.ports();
    const examples = Object.fromEntries(Object.entries(scenario.params).map(([k, p]) => [k, p.default ?? p.example]));
    const params = resolveParams(scenario, examples);
    sim.load(scenario, params);
    const failed: string[] = [];
    for (const step of scenario.steps) {
      if (step.action) {
        // Through the recorded path, as console and CLI run it: the wait may compare with the state before.
        const events: NewEvent[] = [];
        const r = await runRecordedAction(ports, (e) => events.push(e), { spec: step.action, params, confirmation: ports.actions.target(step.action, params) }, { scenario: scenario.id, step: step.id });
        expect(r.ok, `${step.id}: ${r.summary}`).toBe(true);
        if (step.action.wait) expect(r.outcome, `${step.id} wait: ${r.wait?.summary}`).toBe('proved');
      }
      if (step.verify && !(await ports.probes.verify(step.verify, params)).passed) failed.push(`${scenario.id}/${step.id}`);
    }
    expect(failed.filter((f) => !(f in KNOWN))).toEqual([]);
    const series = await ports.metrics.fetch(scenario.metrics, params, { start: clock.now() - 3_600_000, end: clock.now() });
    expect(series.filter((s) => s.points.length === 0).map((s) => s.id)).toEqual([]);
  });
});
