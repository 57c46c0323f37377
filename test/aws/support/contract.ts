// One contract for every AwsPorts implementation: the simulated AWS and the live adapters (against moto)
// must answer the same runbook calls the same way.
import { describe, expect, it } from 'vitest';
import type { ActionsPort, AwsPorts } from '../../../src/aws/ports.js';
import { dnsFlip, dnsPointsToDr, failover, pitrOn, readerIsWriter, restorePitr, systemErrors, tableActive, metric } from './fixtures.js';

export interface ContractWorld {
  ports: AwsPorts;
  disabledActions: ActionsPort;
  params: Record<string, string>;
  setAlarm(name: string, state: 'OK' | 'ALARM'): Promise<void>;
  now(): number;
}

export function portsContract(name: string, make: () => Promise<ContractWorld>, skip = false): void {
  describe.skipIf(skip)(`AwsPorts contract: ${name}`, () => {
    it('a verify that holds passes with the value read as evidence', async () => {
      const w = await make();
      const r = await w.ports.probes.verify(pitrOn, w.params);
      expect(r).toMatchObject({ passed: true, attempts: 1, evidence: { 'ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus': 'ENABLED' } });
    });

    it('a verify of a missing table fails as not-found, naming the table', async () => {
      const w = await make();
      const r = await w.ports.probes.verify({ ...tableActive, interval_seconds: 1, deadline_seconds: 1 }, w.params);
      expect(r.passed).toBe(false);
      expect(r.error?.class).toBe('not-found');
      expect(r.error?.message).toContain('not found');
    });

    it('[*] paths: some member of the cluster is the writer', async () => {
      const w = await make();
      const r = await w.ports.probes.verify({ ...readerIsWriter, path: 'DBClusters[0].DBClusterMembers[*].IsClusterWriter', deadline_seconds: 1 }, w.params);
      expect(r.passed).toBe(true);
      expect(r.evidence['DBClusters[0].DBClusterMembers[*].IsClusterWriter']).toEqual(expect.arrayContaining([true, false]));
    });

    it('actions: disabled ports refuse without calling; a wrong confirmation is refused', async () => {
      const w = await make();
      expect((await w.disabledActions.execute({ spec: restorePitr, params: w.params, confirmation: 'orders-restored' })).error?.class).toBe('actions-disabled');
      expect((await w.ports.actions.execute({ spec: restorePitr, params: w.params, confirmation: 'orders' })).error?.class).toBe('refused');
      expect((await w.ports.probes.verify({ ...tableActive, interval_seconds: 1, deadline_seconds: 1 }, w.params)).error?.class).toBe('not-found');
    });

    it('RestoreTableToPointInTime creates the target table, which becomes ACTIVE', async () => {
      const w = await make();
      expect(w.ports.actions.target(restorePitr, w.params)).toBe('orders-restored');
      const r = await w.ports.actions.execute({ spec: restorePitr, params: w.params, confirmation: 'orders-restored' });
      expect(r.ok, r.summary).toBe(true);
      expect((await w.ports.probes.verify(tableActive, w.params)).passed).toBe(true);
    });

    it('FailoverDBCluster makes the named reader the writer', async () => {
      const w = await make();
      const r = await w.ports.actions.execute({ spec: failover, params: w.params, confirmation: 'orders-db' });
      expect(r.ok, r.summary).toBe(true);
      expect((await w.ports.probes.verify(readerIsWriter, w.params)).passed).toBe(true);
    });

    it('ChangeResourceRecordSets waits for INSYNC and the record points at the new address', async () => {
      const w = await make();
      const r = await w.ports.actions.execute({ spec: dnsFlip, params: w.params, confirmation: 'app.example.com' });
      expect(r.ok, r.summary).toBe(true);
      expect(r.summary).toMatch(/INSYNC/);
      expect((await w.ports.probes.verify(dnsPointsToDr, w.params)).passed).toBe(true);
    });

    it('alarm polls: a baseline, then the change as a transition', async () => {
      const w = await make();
      const first = await w.ports.alarms.poll();
      expect(first.alarms.find((a) => a.name === 'orders-writer-errors')?.state).toBe('OK');
      expect(first.transitions).toEqual([]);
      await w.setAlarm('orders-writer-errors', 'ALARM');
      const second = await w.ports.alarms.poll();
      expect(second.transitions).toEqual([expect.objectContaining({ alarm: 'orders-writer-errors', from: 'OK', to: 'ALARM' })]);
    });

    it('metrics: the seeded series has points; an unknown series is empty, never zeros', async () => {
      const w = await make();
      const unknown = metric({ id: 'nothing_here', title: 'No such metric', namespace: 'Warroom/Test', metric: 'Nothing', period_seconds: 60 });
      const series = await w.ports.metrics.fetch([systemErrors, unknown], w.params, { start: w.now() - 15 * 60_000, end: w.now() + 60_000 });
      expect(series.map((s) => [s.id, s.status])).toEqual([['system_errors', 'Complete'], ['nothing_here', 'Complete']]);
      expect(series[0]!.points.length).toBeGreaterThan(0);
      expect(series[0]!.points.every((p) => Number.isFinite(p.v) && !Number.isNaN(Date.parse(p.t)))).toBe(true);
      expect(series[1]!.points).toEqual([]);
    });

    it('recovery points: the PITR window of the table', async () => {
      const w = await make();
      const { points, errors } = await w.ports.recoveryPoints.read([{ component: 'orders', service: 'dynamodb', resource: 'orders' }]);
      expect(errors).toEqual([]);
      expect(points[0]).toMatchObject({ component: 'orders', resource: 'orders', measured: true });
      expect(Date.parse(points[0]!.latestRestorable!)).toBeLessThanOrEqual(w.now() + 60_000);
    });
  });
}
