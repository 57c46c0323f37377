// Each verification proves what its step claims, on moto, for the pass and for the fail case; and a check
// that cannot reach AWS is "could not check", never pass or fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsPorts, type CreatedPorts } from '../../src/aws/create-ports.js';
import { probeOutcome } from '../../src/aws/poll-verify.js';
import { runRecordedAction } from '../../src/aws/recorded-action.js';
import { freePort, MOTO, MOTO_MISSING_REASON, motoEnv, startMoto, type Moto } from './support/moto.js';
import { seedMoto } from './support/moto-seed.js';
import { loadCatalog } from '../../src/scenarios/index.js';
import type { NewEvent } from '../../src/core/index.js';
import { simTime } from './support/fixtures.js';

if (!MOTO) console.warn(`test/aws/verifications-moto: ${MOTO_MISSING_REASON}`);

const REGION = 'eu-west-2';
const catalog = loadCatalog({}).scenarios;
const stepOf = (scenario: string, step: string) => catalog.find((s) => s.id === scenario)!.steps.find((s) => s.id === step)!;
let moto: Moto;
let ports: CreatedPorts;

beforeAll(async () => {
  if (!MOTO) return;
  process.env.AWS_ACCESS_KEY_ID = 'testing';
  process.env.AWS_SECRET_ACCESS_KEY = 'testing';
  moto = await startMoto();
  await seedMoto(moto.endpoint, REGION, Date.now());
  const { clock, sleep } = simTime(Date.now());
  ports = createAwsPorts({ mode: 'live', allowActions: true, env: motoEnv(moto.endpoint, REGION), clock, sleep });
});
afterAll(async () => {
  (ports as { clients?: { destroy(): void } } | undefined)?.clients?.destroy();
  await moto?.stop();
});

describe.skipIf(!MOTO)('verifications that prove their step (moto)', () => {
  // rds-read-replica-promotion's wait: available AND no replica source left. In the primary region here.
  const promoted = { ...stepOf('rds-read-replica-promotion', 'promote').action!.wait!, region: 'primary' as const, interval_seconds: 1, deadline_seconds: 2 };

  it('promoted: passes for a stand-alone available instance', async () => {
    const r = await ports.probes.verify(promoted, { replica: 'legacy-db' });
    expect(r.passed, r.summary).toBe(true);
  });

  it('promoted: fails for an instance that is available but still a replica (status alone would pass)', async () => {
    const r = await ports.probes.verify(promoted, { replica: 'legacy-db-replica' });
    expect(r.passed).toBe(false);
    expect(probeOutcome(r)).toBe('failed');
    expect(r.summary).toMatch(/^DBInstances\[0\]\.ReadReplicaSourceDBInstanceIdentifier = "legacy-db"; expected absent/);
  });

  it('failover happened: FailoverDBCluster through the recorded path proves the writer changed from the state recorded before', async () => {
    const spec = stepOf('aurora-failover', 'manual-failover').action!;
    const params = { cluster: 'orders-db', target_instance: 'orders-db-reader', region: REGION };
    const events: NewEvent[] = [];
    const r = await runRecordedAction(ports, (e) => events.push(e), { spec: { ...spec, wait: { ...spec.wait!, interval_seconds: 1, deadline_seconds: 5 } }, params, confirmation: 'orders-db' }, { scenario: 'aurora-failover', step: 'manual-failover' });
    expect(r.outcome, r.wait?.summary).toBe('proved');
    const before = events.find((e) => e.kind === 'aws.read')!.data as unknown as { values: { state: Record<string, string> } };
    expect(before.values.state.writer).toBe('orders-db-instance-1');
    expect(r.wait?.evidence['DBClusters[0].DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier']).toBe('orders-db-reader');
  });

  it('failover happened: fails when the writer is still the one recorded before', async () => {
    const wait = { ...stepOf('aurora-failover', 'manual-failover').action!.wait!, interval_seconds: 1, deadline_seconds: 2 };
    // After the test above the writer is orders-db-reader; "before" says the same, so no failover is proved.
    const r = await ports.probes.verify(wait, { cluster: 'orders-db', before_writer: 'orders-db-reader' });
    expect(r.passed).toBe(false);
    expect(probeOutcome(r)).toBe('failed');
    expect(r.summary).toContain('expected not equal to orders-db-reader');
  });

  it('restored to the right time: check-pitr passes when the restore time lies inside the PITR window', async () => {
    const check = { ...stepOf('dynamodb-table-corruption', 'check-pitr').verify!, interval_seconds: 1, deadline_seconds: 2 };
    // moto fixes the window when PITR is switched on; take a moment inside it.
    const read = await ports.probes.read!({ service: 'dynamodb', operation: 'DescribeContinuousBackups', region: 'primary', args: { TableName: 'orders' } }, {});
    const window = (read as { value: { ContinuousBackupsDescription: { PointInTimeRecoveryDescription: { EarliestRestorableDateTime: Date; LatestRestorableDateTime: Date } } } }).value.ContinuousBackupsDescription.PointInTimeRecoveryDescription;
    const middle = (window.EarliestRestorableDateTime.getTime() + window.LatestRestorableDateTime.getTime()) / 2;
    const inside = await ports.probes.verify(check, { table: 'orders', restore_time: new Date(middle).toISOString() });
    expect(inside.passed, inside.summary).toBe(true);
  });

  it('restored to the right time: check-pitr fails when the restore time is before the earliest restorable time', async () => {
    const check = { ...stepOf('dynamodb-table-corruption', 'check-pitr').verify!, interval_seconds: 1, deadline_seconds: 2 };
    const before = await ports.probes.verify(check, { table: 'orders', restore_time: new Date(Date.now() - 2 * 86_400_000).toISOString() });
    expect(before.passed).toBe(false);
    expect(before.summary).toMatch(/EarliestRestorableDateTime = .*expected at or before/);
  });

  it('could not check: an unreachable endpoint is neither a pass nor a fail', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const { clock, sleep } = simTime(Date.now());
    const away = createAwsPorts({ mode: 'live', allowActions: false, env: motoEnv(dead, REGION), clock, sleep });
    const r = await away.probes.verify(promoted, { replica: 'legacy-db' });
    expect(r.passed).toBe(false);
    expect(probeOutcome(r)).toBe('could-not-check');
    expect(r.error?.class).toMatch(/unreachable|timeout/);
    (away as { clients?: { destroy(): void } }).clients?.destroy();
  });
});
