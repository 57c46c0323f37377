// share, join, sync and verify as a user runs them against moto: usage errors, the typed confirmation, a
// reply dated after what it answers despite a slow clock, a late writer's events taking their place in the
// past, and a tampered pulled feed caught by verify.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { pulledOrigins, readSyncConfig } from '../../src/store/origin-feeds.js';
import type { MergedEvent } from '../../src/core/merge-order.js';
import { MOTO, MOTO_MISSING_REASON, startMoto, type Moto } from '../aws/support/moto.js';
import { makeWriter, useMotoCredentials, type Writer } from './support/writers.js';

if (!MOTO) console.warn(`skipped: ${MOTO_MISSING_REASON}`);

describe.skipIf(!MOTO)('sync commands', () => {
  let moto: Moto;
  beforeAll(async () => {
    useMotoCredentials();
    moto = await startMoto();
  }, 60_000);
  afterAll(async () => moto?.stop());

  const t0 = Date.parse('2026-11-21T10:00:00.000Z');
  let n = 0;
  async function opened(w: Writer): Promise<string> {
    const r = await w.cli(['new', '--title', 'Region down', '--severity', 'SEV1']);
    expect(r.code).toBe(0);
    return r.out[0]!;
  }
  const notes = (w: Writer, id: string) =>
    (new IncidentStore(w.dir, w.clock).load(id).events as MergedEvent[]).filter((e) => e.kind === 'note').map((e) => `${e.data.text}${e.late ? ' (late)' : ''}`);

  it('bad input: one line, exit 2, nothing made', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const id = await opened(ic);
    const noTable = await ic.cli(['share', id]);
    expect(noTable.code).toBe(2);
    expect(noTable.err).toEqual(['warroom: --table NAME is required (the DynamoDB table the incident is shared through)']);
    const notShared = await ic.cli(['sync', id]);
    expect(notShared.code).toBe(2);
    expect(notShared.err).toEqual([`warroom: ${id} is not shared (run "warroom share ${id} --table NAME" or "warroom join ${id} --table NAME")`]);
    const nothing = await ic.cli(['sync', 'status']);
    expect(nothing.code).toBe(2);
    expect(readSyncConfig(join(ic.dir, 'incidents'), id)).toBeUndefined();
  }, 60_000);

  it('--create-table needs the table name typed; a wrong answer creates nothing', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    const wrong = await ic.cli(['share', id, '--table', table, '--create-table'], 'yes\n');
    expect(wrong.code).toBe(1);
    expect(wrong.err.at(-1)).toBe(`warroom: the table was not created: "yes" is not ${table} (type the table name exactly to confirm)`);
    const join_ = await makeWriter('dba', t0, () => moto.endpoint).cli(['join', id, '--table', table]);
    expect(join_.code).toBe(1);
    expect(join_.err.at(-1)).toMatch(/^warroom: could not read the table .*ResourceNotFound/);
    const ok = await ic.cli(['share', id, '--table', table, '--create-table'], `${table}\n`);
    expect(ok.code, ok.err.join('\n')).toBe(0);
    expect(ok.out).toContain(`${id}: shared; others join with: warroom join ${id} --table ${table} --region eu-west-2`);
  }, 60_000);

  it('a reply from a machine whose clock is 2 minutes slow still sorts after what it answers', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 - 120_000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    ic.clock.advance(5_000);
    await ic.cli(['log', id, 'is the replica caught up?']);
    await ic.cli(['sync', id]);
    dba.clock.advance(10_000);
    await dba.cli(['sync', id]);
    await dba.cli(['log', id, 'yes, lag 0']);
    await dba.cli(['sync', id]);
    await ic.cli(['sync', id]);
    for (const w of [ic, dba]) expect(notes(w, id)).toEqual(['is the replica caught up?', 'yes, lag 0']);
  }, 60_000);

  it('events written offline for an hour take their place in the past, marked late, on both machines', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    dba.clock.advance(60_000);
    await dba.cli(['log', id, 'offline: restored from snapshot']); // not synced: the dba is offline
    ic.clock.advance(30 * 60_000);
    await ic.cli(['log', id, 'status page updated']);
    await ic.cli(['sync', id]);
    dba.clock.advance(60 * 60_000);
    expect((await dba.cli(['sync', id])).code).toBe(0);
    await ic.cli(['sync', id]);
    for (const w of [ic, dba]) expect(notes(w, id)).toEqual(['offline: restored from snapshot (late)', 'status page updated']);
  }, 60_000);

  it('verify checks the pulled feeds too: an edited pulled event fails it', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    await dba.cli(['log', id, 'replica promoted']);
    await dba.cli(['sync', id]);
    await ic.cli(['sync', id]);
    expect((await ic.cli(['verify', id])).code).toBe(0);
    const [origin] = pulledOrigins(join(ic.dir, 'incidents'), id);
    const feed = join(ic.dir, 'incidents', `${id}.origins`, `${origin}.jsonl`);
    writeFileSync(feed, readFileSync(feed, 'utf8').replace('replica promoted', 'replica demoted'));
    const v = await ic.cli(['verify', id]);
    expect(v.code).toBe(1);
    expect(v.err).toEqual([`warroom: ${id}: the pulled feed of origin ${origin} fails verification at seq 2 (line 2): its content does not match its hash (edited)`]);
  }, 60_000);

  it('two responders set one milestone to different times offline: both stay on the record, both machines fold the same', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    ic.clock.advance(60_000);
    dba.clock.advance(61_000);
    const marked = await ic.cli(['mark', id, 'mitigated', '--at', '2026-11-21T10:00:30Z']);
    expect(marked.code, marked.err.join('\n')).toBe(0);
    expect((await dba.cli(['mark', id, 'mitigated', '--at', '2026-11-21T10:00:45Z'])).code).toBe(0);
    for (const w of [ic, dba, ic]) expect((await w.cli(['sync', id])).code).toBe(0);
    const states = [ic, dba].map((w) => new IncidentStore(w.dir, w.clock).load(id).state.milestones.mitigated);
    expect(states[0]).toEqual(states[1]);
    // The later in merged order (the dba's, a second later) holds; the other is kept as its previous value.
    expect(states[0]!.at).toBe('2026-11-21T10:00:45.000Z');
    expect(states[0]!.previous.map((p) => p.at)).toEqual(['2026-11-21T10:00:30.000Z']);
  }, 60_000);

  it('bytes torn off a pulled feed by a crash are cut by the next pull, and the feed verifies', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    await dba.cli(['log', id, 'one']);
    await dba.cli(['sync', id]);
    await ic.cli(['sync', id]);
    await dba.cli(['log', id, 'two']);
    await dba.cli(['sync', id]);
    const [origin] = pulledOrigins(join(ic.dir, 'incidents'), id);
    const feed = join(ic.dir, 'incidents', `${id}.origins`, `${origin}.jsonl`);
    writeFileSync(feed, readFileSync(feed, 'utf8') + '{"seq":2,"ts":"2026-11-21T1'); // a crash mid-append
    expect((await ic.cli(['sync', id])).code).toBe(0);
    expect((await ic.cli(['verify', id])).code).toBe(0);
    expect(notes(ic, id)).toEqual(['one', 'two']);
  }, 60_000);

  it('sync --watch keeps pulling until interrupted', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    const watching = ic.cli(['sync', id, '--watch']);
    await dba.cli(['log', id, 'seen by the watcher']);
    await dba.cli(['sync', id]);
    const deadline = Date.now() + 10_000;
    while (!notes(ic, id).includes('seen by the watcher') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    process.emit('SIGINT');
    const r = await watching;
    expect(r.code).toBe(0);
    expect(notes(ic, id)).toEqual(['seen by the watcher']);
  }, 60_000);

  it("list on a joiner's machine shows the incident as merged, and follows changes pulled later", async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    const listed = async () => JSON.parse((await dba.cli(['list', '--json'])).out.join('\n')) as { id: string; title: string; severity: string }[];
    expect((await listed()).find((s) => s.id === id)).toMatchObject({ title: 'Region down', severity: 'SEV1' });
    ic.clock.advance(5000);
    await ic.cli(['severity', id, 'SEV2']);
    await ic.cli(['sync', id]);
    await dba.cli(['sync', id]);
    expect((await listed()).find((s) => s.id === id)).toMatchObject({ severity: 'SEV2' });
  }, 60_000);

  it("the report names every origin and its head; this machine's is the one warroom head prints", async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    await dba.cli(['log', id, 'replica promoted']);
    for (const w of [dba, ic]) await w.cli(['sync', id]);
    const icHead = (await ic.cli(['head', id])).out[0]!;
    const dbaHead = (await dba.cli(['head', id])).out[0]!;
    const report = (await ic.cli(['report', id])).out.join('\n'); // then records its own report.exported event
    const origins = [ic, dba].map((w) => readSyncConfig(join(w.dir, 'incidents'), id)!.origin);
    expect(report).toContain('- Shared by 2 origins');
    expect(report).toContain(`  - origin \`${origins[0]}\`: head \`${icHead}\``);
    expect(report).toContain(`  - origin \`${origins[1]}\`: head \`${dbaHead}\``);
    expect(report).not.toContain('--expect');
  }, 60_000);

  it('sync status says who else is on the incident now, from presence items that expire', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const dba = makeWriter('dba', t0 + 1000, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    expect((await dba.cli(['join', id, '--table', table])).code).toBe(0);
    ic.clock.advance(10_000);
    const status = await ic.cli(['sync', 'status', id]);
    expect(status.code).toBe(0);
    expect(status.out.at(-1)).toBe('  on the incident now: dba, seen 9 s ago; ic (this machine), seen 10 s ago');
    ic.clock.advance(3 * 60_000);
    expect((await ic.cli(['sync', 'status', id])).out.at(-1)).toBe('  on the incident now: nobody has synced in the last 2 minutes');
  }, 60_000);

  it('a replaced state-dir key is refused, not used to sign this machine\'s events as another origin', async () => {
    const ic = makeWriter('ic', t0, () => moto.endpoint);
    const id = await opened(ic);
    const table = `warroom-cli-${++n}`;
    expect((await ic.cli(['share', id, '--table', table, '--create-table', '--confirm', table])).code).toBe(0);
    rmSync(join(ic.dir, 'sync-key.pem'));
    const r = await ic.cli(['sync', id]);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^warroom: this state dir's key \\(.*sync-key.pem\\) is not the one ${id} was shared with .*restore the original sync-key.pem\\)$`));
  }, 60_000);
});
