// The journal's writer lock. A lock is a symbolic link whose target names its holder (host, boot, pid
// namespace, pid, process start time and a random token), created atomically by symlink(2).
//
// Why not a lock that goes stale after a time (proper-lockfile): a holder that is paused (SIGSTOP, a
// suspended laptop) or whose clock jumps loses such a lock while it still believes it holds it, and nothing
// at write time can stop it appending after a head that is no longer the head: the chain forks. Here a lock
// is taken over only when its holder is known to be gone (its process no longer exists on this host), so a
// paused holder keeps it and others wait. Time plays no part in the decision.
import { randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync, lstatSync, rmdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExitCode, WarroomError } from '../core/index.js';

interface Owner {
  host: string;
  boot: string;
  pidns: string;
  pid: number;
  start: string;
  token: string;
}

export interface HeldLock {
  /** True while the lock is still this holder's (nobody removed or took it over). */
  stillHeld(): boolean;
  /** Removes the lock if it is still this holder's; never removes another holder's lock. */
  release(): void;
}

export interface LockOptions {
  /** How long to wait while another live process holds the lock (monotonic time, immune to clock jumps). */
  timeoutMs: number;
  minDelayMs: number;
  maxDelayMs: number;
}

/** WARROOM_LOCK_TIMEOUT_MS overrides the 15 s wait (a scribe's script may rather fail fast). */
export function journalLockOptions(env: NodeJS.ProcessEnv = process.env): LockOptions {
  const t = Number(env.WARROOM_LOCK_TIMEOUT_MS);
  return { timeoutMs: Number.isFinite(t) && t >= 0 ? t : 15_000, minDelayMs: 2, maxDelayMs: 25 };
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return fallback;
  }
}

function linkOr(path: string, fallback: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return fallback;
  }
}

/** When the process started, in clock ticks since boot (Linux); '' where /proc is absent. */
function startTimeOf(pid: number | 'self'): string {
  const stat = readOr(`/proc/${pid}/stat`, '');
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? '';
}

const self = {
  host: hostname(),
  boot: readOr('/proc/sys/kernel/random/boot_id', ''),
  pidns: linkOr('/proc/self/ns/pid', ''),
  start: startTimeOf('self'),
};

function newOwner(): Owner {
  return { ...self, pid: process.pid, token: randomBytes(16).toString('hex') };
}

function parseOwner(target: string): Owner | undefined {
  try {
    const o = JSON.parse(target) as Partial<Owner>;
    return typeof o.pid === 'number' && typeof o.token === 'string' && typeof o.host === 'string' ? (o as Owner) : undefined;
  } catch {
    return undefined;
  }
}

type Liveness = 'alive' | 'gone' | 'unknown';

/** Whether the process that wrote `o` still runs. Another host or pid namespace cannot be checked. */
function liveness(o: Owner): Liveness {
  if (o.host !== self.host || (o.pidns ?? '') !== self.pidns) return 'unknown';
  if (o.boot && self.boot && o.boot !== self.boot) return 'gone';
  try {
    process.kill(o.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  // Same pid, different start time: the pid was reused by a later process.
  const start = o.start ? startTimeOf(o.pid) : '';
  if (o.start && start && start !== o.start) return 'gone';
  if (o.start && !start && self.start) return 'gone'; // /proc works here, yet has no entry for the pid
  return 'alive';
}

function readOwnerLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EINVAL') return ''; // not a symlink: a lock directory left by an older warroom
    throw err;
  }
}

function tryLink(target: string, path: string): boolean {
  try {
    symlinkSync(target, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

/**
 * Removes the link at `path` if it still names `owner`, a holder known to be gone. Only the process that
 * holds `<lock>.steal-<owner token>` may remove a link naming that owner, so two processes that both saw
 * the dead holder can never remove a lock that a third has just taken.
 */
function removeGone(lockPath: string, path: string, ownerText: string, owner: Owner, depth = 0): void {
  if (depth > 8) return;
  const claim = `${lockPath}.steal-${owner.token}`;
  const me = JSON.stringify(newOwner());
  if (!tryLink(me, claim)) {
    const claimText = readOwnerLink(claim);
    const claimOwner = claimText ? parseOwner(claimText) : undefined;
    // Another process is removing it, unless that process died doing so: then remove its claim first.
    if (claimText && claimOwner && liveness(claimOwner) === 'gone') removeGone(lockPath, claim, claimText, claimOwner, depth + 1);
    return;
  }
  try {
    if (readOwnerLink(path) === ownerText) unlinkSync(path);
  } finally {
    if (readOwnerLink(claim) === me) unlinkSync(claim);
  }
}

/** A lock directory from an older warroom (proper-lockfile): stale when untouched for 10 s, as it was then. */
function removeLegacyLock(path: string): void {
  try {
    const st = lstatSync(path);
    if (st.isDirectory() && Date.now() - st.mtimeMs > 10_000) rmdirSync(path);
  } catch {
    /* gone already, or not ours to remove */
  }
}

function describeHolder(text: string | undefined): string {
  if (text === undefined) return 'another process';
  if (text === '') return 'an older warroom (a lock directory)';
  const o = parseOwner(text);
  if (!o) return 'an unrecognised lock';
  if (o.host !== self.host) return `process ${o.pid} on host ${o.host}`;
  if ((o.pidns ?? '') !== self.pidns) return `process ${o.pid} in another pid namespace (container)`;
  return `process ${o.pid}`;
}

/** Takes the lock at `lockPath`, waiting while a live holder keeps it. */
export async function acquireLock(lockPath: string, journalLabel: string, opts: LockOptions = journalLockOptions()): Promise<HeldLock> {
  const owner = newOwner();
  const mine = JSON.stringify(owner);
  let delay = opts.minDelayMs;
  let lastSeen: string | undefined;
  const deadline = performance.now() + opts.timeoutMs;
  for (let first = true; first || performance.now() < deadline; first = false) {
    if (tryLink(mine, lockPath)) {
      return {
        stillHeld: () => readOwnerLink(lockPath) === mine,
        release: () => {
          if (readOwnerLink(lockPath) === mine) unlinkSync(lockPath);
        },
      };
    }
    const text = readOwnerLink(lockPath);
    lastSeen = text;
    if (text === undefined) continue; // released between our attempt and our look: try again at once
    if (text === '') removeLegacyLock(lockPath);
    else {
      const holder = parseOwner(text);
      if (holder && liveness(holder) === 'gone') {
        removeGone(lockPath, lockPath, text, holder);
        continue;
      }
    }
    await sleep(delay);
    delay = Math.min(opts.maxDelayMs, Math.ceil(delay * 1.5));
  }
  const who = describeHolder(lastSeen);
  const holder = lastSeen ? parseOwner(lastSeen) : undefined;
  const hint =
    holder && liveness(holder) === 'alive'
      ? `it is still running: if it is stopped, resume it (kill -CONT ${holder.pid}) or end it, then retry`
      : `if that process is gone, remove ${lockPath} and retry`;
  const waited = `${Math.round(opts.timeoutMs / 100) / 10} s`;
  throw new WarroomError(`could not lock the journal of ${journalLabel} within ${waited}: ${who} holds ${lockPath}; nothing was recorded (${hint})`, ExitCode.io);
}
