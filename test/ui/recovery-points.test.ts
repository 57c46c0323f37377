import { describe, expect, it } from 'vitest';
import { foldIncident, recoveryTargets, type TimelineEvent } from '../../src/core/index.js';
import { buildReport } from '../../src/core/report/index.js';
import { toScenarioInput } from '../../src/cli/report-catalog.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import { appended, press, run } from './fixtures/drive.js';
import { incidentState, opened } from './fixtures/state.js';

describe('recovery points from the console', () => {
  it('W reads the recovery point of the table the scenario protects', () => {
    const [, effects] = press(incidentState(), 'W');
    expect(effects).toEqual([{ type: 'read-recovery-points', id: 'INC-20261121-AAAA', targets: [expect.objectContaining({ scenario: 'dynamodb-pitr-restore', service: 'dynamodb', resource: 'orders' })] }]);
  });

  it('records each point read as an aws.read event the report uses for RPO', () => {
    const point = { component: 'DynamoDB', resource: 'orders', latestRestorable: '2026-11-21T08:59:55.000Z', source: 'DynamoDB DescribeContinuousBackups', measured: true };
    const targets = [{ scenario: 'dynamodb-pitr-restore', component: 'DynamoDB', service: 'dynamodb' as const, resource: 'orders', region: 'primary' as const }];
    const [s, effects] = run(incidentState(), { type: 'recovery-points.read', id: 'INC-20261121-AAAA', targets, points: [point], errors: [] });
    expect(effects).toEqual([
      { type: 'append', id: 'INC-20261121-AAAA', events: [{ kind: 'aws.read', data: expect.objectContaining({ service: 'dynamodb', values: { recoveryPoint: { ...point, scenario: 'dynamodb-pitr-restore' } } }) }] },
    ]);
    expect(s.toast?.text).toBe('1 recovery point recorded');
  });

  it('says so when the incident has no table or cluster to read', () => {
    const [s, effects] = press(incidentState({}, opened('live', [])), 'W');
    expect(effects).toEqual([]);
    expect(s.toast?.text).toMatch(/no DynamoDB table or RDS cluster/);
  });

  // Every built-in scenario with a table or cluster to read: what W records reaches that scenario's RPO rows.
  const catalog = loadCatalog({ dirs: [], stateDir: '/nonexistent-warroom-state' });
  const readable = catalog.scenarios
    .map((sc) => ({ sc, params: Object.fromEntries(Object.entries(sc.params).map(([k, p]) => [k, p.example])) }))
    .filter(({ sc, params }) => recoveryTargets([sc], params).length > 0 && sc.objectives.some((o) => o.rpo_seconds !== undefined && !o.rpo_by_design));
  it.each(readable.map((r) => [r.sc.id, r] as const))('W reaches the report\'s RPO for %s', (_id, { sc, params }) => {
    const targets = recoveryTargets([sc], params);
    const points = targets.map((t) => ({ component: t.component, resource: t.resource, latestRestorable: '2026-11-21T08:59:00.000Z', source: 'DynamoDB DescribeContinuousBackups', measured: true }));
    const [, effects] = run(incidentState(), { type: 'recovery-points.read', id: 'INC-20261121-AAAA', targets, points, errors: [] });
    const list = [
      { kind: 'incident.opened', data: { id: 'INC-20261121-AAAA', title: 't', severity: 'SEV2', mode: 'live', scenarios: [sc.id], params } },
      { kind: 'milestone.set', data: { milestone: 'impact-started', at: '2026-11-21T09:00:00.000Z', backdated: true } },
      ...appended(effects),
    ];
    const events: TimelineEvent[] = list.map((e, i) => ({ seq: i + 1, ts: '2026-11-21T09:30:00.000Z', actor: 'a', kind: e.kind, data: e.data as Record<string, unknown>, prev: '', hash: `h${i}` }));
    const report = buildReport({ events, state: foldIncident(events), scenarios: [toScenarioInput(sc)], now: Date.parse('2026-11-21T10:00:00Z'), verification: { ok: true, count: events.length, headHash: 'h' } });
    const rows = report.objectives.rows.filter((r) => r.targetRpo !== null && !r.rpoByDesign);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.component, r.rpo.seconds]).toEqual([r.component, 60]);
  });
});
