// Group commit: batches handed in while a commit is under way share one lock, one write and one fsync,
// and a seq is acknowledged only once it is durable (kill -9 loses no acknowledged event).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { runBin, spawnBin } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const events = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);

describe('group commit', () => {
  it('commits 500 appends handed in at once in a few writes, each answered with its own events', async () => {
    // The clock is read once per commit: each reading is a new millisecond, so distinct times count commits.
    let t = T0;
    const store = new IncidentStore(tempDir(), { now: () => t++ });
    const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
    const id = String(first.data.id);
    const commitsBefore = t;
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => store.append(id, [{ kind: 'note', data: { text: `note ${i}` } }, { kind: 'note', data: { text: `more ${i}` } }], 'bo')),
    );
    answers.forEach((written, i) => {
      expect(written.map((e) => e.data.text)).toEqual([`note ${i}`, `more ${i}`]);
      expect(written[1]!.seq).toBe(written[0]!.seq + 1); // a batch stays whole and in order
    });
    const all = events(store.journalPath(id));
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
    expect(all.slice(1).map((e) => e.data.text)).toEqual(answers.flat().map((e) => e.data.text));
    expect(t - commitsBefore).toBeLessThanOrEqual(3);
    expect(new Set(all.slice(1).map((e) => e.ts)).size).toBeLessThanOrEqual(3);
  });

  it('a failed commit fails every batch in it and records none of them', async () => {
    const store = new IncidentStore(tempDir(), { now: () => T0 });
    const first = await store.create({ title: 'Orders table corrupted', severity: 'SEV2', mode: 'live' }, 'ana');
    const id = String(first.data.id);
    const path = store.journalPath(id);
    const before = readFileSync(path, 'utf8');
    // A lock held by this very process (alive) makes every queued commit wait, then fail.
    const { acquireLock } = await import('../../src/store/journal-lock.js');
    const held = await acquireLock(`${path}.lock`, id);
    process.env.WARROOM_LOCK_TIMEOUT_MS = '200';
    try {
      const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.append(id, [{ kind: 'note', data: { text: `n${i}` } }], 'bo')));
      expect(results.every((r) => r.status === 'rejected')).toBe(true);
    } finally {
      delete process.env.WARROOM_LOCK_TIMEOUT_MS;
      held.release();
    }
    expect(readFileSync(path, 'utf8')).toBe(before);
    const [after] = await store.append(id, [{ kind: 'note', data: { text: 'after' } }], 'bo');
    expect(after!.seq).toBe(2);
  });

  it('log --stdin killed with SIGKILL in the middle of a fast burst: every printed seq is in the journal with its line', async () => {
    const dir = tempDir();
    const created = runBin(['new', '--title', 'Region down', '--severity', 'SEV1', '--state-dir', dir]);
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    const child = spawnBin(['log', id, '--stdin', '--state-dir', dir]);
    const acked: number[] = [];
    let buf = '';
    let n = 0;
    // Lines as fast as the pipe takes them, so commits carry many events each.
    const pump = () => {
      while (child.stdin.writable && child.stdin.write(`burst line ${n++}\n`));
    };
    child.stdin.on('drain', pump);
    child.stdin.on('error', () => {});
    pump();
    await new Promise<void>((res) => {
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const parts = buf.split('\n');
        buf = parts.pop()!;
        acked.push(...parts.map(Number));
        if (acked.length >= 5000) res();
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    const bySeq = new Map(events(`${dir}/incidents/${id}.jsonl`).map((e) => [e.seq, e]));
    expect(acked.length).toBeGreaterThanOrEqual(5000);
    for (const s of acked) expect(bySeq.get(s)?.data.text).toBe(`burst line ${s - 2}`);
    const v = runBin(['verify', id, '--state-dir', dir]);
    expect(v.code === 0 || /incomplete/.test(v.stderr)).toBe(true);
    expect(runBin(['log', id, 'after the crash', '--state-dir', dir]).code).toBe(0);
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  }, 60_000);
});
