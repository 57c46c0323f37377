// The console's first frame comes before the runbook catalog is read; the catalog arrives in a message.
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { createConsole } from '../../src/ui/console.js';
import type { UiDeps } from '../../src/ui/deps.js';
import { MemoryStore } from './fixtures/memory-store.js';
import { notConnectedPorts } from './fixtures/not-connected.js';
import { FIXTURE_SCENARIOS } from './fixtures/scenarios.js';

describe('a catalog that arrives after the first frame', () => {
  it('says it is reading the runbooks, then shows the catalog and its problems', async () => {
    const now = () => Date.parse('2026-11-21T09:00:00Z');
    const deps: UiDeps = {
      store: new MemoryStore(now),
      scenarios: [],
      catalogPending: true,
      catalogProblems: [],
      aws: notConnectedPorts(),
      awsConnected: false,
      clock: { now },
      actor: 'tester',
      allowActions: false,
      modeLabel: 'SIMULATED',
      writeComms: async (id) => `/tmp/${id}.txt`,
      copy: () => {},
    };
    const app = createConsole(deps, { cols: 100, rows: 30, env: {}, onExit: () => {} });
    const r = render(app.element);
    try {
      expect(r.lastFrame()).toContain('reading runbooks');
      expect(r.lastFrame()).not.toContain('0 scenarios');
      app.store.dispatch({ type: 'catalog.loaded', scenarios: FIXTURE_SCENARIOS, problems: ['skipped runbook bad.yaml:3: oops'] });
      await vi.waitFor(() => expect(r.lastFrame()).toContain(`${FIXTURE_SCENARIOS.length} scenarios`));
      expect(r.lastFrame()).toContain('catalog: skipped runbook bad.yaml:3: oops');
      expect(app.store.getState()).toMatchObject({ catalogPending: false, catalog: FIXTURE_SCENARIOS });
    } finally {
      r.unmount();
    }
  });
});
