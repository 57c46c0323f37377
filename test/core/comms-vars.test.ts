import { describe, expect, it } from 'vitest';
import { fillLenient, foldIncident, incidentVars, type TimelineEvent } from '../../src/core/index.js';
import { INCIDENT_FIELDS, loadCatalog } from '../../src/scenarios/index.js';

const T = '2026-11-21T10:00:00.000Z';
const NOW = Date.parse('2026-11-21T10:42:05.000Z');
const ev = (seq: number, kind: string, data: Record<string, unknown>): TimelineEvent => ({ seq, ts: T, actor: 'ana', kind, data, prev: '', hash: `h${seq}` });

function declared(params: Record<string, string>, more: [string, Record<string, unknown>][] = []) {
  return foldIncident([
    ev(1, 'incident.opened', { id: 'INC-20261121-AAAA', title: 'Orders down', severity: 'SEV2', mode: 'exercise', scenarios: [], params }),
    ev(2, 'milestone.set', { milestone: 'impact-started', at: '2026-11-21T09:55:00.000Z', backdated: true }),
    ev(3, 'milestone.set', { milestone: 'declared', at: T, backdated: false }),
    ev(4, 'status.changed', { status: 'declared' }),
    ...more.map(([kind, data], i) => ev(5 + i, kind, data)),
  ]);
}

describe('status update placeholders', () => {
  it('give a value for every incident field a runbook template may use', () => {
    const vars = incidentVars(declared({}), { now: NOW, nextUpdateAt: NOW + 1_800_000 });
    for (const field of INCIDENT_FIELDS) expect(vars[field], field).toBeTruthy();
    expect(vars.impact_started).toBe('2026-11-21 09:55 UTC');
    expect(vars.elapsed).toBe('47m 05s');
  });

  it('count the elapsed time up to the resolution once resolved', () => {
    const s = declared({}, [['milestone.set', { milestone: 'resolved', at: '2026-11-21T10:30:00.000Z', backdated: false }]]);
    expect(incidentVars(s, { now: NOW }).elapsed).toBe('35m 00s');
  });

  it('fill every template of the catalog with the runbook examples', () => {
    for (const sc of loadCatalog({}).scenarios) {
      const params = Object.fromEntries(Object.entries(sc.params).map(([k, p]) => [k, p.example]));
      const vars = incidentVars(declared(params), { now: NOW, nextUpdateAt: NOW + 1_800_000 });
      for (const [kind, template] of Object.entries(sc.comms.templates)) {
        expect(fillLenient(template, vars), `${sc.id} ${kind}`).not.toMatch(/\{\{/);
      }
    }
  });
});
