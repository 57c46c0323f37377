// A long incident in a real terminal: a 50,000-event journal generated days back opens from its checkpoint,
// its timeline pane scrolls a window at a time to the oldest event and back, a filter scans it, and Enter
// opens the highlighted event. The console bench's quit answers the question such an incident asks on q.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, quit } from '../../bench/console-bench.js';
import { BENCH_ID, generateJournal } from '../../bench/generate.js';
import { CLI, startApp, type PtyApp } from './pty.js';

const EVENTS = 50_000;
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-large-'));
  generateJournal(dir, EVENTS);
  // As after any earlier `show`: the checkpoint the console opens from.
  const show = spawnSync(process.execPath, [CLI, 'show', BENCH_ID, '--state-dir', dir], { encoding: 'utf8' });
  expect(show.status).toBe(0);
}, 120_000);
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('a 50,000-event incident', () => {
  it('scrolls the timeline to the oldest event and back, filters it and opens an event', async () => {
    const app = startApp(['--state-dir', dir], { cols: 160, rows: 40 });
    apps.push(app);
    await app.waitFor((s) => s.includes('Bench incident'), 30_000);
    app.press('\r');
    await app.waitFor((s) => s.includes(`${EVENTS} events`), 30_000);
    app.press('4');
    await app.waitFor((s) => s.includes(`${EVENTS} events, following`) && s.includes('observation 49999:'));
    for (let i = 0; i < 30; i++) app.press('k');
    await app.waitFor((s) => s.includes('30 newer below') && s.includes('observation 49970:') && !s.includes('observation 49999:'));
    app.press('g');
    await app.waitFor((s) => s.includes(`${EVENTS - 1} newer below`) && s.includes('Bench incident') && s.includes('incident.opened'));
    app.press('G');
    await app.waitFor((s) => s.includes(`${EVENTS} events, following`) && s.includes('observation 49999:'));

    app.press('/');
    await app.waitFor((s) => s.includes('Filter the timeline'));
    app.paste('kind:decision');
    app.press('\r');
    await app.waitFor((s) => s.includes(`2500 of ${EVENTS} (filter: kind:decision) events, following`) && s.includes('decision 49985:'), 30_000);
    app.press('u');
    await app.waitFor((s) => /\d+ newer below/.test(s) && !s.includes('decision 49985:'));
    app.press('x');
    await app.waitFor((s) => s.includes(`${EVENTS} events, following`));
    app.press('\r');
    await app.waitFor((s) => s.includes('Event #50000 (metric.snapshot)') && s.includes('"metric": "m0"'));
    app.press('\u001b');
    await app.settle();
  }, 120_000);

  it('is left by the bench with q and y when the console asks before quitting', async () => {
    const app = launch(dir, 120, 40);
    await app.until((s) => s.includes('Bench incident'), 30_000);
    app.press('\r');
    await app.until((s) => s.includes('OVERDUE'), 30_000, 'the incident');
    await quit(app, 15_000);
    await expect(app.exited).resolves.toBeUndefined();
  }, 60_000);
});
