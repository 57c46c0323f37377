import { describe, expect, it, vi } from 'vitest';
import { runRecordedAction } from '../../src/aws/recorded-action.js';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import type { ActionsPort, ProbesPort } from '../../src/aws/ports.js';
import { validateEventData, type NewEvent } from '../../src/core/index.js';
import { restorePitr, scenario, simTime } from './support/fixtures.js';

function setup(allowActions: boolean) {
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, allowActions, region: 'eu-west-2', drRegion: 'eu-west-1' });
  const params = sim.load(scenario);
  const events: NewEvent[] = [];
  // Every appended event must pass the timeline's own schema.
  const append = (e: NewEvent) => {
    validateEventData(e.kind, e.data);
    events.push(e);
  };
  return { sim, ports: sim.ports(), params, events, append };
}

const kinds = (events: NewEvent[]) => events.map((e) => e.kind);
const meta = { actionId: 'a1', scenario: 'ddb', step: 'restore' };

describe('runRecordedAction: the whole lifecycle', () => {
  it('requested (region, account) -> approved -> state before -> succeeded -> wait proves it -> step verified -> state after', async () => {
    const { ports, params, events, append } = setup(true);
    const progress: string[] = [];
    const r = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' }, { ...meta, onProgress: (l) => progress.push(l) });
    expect(r.ok, r.summary).toBe(true);
    expect(r.outcome).toBe('proved');
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.approved', 'aws.read', 'aws.action.succeeded', 'step.verified', 'aws.read']);
    expect(events[0]!.data).toMatchObject({ actionId: 'a1', service: 'dynamodb', operation: 'RestoreTableToPointInTime', target: 'orders-restored', region: 'eu-west-2', account: expect.stringMatching(/^\d{12}$/), scenario: 'ddb', step: 'restore', args: { SourceTableName: 'orders', TargetTableName: 'orders-restored' } });
    expect(events[1]!.data).toEqual({ actionId: 'a1', confirmedTarget: 'orders-restored' });
    expect(events[2]!.data).toMatchObject({ values: { actionId: 'a1', phase: 'before', state: { status: 'absent' } } });
    expect(events[4]!.data).toMatchObject({ scenario: 'ddb', step: 'restore', passed: true });
    expect(events[5]!.data).toMatchObject({ values: { phase: 'after', state: { status: 'ACTIVE' } } });
    expect(progress.join('\n')).toContain('waiting up to 60 min');
  });

  it('a wait cut short (the console closed) records neither a pass nor a fail, nor the state after', async () => {
    const { ports, params, events, append } = setup(true);
    const controller = new AbortController();
    const r = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' }, { ...meta, onProgress: (l) => l.startsWith('waiting') && controller.abort() }, controller.signal);
    expect(r.outcome).toBe('could-not-check');
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.approved', 'aws.read', 'aws.action.succeeded']);
  });

  it('a wrong confirmation is refused: requested then failed with the reason, never approved, nothing executed', async () => {
    const { ports, params, events, append } = setup(true);
    const execute = vi.spyOn(ports.actions, 'execute');
    const r = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restore' }, meta);
    expect(r.outcome).toBe('refused');
    expect(r.error?.class).toBe('refused');
    expect(execute).not.toHaveBeenCalled();
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.failed']);
    expect(events[1]!.data).toMatchObject({ actionId: 'a1', errorClass: 'refused', message: expect.stringContaining('does not match') });
  });

  it('actions disabled: requested then failed with actions-disabled', async () => {
    const { ports, params, events, append } = setup(false);
    const r = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(r.error?.class).toBe('actions-disabled');
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.failed']);
    expect(r.actionId).toMatch(/^act-/);
  });

  it('a DR action with no DR region anywhere is refused, not run in the primary', async () => {
    const { ports, params, events, append } = setup(true);
    const spec = { ...restorePitr, region: 'dr' };
    const r = await runRecordedAction({ ...ports, describe: { region: 'eu-west-2' } }, append, { spec, params, confirmation: 'orders-restored' });
    expect(r.outcome).toBe('refused');
    expect(events[1]!.data).toMatchObject({ errorClass: 'invalid-parameter', message: expect.stringContaining('dr_region') });
  });

  it('an AWS failure after approval is recorded as failed with its class', async () => {
    const { ports, params, events, append } = setup(true);
    await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    events.length = 0;
    const again = await runRecordedAction(ports, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(again.ok).toBe(false);
    expect(kinds(events)).toEqual(['aws.action.requested', 'aws.action.approved', 'aws.read', 'aws.action.failed']);
    expect(events[3]!.data).toMatchObject({ errorClass: 'invalid-parameter' });
  });

  it('a wait that could not check (region unreachable) is recorded as could-not-check, not as a failed verification', async () => {
    const { ports, params, events, append } = setup(true);
    const probes: ProbesPort = {
      read: ports.probes.read!,
      verify: async () => ({ passed: false, summary: 'timed out', evidence: {}, attempts: 3, elapsedMs: 1, error: { class: 'timeout', message: 'timed out: dynamodb DescribeTable in eu-west-2 did not answer in time' } }),
    };
    const r = await runRecordedAction({ ...ports, probes }, append, { spec: restorePitr, params, confirmation: 'orders-restored' }, meta);
    expect(r.outcome).toBe('could-not-check');
    expect(kinds(events)).not.toContain('step.verified');
    const data = events.map((e) => e.data as { values?: { check?: string }; summary?: string });
    expect(data.find((d) => d.values?.check === 'could-not-check')?.summary).toContain('could not check restore: timed out');
  });

  it('an adapter that throws still leaves a failed record', async () => {
    const { params, events, append } = setup(true);
    const actions: ActionsPort = { enabled: true, target: () => 'orders-restored', execute: () => Promise.reject(new Error('kaboom\u001b[31m')) };
    const r = await runRecordedAction({ actions }, append, { spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(r.ok).toBe(false);
    expect(events.at(-1)).toMatchObject({ kind: 'aws.action.failed', data: { errorClass: 'unknown', message: 'failed: kaboom' } });
  });
});
