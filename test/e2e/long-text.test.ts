// At 80x24 in a real terminal: the banner keeps what matters, and long text opens whole.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { startApp, type PtyApp } from './pty.js';

const RESTORE = 'aws dynamodb restore-table-to-point-in-time --source-table-name orders --target-table-name orders-restored --restore-date-time 2026-11-21T08:00:00Z --region eu-west-2';
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: new URL('../..', import.meta.url).pathname });
  dir = mkdtempSync(join(tmpdir(), 'warroom-long-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('long text at 80x24', () => {
  it('keeps the banner essentials, shows a copied command whole and opens a timeline event with its amendment', async () => {
    const store = new IncidentStore(dir, { now: () => Date.now() });
    const title = 'Orders table in eu-west-2 returns corrupted items after the writer fleet deploy';
    const first = await store.create({ title, severity: 'SEV1', mode: 'live', scenarios: [], params: {} }, 'commander');
    const id = String(first.data.id);
    const params = { table: 'orders', target_table: 'orders-restored', restore_time: '2026-11-21T08:00:00Z', function_name: 'orders-writer', region: 'eu-west-2' };
    const [, note] = await store.append(id, [
      { kind: 'scenario.selected', data: { scenarios: ['dynamodb-table-corruption'], params } },
      { kind: 'note', data: { text: `first bad write at 09:10 ${'from the writer fleet '.repeat(6)}\nsecond line of the note` } },
    ], 'commander');
    await store.append(id, [{ kind: 'amend', data: { target: note!.seq, text: 'first bad write was 09:12' } }], 'scribe');

    const app = startApp(['--state-dir', dir], { cols: 80, rows: 24 });
    apps.push(app);
    await app.waitFor((s) => s.includes(id));
    app.press('\r');
    await app.waitFor((s) => s.includes('assess'));
    const [line1, line2] = app.screen().split('\n');
    expect(line1).toContain(id);
    expect(line1).toContain('SEV1');
    expect(line1).toMatch(/TRIAGE|DECLARED/);
    expect(line2).toMatch(/\+\d+s/);

    app.press('jjjj');
    await app.waitFor((s) => s.includes('> restore') || /\[ \] restore/.test(s));
    app.press('y');
    await app.waitFor((s) => s.includes('Command of restore'));
    // Wrapped at its spaces over lines (the screen reader drops a line's trailing space), the viewer shows
    // the whole command, which is what was copied (OSC 52 in the output).
    const shown = app.screen().split('\n').slice(3, 8).map((l) => l.trimEnd()).join(' ');
    expect(shown.replace(/\s+/g, ' ')).toContain(RESTORE);
    expect(app.raw()).toContain(`\u001b]52;c;${Buffer.from(RESTORE).toString('base64')}\u0007`);
    app.press('\u001b');
    await app.waitFor((s) => !s.includes('Command of restore'));

    // Filtered to notes, so events recorded meanwhile (metric snapshots) do not move the highlight.
    app.press('/');
    await app.waitFor((s) => s.includes('Filter the timeline'));
    app.press('kind:note\r');
    await app.waitFor((s) => s.includes('filter: kind:note'));
    app.press('\r');
    await app.waitFor((s) => s.includes(`Event #${note!.seq} (note)`));
    expect(app.screen()).toContain('second line of the note');
    expect(app.screen()).toContain('Amendments (1):');
    expect(app.screen()).toContain('scribe: first bad write was 09:12');
    app.press('x');
    await app.settle();
    app.press('q');
    expect((await app.exited).exitCode).toBe(0);
  });
});
