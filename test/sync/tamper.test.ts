// Tampering in the shared table is named by verify --remote: an altered item (with or without a
// recomputed hash), a deleted item, a forged item without the origin's key; and a local journal cut short
// is caught by the table as the second witness. A pull never takes a forged or altered item.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { hashEvent } from '../../src/store/journal.js';
import { readSyncConfig } from '../../src/store/origin-feeds.js';
import { signedBytes } from '../../src/sync/keys.js';
import { eventKey } from '../../src/sync/table.js';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { makeWriter, useMotoCredentials, type Writer } from './support/writers.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

describe.skipIf(!MOTO)('verify --remote names tampering in the table', () => {
  let moto: Moto;
  let db: DynamoDBClient;
  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
    db = new DynamoDBClient({ region: 'eu-west-2', endpoint: moto.endpoint });
  }, 60_000);
  afterAll(async () => {
    db?.destroy();
    await moto?.stop();
  });

  let tables = 0;
  async function sharedPair(): Promise<{ id: string; table: string; ic: Writer; dba: Writer; icOrigin: string; dbaOrigin: string }> {
    const table = `warroom-tamper-${++tables}`;
    const t0 = Date.parse('2026-11-21T10:00:00.000Z');
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 500, () => moto.endpoint);
    const id = (await ic.cli(['new', '--title', 'Region down', '--severity', 'SEV1'])).out[0]!;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    await ic.cli(['log', id, '--stdin'], 'failover started\nreplica promoted');
    await dba.cli(['log', id, '--stdin'], 'replication lag 4 s\nwrites resumed');
    for (const w of [ic, dba, ic]) expect((await w.cli(['sync', id])).code).toBe(0);
    const origin = (w: Writer) => readSyncConfig(join(w.dir, 'incidents'), id)!.origin;
    return { id, table, ic, dba, icOrigin: origin(ic), dbaOrigin: origin(dba) };
  }

  async function item(table: string, id: string, origin: string, seq: number) {
    const r = await db.send(new GetItemCommand({ TableName: table, Key: { pk: { S: id }, sk: { S: eventKey(origin, seq) } } }));
    return r.Item!;
  }

  it('an untouched table agrees with both machines', async () => {
    const { id, ic, dba } = await sharedPair();
    for (const w of [ic, dba]) {
      const v = await w.cli(['verify', id, '--remote']);
      expect(v.code, v.err.join('\n')).toBe(0);
      expect(v.out[0]).toMatch(/the table agrees with this machine: \d+ events of 2 origins compared/);
    }
  }, 60_000);

  it('an altered item is named, whether or not its hash was recomputed', async () => {
    const { id, table, ic, dbaOrigin } = await sharedPair();
    const it2 = await item(table, id, dbaOrigin, 2);
    const edited = JSON.parse(it2.event!.S!) as TimelineEvent;
    edited.data = { text: 'replication lag 0 s' };
    await db.send(new PutItemCommand({ TableName: table, Item: { ...it2, event: { S: JSON.stringify(edited) } } }));
    const it3 = await item(table, id, dbaOrigin, 3);
    const rehashed = JSON.parse(it3.event!.S!) as TimelineEvent;
    const { hash: _old, ...rest } = { ...rehashed, data: { text: 'writes never stopped' } };
    const newHash = hashEvent(rest);
    await db.send(new PutItemCommand({ TableName: table, Item: { ...it3, hash: { S: newHash }, event: { S: JSON.stringify({ ...rest, hash: newHash }) } } }));
    const v = await ic.cli(['verify', id, '--remote']);
    expect(v.code).toBe(1);
    const err = v.err.join('\n');
    expect(err).toContain(`altered: origin ${dbaOrigin} seq 2 in the table does not match its own hash`);
    expect(err).toContain(`altered: origin ${dbaOrigin} seq 3 in the table has hash ${newHash.slice(0, 16)}`);
  }, 60_000);

  it('a deleted item is named as missing, and a local journal cut short as extra in the table', async () => {
    const { id, table, ic, icOrigin } = await sharedPair();
    await db.send(new DeleteItemCommand({ TableName: table, Key: { pk: { S: id }, sk: { S: eventKey(icOrigin, 2) } } }));
    const journal = join(ic.dir, 'incidents', `${id}.jsonl`);
    const lines = readFileSync(journal, 'utf8').split('\n').filter(Boolean);
    writeFileSync(journal, lines.slice(0, -1).join('\n') + '\n'); // the last event cut off: verify alone cannot tell
    expect((await ic.cli(['verify', id])).code).toBe(0);
    const v = await ic.cli(['verify', id, '--remote']);
    expect(v.code).toBe(1);
    const err = v.err.join('\n');
    expect(err).toContain(`missing: origin ${icOrigin} (this machine) seq 2 is held here but not in the table`);
    expect(err).toContain(`extra: origin ${icOrigin} (this machine) seq ${lines.length} is in the table, signed, but not in the local journal (the local journal was cut short)`);
  }, 60_000);

  it('a forged item without the origin key is named, and no machine pulls it', async () => {
    const { id, table, ic, dba, dbaOrigin } = await sharedPair();
    const last = await item(table, id, dbaOrigin, 3);
    const prev = JSON.parse(last.event!.S!) as TimelineEvent;
    const base = { seq: 4, ts: '2026-11-21T10:05:00.000Z', actor: 'dba', kind: 'decision', data: { text: 'fail back now' }, prev: prev.hash };
    const forged = { ...base, hash: hashEvent(base) };
    const { privateKey } = generateKeyPairSync('ed25519'); // not the dba's key
    const sig = sign(null, signedBytes(id, dbaOrigin, 4, forged.hash, 1), privateKey).toString('base64');
    await db.send(
      new PutItemCommand({
        TableName: table,
        Item: { pk: { S: id }, sk: { S: eventKey(dbaOrigin, 4) }, origin: { S: dbaOrigin }, seq: { N: '4' }, hash: { S: forged.hash }, event: { S: JSON.stringify(forged) }, sig: { S: sig }, pushedAt: { N: '1' } },
      }),
    );
    const pulled = await ic.cli(['sync', id]);
    expect(pulled.code).toBe(1);
    expect(pulled.err.join('\n')).toContain(`origin ${dbaOrigin} seq 4: forged: its signature is not the origin's`);
    expect(ic.timeline(id).some((k) => k.startsWith(`${dbaOrigin}:4:`))).toBe(false);
    const v = await ic.cli(['verify', id, '--remote']);
    expect(v.code).toBe(1);
    expect(v.err.join('\n')).toContain(`forged: origin ${dbaOrigin} seq 4 is in the table but not signed by its origin's key`);
    // The dba's next event meets the forged item under its key: a conflict, reported, never overwritten.
    await dba.cli(['log', id, 'rollback aborted']);
    const s = await dba.cli(['sync', id]);
    expect(s.code).toBe(1);
    expect(s.err.join('\n')).toMatch(new RegExp(`conflict: the table holds another event as origin ${dbaOrigin} seq 4`));
    expect((await item(table, id, dbaOrigin, 4)).hash!.S).toBe(forged.hash);
  }, 60_000);
});
