// `warroom exercise inject`: the controller writes an inject into a running drill from a shell. It is recorded
// on the drill's timeline, fires once (now, or when the controller's console reaches its drill time), and
// anyone else is refused with one line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideDrill, foldDrill } from '../../src/core/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { runCli } from '../support/cli.js';

const T0 = Date.parse('2026-11-21T10:00:00.000Z');
let dir: string;
let id: string;
const clockAt = (ms: number) => ({ now: () => T0 + ms });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'warroom-inject-cli-'));
  const store = new IncidentStore(dir, clockAt(0));
  const opened = await store.create({ title: 'Exercise: DynamoDB', severity: 'SEV2', mode: 'exercise', scenarios: ['dynamodb-table-corruption'], params: {} }, 'fac');
  id = String(opened.data.id);
  // The controller's console started the drill at x1.
  const r = foldDrill(store.load(id).events);
  await store.append(id, decideDrill(r, [], { actor: 'fac', console: 'c1' }, T0, { kind: 'start', speed: 1 }).events, 'fac');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inject = (args: string[], actor: string, ms: number) => runCli(['exercise', 'inject', id, ...args, '--state-dir', dir], { env: { WARROOM_ACTOR: actor }, clock: clockAt(ms) });

describe('warroom exercise inject', () => {
  it('fires a new inject now for its audience, recorded as added during the exercise', async () => {
    const r = await inject(['--title', 'Regulator calls', '--text', 'Send a written timeline by noon.', '--audience', 'comms-lead,@pat', '--channel', 'email', '--from', 'Regulator', '--expect', 'A written answer'], 'fac', 90_000);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([expect.stringMatching(/^added inject added-1 "Regulator calls" for comms-lead, @pat by email: fired at T\+1:30 \(seq \d+\)$/)]);
    const { events } = new IncidentStore(dir, clockAt(0)).load(id);
    const fired = events.filter((e) => e.kind === 'exercise.inject' && e.data.inject === 'added-1');
    expect(fired).toHaveLength(1);
    expect(fired[0]!.data).toMatchObject({ firedAtSeconds: 90, audience: ['comms-lead', '@pat'], channel: { kind: 'email', from: 'Regulator' }, title: 'Regulator calls', added: true });
  });

  it('records one for later, which the controller fires once when its drill time comes', async () => {
    const r = await inject(['--title', 'Press call', '--text', 'A reporter asks about lost data.', '--channel', 'media', '--at', 'T+10:00'], 'fac', 120_000);
    expect(r.out).toEqual([expect.stringMatching(/^added inject added-2 "Press call" for everyone by the media: fires at T\+10:00 \(recorded as seq \d+\)$/)]);
    const store = new IncidentStore(dir, clockAt(0));
    for (const ms of [599_000, 601_000, 602_000]) {
      const r2 = foldDrill(store.load(id).events);
      const d = decideDrill(r2, [], { actor: 'fac', console: 'c1' }, T0 + ms, { kind: 'tick' });
      if (d.events.length) await store.append(id, d.events, 'fac', { afterSeq: r2.headSeq });
    }
    const fired = store.load(id).events.filter((e) => e.kind === 'exercise.inject' && e.data.inject === 'added-2');
    expect(fired.map((e) => e.data.firedAtSeconds)).toEqual([601]);
  });

  it.each([
    [['--title', 'x', '--text', 'y'], 'pat', 1, /^warroom: fac controls this drill and you are observer; only the controller moves the clock \(they can hand over with H\)$/],
    [['--title', 'x'], 'fac', 2, /^warroom: an inject needs a title and a text \(give --title and --text\)$/],
    [['--title', 'x', '--text', 'y', '--channel', 'fax'], 'fac', 2, /^warroom: --channel fax is not a channel \(use email, media, pager, or leave it out for a plain inject\)$/],
    [['--title', 'x', '--text', 'y', '--at', 'soon'], 'fac', 2, /^warroom: "soon" is not a drill time \(give --at now, --at T\+25:00, --at 25:00 or --at \+5m\)$/],
  ])('%j by %s fails with one line and writes nothing', async (args, actor, code, message) => {
    const before = new IncidentStore(dir, clockAt(0)).load(id).events.length;
    const r = await inject(args, actor, 700_000);
    expect(r.code).toBe(code);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(new IncidentStore(dir, clockAt(0)).load(id).events).toHaveLength(before);
  });
});
