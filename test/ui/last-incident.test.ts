// The console remembers the incident each actor last had open and offers it on the next start.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastIncident, rememberIncident } from '../../src/cli/last-incident.js';
import { run } from './fixtures/drive.js';
import { events, homeState, opened } from './fixtures/state.js';
import type { UiIncidentSummary } from '../../src/ui/deps.js';

const summary = (id: string): UiIncidentSummary => ({ id, title: id, severity: 'SEV2', status: 'declared', mode: 'live', openedAt: '2026-11-21T08:00:00Z', events: 3 }) as UiIncidentSummary;

describe('the last incident', () => {
  it('the first listing highlights it; later listings keep the highlight where the operator put it', () => {
    const s0 = { ...homeState(), lastIncident: 'INC-B' };
    const [s1] = run(s0, { type: 'incidents.listed', incidents: [summary('INC-C'), summary('INC-B'), summary('INC-A')] });
    expect(s1.home.cursor).toBe(1);
    const [s2] = run({ ...s1, home: { ...s1.home, cursor: 2 } }, { type: 'incidents.listed', incidents: [summary('INC-C'), summary('INC-B'), summary('INC-A')] });
    expect(s2.home.cursor).toBe(2);
  });
  it('opening an incident remembers it', () => {
    const evs = events(opened());
    const [s, effects] = run(homeState(), { type: 'incident.loaded', id: 'INC-20261121-AAAA', events: evs, offset: evs.length });
    expect(effects).toContainEqual({ type: 'remember-incident', id: 'INC-20261121-AAAA' });
    expect(s.lastIncident).toBe('INC-20261121-AAAA');
  });
  it('is kept per actor in the state dir, and a missing or broken file remembers nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-last-'));
    try {
      expect(lastIncident(dir, 'alice')).toBeUndefined();
      rememberIncident(dir, 'alice', 'INC-1');
      rememberIncident(dir, 'bob', 'INC-2');
      rememberIncident(dir, 'alice', 'INC-3');
      expect([lastIncident(dir, 'alice'), lastIncident(dir, 'bob')]).toEqual(['INC-3', 'INC-2']);
      mkdirSync(join(dir, 'console'), { recursive: true });
      writeFileSync(join(dir, 'console', 'last-incident.json'), '{not json');
      expect(lastIncident(dir, 'alice')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
