import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleStore } from '../../src/cli/console-store.js';
import { readFrom } from '../../src/store/journal-file.js';
import { consoleWiring, modeLabelFor } from '../../src/cli/console-wiring.js';
import { notConnectedPorts } from './fixtures/not-connected.js';
import { main } from '../../src/cli/main.js';
import { IncidentStore } from '../../src/store/incident-store.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-console-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const clock = { now: () => Date.parse('2026-11-21T09:00:00Z') };

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stdin: process.stdin, env: {}, clock } };
}

describe('warroom with no command', () => {
  it('names an unknown command instead of opening the console', async () => {
    const r = io();
    expect(await main(['--state-dir', dir, 'bogus'], r.io)).toBe(2);
    expect(r.err).toEqual(['warroom: unknown command "bogus" (see warroom --help)']);
  });

  const tty = !!process.stdin.isTTY;
  if (tty) console.warn('skipping the no-TTY check: this test run has a TTY on stdin');
  it.skipIf(tty)('refuses to start without a TTY, in one line, exit 2', async () => {
    const r = io();
    expect(await main(['--state-dir', dir], r.io)).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^warroom: the console needs an interactive terminal \(stdin is not a TTY\)/);
  });
});

describe('the console store', () => {
  it('declares in one write: the opening and what follows land together, or no incident is left', async () => {
    const store = new IncidentStore(join(dir, 'declare'), clock);
    const ui = consoleStore(store, 'commander');
    const opening = { title: 'declared whole', severity: 'SEV2' as const, mode: 'live' as const, scenarios: [], params: {} };
    const first = await ui.create(opening, [{ kind: 'status.changed', data: { status: 'declared' } }]);
    expect(store.load(String(first.data.id)).events.map((e) => e.kind)).toEqual(['incident.opened', 'status.changed']);
    const bad = { kind: 'milestone.set', data: { milestone: 'declared', at: 'yesterday', backdated: true } } as const;
    await expect(ui.create(opening, [bad])).rejects.toThrow();
    expect(store.ids()).toEqual([String(first.data.id)]);
  });

  it('follows appends from another writer from a byte offset, complete lines only', async () => {
    const store = new IncidentStore(join(dir, 'state'), clock);
    const ui = consoleStore(store, 'commander');
    const first = await ui.create({ title: 'follow me', severity: 'SEV3', mode: 'live', scenarios: [], params: {} }, []);
    const id = String(first.data.id);
    const { offset } = await ui.load(id);
    await new IncidentStore(join(dir, 'state'), clock).append(id, [{ kind: 'note', data: { text: 'from the scribe' } }], 'scribe');
    const read = await ui.readSince(id, offset);
    expect(read.events.map((e) => [e.seq, e.actor, e.kind])).toEqual([[2, 'scribe', 'note']]);
    appendFileSync(store.journalPath(id), '{"seq":3,"half');
    expect(readFrom(store.journalPath(id), read.offset)).toEqual({ events: [], offset: read.offset });
    expect((await ui.readSince(id, read.offset)).events).toEqual([]);
  });
});

describe('console wiring', () => {
  it('labels the mode honestly', () => {
    expect(modeLabelFor({ ...notConnectedPorts(), mode: 'live', describe: { profile: 'prod-admin', region: 'eu-west-2', drRegion: 'eu-west-1' } })).toBe('LIVE prod-admin eu-west-2 (DR eu-west-1)');
    expect(modeLabelFor({ ...notConnectedPorts(), describe: { region: 'us-east-1' } })).toBe('SIMULATED us-east-1');
  });
  it('serves the real catalog, the simulated AWS with no configuration, and a separate simulated AWS for drills', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-wiring-'));
    try {
      const clock = { now: () => Date.parse('2026-11-21T10:00:00Z') };
      const store = new IncidentStore(dir, clock);
      const w = await consoleWiring({ stateDir: dir, runbookDirs: [], store, allowActions: false, aws: {}, env: {}, clock });
      expect(w.catalog().scenarios.map((s) => s.id)).toContain('dynamodb-table-corruption');
      expect(w.catalog().problems).toEqual([]);
      expect(w.aws.mode).toBe('simulated');
      expect(w.modeLabel).toMatch(/^SIMULATED /);
      expect(w.aws.actions.enabled).toBe(false);
      expect(w.exerciseAws).not.toBe(w.aws);
      expect(w.exerciseAws.actions.enabled).toBe(true);
      // Live AWS configured: live incidents use it, drills still get the simulated AWS.
      const live = await consoleWiring({ stateDir: dir, runbookDirs: [], store, allowActions: true, aws: { region: 'eu-west-2', endpointUrl: 'http://127.0.0.1:9' }, env: {}, clock });
      expect(live.aws.mode).toBe('live');
      expect(live.modeLabel).toBe('LIVE eu-west-2');
      expect(live.exerciseAws.mode).toBe('simulated');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
