import { describe, expect, it } from 'vitest';
import { SimAws } from '../../src/aws/sim/sim-aws.js';
import { mulberry32 } from '../../src/aws/sim/prng.js';
import { dnsFlip, dnsPointsToDr, failover, pitrOn, readerIsWriter, restorePitr, scenario, simTime, systemErrors, T0, tableActive } from './support/fixtures.js';

function loaded(seed = 7) {
  const { clock, sleep } = simTime();
  const sim = new SimAws({ clock, sleep, seed, region: 'eu-west-2', drRegion: 'eu-west-1', allowActions: true });
  const params = sim.load(scenario);
  return { sim, ports: sim.ports(), params, clock };
}

describe('simulated AWS', () => {
  it('seeds what the steps read, but not what the actions create', async () => {
    const { ports, params } = loaded();
    expect((await ports.probes.verify(pitrOn, params)).passed).toBe(true);
    const before = await ports.probes.verify({ ...tableActive, deadline_seconds: 60 }, params);
    expect(before.passed).toBe(false);
    expect(before.error?.class).toBe('not-found');
  });

  it('a PITR restore creates the table CREATING, then ACTIVE after simulated minutes', async () => {
    const { ports, params, clock } = loaded();
    const res = await ports.actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(res).toMatchObject({ ok: true, simulated: true });
    const started = clock.now();
    const probe = await ports.probes.verify(tableActive, params);
    expect(probe.passed).toBe(true);
    expect(probe.evidence).toEqual({ 'Table.TableStatus': 'ACTIVE' });
    const minutes = (clock.now() - started) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(8);
    expect(minutes).toBeLessThanOrEqual(14.5);
    expect(probe.attempts).toBeGreaterThan(1);
  });

  it('a restore into an existing table is an invalid parameter', async () => {
    const { ports, params } = loaded();
    await ports.actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
    const again = await ports.actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(again.error?.class).toBe('invalid-parameter');
  });

  it('a failover flips the writer after it completes', async () => {
    const { ports, params } = loaded();
    expect((await ports.probes.verify({ ...readerIsWriter, deadline_seconds: 1 }, params)).passed).toBe(false);
    expect((await ports.actions.execute({ spec: failover, params, confirmation: 'orders-db' })).ok).toBe(true);
    const r = await ports.probes.verify(readerIsWriter, params);
    expect(r.passed).toBe(true);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(30_000);
  });

  it('a Route 53 change waits PENDING -> INSYNC and the record then points at the DR address', async () => {
    const { ports, params } = loaded();
    expect((await ports.probes.verify({ ...dnsPointsToDr, deadline_seconds: 1 }, params)).passed).toBe(false);
    const res = await ports.actions.execute({ spec: dnsFlip, params, confirmation: 'app.example.com' });
    expect(res.ok).toBe(true);
    expect(res.summary).toMatch(/INSYNC/);
    expect((await ports.probes.verify(dnsPointsToDr, params)).passed).toBe(true);
  });

  it('refuses when disabled or when the confirmation does not match, without changing anything', async () => {
    const { clock, sleep } = simTime();
    const off = new SimAws({ clock, sleep });
    const params = off.load(scenario);
    const r = await off.ports().actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(r.error?.class).toBe('actions-disabled');
    const on = loaded();
    const wrong = await on.ports.actions.execute({ spec: restorePitr, params: on.params, confirmation: 'orders' });
    expect(wrong.error?.class).toBe('refused');
    expect(on.sim.world.tables.has('eu-west-2|orders-restored')).toBe(false);
  });

  it('a resource inject without a state completes the pending restore now', async () => {
    const { sim, ports, params } = loaded();
    await ports.actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
    expect(sim.applyInject({ kind: 'resource', resource: '{{target_table}}' })).toMatch(/orders-restored: pending change completed/);
    const r = await ports.probes.verify({ ...tableActive, deadline_seconds: 1 }, params);
    expect(r.passed).toBe(true);
    expect(r.attempts).toBe(1);
  });

  it('metric injects ramp the curve; missing history is absent, not zero', async () => {
    const { sim, ports, params, clock } = loaded();
    const base = await ports.metrics.fetch([systemErrors], params, { start: T0 - 600_000, end: T0 });
    expect(base[0]!.points).toHaveLength(11);
    expect(Math.max(...base[0]!.points.map((p) => p.v))).toBeLessThan(1);
    sim.applyInject(scenario.injects[0] as never);
    clock.advance(180_000);
    const later = await ports.metrics.fetch([systemErrors], params, { start: clock.now() - 600_000, end: clock.now() + 600_000 });
    const last = later[0]!.points.at(-1)!;
    expect(last.t).toBe(new Date(clock.now()).toISOString());
    expect(last.v).toBeGreaterThan(7);
    expect(later[0]!.status).toBe('Complete');
  });

  it('alarm injects appear as transitions on the next poll', async () => {
    const { sim, ports } = loaded();
    const first = await ports.alarms.poll();
    expect(first.alarms.map((a) => [a.name, a.state])).toEqual([['orders-writer-errors', 'OK']]);
    expect(first.transitions).toEqual([]);
    sim.applyInject({ kind: 'alarm', alarm: 'orders-writer-errors', state: 'ALARM', text: 'writer failing' });
    const second = await ports.alarms.poll();
    expect(second.transitions).toEqual([{ alarm: 'orders-writer-errors', from: 'OK', to: 'ALARM', reason: 'writer failing', at: new Date(T0).toISOString(), region: 'eu-west-2' }]);
  });

  it('an impaired region times out: probes fail with timeout, metrics are Failed, alarms report an error', async () => {
    const { sim, ports, params } = loaded();
    sim.applyInject({ kind: 'resource', resource: 'region:primary', state: 'ALARM' });
    const probe = await ports.probes.verify({ ...pitrOn, deadline_seconds: 20 }, params);
    expect(probe.error?.class).toBe('timeout');
    const [series] = await ports.metrics.fetch([systemErrors], params, { start: T0 - 600_000, end: T0 });
    expect(series).toMatchObject({ status: 'Failed', points: [], error: { class: 'timeout' } });
    expect((await ports.alarms.poll()).errors?.[0]?.class).toBe('timeout');
    sim.applyInject({ kind: 'resource', resource: 'region:primary', state: 'OK' });
    expect((await ports.probes.verify(pitrOn, params)).passed).toBe(true);
  });

  it('resource injects with a state fail and recover clusters and health checks', async () => {
    const { sim, ports, params } = loaded();
    const status = { service: 'rds', operation: 'DescribeDBClusters', args: { DBClusterIdentifier: '{{cluster}}' }, path: 'DBClusters[0].Status', expect: { equals: 'available' }, interval_seconds: 1, deadline_seconds: 1 } as const;
    expect(sim.applyInject({ kind: 'resource', resource: '{{cluster}}', state: 'ALARM' })).toBe('cluster orders-db impaired');
    expect((await ports.probes.verify({ ...readerIsWriter, ...status, region: 'primary' }, params)).evidence).toEqual({ 'DBClusters[0].Status': 'failing-over' });
    sim.applyInject({ kind: 'resource', resource: '{{cluster}}', state: 'OK' });
    expect((await ports.probes.verify({ ...readerIsWriter, ...status, region: 'primary' }, params)).passed).toBe(true);
    sim.world.healthChecks.set('hc-1', { id: 'hc-1', healthy: true });
    expect(sim.applyInject({ kind: 'resource', resource: 'hc-1', state: 'ALARM' })).toBe('health check hc-1 impaired');
    const hc = await ports.probes.verify({ ...readerIsWriter, service: 'route53', operation: 'GetHealthCheckStatus', region: 'us-east-1', args: { HealthCheckId: 'hc-1' }, path: 'HealthCheckObservations[*].StatusReport.Status', expect: { matches: '^Failure' }, deadline_seconds: 1 }, params);
    expect(hc.passed).toBe(true);
    expect(sim.applyInject({ kind: 'resource', resource: 'nothing-by-this-name', state: 'ALARM' })).toBe('no simulated resource named nothing-by-this-name');
    expect(sim.applyInject({ kind: 'message', text: 'hello' })).toBe('no change to the simulated AWS');
  });

  it('recovery points come from the PITR window and the cluster', async () => {
    const { ports } = loaded();
    const { points, errors } = await ports.recoveryPoints.read([
      { component: 'orders table', service: 'dynamodb', resource: 'orders' },
      { component: 'orders db', service: 'rds', resource: 'orders-db' },
      { component: 'missing', service: 'dynamodb', resource: 'nope' },
    ]);
    expect(points.map((p) => [p.resource, p.latestRestorable])).toEqual([
      ['orders', new Date(T0 - 5_000).toISOString()],
      ['orders-db', new Date(T0 - 300_000).toISOString()],
    ]);
    expect(errors.map((e) => e.class)).toEqual(['not-found']);
  });

  it('is deterministic: the same seed gives the same restore duration, another seed may not', async () => {
    const duration = async (seed: number) => {
      const { ports, params, clock } = loaded(seed);
      await ports.actions.execute({ spec: restorePitr, params, confirmation: 'orders-restored' });
      const t = clock.now();
      await ports.probes.verify({ ...tableActive, interval_seconds: 1 }, params);
      return clock.now() - t;
    };
    expect(await duration(3)).toBe(await duration(3));
    const many = new Set(await Promise.all([1, 2, 3, 4, 5].map(duration)));
    expect(many.size).toBeGreaterThan(1);
  });

  it('mulberry32 is reproducible', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
