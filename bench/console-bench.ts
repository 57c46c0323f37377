// Console benchmarks against the built bundle (`npm run build` first) in a real pseudo-terminal:
//   (a) firstFrame: process start to the console's first meaningful frame (target < 250 ms);
//   (b) keyToFrame: key press to the updated frame on an incident of N events (target: one frame, 16 ms).
// Both wait for the frame's text in the pty output (see launch).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn, type IPty } from 'node-pty';
import type { NewEvent } from '../src/core/index.js';
import { IncidentStore } from '../src/store/incident-store.js';
import { generateJournal } from './generate.js';

export interface BenchResult {
  medianMs: number;
  p99Ms: number;
  runs: number;
}

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

function summarise(samples: number[]): BenchResult {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { medianMs: round(at(0.5)), p99Ms: round(at(0.99)), runs: s.length };
}
const round = (n: number) => Math.round(n * 10) / 10;

function env(): Record<string, string> {
  const e: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI') e[k] = v;
  return { ...e, TERM: 'xterm-256color', WARROOM_ACTOR: 'bench' };
}

/**
 * A pty running the console. `until` resolves at the moment output matching the predicate has been written
 * since the last key press: Ink writes each frame whole, so that is when the updated frame reached the
 * terminal (parsing it in a terminal emulator would add the emulator's time, not the console's).
 */
export function launch(stateDir: string, cols = 160, rows = 48) {
  const started = performance.now();
  const pty: IPty = spawn(process.execPath, [CLI, '--state-dir', stateDir], { cols, rows, env: env(), name: 'xterm-256color' });
  let since = '';
  let waiter: { pred: (s: string) => boolean; resolve: (t: number) => void } | undefined;
  pty.onData((d) => {
    since = (since + d).slice(-262_144); // a frame is far smaller: scanning only the tail keeps each check cheap
    if (waiter && waiter.pred(since)) {
      const w = waiter;
      waiter = undefined;
      w.resolve(performance.now());
    }
  });
  const until = (pred: (s: string) => boolean, timeoutMs = 10_000, what = 'the frame') =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; output:\n${since.slice(-2000)}`)), timeoutMs);
      waiter = { pred, resolve: (t) => (clearTimeout(timer), resolve(t)) };
      if (pred(since)) {
        waiter = undefined;
        clearTimeout(timer);
        resolve(performance.now());
      }
    });
  const press = (key: string) => {
    since = '';
    pty.write(key);
  };
  const exited = new Promise<void>((r) => pty.onExit(() => r()));
  return { pty, started, until, press, exited, output: () => since };
}

type Console = ReturnType<typeof launch>;

/**
 * Leaves the console: `q`, then `y` when it asks first (an incident with a step in progress or an overdue
 * status update, as a generated journal dated days back has, asks "Quit anyway?"); killed if it does not exit.
 */
export async function quit(app: Pick<Console, 'press' | 'until' | 'exited' | 'pty'>, timeoutMs = 10_000): Promise<void> {
  let gone = false;
  void app.exited.then(() => (gone = true));
  app.press('q');
  const asked = app.until((s) => s.includes('Quit anyway?'), timeoutMs, 'the quit question').then(
    () => (gone ? undefined : app.press('y')),
    () => undefined,
  );
  const timer = new Promise<'late'>((r) => setTimeout(() => r('late'), timeoutMs).unref());
  const done = await Promise.race([app.exited.then(() => 'exited' as const), timer]);
  void asked;
  if (done === 'late') {
    app.pty.kill();
    throw new Error('the console did not exit after q (and y)');
  }
}

/** Peak resident memory of a process so far, in MB (Linux), or NaN. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** (a) Time from spawning `node dist/cli.js` to the home screen's first frame, in `stateDir` (else an empty one). */
export async function firstFrame(runs = 15, stateDir?: string): Promise<BenchResult & { rssMb: number }> {
  const dir = stateDir ?? mkdtempSync(join(tmpdir(), 'warroom-bench-'));
  const samples: number[] = [];
  let rssMb = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const app = launch(dir);
      const at = await app.until((s) => s.includes('No incidents yet') || s.includes('TITLE'));
      samples.push(at - app.started);
      rssMb = Math.max(rssMb, peakRssMb(app.pty.pid));
      await quit(app);
    }
  } finally {
    if (!stateDir) rmSync(dir, { recursive: true, force: true });
  }
  return { ...summarise(samples), rssMb };
}

export interface KeyFigures extends BenchResult {
  /** Peak resident memory of the console (MB), and resident memory after scrolling. */
  rssMb: number;
  rssNowMb: number;
  /** Enter on the home screen to the incident's frame. */
  openMs: number;
}

/**
 * (b) Key press to updated frame: scrolls the timeline of an incident of `events` events one event at a time.
 * The journal is generated directly (bench/generate.ts, dated days back) unless `journal` is 'appended'
 * (built through the store with today's date, notes only).
 */
export async function keyToFrame(runs = 200, events = 10_000, journal: 'generated' | 'appended' = 'generated'): Promise<KeyFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-bench-'));
  try {
    if (journal === 'generated') generateJournal(dir, events);
    else await appendedJournal(dir, events);
    return await keyToFrameIn(dir, events, runs, journal === 'generated' ? 'Bench incident' : 'bench incident');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Key to frame on the incident titled `title` (of `events` events) in an existing state dir. */
export async function keyToFrameIn(dir: string, events: number, runs: number, title = 'Bench incident'): Promise<KeyFigures> {
  const samples: number[] = [];
  const app = launch(dir);
  try {
    await app.until((s) => s.includes(title), 60_000, 'the home screen');
    const opening = performance.now();
    app.press('\r');
    // The incident's own frame: its timeline pane's title (the sizes bench's `report` adds an event or two).
    await app.until((s) => s.includes('events, following'), 300_000, `the incident of ${events} events`);
    const openMs = round(performance.now() - opening);
    app.press('4');
    await app.until((s) => s.includes('events, following'), 10_000, 'the timeline pane');
    // The console reads its other journals after the first frame (interrupted waits, comms to resume): let it settle.
    await new Promise((r) => setTimeout(r, 1_000));
    for (let i = 0; i < runs; i++) {
      // Keys 60 ms apart: faster than anyone types, slow enough not to queue behind the previous frame.
      await new Promise((r) => setTimeout(r, 60));
      const up = i % 2 === 0;
      const t0 = performance.now();
      app.press(up ? 'k' : 'j');
      const t1 = await app.until((s) => (up ? s.includes('1 newer below') : s.includes('events, following')), 10_000, up ? 'one event up' : 'back to following');
      samples.push(t1 - t0);
    }
    const rssMb = peakRssMb(app.pty.pid);
    const rssNowMb = rssNowOf(app.pty.pid);
    await quit(app);
    return { ...summarise(samples), rssMb, rssNowMb, openMs };
  } catch (err) {
    app.pty.kill();
    throw err;
  }
}

/** Resident memory of a process now, in MB (Linux), or NaN. */
function rssNowOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

async function appendedJournal(dir: string, events: number): Promise<void> {
  const store = new IncidentStore(dir, { now: () => Date.now() });
  const first = await store.create({ title: 'bench incident', severity: 'SEV2', mode: 'live', scenarios: [], params: {} }, 'bench');
  const id = String(first.data.id);
  for (let done = 1; done < events; ) {
    const n = Math.min(1000, events - done);
    const batch: NewEvent[] = Array.from({ length: n }, (_, i) => ({ kind: 'note', data: { text: `note ${done + i}` } }));
    await store.append(id, batch, 'bench');
    done += n;
  }
}
