import { describe, expect, it } from 'vitest';
import { completionRefusal, foldIncident, type TimelineEvent } from '../../src/core/index.js';

let seq = 0;
const ev = (kind: string, data: Record<string, unknown>): TimelineEvent => ({ seq: ++seq, ts: '2026-11-21T10:00:00.000Z', actor: 'ana', kind, data, prev: '', hash: `h${seq}` });
const fold = (...rest: [string, Record<string, unknown>][]) => {
  seq = 0;
  return foldIncident([ev('incident.opened', { id: 'INC-20261121-AAAA', title: 't', severity: 'SEV2', mode: 'live', scenarios: ['s'], params: {} }), ...rest.map(([k, d]) => ev(k, d))]);
};
const restore = { id: 'restore', depends_on: ['check'], action: { operation: 'RestoreTableToPointInTime' } };

describe('completionRefusal', () => {
  it('refuses a step whose dependency is not finished, and names it', () => {
    expect(completionRefusal(fold(), 's', restore)).toMatch(/restore depends on check, not finished yet/);
  });
  it('allows it once the dependency is done, verified or skipped', () => {
    for (const kind of ['step.completed', 'step.skipped'] as const) {
      expect(completionRefusal(fold([kind, { scenario: 's', step: 'check', reason: 'x' }]), 's', restore)).toBeUndefined();
    }
    expect(completionRefusal(fold(['step.verified', { scenario: 's', step: 'check', passed: true, summary: 'ok', evidence: {} }]), 's', restore)).toBeUndefined();
  });
  it('a failed dependency still blocks', () => {
    expect(completionRefusal(fold(['step.failed', { scenario: 's', step: 'check', reason: 'x' }]), 's', restore)).toMatch(/depends on check/);
  });
  it('refuses an action step whose newest attempt was refused, and allows it after a later success', () => {
    const done = ['step.completed', { scenario: 's', step: 'check' }] as [string, Record<string, unknown>];
    const requested = (id: string) => ['aws.action.requested', { actionId: id, service: 'dynamodb', operation: 'RestoreTableToPointInTime', target: 't', scenario: 's', step: 'restore', args: {} }] as [string, Record<string, unknown>];
    const refused = fold(done, requested('a1'), ['aws.action.failed', { actionId: 'a1', errorClass: 'actions-disabled', message: 'actions are off' }]);
    expect(completionRefusal(refused, 's', restore)).toMatch(/did not succeed \(actions-disabled: actions are off\)/);
    const later = fold(done, requested('a1'), ['aws.action.failed', { actionId: 'a1', errorClass: 'refused', message: 'wrong' }], requested('a2'), ['aws.action.approved', { actionId: 'a2', confirmedTarget: 't' }], ['aws.action.succeeded', { actionId: 'a2', summary: 'ok', simulated: false }]);
    expect(completionRefusal(later, 's', restore)).toBeUndefined();
  });
  it('allows an action step done by hand when no action was tried (the command was run in a shell)', () => {
    expect(completionRefusal(fold(['step.completed', { scenario: 's', step: 'check' }]), 's', restore)).toBeUndefined();
  });
});
