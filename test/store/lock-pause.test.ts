// The chain never forks: real writer processes paused with SIGSTOP while they hold the journal lock,
// their lock made to look hours old (a clock jump), killed while paused, and many takers of a dead lock.
import { lstatSync, lutimesSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/core/index.js';
import { acquireLock } from '../../src/store/journal-lock.js';
import { runBin, spawnBin } from '../support/bin.js';
import { tempDir } from '../support/tmp.js';

function newIncident(stateDir: string): string {
  const r = runBin(['new', '--title', 'Region down', '--severity', 'SEV1', '--state-dir', stateDir]);
  expect(r.code).toBe(0);
  return r.stdout.trim();
}

const journal = (stateDir: string, id: string) =>
  readFileSync(`${stateDir}/incidents/${id}.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TimelineEvent);

/** Every seq once, in order, every prev once: no two events claim one place in the chain. */
function expectNoFork(events: TimelineEvent[]) {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(new Set(events.map((e) => e.prev)).size).toBe(events.length);
  for (let i = 1; i < events.length; i++) expect(events[i]!.prev).toBe(events[i - 1]!.hash);
}

function lockHolderPid(lockPath: string): number | undefined {
  try {
    return Number(readlinkSync(lockPath).split('.')[2]); // place.boot.pid.start.token
  } catch {
    return undefined;
  }
}

function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return '?';
  }
}

/** Whether a lock of any form (a link, or an older warroom's directory) is at `lockPath`. */
function lockPresent(lockPath: string): boolean {
  try {
    lstatSync(lockPath);
    return true;
  } catch {
    return false;
  }
}

/** Stops the only writer, `pid`, at a moment when it holds the lock (tries other moments until it does). */
async function stopWhileHolding(pid: number, lockPath: string): Promise<boolean> {
  for (let i = 0; i < 500; i++) {
    process.kill(pid, 'SIGSTOP');
    for (let w = 0; w < 200 && processState(pid) !== 'T'; w++) await sleep(1);
    if (lockPresent(lockPath)) return true;
    process.kill(pid, 'SIGCONT');
    await sleep(1 + (i % 7));
  }
  return false;
}

/** A `log --stdin` writer fed one line every `everyMs`, collecting the seqs it acknowledges. */
function streamingWriter(dir: string, id: string, everyMs = 1) {
  const child = spawnBin(['log', id, '--stdin', '--state-dir', dir], { WARROOM_ACTOR: 'streamer' });
  const acked: number[] = [];
  let buf = '';
  let i = 0;
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    const parts = buf.split('\n');
    buf = parts.pop()!;
    acked.push(...parts.map(Number));
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const feed = setInterval(() => child.stdin.write(`line ${i++}\n`), everyMs);
  const done = new Promise<number | null>((res) => child.on('close', (code) => res(code)));
  return {
    child,
    acked,
    stderr: () => stderr,
    stopFeeding: () => clearInterval(feed),
    started: async () => {
      while (acked.length < 5) await sleep(5);
    },
    finish: async () => {
      clearInterval(feed);
      child.stdin.end();
      return done;
    },
    kill: async () => {
      clearInterval(feed);
      child.kill('SIGKILL');
      return done;
    },
  };
}

function spawnLog(dir: string, id: string, text: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawnBin(['log', id, text, '--state-dir', dir], env);
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const started = performance.now();
  const done = new Promise<{ code: number | null; out: string; err: string; ms: number }>((res) =>
    child.on('close', (code) => res({ code, out, err, ms: performance.now() - started })),
  );
  return { child, done, running: () => child.exitCode === null && child.signalCode === null };
}

describe('a writer paused while it holds the journal lock', () => {
  it('keeps the lock past the old stale time and a clock jump: others wait or fail with one clear line; nothing forks', async () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const lockPath = `${dir}/incidents/${id}.jsonl.lock`;
    const a = streamingWriter(dir, id);
    await a.started();
    const pid = a.child.pid!;
    expect(await stopWhileHolding(pid, lockPath)).toBe(true);
    a.stopFeeding();
    try {
      // The lock now looks 56 years old, and the pause outlasts the 2 s after which the old lock went stale.
      lutimesSync(lockPath, 0, 0);
      await sleep(2_500);

      const impatient = await spawnLog(dir, id, 'from an impatient writer', { WARROOM_LOCK_TIMEOUT_MS: '800' }).done;
      expect(impatient.code).toBe(5);
      expect(impatient.out).toBe('');
      expect(impatient.err.trim().split('\n')).toHaveLength(1);
      expect(impatient.err.trim()).toBe(
        `warroom: could not lock the journal of ${id} within 0.8 s: process ${pid} holds ${lockPath}; nothing was recorded ` +
          `(it is still running: if it is stopped, resume it (kill -CONT ${pid}) or end it, then retry)`,
      );

      const patient = spawnLog(dir, id, 'from a patient writer');
      await sleep(700);
      expect(patient.running()).toBe(true); // waiting for the paused holder, not taking its lock
      process.kill(pid, 'SIGCONT');
      const p = await patient.done;
      expect(p.err).toBe('');
      expect(p.code).toBe(0);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(await a.finish()).toBe(0);
    expect(a.stderr()).toBe('');
    const events = journal(dir, id);
    expectNoFork(events);
    const texts = events.map((e) => e.data.text);
    expect(texts.filter((t) => t === 'from a patient writer')).toHaveLength(1);
    expect(texts).not.toContain('from an impatient writer');
    const seqs = new Set(events.map((e) => e.seq));
    for (const s of a.acked) expect(seqs.has(s)).toBe(true);
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  }, 60_000);

  it('is replaced at once when it is killed while paused, and the chain goes on from its true head', async () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const lockPath = `${dir}/incidents/${id}.jsonl.lock`;
    const a = streamingWriter(dir, id);
    await a.started();
    const pid = a.child.pid!;
    expect(await stopWhileHolding(pid, lockPath)).toBe(true);
    await a.kill();
    const b = await spawnLog(dir, id, 'after the holder died').done;
    expect(b.code).toBe(0);
    expect(b.ms).toBeLessThan(2_000); // no stale timeout to sit out: the holder is known to be gone
    const events = journal(dir, id);
    expectNoFork(events);
    expect(events[events.length - 1]!.data.text).toBe('after the holder died');
    const seqs = new Set(events.map((e) => e.seq));
    for (const s of a.acked) expect(seqs.has(s)).toBe(true);
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  }, 60_000);

  it('leaves a dead holder\'s lock to exactly one taker when eight writers find it at once', async () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const lockPath = `${dir}/incidents/${id}.jsonl.lock`;
    const gone = spawnBin(['--version']);
    await new Promise((res) => gone.on('close', res));
    // A lock as a process here writes it, naming the process that has just exited.
    const sample = `${lockPath}.sample`;
    const held = await acquireLock(sample, id);
    const [place, boot, , start, token] = readlinkSync(sample).split('.');
    held.release();
    symlinkSync([place, boot, gone.pid, start, token].join('.'), lockPath);
    const writers = Array.from({ length: 8 }, (_, w) => spawnLog(dir, id, `writer ${w}`).done);
    const results = await Promise.all(writers);
    for (const r of results) expect(r.code).toBe(0);
    const events = journal(dir, id);
    expectNoFork(events);
    expect(events).toHaveLength(9);
    expect(runBin(['verify', id, '--state-dir', dir]).code).toBe(0);
  }, 60_000);

  it('no mix of pauses, kills and clock jumps on four streaming writers forks the chain or loses an acknowledged event', async () => {
    const dir = tempDir();
    const id = newIncident(dir);
    const lockPath = `${dir}/incidents/${id}.jsonl.lock`;
    const writers = [0, 1, 2, 3].map(() => streamingWriter(dir, id, 15)); // about what four can append
    await Promise.all(writers.map((w) => w.started()));
    const tally = { stops: 0, stoppedHolding: 0, kills: 0, clockJumps: 0 };
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n; // Park-Miller: reproducible
    const until = performance.now() + 6_000;
    while (performance.now() < until) {
      const w = writers[rnd(writers.length)]!;
      const pid = w.child.pid!;
      if (w.child.exitCode !== null || w.child.signalCode !== null) continue;
      process.kill(pid, 'SIGSTOP');
      tally.stops += 1;
      if (lockHolderPid(lockPath) === pid) tally.stoppedHolding += 1;
      if (rnd(4) === 0) {
        try {
          lutimesSync(lockPath, 0, 0);
          tally.clockJumps += 1;
        } catch {
          /* no lock at this moment */
        }
      }
      await sleep(rnd(300));
      if (rnd(12) === 0 && tally.kills < 2) {
        await w.kill();
        tally.kills += 1;
      } else process.kill(pid, 'SIGCONT');
      await sleep(rnd(50));
    }
    const codes = await Promise.all(writers.map((w) => (w.child.exitCode === null && w.child.signalCode === null ? w.finish() : Promise.resolve(null))));
    for (const [i, w] of writers.entries()) {
      if (codes[i] !== null) expect({ code: codes[i], err: w.stderr() }).toEqual({ code: 0, err: '' });
    }
    const events = journal(dir, id);
    expectNoFork(events);
    const seqs = new Set(events.map((e) => e.seq));
    for (const w of writers) for (const s of w.acked) expect(seqs.has(s)).toBe(true);
    const v = runBin(['verify', id, '--state-dir', dir]);
    expect(v.code === 0 || /incomplete/.test(v.stderr)).toBe(true);
    expect(tally.stops).toBeGreaterThan(10);
    console.log(`chaos: ${JSON.stringify(tally)}, ${events.length} events, no fork`);
  }, 90_000);
});
