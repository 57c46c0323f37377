// The journal lock's rules, in one process: whose lock may be taken over, and that a holder never removes
// a lock that is no longer its own. (Pauses and kills across processes are in lock-pause.test.ts.)
import { spawnSync } from 'node:child_process';
import { appendFileSync, lstatSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { hashEvent, Journal } from '../../src/store/journal.js';
import { readTail } from '../../src/store/journal-file.js';
import { acquireLock } from '../../src/store/journal-lock.js';
import { tempDir } from '../support/tmp.js';

/** Whether the lock link is there (existsSync would follow it to its target, which never exists). */
const present = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};
const quick = { timeoutMs: 150, minDelayMs: 2, maxDelayMs: 10 };
/** A lock target as this process would write it, with some fields replaced: place.boot.pid.start.token. */
async function ownerText(change: { place?: string; pid?: number; start?: string }): Promise<string> {
  const path = join(tempDir(), 'sample.lock');
  const held = await acquireLock(path, 'sample', quick);
  const [place, boot, pid, start, token] = readlinkSync(path).split('.');
  held.release();
  return [change.place ?? place, boot, change.pid ?? pid, change.start ?? start, token].join('.');
}

describe('journal lock', () => {
  it('is exclusive: a second taker waits, then fails naming the live holder', async () => {
    const lockPath = join(tempDir(), 'j.jsonl.lock');
    const held = await acquireLock(lockPath, 'INC-X', quick);
    await expect(acquireLock(lockPath, 'INC-X', quick)).rejects.toThrow(
      `could not lock the journal of INC-X within 0.2 s: process ${process.pid} holds ${lockPath}; nothing was recorded (it is still running: if it is stopped, resume it (kill -CONT ${process.pid}) or end it, then retry)`,
    );
    held.release();
    (await acquireLock(lockPath, 'INC-X', quick)).release();
    expect(present(lockPath)).toBe(false);
  });

  it('takes over at once a lock whose process has exited', async () => {
    const lockPath = join(tempDir(), 'j.jsonl.lock');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    symlinkSync(await ownerText({ pid: Number(gone.stdout) }), lockPath);
    const held = await acquireLock(lockPath, 'INC-X', quick);
    expect(held.stillHeld()).toBe(true);
    held.release();
  });

  it('takes over a lock whose pid now belongs to a later process (pid reused)', async () => {
    const lockPath = join(tempDir(), 'j.jsonl.lock');
    symlinkSync(await ownerText({ start: '1' }), lockPath);
    const held = await acquireLock(lockPath, 'INC-X', quick);
    expect(held.stillHeld()).toBe(true);
    held.release();
  });

  it('never takes over a lock from another host, whose process it cannot check, and says how to clear it', async () => {
    const lockPath = join(tempDir(), 'j.jsonl.lock');
    symlinkSync(await ownerText({ place: '0badf00d', pid: 4242 }), lockPath);
    await expect(acquireLock(lockPath, 'INC-X', quick)).rejects.toThrow(
      `could not lock the journal of INC-X within 0.2 s: process 4242 on another host or in another container holds ${lockPath}; nothing was recorded (if that process is gone, remove ${lockPath} and retry)`,
    );
    expect(present(lockPath)).toBe(true);
  });

  it('knows when its lock was taken away, and then never removes the new holder\'s lock', async () => {
    const lockPath = join(tempDir(), 'j.jsonl.lock');
    const first = await acquireLock(lockPath, 'INC-X', quick);
    unlinkSync(lockPath); // removed by hand while held
    const second = await acquireLock(lockPath, 'INC-X', quick);
    expect(first.stillHeld()).toBe(false);
    first.release();
    expect(second.stillHeld()).toBe(true);
    expect(present(lockPath)).toBe(true);
    second.release();
    expect(present(lockPath)).toBe(false);
  });
});

describe('an append whose lock is taken away while it holds it', () => {
  it('writes nothing on the old head, locks again and rebases its event on the true head', async () => {
    const dir = tempDir();
    const store = new IncidentStore(dir, fixedClock(Date.parse('2026-11-21T10:00:00Z')));
    const id = String((await store.create({ title: 't', severity: 'SEV3', mode: 'live' }, 'ana')).data.id);
    const path = store.journalPath(id);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadOwner = await ownerText({ pid: Number(gone.stdout) });
    let interfered = false;
    // The clock is read under the lock, after the head was read: the moment another writer would step in.
    const clock = {
      now: () => {
        if (!interfered) {
          interfered = true;
          unlinkSync(`${path}.lock`);
          const head = readTail(path).last!;
          const base = { seq: head.seq + 1, ts: '2026-11-21T10:00:01.000Z', actor: 'other', kind: 'note' as const, data: { text: 'written meanwhile' }, prev: head.hash };
          appendFileSync(path, JSON.stringify({ ...base, hash: hashEvent(base) }) + '\n');
          symlinkSync(deadOwner, `${path}.lock`); // and left behind a lock of a process now gone
        }
        return Date.parse('2026-11-21T10:00:02Z');
      },
    };
    const [e] = await new Journal(path, clock, undefined, id).append([{ kind: 'note', data: { text: 'mine' } }], 'bo');
    expect(e).toMatchObject({ seq: 3, data: { text: 'mine' } });
    const v = store.journal(id).load();
    expect(v.verification.ok).toBe(true);
    expect(v.events.map((x) => x.data.text)).toEqual([undefined, 'written meanwhile', 'mine']);
    expect(present(`${path}.lock`)).toBe(false);
  });
});
