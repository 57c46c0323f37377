import { describe, expect, it } from 'vitest';
import { interruptedWaits } from '../../src/core/index.js';

const ev = (kind: string, data: Record<string, unknown>, ts = '2026-12-03T10:00:00.000Z') => ({ kind, ts, data }) as never;
const requested = ev('aws.action.requested', { actionId: 'a1', service: 'rds', operation: 'PromoteReadReplica', target: 'db-replica', scenario: 'rds-read-replica-promotion', step: 'promote' });
const succeeded = ev('aws.action.succeeded', { actionId: 'a1', summary: 'ok', simulated: true }, '2026-12-03T10:01:00.000Z');

describe('interrupted waits', () => {
  it('an action that succeeded with no state read after it was cut short', () => {
    expect(interruptedWaits([requested, succeeded])).toEqual([{ actionId: 'a1', scenario: 'rds-read-replica-promotion', step: 'promote', what: 'rds PromoteReadReplica on db-replica', at: '2026-12-03T10:01:00.000Z' }]);
  });
  it('is finished by the state read after, a later verification of the step, or an earlier report', () => {
    expect(interruptedWaits([requested, succeeded, ev('aws.read', { service: 'rds', operation: 'DescribeDBInstances', summary: 's', values: { actionId: 'a1', phase: 'after', state: {} } })])).toEqual([]);
    expect(interruptedWaits([requested, succeeded, ev('step.verified', { scenario: 'rds-read-replica-promotion', step: 'promote', passed: true, summary: 's', evidence: {} })])).toEqual([]);
    expect(interruptedWaits([requested, succeeded, ev('aws.read', { service: 'warroom', operation: 'verify', summary: 's', values: { check: 'could-not-check', step: 'promote' } })])).toEqual([]);
    expect(interruptedWaits([requested, succeeded, ev('aws.read', { service: 'warroom', operation: 'wait', summary: 's', values: { check: 'wait-interrupted', actionId: 'a1' } })])).toEqual([]);
  });
  it('a refused or failed action has no wait to interrupt', () => {
    expect(interruptedWaits([requested, ev('aws.action.failed', { actionId: 'a1', errorClass: 'refused', message: 'm' })])).toEqual([]);
  });
});
