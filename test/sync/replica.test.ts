// --replica-region: when the primary region cannot be reached, sync reads and writes the global table's
// replica. moto does not model global tables, so the replica is a second moto table that the test fills
// the way replication would have before the region went down (its items copied); the calls that make a
// table global (UpdateTable ReplicaUpdates, the replica's status) are covered with aws-sdk-client-mock.
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand, ScanCommand, UpdateContinuousBackupsCommand, UpdateTableCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncTable } from '../../src/sync/table.js';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { seeded, startCutProxy, type CutProxy } from './support/cut-proxy.js';
import { makeWriter, useMotoCredentials } from './support/writers.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

const TABLE = 'warroom-replicated';

describe.skipIf(!MOTO)('sync through the replica when the primary region is down (moto)', () => {
  let moto: Moto;
  let proxy: CutProxy;
  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
    proxy = await startCutProxy(moto.endpoint, seeded(3));
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await moto?.stop();
  });

  /** What replication would have done before the region went down: every item copied to the replica. */
  async function replicate(): Promise<void> {
    const from = new DynamoDBClient({ region: 'eu-west-2', endpoint: moto.endpoint });
    const to = new DynamoDBClient({ region: 'eu-west-1', endpoint: moto.endpoint });
    try {
      await to.send(new CreateTableCommand({ TableName: TABLE, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] }));
      for (const Item of (await from.send(new ScanCommand({ TableName: TABLE }))).Items ?? []) await to.send(new PutItemCommand({ TableName: TABLE, Item }));
    } finally {
      from.destroy();
      to.destroy();
    }
  }

  it('both responders keep sharing through eu-west-1 while eu-west-2 is down', async () => {
    const t0 = Date.parse('2026-11-21T10:00:00.000Z');
    const ic = makeWriter('ic', t0, () => proxy.endpoint);
    const dba = makeWriter('dba', t0 + 500, () => proxy.endpoint);
    const id = (await ic.cli(['new', '--title', 'Region down', '--severity', 'SEV1'])).out[0]!;
    expect((await ic.cli(['share', id, '--table', TABLE, '--create-table', '--confirm', TABLE])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', TABLE])).code).toBe(0);
    for (const w of [dba, ic]) expect((await w.cli(['sync', id])).code).toBe(0);
    await replicate();

    const same = await ic.cli(['sync', id, '--replica-region', 'eu-west-2']);
    expect(same.code).toBe(2);
    expect(same.err).toEqual([`warroom: --replica-region eu-west-2 is the primary region (name the global table's other region)`]);

    proxy.downRegion = 'eu-west-2';
    const cut = await ic.cli(['sync', id]);
    expect(cut.code).toBe(1); // no replica named yet: offline, nothing lost
    await ic.cli(['log', id, 'ic while eu-west-2 is down']);
    const via = await ic.cli(['sync', id, '--replica-region', 'eu-west-1']);
    expect(via.code, via.err.join('\n')).toBe(0);
    expect(via.err).toEqual([`warroom: ${id}: eu-west-2 could not be reached; synced through the replica in eu-west-1`]);
    await dba.cli(['log', id, 'dba while eu-west-2 is down']);
    expect((await dba.cli(['sync', id, '--replica-region', 'eu-west-1'])).code).toBe(0);
    expect((await ic.cli(['sync', id])).code).toBe(0); // the replica region is remembered
    expect(ic.timeline(id)).toEqual(dba.timeline(id));
    const status = await ic.cli(['sync', 'status', id]);
    expect(status.out[0]).toContain(`table ${TABLE} (eu-west-2, replica eu-west-1, last reached through the replica)`);

    delete proxy.downRegion;
    expect((await ic.cli(['sync', id])).code).toBe(0);
    expect((await ic.cli(['sync', 'status', id])).out[0]).toContain('(eu-west-2, replica eu-west-1)');
  }, 90_000);
});

describe('making the table global (aws-sdk-client-mock: moto has no global tables)', () => {
  it('creates the table with a stream, adds the replica and waits until it is active', async () => {
    const ddb = mockClient(DynamoDBClient);
    let polls = 0;
    ddb.on(CreateTableCommand).resolves({});
    ddb.on(UpdateContinuousBackupsCommand).resolves({});
    ddb.on(UpdateTimeToLiveCommand).resolves({});
    ddb.on(UpdateTableCommand).resolves({});
    ddb.on(DescribeTableCommand).callsFake(() => ({ Table: { TableStatus: 'ACTIVE', Replicas: [{ RegionName: 'eu-west-1', ReplicaStatus: ++polls > 2 ? 'ACTIVE' : 'CREATING' }] } }));
    const t = new SyncTable({ table: TABLE, region: 'eu-west-2' });
    try {
      await t.createTable();
      expect(ddb.commandCalls(CreateTableCommand)[0]!.args[0].input.StreamSpecification).toBeUndefined();
      expect(ddb.commandCalls(UpdateTableCommand)).toHaveLength(0);
      ddb.resetHistory();
      polls = 0;
      await t.addReplica('eu-west-1', 1);
      expect(ddb.commandCalls(UpdateTableCommand)[0]!.args[0].input).toEqual({ TableName: TABLE, ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] });
      expect(polls).toBe(3);
      ddb.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE', Replicas: [{ RegionName: 'eu-west-1', ReplicaStatus: 'CREATION_FAILED', ReplicaStatusDescription: 'KMS key not found' }] } });
      await expect(t.addReplica('eu-west-1', 1)).rejects.toThrow('the replica in eu-west-1 could not be created (KMS key not found)');
    } finally {
      t.destroy();
      ddb.restore();
    }
  });

  it('a table created with a replica region gets a stream', async () => {
    const ddb = mockClient(DynamoDBClient);
    ddb.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE', Replicas: [{ RegionName: 'eu-west-1', ReplicaStatus: 'ACTIVE' }] } });
    const t = new SyncTable({ table: TABLE, region: 'eu-west-2' });
    try {
      await t.createTable('eu-west-1');
      expect(ddb.commandCalls(CreateTableCommand)[0]!.args[0].input.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(ddb.commandCalls(UpdateTableCommand)[0]!.args[0].input.ReplicaUpdates).toEqual([{ Create: { RegionName: 'eu-west-1' } }]);
    } finally {
      t.destroy();
      ddb.restore();
    }
  });
});
