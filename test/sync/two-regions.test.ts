// A global table in two regions, played by two moto tables and a test replicator that copies items across
// with last-writer-wins (as global tables do) and can be partitioned. Writers on both sides keep writing
// during a partition; after healing, both regions and both machines hold every event, in the same order.
// Because no two writers ever write one key, last-writer-wins never has two versions to choose between.
import { CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { makeWriter, useMotoCredentials, type Writer } from './support/writers.js';
import { runCli } from '../support/cli.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

const TABLE = 'warroom-global';

describe.skipIf(!MOTO)('a table replicated across two regions', () => {
  let moto: Moto;
  let east: DynamoDBClient;
  let west: DynamoDBClient;
  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
    east = new DynamoDBClient({ region: 'us-east-1', endpoint: moto.endpoint });
    west = new DynamoDBClient({ region: 'eu-west-2', endpoint: moto.endpoint });
  }, 60_000);
  afterAll(async () => {
    east?.destroy();
    west?.destroy();
    await moto?.stop();
  });

  const scan = async (c: DynamoDBClient) => {
    const items: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const r = await c.send(new ScanCommand({ TableName: TABLE, ...(start ? { ExclusiveStartKey: start } : {}) }));
      items.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const keyOf = (i: Record<string, AttributeValue>) => `${i.pk!.S}|${i.sk!.S}`;

  /** Copies what one side lacks to the other; counts any key whose two versions differ (LWW would drop one). */
  async function replicate(): Promise<{ copied: number; differing: number }> {
    const [a, b] = await Promise.all([scan(east), scan(west)]);
    const inA = new Map(a.map((i) => [keyOf(i), i]));
    const inB = new Map(b.map((i) => [keyOf(i), i]));
    let copied = 0;
    let differing = 0;
    for (const [from, to, client] of [[inA, inB, west], [inB, inA, east]] as const) {
      for (const [k, item] of from) {
        const there = to.get(k);
        if (there) {
          // Presence items are the one kind rewritten (each by its own origin): last-writer-wins keeps a heartbeat.
          if (!k.includes('|p#') && JSON.stringify(there) !== JSON.stringify(item)) differing++;
          continue;
        }
        await client.send(new PutItemCommand({ TableName: TABLE, Item: item }));
        copied++;
      }
    }
    return { copied, differing };
  }

  const inRegion = (w: Writer, region: string) => (argv: string[], stdin?: string) => runCli([...argv, '--state-dir', w.dir, '--region', region], { clock: w.clock, env: { WARROOM_ACTOR: w.name, AWS_ENDPOINT_URL: moto.endpoint }, ...(stdin !== undefined ? { stdin } : {}) });

  it('writers on both sides of a partition converge after it heals', async () => {
    const t0 = Date.parse('2026-11-21T10:00:00.000Z');
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 900, () => moto.endpoint);
    const icCli = inRegion(ic, 'us-east-1');
    const dbaCli = inRegion(dba, 'eu-west-2');
    const id = (await icCli(['new', '--title', 'us-east-1 impaired', '--severity', 'SEV1'])).out[0]!;
    expect((await icCli(['share', id, '--table', TABLE, '--create-table', '--confirm', TABLE])).code).toBe(0);
    // The west replica of the table (global tables create it; here the test does).
    await west.send(new CreateTableCommand({ TableName: TABLE, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }] }));
    await replicate();
    const joined = await dbaCli(['join', id, '--table', TABLE]);
    expect(joined.code, joined.err.join('\n')).toBe(0);
    await replicate();

    // Partition: each side writes and syncs to its own region only.
    for (let round = 0; round < 5; round++) {
      ic.clock.advance(1000);
      dba.clock.advance(1000);
      await icCli(['log', id, '--stdin'], Array.from({ length: 10 }, (_, i) => `east ${round}.${i}`).join('\n'));
      await dbaCli(['log', id, '--stdin'], Array.from({ length: 10 }, (_, i) => `west ${round}.${i}`).join('\n'));
      expect((await icCli(['sync', id])).code).toBe(0);
      expect((await dbaCli(['sync', id])).code).toBe(0);
    }
    // Each side sees only its own region's writes: opened, origin.key, the dba's joining, and its own 50 notes.
    expect(ic.timeline(id)).toHaveLength(3 + 50);
    expect(dba.timeline(id)).toHaveLength(3 + 50);
    expect(ic.timeline(id)).not.toEqual(dba.timeline(id));

    // Heal: the replicator catches up both ways; nothing differs under one key, so nothing is dropped.
    const healed = await replicate();
    expect(healed.copied).toBeGreaterThan(0);
    expect(healed.differing).toBe(0);
    for (const c of [icCli, dbaCli, icCli]) expect((await c(['sync', id])).code).toBe(0);
    expect(ic.timeline(id)).toEqual(dba.timeline(id));
    expect(ic.timeline(id)).toHaveLength(2 + 1 + 100);
    const [e, w] = await Promise.all([scan(east), scan(west)]);
    const records = (items: Record<string, AttributeValue>[]) => new Set(items.map(keyOf).filter((k) => !k.includes('|p#')));
    expect(records(e)).toEqual(records(w));
    for (const c of [icCli, dbaCli]) expect((await c(['verify', id, '--remote'])).code).toBe(0);
  }, 120_000);
});
