// Process-level durability: parallel writers, kill -9 mid-stream, torn lines, tampering caught by `verify`.
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { CLI, runBin, spawnBin } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';

function newIncident(stateDir: string): string {
  const r = runBin(['new', '--title', 'Region down', '--severity', 'SEV1', '--state-dir', stateDir]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

const journal = (stateDir: string, id: string) =>
  readFileSync(`${stateDir}/incidents/${id}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);

function finished(child: ReturnType<typeof spawnBin>): Promise<number | null> {
  return new Promise((res) => child.on('close', (code) => res(code)));
}

describe('several writers and crashes', () => {
  it('4 processes appending 150 events each at once lose nothing and never duplicate or skip a seq', async () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const writers = [0, 1, 2, 3].map((w) => {
      const child = spawnBin(['log', id, '--stdin', '--state-dir', dir], { WARROOM_ACTOR: `writer${w}` });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stdin.end(Array.from({ length: 150 }, (_, i) => `w${w} line ${i}`).join('\n') + '\n');
      return finished(child).then((code) => ({ code, seqs: out.trim().split('\n').map(Number) }));
    });
    const results = await Promise.all(writers);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.seqs).toHaveLength(150);
    }
    const events = journal(dir, id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 601 }, (_, i) => i + 1));
    for (let w = 0; w < 4; w++) {
      const mine = events.filter((e) => e.actor === `writer${w}`).map((e) => e.data.text);
      expect(mine).toEqual(Array.from({ length: 150 }, (_, i) => `w${w} line ${i}`));
    }
    const acked = results.flatMap((r) => r.seqs).sort((a, b) => a - b);
    expect(acked).toEqual(Array.from({ length: 600 }, (_, i) => i + 2));
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  });

  it('kill -9 in the middle of a stream loses no acknowledged event and leaves a readable journal', async () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const child = spawnBin(['log', id, '--stdin', '--state-dir', dir]);
    const acked: number[] = [];
    let buf = '';
    let i = 0;
    const feed = setInterval(() => child.stdin.write(`event ${i++}\n`), 1);
    await new Promise<void>((res) => {
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const parts = buf.split('\n');
        buf = parts.pop()!;
        acked.push(...parts.map(Number));
        if (acked.length >= 100) res();
      });
    });
    child.kill('SIGKILL');
    clearInterval(feed);
    await finished(child);
    const seqs = new Set(journal(dir, id).map((e) => e.seq));
    for (const s of acked) expect(seqs.has(s)).toBe(true);
    // The journal stays usable: verify passes (or reports only a torn tail), and the next append continues the chain.
    const v = runBin(['verify', id, '--state-dir', dir]);
    expect(v.code === 0 || /torn|incomplete/.test(v.stderr)).toBe(true);
    const next = runBin(['log', id, 'after the crash', '--state-dir', dir]);
    expect(next.code).toBe(0);
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  }, 60_000);

  it('verify names a flipped byte and exits 1; other commands refuse the journal with a clear line', () => {
    const dir = tempDir();
    const id = newIncident(dir);
    runBin(['log', id, 'the primary is in us-east-1', '--state-dir', dir]);
    runBin(['log', id, 'second note', '--state-dir', dir]);
    const path = `${dir}/incidents/${id}.jsonl`;
    const raw = readFileSync(path);
    const at = raw.indexOf('us-east-1');
    raw[at + 8] = '2'.charCodeAt(0); // us-east-2
    writeFileSync(path, raw);
    const v = runBin(['verify', id, '--state-dir', dir]);
    expect(v.code).toBe(1);
    expect(v.stderr.trim()).toBe(`warroom: ${id}: journal fails verification at seq 2 (line 2): its content does not match its hash (edited)`);
    const show = runBin(['show', id, '--state-dir', dir]);
    expect(show.code).toBe(4);
    expect(show.stderr.trim().split('\n')).toHaveLength(1);
    expect(show.stderr).toMatch(/fails verification at seq 2.*--force/);
    expect(runBin(['show', id, '--force', '--state-dir', dir]).code).toBe(0);
  });

  it('a torn last line is reported by verify, and the next append preserves it aside', () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const path = `${dir}/incidents/${id}.jsonl`;
    appendFileSync(path, '{"seq":2,"ts":"2026');
    const v = runBin(['verify', id, '--state-dir', dir]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/seq 2 \(line 2\): the last line is incomplete/);
    const log = runBin(['log', id, 'continuing', '--state-dir', dir]);
    expect(log.code).toBe(0);
    expect(log.stdout.trim()).toBe('3');
    expect(log.stderr).toMatch(/warning: a write cut short left 19 bytes after seq 1; they were moved to .*\.torn-2-/);
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  });
});

describe('a write that does not fit', () => {
  it('is rolled back whole when the file size limit (RLIMIT_FSIZE, like a full disk) stops it half way', () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const path = `${dir}/incidents/${id}.jsonl`;
    const before = readFileSync(path);
    // dash's ulimit -f counts 512-byte blocks: the journal may grow to 1024 bytes, the event needs more.
    const r = spawnSync('sh', ['-c', 'ulimit -f 2 && exec "$0" "$@"', process.execPath, CLI, 'log', id, 'x'.repeat(3000), '--state-dir', dir], {
      encoding: 'utf8',
      env: { ...process.env, WARROOM_ACTOR: 'tester' },
    });
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^warroom: could not append to the journal; nothing was recorded at .*: the file size limit was reached$/);
    expect(r.status).toBe(5);
    expect(readFileSync(path)).toEqual(before);
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  });
});
