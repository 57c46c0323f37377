import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, type TimelineEvent } from '../../src/core/index.js';
import { hashEvent, Journal } from '../../src/store/journal.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { readTail } from '../../src/store/journal-file.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');

async function newIncident(dir: string, warnings: string[] = []) {
  const clock = fixedClock(T0);
  const store = new IncidentStore(dir, clock, (w) => warnings.push(w.message));
  const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
  const id = String(first.data.id);
  return { store, clock, id, path: store.journalPath(id) };
}

const lines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);

describe('journal', () => {
  it('writes one JSON line per event with contiguous seq and a hash chain', async () => {
    const dir = tempDir();
    const { store, clock, id, path } = await newIncident(dir);
    clock.advance(1234);
    await store.append(id, [{ kind: 'note', data: { text: 'first' } }], 'bo');
    await store.append(id, [{ kind: 'decision', data: { text: 'restore' } }, { kind: 'note', data: { text: 'x' } }], 'bo');
    const ev = lines(path);
    expect(ev.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(ev[0]!.prev).toBe('');
    for (let i = 1; i < ev.length; i++) expect(ev[i]!.prev).toBe(ev[i - 1]!.hash);
    for (const e of ev) {
      const { hash, ...rest } = e;
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hashEvent(rest)).toBe(hash);
    }
    expect(ev[1]).toMatchObject({ ts: '2026-11-21T10:00:01.234Z', actor: 'bo', kind: 'note', data: { text: 'first' } });
    expect(Object.keys(ev[1]!)).toEqual(['seq', 'ts', 'actor', 'kind', 'data', 'prev', 'hash']);
  });

  it('creates the state dir 0700 and journals 0600', async () => {
    const dir = join(tempDir(), 'nested', 'state');
    const { path } = await newIncident(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'incidents')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('rejects invalid event data before writing anything', async () => {
    const { store, id, path } = await newIncident(tempDir());
    const before = readFileSync(path, 'utf8');
    await expect(store.append(id, [{ kind: 'note', data: { text: 'ok' } }, { kind: 'note', data: { text: '' } }], 'a')).rejects.toThrow(/text must not be empty/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('reads the tail in O(1) whatever the line length', async () => {
    const { store, id, path } = await newIncident(tempDir());
    await store.append(id, [{ kind: 'note', data: { text: 'y'.repeat(50_000) } }], 'a');
    await store.append(id, [{ kind: 'note', data: { text: 'short' } }], 'a');
    expect(readTail(path).last?.seq).toBe(3);
    await store.append(id, [{ kind: 'note', data: { text: 'z'.repeat(40_000) } }], 'a');
    expect(readTail(path).last?.data).toEqual({ text: 'z'.repeat(40_000) });
  });

  it('preserves a torn last line aside, reports it, and continues the chain', async () => {
    const warnings: string[] = [];
    const { store, id, path } = await newIncident(tempDir(), warnings);
    await store.append(id, [{ kind: 'note', data: { text: 'before crash' } }], 'a');
    appendFileSync(path, '{"seq":3,"ts":"2026-11-21T10:00:00.000Z","actor":"a","kind":"note","da');
    const loaded = store.journal(id).load();
    expect(loaded.verification.firstBad).toMatchObject({ seq: 3, problem: 'torn' });
    expect(loaded.events).toHaveLength(2);

    const [e] = await store.append(id, [{ kind: 'note', data: { text: 'after crash' } }], 'a');
    expect(e!.seq).toBe(4); // seq 3 is the recovery record
    const ev = lines(path);
    expect(ev.map((x) => x.kind)).toEqual(['incident.opened', 'note', 'journal.recovered', 'note']);
    const saved = String(ev[2]!.data.savedTo);
    expect(readFileSync(saved, 'utf8')).toBe('{"seq":3,"ts":"2026-11-21T10:00:00.000Z","actor":"a","kind":"note","da');
    expect(warnings.join()).toMatch(/cut short left 70 bytes after seq 2; they were moved to .*torn-3-/);
    expect(store.journal(id).load().verification.ok).toBe(true);
  });

  it.each([
    ['a flipped byte', (ls: string[]) => { ls[2] = ls[2]!.replace('"second"', '"sEcond"'); }, { seq: 3, problem: 'edited' }],
    ['an edit with a recomputed hash', (ls: string[]) => {
      const e = JSON.parse(ls[1]!) as TimelineEvent;
      e.data = { text: 'rewritten' };
      const { hash: _h, ...rest } = e;
      ls[1] = JSON.stringify({ ...rest, hash: hashEvent(rest) });
    }, { seq: 3, problem: 'chain-broken' }],
    ['reordered lines', (ls: string[]) => { [ls[1], ls[2]] = [ls[2]!, ls[1]!]; }, { seq: 2, problem: 'reordered' }],
    ['a removed line', (ls: string[]) => { ls.splice(2, 1); }, { seq: 3, problem: 'missing' }],
    ['a line that is not JSON', (ls: string[]) => { ls[3] = 'garbage'; }, { seq: 4, problem: 'unreadable' }],
  ])('verify catches %s', async (_name, tamper, want) => {
    const { store, id, path } = await newIncident(tempDir());
    for (const text of ['first', 'second', 'third']) await store.append(id, [{ kind: 'note', data: { text } }], 'a');
    const ls = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    tamper(ls);
    writeFileSync(path, ls.join('\n') + '\n');
    const v = store.journal(id).load().verification;
    expect(v.ok).toBe(false);
    expect(v.firstBad).toMatchObject(want);
  });

  it('follows other writers with readSince, returning complete lines only', async () => {
    const { store, id, path } = await newIncident(tempDir());
    const j = new Journal(path, fixedClock(T0));
    const { offset } = j.load();
    await store.append(id, [{ kind: 'note', data: { text: 'from scribe' } }], 'scribe');
    appendFileSync(path, '{"partial');
    const next = j.readSince(offset);
    expect(next.events.map((e) => e.data.text)).toEqual(['from scribe']);
    expect(j.readSince(next.offset).events).toEqual([]);
  });

  it('lists incidents from the lowdb index and refreshes entries whose journal changed', async () => {
    const dir = tempDir();
    const { store, id } = await newIncident(dir);
    await store.append(id, [{ kind: 'severity.changed', data: { severity: 'SEV1' } }], 'a');
    const [s] = await store.list();
    expect(s).toMatchObject({ id, severity: 'SEV1', status: 'triage', events: 2, title: 'Orders table corrupted' });
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.incidents[id].summary.events).toBe(2);
    expect(statSync(join(dir, 'index.json')).mode & 0o777).toBe(0o600);
  });

  it('rebuilds a corrupt index instead of failing', async () => {
    const dir = tempDir();
    const { store, id } = await newIncident(dir);
    writeFileSync(join(dir, 'index.json'), '{not json');
    expect((await store.list()).map((s) => s.id)).toEqual([id]);
  });

  it('never overwrites an existing journal on create', async () => {
    const dir = tempDir();
    const { path } = await newIncident(dir);
    const j = new Journal(path, fixedClock(T0));
    await expect(j.create({ kind: 'incident.opened', data: { id: 'x', title: 't', severity: 'SEV1', mode: 'live' } }, 'a')).rejects.toThrow(/already exists/);
    expect(lines(path)).toHaveLength(1);
    expect(existsSync(path)).toBe(true);
    expect(readdirSync(join(dir, 'incidents')).filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);
  });
});
