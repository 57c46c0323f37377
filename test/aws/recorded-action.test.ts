import { describe, expect, it, vi } from 'vitest';
import { runRecordedAction } from '../../src/aws/recorded-action.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import type { ActionsPort } from '../../src/aws/ports.js';
import { validateEventData, type NewEvent } from '../../src/core/index.js';
import { restorePitr, scenario, simTime } from './support/fixtures.js';

function setup(allowActions: boolean) {
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, allowActions });
  const params = sim.load(scenario);
  const events: NewEvent[] = [];
  // Every appended event must pass the timeline's own schema.
  const append = (e: NewEvent) => {
    validateEventData(e.kind, e.data);
    events.push(e);
  };
  return { ports: sim.ports(), params, events, append };
}

const kinds = (events: NewEvent[]) => events.map((e) => e.kind);

describe('runRecordedAction', () => {
  it('records requested, approved and succeeded around a confirmed action', async () => {
    const { ports, params, events, append } = setup(true);
    const r = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' }, { actionId: 'a1', scenario: 'ddb', step: 'restore', region: 'us-east-1' });
    expect(r.ok).toBe(true);
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.approved', 'aws.action.succeeded']);
    expect(events[0]!.data).toMatchObject({ actionId: 'a1', service: 'dynamodb', operation: 'RestoreTableToPointInTime', target: 'orders-restored', scenario: 'ddb', step: 'restore', args: { SourceTableName: 'orders', TargetTableName: 'orders-restored' } });
    expect(events[1]!.data).toEqual({ actionId: 'a1', confirmedTarget: 'orders-restored' });
    expect(events[2]!.data).toMatchObject({ actionId: 'a1', simulated: true });
  });

  it('a wrong confirmation is refused: requested then failed, never approved, nothing executed', async () => {
    const { ports, params, events, append } = setup(true);
    const execute = vi.spyOn(ports.actions, 'execute');
    const r = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restore' }, { actionId: 'a2' });
    expect(r.error?.class).toBe('refused');
    expect(execute).not.toHaveBeenCalled();
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.failed']);
    expect(events[1]!.data).toMatchObject({ actionId: 'a2', errorClass: 'refused' });
  });

  it('actions disabled: requested then failed with actions-disabled', async () => {
    const { ports, params, events, append } = setup(false);
    const r = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(r.error?.class).toBe('actions-disabled');
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.failed']);
    expect(r.actionId).toMatch(/^act-/);
  });

  it('an AWS failure after approval is recorded as failed with its class', async () => {
    const { ports, params, events, append } = setup(true);
    await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    events.length = 0;
    const again = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(again.ok).toBe(false);
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.approved', 'aws.action.failed']);
    expect(events[2]!.data).toMatchObject({ errorClass: 'invalid-parameter' });
  });

  it('an adapter that throws still leaves a failed record', async () => {
    const { params, events, append } = setup(true);
    const actions: ActionsPort = { enabled: true, target: () => 'orders-restored', execute: () => Promise.reject(new Error('kaboom\u001b[31m')) };
    const r = await runRecordedAction({ actions }, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(r.ok).toBe(false);
    expect(events.at(-1)).toMatchObject({ kind: 'aws.action.failed', data: { errorClass: 'unknown', message: 'failed: kaboom' } });
  });
});
