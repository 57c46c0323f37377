// Fixed incidents for the report tests, written through the real journal with a fixed clock so the
// goldens are byte-stable: one live incident that touches every section, and one drill with gaps.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, type NewEvent } from '../../src/core/index.js';
import type { ScenarioInput } from '../../src/core/report/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { Journal } from '../../src/store/journal.js';

export const T0 = Date.parse('2026-11-21T09:00:00.000Z');
export const at = (min: number, sec = 0) => new Date(T0 + min * 60_000 + sec * 1000).toISOString();

/** [minutes after T0, actor, event]; events are appended in this order. */
type Step = [number, string, NewEvent];

export async function writeIncident(id: string, steps: Step[], dir = mkdtempSync(join(tmpdir(), 'warroom-report-'))) {
  const clock = fixedClock(T0);
  mkdirSync(join(dir, 'incidents'), { recursive: true });
  const store = new IncidentStore(dir, clock);
  const journal = new Journal(store.journalPath(id), clock);
  const [[, firstActor, first], ...rest] = steps as [Step, ...Step[]];
  await journal.create(first as NewEvent<'incident.opened'>, firstActor);
  for (const [min, actor, e] of rest) {
    clock.set(T0 + min * 60_000);
    await journal.append([e], actor);
  }
  return { dir, store, clock };
}

export const ORDERS_ID = 'INC-20261121-ORD1';
const sc = 'dynamodb-table-corruption';

export const ordersScenarios: ScenarioInput[] = [
  {
    id: sc,
    title: 'DynamoDB table corruption',
    objectives: [
      { component: 'orders table', rto_seconds: 2 * 3600, rpo_seconds: 60 },
      { component: 'orders database', rto_seconds: 15 * 60, rpo_seconds: 0, rpo_by_design: true, note: 'Aurora Multi-AZ' },
      { component: 'search index', rto_seconds: 30 * 60, rpo_seconds: 300 },
    ],
    steps: [
      { id: 'assess', title: 'Assess the damage', role: 'operations-lead' },
      { id: 'backup', title: 'Take an on-demand backup', role: 'dba' },
      { id: 'restore', title: 'Restore to a point in time', role: 'dba', component: 'orders table' },
      { id: 'reindex', title: 'Rebuild the search index', role: 'operations-lead' },
      { id: 'notify', title: 'Notify the data owners', role: 'communications-lead' },
    ],
    metrics: [
      { id: 'throttles', title: 'Throttled requests', namespace: 'AWS/DynamoDB', metric: 'ThrottledRequests', dimensions: {}, statistic: 'Sum', period_seconds: 60, unit: 'Count', region: 'primary', bad_when: 'above', warning: 5, critical: 20 },
    ],
  },
];

const ev = <K extends NewEvent['kind']>(kind: K, data: NewEvent<K>['data']): NewEvent => ({ kind, data } as NewEvent);

export function ordersSteps(): Step[] {
  return [
    [0, 'alice', ev('incident.opened', { id: ORDERS_ID, title: 'Orders table returns corrupt items', severity: 'SEV2', mode: 'live', scenarios: [sc], params: { table: 'orders' } })],
    [1, 'alice', ev('milestone.set', { milestone: 'impact-started', at: at(-20), backdated: true })],
    [1, 'alice', ev('milestone.set', { milestone: 'detected', at: at(-5), backdated: true })],
    [2, 'alice', ev('role.assigned', { role: 'incident-commander', name: 'alice' })],
    [2, 'alice', ev('role.assigned', { role: 'dba', name: 'bob' })],
    [2, 'alice', ev('role.assigned', { role: 'communications-lead', name: 'carol' })],
    [3, 'alice', ev('status.changed', { status: 'declared' })],
    [3, 'alice', ev('milestone.set', { milestone: 'declared', at: at(3), backdated: false })],
    [4, 'alice', ev('severity.changed', { severity: 'SEV1', reason: 'all writes failing' })],
    [4, 'alice', ev('alarm.changed', { alarm: 'orders-throttles', from: 'OK', to: 'ALARM', reason: 'Threshold crossed: 25 > 20', at: at(-4) })],
    [5, 'system', ev('metric.snapshot', { metric: 'throttles', unit: 'Count', warning: 5, critical: 20, points: [[at(-6), 0], [at(-5), 12], [at(-4), 25], [at(-3), 31], [at(-2), 28]] })],
    [6, 'carol', ev('comms.sent', { channel: 'status', text: 'Investigating corrupt orders <b>now</b> | ETA unknown' })],
    [7, 'bob', ev('step.started', { scenario: sc, step: 'assess' })],
    [9, 'bob', ev('step.completed', { scenario: sc, step: 'assess', text: '1,200 items affected' })],
    [10, 'bob', ev('decision', { text: 'Restore to 08:39 rather than repair in place' })],
    [10, 'bob', ev('note', { text: 'Bad deploy suspected\u001b[31m red\u0007' })],
    [11, 'bob', ev('step.started', { scenario: sc, step: 'backup' })],
    [11, 'bob', ev('aws.action.requested', { actionId: 'a1', service: 'dynamodb', operation: 'CreateBackup', target: 'orders', region: 'eu-west-2', scenario: sc, step: 'backup' })],
    [12, 'alice', ev('aws.action.approved', { actionId: 'a1', confirmedTarget: 'orders' })],
    [12, 'bob', ev('aws.action.succeeded', { actionId: 'a1', requestId: 'REQ-111', summary: 'backup orders-pre-restore created' })],
    [12, 'bob', ev('step.completed', { scenario: sc, step: 'backup' })],
    [13, 'bob', ev('aws.read', { service: 'dynamodb', operation: 'DescribeContinuousBackups', region: 'eu-west-2', summary: 'PITR enabled', values: { recoveryPoint: { component: 'orders table', resource: 'orders', latestRestorable: at(-20, -30), source: 'DynamoDB DescribeContinuousBackups', measured: true } } })],
    [14, 'bob', ev('step.started', { scenario: sc, step: 'restore' })],
    [14, 'bob', ev('aws.action.requested', { actionId: 'a2', service: 'dynamodb', operation: 'RestoreTableToPointInTime', target: 'orders-restored', scenario: sc, step: 'restore' })],
    [15, 'alice', ev('aws.action.approved', { actionId: 'a2', confirmedTarget: 'orders-restored' })],
    [16, 'bob', ev('aws.action.failed', { actionId: 'a2', requestId: 'REQ-222', errorClass: 'throttled', message: 'rate exceeded' })],
    [17, 'bob', ev('aws.action.requested', { actionId: 'a3', service: 'dynamodb', operation: 'RestoreTableToPointInTime', target: 'orders-restored', scenario: sc, step: 'restore' })],
    [17, 'alice', ev('aws.action.approved', { actionId: 'a3', confirmedTarget: 'orders-restored' })],
    [18, 'bob', ev('aws.action.succeeded', { actionId: 'a3', requestId: 'REQ-333', summary: 'restore started' })],
    [30, 'system', ev('metric.snapshot', { metric: 'throttles', unit: 'Count', warning: 5, critical: 20, points: [[at(-2), 29], [at(10), 18], [at(20), 6], [at(29), 0]] })],
    [31, 'bob', ev('step.verified', { scenario: sc, step: 'restore', passed: true, summary: 'orders-restored is ACTIVE', evidence: { 'Table.TableStatus': 'ACTIVE', ItemCount: 120000 } })],
    [32, 'bob', ev('step.skipped', { scenario: sc, step: 'reindex', reason: 'search index unaffected' })],
    [33, 'carol', ev('step.failed', { scenario: sc, step: 'notify', reason: 'data owners pager rota out of date' })],
    [34, 'system', ev('alarm.changed', { alarm: 'orders-throttles', from: 'ALARM', to: 'OK' })],
    [35, 'alice', ev('milestone.set', { milestone: 'mitigated', at: at(35), backdated: false })],
    [36, 'alice', ev('severity.changed', { severity: 'SEV3' })],
    [40, 'carol', ev('comms.sent', { channel: 'status', text: 'Orders restored; monitoring' })],
    [41, 'alice', ev('amend', { target: 15, text: 'the decision was to restore to 08:39:30, not 08:39' })],
    [42, 'alice', ev('action_item.added', { text: 'Update the data owners pager rota', owner: 'carol' })],
    [50, 'alice', ev('milestone.set', { milestone: 'resolved', at: at(50), backdated: false })],
    [50, 'alice', ev('status.changed', { status: 'resolved' })],
  ];
}

export const DRILL_ID = 'INC-20261121-DRL1';

export const drillScenarios: ScenarioInput[] = [
  {
    id: 'aurora-failover',
    title: 'Aurora writer failure',
    objectives: [{ component: 'orders database', rto_seconds: 5 * 60, rpo_by_design: true, rpo_seconds: 0 }],
    steps: [
      { id: 'confirm', title: 'Confirm the writer is down', role: 'dba' },
      { id: 'failover', title: 'Fail over to the replica', role: 'dba' },
    ],
  },
];

/** A drill still running: no impact start (RTO estimated from detection), declared after mitigation. */
export function drillSteps(): Step[] {
  return [
    [0, 'fran', ev('incident.opened', { id: DRILL_ID, title: 'Drill: Aurora writer lost', severity: 'SEV2', mode: 'exercise', scenarios: ['aurora-failover'], params: {} })],
    [1, 'fran', ev('exercise.clock', { control: 'start' })],
    [1, 'fran', ev('exercise.inject', { inject: 'writer-down', text: 'Alarm: orders-db writer unreachable', offsetSeconds: 0 })],
    [2, 'system', ev('alarm.changed', { alarm: 'orders-db-writer', from: 'OK', to: 'ALARM' })],
    [3, 'gus', ev('milestone.set', { milestone: 'detected', at: at(3), backdated: false })],
    [4, 'gus', ev('step.started', { scenario: 'aurora-failover', step: 'confirm' })],
    [5, 'gus', ev('step.completed', { scenario: 'aurora-failover', step: 'confirm' })],
    [10, 'gus', ev('milestone.set', { milestone: 'mitigated', at: at(10), backdated: false })],
    [12, 'gus', ev('milestone.set', { milestone: 'declared', at: at(12), backdated: false })],
    [20, 'fran', ev('exercise.inject', { inject: 'customer-call', text: 'A customer reports missing orders' })],
    [21, 'fran', ev('exercise.clock', { control: 'pause' })],
    [29, 'gus', ev('note', { text: 'went well: the dba knew the failover command by heart' })],
    [30, 'gus', ev('note', { text: 'improve: nobody owned customer comms' })],
    [40, 'fran', ev('exercise.inject', { inject: 'second-region', text: 'The DR region is degraded too' })],
  ];
}
