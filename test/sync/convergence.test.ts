// Responders on separate state directories share one incident through moto's DynamoDB, with the network
// cut at random (endpoint unreachable), throttling, and writes that landed although their answer was lost.
// All converge: the same events, the same merged order, byte-identical reports; nothing lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { seeded, startCutProxy, type CutProxy } from './support/cut-proxy.js';
import { makeWriter, useMotoCredentials, type Writer } from './support/writers.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

describe.skipIf(!MOTO)('sync convergence on moto', () => {
  let moto: Moto;
  let proxy: CutProxy;
  const random = seeded(Number(process.env.SYNC_SEED ?? 16));

  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
    proxy = await startCutProxy(moto.endpoint, random);
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await moto?.stop();
  });

  async function openShared(table: string, writers: Writer[]): Promise<string> {
    const [first, ...rest] = writers;
    const opened = await first!.cli(['new', '--title', 'Primary region down', '--severity', 'SEV1']);
    expect(opened.code, opened.err.join('\n')).toBe(0);
    const id = opened.out[0]!;
    const shared = await first!.cli(['share', id, '--table', table, '--create-table'], `${table}\n`);
    expect(shared.code, shared.err.join('\n')).toBe(0);
    for (const w of rest) {
      w.clock.advance(1000);
      const joined = await w.cli(['join', id, '--table', table]);
      expect(joined.code, joined.err.join('\n')).toBe(0);
    }
    return id;
  }

  /** Each writer logs `perRound` events a round and syncs, while the proxy misbehaves; then it heals. */
  async function converge(id: string, writers: Writer[], rounds: number, perRound: number) {
    const written = new Map<string, number>(writers.map((w) => [w.name, 0]));
    for (let r = 0; r < rounds; r++) {
      proxy.mode = r % 3 === 2 ? 'down' : 'flaky';
      for (const w of writers) {
        const lines = Array.from({ length: perRound }, (_, i) => `${w.name} round ${r} note ${i}`).join('\n');
        w.clock.advance(Math.floor(random() * 3000));
        const logged = await w.cli(['log', id, '--stdin'], lines);
        expect(logged.code, logged.err.join('\n')).toBe(0);
        written.set(w.name, written.get(w.name)! + perRound);
        await w.cli(['sync', id]); // may fail: the network is cut; the events stay recorded here
      }
    }
    proxy.mode = 'pass';
    for (let pass = 0; pass < 2; pass++) {
      for (const w of writers) {
        const s = await w.cli(['sync', id]);
        expect(s.code, s.err.join('\n')).toBe(0);
      }
    }
    return written;
  }

  async function expectConverged(id: string, writers: Writer[], written: Map<string, number>) {
    const timelines = writers.map((w) => w.timeline(id));
    for (const t of timelines.slice(1)) expect(t).toEqual(timelines[0]);
    const keys = timelines[0]!.map((k) => k.split(':').slice(0, 2).join(':'));
    expect(new Set(keys).size).toBe(keys.length); // nothing doubled
    const notes = writers.map((w) => w.timeline(id).length);
    const expectedNotes = [...written.values()].reduce((a, b) => a + b, 0);
    // opened + origin.key by the first, incident.joined by each other, and every note.
    expect(notes[0]).toBe(expectedNotes + 2 + (writers.length - 1));
    // A report is a function of the events and the time it is made: made at one instant, they are equal.
    const at = Math.max(...writers.map((w) => w.clock.now())) + 60_000;
    for (const w of writers) w.clock.advance(at - w.clock.now());
    const reports = [];
    for (const w of writers) {
      const r = await w.cli(['report', id]);
      expect(r.code, r.err.join('\n')).toBe(0);
      reports.push(r.out.join('\n'));
    }
    for (const r of reports.slice(1)) expect(r).toBe(reports[0]);
    for (const w of writers) {
      const v = await w.cli(['verify', id, '--remote']);
      expect(v.code, v.err.join('\n')).toBe(0);
    }
  }

  it('two writers, 10 rounds of 20 events each, under cuts and lost replies', async () => {
    const t0 = Date.parse('2026-11-21T10:00:00.000Z');
    const writers = [makeWriter('ic', t0, () => proxy.endpoint), makeWriter('dba', t0 + 700, () => proxy.endpoint)];
    const id = await openShared('warroom-two', writers);
    const written = await converge(id, writers, 10, 20);
    await expectConverged(id, writers, written);
    expect(proxy.lostReplies).toBeGreaterThan(0);
    expect(proxy.refused).toBeGreaterThan(0);
  }, 180_000);

  it('five writers, 6 rounds of 20 events each, under cuts and lost replies', async () => {
    const t0 = Date.parse('2026-11-21T12:00:00.000Z');
    const names = ['ic', 'dba', 'comms', 'scribe', 'ops'];
    // Clocks that disagree by up to 4 s: the merged order must not depend on whose clock is right.
    const writers = names.map((n, i) => makeWriter(n, t0 + ((i * 1700) % 4000), () => proxy.endpoint));
    const id = await openShared('warroom-five', writers);
    const written = await converge(id, writers, 6, 20);
    await expectConverged(id, writers, written);
  }, 300_000);

  it('a write whose answer was lost is recognised by its hash on the retry, not doubled or refused', async () => {
    const t0 = Date.parse('2026-11-22T08:00:00.000Z');
    const writers = [makeWriter('ic', t0, () => proxy.endpoint), makeWriter('dba', t0 + 300, () => proxy.endpoint)];
    const id = await openShared('warroom-lost', writers);
    const [ic] = writers;
    expect((await ic!.cli(['log', id, '--stdin'], 'a\nb\nc')).code).toBe(0);
    proxy.mode = 'lose-reply';
    const before = proxy.lostReplies;
    const cut = await ic!.cli(['sync', id]);
    expect(cut.code).toBe(1);
    expect(cut.err.join('\n')).toMatch(/could not be reached/);
    expect(proxy.lostReplies).toBeGreaterThan(before); // the writes reached the table
    const status = await ic!.cli(['sync', 'status', id]);
    expect(status.out[0]).toMatch(/offline since \d\d:\d\d UTC .*; 3 pending/);
    proxy.mode = 'pass';
    const healed = await ic!.cli(['sync', id]);
    expect(healed.code, healed.err.join('\n')).toBe(0);
    expect(healed.out[0]).toMatch(/pushed 3/);
    const v = await ic!.cli(['verify', id, '--remote']);
    expect(v.code, v.err.join('\n')).toBe(0);
    expect((await ic!.cli(['sync', 'status', id])).out[0]).toMatch(/synced \d+ s ago; 0 pending/);
  }, 120_000);
});
