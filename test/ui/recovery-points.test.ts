import { describe, expect, it } from 'vitest';
import { opened } from './fixtures/state.js';
import { press, run } from './fixtures/drive.js';
import { incidentState } from './fixtures/state.js';

describe('recovery points from the console', () => {
  it('W reads the recovery point of the table the scenario protects', () => {
    const [, effects] = press(incidentState(), 'W');
    expect(effects).toEqual([{ type: 'read-recovery-points', id: 'INC-20261121-AAAA', targets: [expect.objectContaining({ service: 'dynamodb', resource: 'orders' })] }]);
  });

  it('records each point read as an aws.read event the report uses for RPO', () => {
    const point = { component: 'DynamoDB', resource: 'orders', latestRestorable: '2026-11-21T08:59:55.000Z', source: 'DynamoDB DescribeContinuousBackups', measured: true };
    const [s, effects] = run(incidentState(), { type: 'recovery-points.read', id: 'INC-20261121-AAAA', points: [point], errors: [] });
    expect(effects).toEqual([
      { type: 'append', id: 'INC-20261121-AAAA', events: [{ kind: 'aws.read', data: expect.objectContaining({ service: 'dynamodb', values: { recoveryPoint: point } }) }] },
    ]);
    expect(s.toast?.text).toBe('1 recovery point recorded');
  });

  it('says so when the incident has no table or cluster to read', () => {
    const [s, effects] = press(incidentState({}, opened('live', [])), 'W');
    expect(effects).toEqual([]);
    expect(s.toast?.text).toMatch(/no DynamoDB table or RDS cluster/);
  });
});
