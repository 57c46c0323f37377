// The journal lock's rules, in one process: whose lock may be taken over, and that a holder never removes
// a lock that is no longer its own. (Pauses and kills across processes are in lock-pause.test.ts.)
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
const here = () => ({
  host: hostname(),
  boot: existsSync('/proc/sys/kernel/random/boot_id') ? spawnSync('cat', ['/proc/sys/kernel/random/boot_id'], { encoding: 'utf8' }).stdout.trim() : '',
  pidns: existsSync('/proc/self/ns/pid') ? readlinkSync('/proc/self/ns/pid') : '',
});

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
    symlinkSync(JSON.stringify({ ...here(), pid: Number(gone.stdout), start: '1', token: 'aa' }), lockPath);
    const held = await acquireLock(lockPath, 'INC-X', quick);
    expect(held.stillHeld()).toBe(true);
    held.release();
  });

  it('takes over a lock whose pid now belongs to a later process (pid reused)', async () => {
    const lockPath = join(tempDir(), 'j.jsonl.lock');
    symlinkSync(JSON.stringify({ ...here(), pid: process.pid, start: '1', token: 'bb' }), lockPath);
    const held = await acquireLock(lockPath, 'INC-X', quick);
    expect(held.stillHeld()).toBe(true);
    held.release();
  });

  it('never takes over a lock from another host, whose process it cannot check, and says how to clear it', async () => {
    const lockPath = join(tempDir(), 'j.jsonl.lock');
    symlinkSync(JSON.stringify({ ...here(), host: 'elsewhere.example', pid: 4242, start: '1', token: 'cc' }), lockPath);
    await expect(acquireLock(lockPath, 'INC-X', quick)).rejects.toThrow(
      `could not lock the journal of INC-X within 0.2 s: process 4242 on host elsewhere.example holds ${lockPath}; nothing was recorded (if that process is gone, remove ${lockPath} and retry)`,
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
