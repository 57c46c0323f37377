// The console on the simulated AWS with the real catalog and wiring: a region-failure incident declared
// with no parameters typed shows data in every metric pane, with its source and regions, not
// "failing: invalid parameter"; an eu-west-2 incident is shown as eu-west-2.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleStore } from '../../src/cli/console-store.js';
import { consoleWiring } from '../../src/cli/console-wiring.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { createConsole } from '../../src/ui/console.js';
import type { UiDeps } from '../../src/ui/deps.js';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

async function openOnSim(params: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-sim-panes-'));
  const clock = { now: () => Date.now() };
  const store = new IncidentStore(dir, clock);
  const w = await consoleWiring({ stateDir: dir, runbookDirs: [], store, allowActions: false, aws: {}, env: {}, clock });
  const ui = consoleStore(store, 'tester');
  const first = await ui.create({ title: 'region down', severity: 'SEV1', mode: 'live', scenarios: ['region-failure-dr-failover'], params }, []);
  const deps: UiDeps = {
    store: ui, scenarios: w.catalog().scenarios, catalogProblems: [], aws: w.aws, exerciseAws: w.exerciseAws, prepareIncident: w.prepareIncident,
    awsConnected: true, clock, actor: 'tester', allowActions: false, modeLabel: w.modeLabel,
    writeComms: async () => '/dev/null', copy: () => undefined, timeZone: 'UTC',
  };
  const app = createConsole(deps, { cols: 200, rows: 50, env: {}, onExit: () => undefined, open: { incidentId: String(first.data.id) } });
  const r = render(app.element);
  app.runner.start();
  cleanup.push(() => {
    app.runner.stop();
    r.unmount();
    rmSync(dir, { recursive: true, force: true });
  });
  return { frame: () => r.lastFrame() ?? '' };
}

const waitFor = (frame: () => string, pred: (f: string) => boolean) =>
  vi.waitFor(() => {
    if (!pred(frame())) throw new Error(`frame did not match:\n${frame()}`);
  }, { timeout: 8000, interval: 50 });

describe('simulated AWS panes with the built-in catalog', () => {
  it('region-failure-dr-failover with zero parameters: every metric pane has data', async () => {
    const app = await openOnSim({});
    await waitFor(app.frame, (f) => f.includes('Metrics') && /Metrics +SIMULATED · read \d+s ago/.test(f));
    const f = app.frame();
    expect(f).not.toContain('invalid parameter');
    expect(f).not.toContain('FAILED');
    // A unitless metric (CloudWatch's "None") shows its value alone.
    expect(f).toMatch(/Primary endpoint health chec.*1\.00 us-east-1  age/);
    expect(f).toMatch(/DR database CPU.*Percent us-west-2/);
  });

  it('an eu-west-2 incident is shown as eu-west-2 with its DR region, and its panes read there', async () => {
    const app = await openOnSim({ region: 'eu-west-2', dr_region: 'eu-west-1' });
    await waitFor(app.frame, (f) => /Metrics +SIMULATED · read/.test(f));
    const f = app.frame();
    expect(f).toContain('SIMULATED eu-west-2 DR eu-west-1');
    expect(f).not.toContain('SIMULATED us-east-1');
    expect(f).toMatch(/DR database CPU.*eu-west-1/);
  });
});
