import { describe, expect, it } from 'vitest';
import { foldIncident, milestoneWarnings, type TimelineEvent } from '../../src/core/index.js';

let seq = 0;
const ev = (kind: string, data: Record<string, unknown>, ts = '2026-11-21T10:00:00.000Z', actor = 'ana'): TimelineEvent => ({
  seq: ++seq,
  ts,
  actor,
  kind,
  data,
  prev: '',
  hash: `h${seq}`,
});
const opened = () => {
  seq = 0;
  return ev('incident.opened', { id: 'INC-20261121-AAAA', title: 'Region down', severity: 'SEV2', mode: 'live', scenarios: ['region-failure'], params: { region: 'eu-west-2' } });
};

describe('foldIncident', () => {
  it('refuses a timeline that does not start with incident.opened', () => {
    seq = 0;
    expect(() => foldIncident([ev('note', { text: 'x' })])).toThrow(/incident.opened/);
    expect(() => foldIncident([])).toThrow(/incident.opened/);
  });

  it('starts in triage with the opening fields', () => {
    const s = foldIncident([opened()]);
    expect(s).toMatchObject({ id: 'INC-20261121-AAAA', title: 'Region down', severity: 'SEV2', status: 'triage', mode: 'live', scenarios: ['region-failure'], lastSeq: 1, headHash: 'h1' });
    expect(s.params).toEqual({ region: 'eu-west-2' });
  });

  it.each([
    ['severity.changed', { severity: 'SEV1' }, (s: ReturnType<typeof foldIncident>) => expect([s.severity, s.severityHistory.length]).toEqual(['SEV1', 2])],
    ['status.changed', { status: 'mitigating' }, (s: ReturnType<typeof foldIncident>) => expect([s.status, s.statusHistory.at(-1)?.status]).toEqual(['mitigating', 'mitigating'])],
    ['role.assigned', { role: 'scribe', name: 'bo' }, (s: ReturnType<typeof foldIncident>) => expect(s.roles).toEqual({ scribe: ['bo'] })],
    ['note', { text: 'n' }, (s: ReturnType<typeof foldIncident>) => expect(s.notes).toBe(1)],
    ['decision', { text: 'fail over' }, (s: ReturnType<typeof foldIncident>) => expect(s.decisions.map((d) => d.text)).toEqual(['fail over'])],
    ['action_item.added', { text: 'add alarm', owner: 'cy' }, (s: ReturnType<typeof foldIncident>) => expect(s.actionItems[0]).toMatchObject({ text: 'add alarm', owner: 'cy' })],
    ['comms.sent', { channel: 'status', text: 'update 1' }, (s: ReturnType<typeof foldIncident>) => expect(s.commsSent[0]?.text).toBe('update 1')],
    ['alarm.changed', { alarm: 'api-5xx', from: 'OK', to: 'ALARM' }, (s: ReturnType<typeof foldIncident>) => expect(s.alarms['api-5xx']?.state).toBe('ALARM')],
    ['exercise.inject', { inject: 'i1', text: 'alarm fires' }, (s: ReturnType<typeof foldIncident>) => expect(s.injects[0]?.inject).toBe('i1')],
    ['scenario.selected', { scenarios: ['dynamodb-corruption'], params: { table: 'orders' } }, (s: ReturnType<typeof foldIncident>) => expect([s.scenarios, s.params.table]).toEqual([['region-failure', 'dynamodb-corruption'], 'orders'])],
    ['amend', { target: 1, text: 'title should say eu-west-2' }, (s: ReturnType<typeof foldIncident>) => expect(s.amendments[1]?.[0]?.text).toBe('title should say eu-west-2')],
    ['some.future.kind', { x: 1 }, (s: ReturnType<typeof foldIncident>) => expect(s.unknownKinds).toEqual(['some.future.kind'])],
  ] as const)('%s', (kind, data, check) => {
    const s = foldIncident([opened(), ev(kind, data)]);
    check(s);
    expect(s.lastSeq).toBe(2);
  });

  it('walks a step through its states and keeps who and when', () => {
    const s = foldIncident([
      opened(),
      ev('step.started', { scenario: 'r', step: 's1' }, '2026-11-21T10:01:00.000Z', 'ana'),
      ev('step.completed', { scenario: 'r', step: 's1' }, '2026-11-21T10:05:00.000Z', 'bo'),
      ev('step.verified', { scenario: 'r', step: 's1', passed: true, summary: 'ACTIVE', evidence: { 'Table.TableStatus': 'ACTIVE' } }, '2026-11-21T10:06:00.000Z'),
      ev('step.skipped', { scenario: 'r', step: 's2', reason: 'not needed' }),
      ev('step.failed', { scenario: 'r', step: 's3', reason: 'denied' }),
      ev('step.verified', { scenario: 'r', step: 's4', passed: false, summary: 'CREATING', evidence: {} }),
    ]);
    expect(s.steps['r/s1']).toMatchObject({ status: 'verified', startedAt: '2026-11-21T10:01:00.000Z', startedBy: 'ana', endedAt: '2026-11-21T10:05:00.000Z', endedBy: 'bo' });
    expect(s.steps['r/s1']?.verification?.evidence).toEqual({ 'Table.TableStatus': 'ACTIVE' });
    expect(s.steps['r/s2']).toMatchObject({ status: 'skipped', reason: 'not needed' });
    expect(s.steps['r/s3']).toMatchObject({ status: 'failed', reason: 'denied' });
    expect(s.steps['r/s4']?.status).toBe('todo'); // a failed verification does not complete a step
    expect(s.responders).toEqual(['ana', 'bo']);
  });

  it('tracks an AWS action from request to outcome', () => {
    const s = foldIncident([
      opened(),
      ev('aws.action.requested', { actionId: 'a1', service: 'rds', operation: 'FailoverDBCluster', target: 'prod-aurora', args: {} }),
      ev('aws.action.approved', { actionId: 'a1', confirmedTarget: 'prod-aurora' }),
      ev('aws.action.succeeded', { actionId: 'a1', requestId: 'req-1', summary: 'writer is now instance-2', simulated: false }),
      ev('aws.action.requested', { actionId: 'a2', service: 'dynamodb', operation: 'CreateBackup', target: 'orders', args: {} }),
      ev('aws.action.failed', { actionId: 'a2', errorClass: 'access-denied', message: 'missing dynamodb:CreateBackup' }),
    ]);
    expect(s.actions.a1).toMatchObject({ outcome: 'succeeded', requestId: 'req-1', approvedBy: 'ana' });
    expect(s.actions.a2).toMatchObject({ outcome: 'failed', error: { class: 'access-denied' } });
  });

  it('marks back-dated milestones, keeps earlier values and flags out-of-order ones', () => {
    const s = foldIncident([
      opened(),
      ev('milestone.set', { milestone: 'detected', at: '2026-11-21T09:50:00.000Z', backdated: true }),
      ev('milestone.set', { milestone: 'impact-started', at: '2026-11-21T09:55:00.000Z', backdated: true }),
      ev('milestone.set', { milestone: 'detected', at: '2026-11-21T09:58:00.000Z', backdated: true }),
      ev('milestone.set', { milestone: 'mitigated', at: '2026-11-21T09:40:00.000Z', backdated: true }),
    ]);
    expect(s.milestones.detected).toMatchObject({ at: '2026-11-21T09:58:00.000Z', backdated: true, previous: [{ at: '2026-11-21T09:50:00.000Z', seq: 2 }] });
    expect(s.warnings).toEqual([
      'milestone mitigated (2026-11-21T09:40:00.000Z) is before impact-started (2026-11-21T09:55:00.000Z)',
      'milestone mitigated (2026-11-21T09:40:00.000Z) is before detected (2026-11-21T09:58:00.000Z)',
    ]);
  });

  it('has no warnings for milestones in order', () => {
    expect(
      milestoneWarnings({
        'impact-started': { at: '2026-11-21T09:00:00Z', setAt: '', seq: 2, actor: 'a', backdated: true, previous: [] },
        resolved: { at: '2026-11-21T11:00:00Z', setAt: '', seq: 3, actor: 'a', backdated: false, previous: [] },
      }),
    ).toEqual([]);
  });
});
