// The journal's writer lock. A lock is a symbolic link whose target names its holder (a digest of host and
// pid namespace, a digest of the boot, the pid, the process start time and a random token), created
// atomically by symlink(2). The target stays under 60 bytes so ext4 keeps it in the inode: a longer one
// costs a block allocation on every append.
//
// Why not a lock that goes stale after a time (proper-lockfile): a holder that is paused (SIGSTOP, a
// suspended laptop) or whose clock jumps loses such a lock while it still believes it holds it, and nothing
// at write time can stop it appending after a head that is no longer the head: the chain forks. Here a lock
// is taken over only when its holder is known to be gone (its process no longer exists on this host), so a
// paused holder keeps it and others wait. Time plays no part in the decision.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readlinkSync, lstatSync, rmdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ExitCode, WarroomError } from '../core/index.js';
import { systemClock } from '../system-clock.js';

interface Owner {
  /** Digest of host name and pid namespace: where `pid` means this process. */
  place: string;
  /** Digest of the boot id ('-' where unknown). */
  boot: string;
  pid: number;
  /** Process start time in clock ticks since boot ('-' where unknown). */
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

const digest = (text: string, digits: number) => createHash('sha256').update(text).digest('hex').slice(0, digits);
const bootId = readOr('/proc/sys/kernel/random/boot_id', '');

const self = {
  place: digest(`${hostname()}\0${linkOr('/proc/self/ns/pid', '')}`, 8),
  boot: bootId ? digest(bootId, 6) : '-',
  start: startTimeOf('self') || '-',
};

function newOwner(): string {
  return [self.place, self.boot, process.pid, self.start, randomBytes(6).toString('hex')].join('.');
}

function parseOwner(target: string): Owner | undefined {
  const m = /^([0-9a-f]{8})\.([0-9a-f]{6}|-)\.(\d+)\.(\d+|-)\.([0-9a-f]{12})$/.exec(target);
  return m ? { place: m[1]!, boot: m[2]!, pid: Number(m[3]), start: m[4]!, token: m[5]! } : undefined;
}

type Liveness = 'alive' | 'gone' | 'unknown';

/** Whether the process that wrote `o` still runs. Another host or pid namespace cannot be checked. */
function liveness(o: Owner): Liveness {
  if (o.place !== self.place) return 'unknown';
  if (o.boot !== '-' && self.boot !== '-' && o.boot !== self.boot) return 'gone'; // this machine rebooted since
  try {
    process.kill(o.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  if (o.start === '-' || self.start === '-') return 'alive';
  // Same pid, another start time (or no /proc entry at all): the pid now belongs to a later process, or none.
  return startTimeOf(o.pid) === o.start ? 'alive' : 'gone';
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
function removeGone(lockPath: string, path: string, ownerText: string, owner: Owner, depth = 0): boolean {
  if (depth > 8) return false;
  const claim = `${lockPath}.steal-${owner.token}`;
  const me = newOwner();
  if (!tryLink(me, claim)) {
    const claimText = readOwnerLink(claim);
    const claimOwner = claimText ? parseOwner(claimText) : undefined;
    // Another process is removing it, unless that process died doing so: then remove its claim first.
    if (claimText && claimOwner && liveness(claimOwner) === 'gone') removeGone(lockPath, claim, claimText, claimOwner, depth + 1);
    return false;
  }
  try {
    if (readOwnerLink(path) !== ownerText) return false;
    unlinkSync(path);
    return true;
  } finally {
    if (readOwnerLink(claim) === me) unlinkSync(claim);
  }
}

/** A lock directory from an older warroom (proper-lockfile): stale when untouched for 10 s, as it was then. */
function removeLegacyLock(path: string): void {
  try {
    const st = lstatSync(path);
    if (st.isDirectory() && systemClock.now() - st.mtimeMs > 10_000) rmdirSync(path);
  } catch {
    /* gone already, or not ours to remove */
  }
}

function describeHolder(text: string | undefined): string {
  if (text === undefined) return 'another process';
  if (text === '') return 'an older warroom (a lock directory)';
  const o = parseOwner(text);
  if (!o) return 'an unrecognised lock';
  if (o.place !== self.place) return `process ${o.pid} on another host or in another container`;
  return `process ${o.pid}`;
}

/** Takes the lock at `lockPath`, waiting while a live holder keeps it. */
export async function acquireLock(lockPath: string, journalLabel: string, opts: LockOptions = journalLockOptions()): Promise<HeldLock> {
  const mine = newOwner();
  let delay = opts.minDelayMs;
  let lastSeen: string | undefined;
  let sameHolder = 0;
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
    sameHolder = text === lastSeen ? sameHolder + 1 : 0;
    lastSeen = text;
    if (text === undefined) continue; // released between our attempt and our look: try again at once
    // A holder keeps the lock a millisecond or so: ask whether it still runs only once it has kept it a while.
    if (sameHolder >= 3) {
      if (text === '') removeLegacyLock(lockPath);
      else {
        const holder = parseOwner(text);
        // Try again at once if it was removed; if another process is removing it, wait like for a holder.
        if (holder && liveness(holder) === 'gone' && removeGone(lockPath, lockPath, text, holder)) continue;
      }
    }
    await sleep(delay);
    delay = Math.min(opts.maxDelayMs, delay * 1.1);
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
