import { describe, expect, it } from 'vitest';
import { alarmChangedEvents, recoveryPointEvent, stepVerifiedEvent } from '../../src/aws/timeline-events.js';
import { validateEventData } from '../../src/core/index.js';

describe('timeline events from AWS results', () => {
  it('alarm transitions become alarm.changed events that pass the schema', () => {
    const [e] = alarmChangedEvents([{ alarm: 'db-cpu', from: 'OK', to: 'ALARM', reason: 'Threshold Crossed', at: '2026-03-01T12:00:00.000Z', region: 'eu-west-2' }]);
    expect(e).toEqual({ kind: 'alarm.changed', data: { alarm: 'db-cpu', from: 'OK', to: 'ALARM', reason: 'Threshold Crossed', at: '2026-03-01T12:00:00.000Z', region: 'eu-west-2' } });
    expect(() => validateEventData(e!.kind, e!.data)).not.toThrow();
  });

  it('probe results become step.verified with their evidence', () => {
    const e = stepVerifiedEvent('ddb', 'wait-restore', { passed: false, summary: 'Table.TableStatus = "CREATING"; expected equals ACTIVE', evidence: { 'Table.TableStatus': 'CREATING' }, attempts: 3, elapsedMs: 60_000, error: { class: 'timeout', message: 'timed out: x' } });
    expect(e.data).toEqual({ scenario: 'ddb', step: 'wait-restore', passed: false, summary: 'Table.TableStatus = "CREATING"; expected equals ACTIVE (timed out: x)', evidence: { 'Table.TableStatus': 'CREATING' } });
    expect(() => validateEventData(e.kind, e.data)).not.toThrow();
  });

  it('recovery points become aws.read with values.recoveryPoint', () => {
    const point = { component: 'orders', resource: 'orders', source: 'DynamoDB DescribeContinuousBackups (PITR)', measured: true, latestRestorable: '2026-03-01T11:59:55.000Z' };
    const e = recoveryPointEvent(point, 'eu-west-2');
    expect(e.data).toMatchObject({ service: 'dynamodb', operation: 'DescribeContinuousBackups', region: 'eu-west-2', summary: 'orders (orders): latest restorable 2026-03-01T11:59:55.000Z', values: { recoveryPoint: point } });
    expect(() => validateEventData(e.kind, e.data)).not.toThrow();
    expect(recoveryPointEvent({ ...point, measured: false, source: 'RDS DescribeDBSnapshots (latest snapshot; no PITR)' }).data.summary).toMatch(/\(estimated\)$/);
  });
});
