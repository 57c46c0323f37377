// Journals that are empty, half-made, copied, linked, special or huge, and a state dir open to others:
// each is named for what it is, and none is silently accepted, followed, hidden or left behind.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent } from '../../src/store/journal.js';
import { OVERSIZED_LINE, readFrom, readTail, scanLines } from '../../src/store/journal-file.js';
import { ChainVerifier } from '../../src/store/verify.js';
import { CLI } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');

async function storeWithIncident(dir = tempDir(), warnings: string[] = []) {
  const store = new IncidentStore(dir, fixedClock(T0), (w) => warnings.push(w.message));
  const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
  const id = String(first.data.id);
  return { store, id, path: store.journalPath(id), dir, warnings };
}

const OTHER_ID = 'INC-20261121-ZZZ9';

describe('a journal is valid only when it starts with its own opening event', () => {
  it('a 0-byte journal fails verification and cannot be appended to', async () => {
    const { store, dir } = await storeWithIncident();
    writeFileSync(join(dir, 'incidents', `${OTHER_ID}.jsonl`), '');
    const v = store.journal(OTHER_ID).verify();
    expect(v.ok).toBe(false);
    expect(v.firstBad).toMatchObject({ seq: 1, problem: 'empty' });
    await expect(store.append(OTHER_ID, [{ kind: 'note', data: { text: 'x' } }], 'a')).rejects.toThrow(/has no opening event, so nothing can be appended/);
    expect(readFileSync(store.journalPath(OTHER_ID), 'utf8')).toBe('');
  });

  it('a journal whose first events were cut off fails verification at seq 1', async () => {
    const { store, id, path } = await storeWithIncident();
    await store.append(id, [{ kind: 'note', data: { text: 'one' } }, { kind: 'note', data: { text: 'two' } }], 'a');
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    writeFileSync(path, lines.slice(1).join('\n') + '\n');
    expect(store.journal(id).verify().firstBad).toMatchObject({ seq: 1, line: 1, problem: 'no-opening' });
  });

  it('a chain rebuilt without its opening event (every hash recomputed) still fails', async () => {
    const { store, id, path } = await storeWithIncident();
    const base = { seq: 1, ts: new Date(T0).toISOString(), actor: 'mallory', kind: 'note' as const, data: { text: 'nothing happened' }, prev: '' };
    writeFileSync(path, JSON.stringify({ ...base, hash: hashEvent(base) }) + '\n');
    expect(store.journal(id).verify().firstBad).toMatchObject({ seq: 1, problem: 'no-opening' });
  });

  it('a journal copied under another incident\'s id fails verification', async () => {
    const { store, path, dir } = await storeWithIncident();
    writeFileSync(join(dir, 'incidents', `${OTHER_ID}.jsonl`), readFileSync(path));
    expect(store.journal(OTHER_ID).verify().firstBad).toMatchObject({ seq: 1, problem: 'wrong-incident' });
  });

  it('new creates the journal whole or not at all: a write that fails leaves no journal behind', () => {
    const dir = tempDir();
    // dash's ulimit -f counts 512-byte blocks: the opening event below needs more than 1024 bytes.
    const r = spawnSync('sh', ['-c', 'ulimit -f 2 && exec "$0" "$@"', process.execPath, CLI, 'new', '--title', 't'.repeat(1500), '--severity', 'SEV2', '--state-dir', dir], {
      encoding: 'utf8',
      env: { ...process.env, WARROOM_ACTOR: 'tester' },
    });
    expect(r.stderr.trim()).toMatch(/^warroom: could not create the incident journal at .*INC-\d{8}-\w{4}\.jsonl: the file size limit was reached$/);
    expect(r.status).toBe(5);
    expect(readdirSync(join(dir, 'incidents'))).toEqual([]);
  });
});

describe('journals stay in place', () => {
  it('a FIFO in place of a journal is refused at once instead of hanging every reader', async () => {
    const { store, dir } = await storeWithIncident();
    const fifo = join(dir, 'incidents', `${OTHER_ID}.jsonl`);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => store.journal(OTHER_ID)).toThrow(/is not a regular file/);
    const listed = await store.list();
    expect(listed.find((s) => s.id === OTHER_ID)?.problem).toMatchObject({ kind: 'unreadable' });
  });

  it('makes an existing state dir that others can read 0700, and says so once', async () => {
    const dir = tempDir();
    const { store: first } = await storeWithIncident(dir);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'incidents'), 0o775);
    const warnings: string[] = [];
    const store = new IncidentStore(dir, fixedClock(T0), (w) => warnings.push(w.message));
    await store.list();
    await store.list();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'incidents')).mode & 0o777).toBe(0o700);
    expect(warnings).toEqual([
      `state dir ${dir} was open to other users (mode 0755); made it 0700`,
      `state dir ${join(dir, 'incidents')} was open to other users (mode 0775); made it 0700`,
    ]);
    expect(first.dir).toBe(dir);
  });
});

describe('list marks bad journals instead of hiding them', () => {
  it('names tampered, half-made, linked and special journals beside the good ones', async () => {
    const { store, id, path, dir } = await storeWithIncident();
    const tampered = (await store.create({ title: 'Edited later', severity: 'SEV3', mode: 'live' }, 'bo')).data.id as string;
    await store.append(tampered, [{ kind: 'note', data: { text: 'the primary is us-east-1' } }], 'bo');
    const tp = store.journalPath(tampered);
    writeFileSync(tp, readFileSync(tp, 'utf8').replace('us-east-1', 'us-east-2'));
    writeFileSync(join(dir, 'incidents', 'INC-20261121-EMP1.jsonl'), '');
    symlinkSync(path, join(dir, 'incidents', 'INC-20261121-LNK1.jsonl'));
    const list = await store.list();
    const byId = Object.fromEntries(list.map((s) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual([id, tampered, 'INC-20261121-EMP1', 'INC-20261121-LNK1'].sort());
    expect(byId[id]!.problem).toBeUndefined();
    expect(byId[tampered]).toMatchObject({ title: 'Edited later', problem: { kind: 'tampered', message: expect.stringMatching(/^journal fails verification at seq 2 \(line 2\): .*edited/) } });
    expect(byId['INC-20261121-EMP1']).toMatchObject({ status: 'corrupt', problem: { kind: 'corrupt', message: expect.stringMatching(/has no events/) } });
    expect(byId['INC-20261121-LNK1']).toMatchObject({ status: 'unreadable', problem: { kind: 'unreadable', message: expect.stringMatching(/is a symbolic link/) } });
  });

  it('notices an edit that keeps the journal\'s size, though the index had cached it as good', async () => {
    const { store, id, path } = await storeWithIncident();
    await store.append(id, [{ kind: 'note', data: { text: 'failover to eu-west-1' } }], 'a');
    expect((await store.list())[0]!.problem).toBeUndefined();
    writeFileSync(path, readFileSync(path, 'utf8').replace('eu-west-1', 'eu-west-2'));
    expect((await store.list())[0]!.problem).toMatchObject({ kind: 'tampered' });
  });
});

describe('no size limit: the journal is streamed', () => {
  it('reads, verifies and follows the same with a 7-byte chunk as with the default', async () => {
    const { store, id, path } = await storeWithIncident();
    const texts = ['short', 'é'.repeat(40), 'x'.repeat(3000), 'last'];
    for (const text of texts) await store.append(id, [{ kind: 'note', data: { text } }], 'a');
    const whole = store.journal(id).load();
    const small = store.journal(id, 7).load();
    expect(small.verification).toEqual(whole.verification);
    expect(small.events.map((e) => e.data.text)).toEqual([undefined, ...texts]);
    expect(small.offset).toBe(statSync(path).size);
    expect(readFrom(path, 0, 7).events).toEqual(whole.events);
    writeFileSync(path, readFileSync(path, 'utf8') + '{"seq":6,"ts');
    const torn = store.journal(id, 7).load();
    expect(torn.verification.firstBad).toMatchObject({ seq: 6, problem: 'torn' });
    expect(torn.offset).toBe(whole.offset);
    expect(readFrom(path, whole.offset, 7)).toEqual({ events: [], offset: whole.offset });
  });

  it('reads a journal over 512 MiB (V8\'s longest string): here 600 MiB of junk after the last newline, sparse on disk', async () => {
    const { store, id, path } = await storeWithIncident();
    const good = statSync(path).size;
    truncateSync(path, good + 600 * 1024 * 1024);
    const started = performance.now();
    const loaded = store.load(id);
    expect(loaded.events).toHaveLength(1);
    expect(loaded.offset).toBe(good);
    expect(loaded.verification.firstBad).toMatchObject({ seq: 2, problem: 'torn' });
    expect(readTail(path)).toMatchObject({ goodLength: good, size: good + 600 * 1024 * 1024 });
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('reports a line longer than the line limit by its length instead of holding it, and goes on', async () => {
    const { store, id, path } = await storeWithIncident();
    await store.append(id, [{ kind: 'note', data: { text: 'y'.repeat(600) } }, { kind: 'note', data: { text: 'after' } }], 'a');
    writeFileSync(path, readFileSync(path, 'utf8') + 'z'.repeat(500));
    const seen: string[] = [];
    const fd = openSync(path, 'r');
    try {
      const scan = scanLines(fd, 0, (l) => seen.push(l === OVERSIZED_LINE ? 'OVERSIZED' : (JSON.parse(l) as { kind: string }).kind), 64, 400);
      expect(seen).toEqual(['incident.opened', 'OVERSIZED', 'note']);
      expect(scan.torn).toBe(500); // counted, not kept
    } finally {
      closeSync(fd);
    }
    const verifier = new ChainVerifier(hashEvent);
    verifier.push(OVERSIZED_LINE);
    expect(verifier.finish(0).firstBad).toMatchObject({ seq: 1, problem: 'oversized', message: 'seq 1 (line 1): the line is longer than 64 MiB, far more than any event (damage)' });
  });

  it('keeps no event in memory when it only verifies', async () => {
    const { store, id } = await storeWithIncident();
    const v = store.journal(id).verify();
    expect(v).toMatchObject({ ok: true, count: 1, headSeq: 1, events: [] });
  });
});
