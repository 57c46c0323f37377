// End to end: a controller and two players in their own pseudo-terminals. The controller writes an inject with
// O aimed at one player as a mock email: that player reads it as an email, the other never sees it. A second
// terminal of the controller's person only watches. The journal and the AAR show the inject once, with its
// audience, marked as added during the exercise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { CLI, startApp, type PtyApp } from './pty.js';

const SCENARIO = 'dynamodb-table-corruption';
const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'warroom-drill-audience-e2e-'));
});
afterAll(() => {
  for (const a of apps) a.pty.kill();
  rmSync(dir, { recursive: true, force: true });
});

const SIZE = { cols: 160, rows: 48 };
const open = (args: string[], actor: string): PtyApp => {
  const a = startApp([...args, '--state-dir', join(dir, 'state')], { ...SIZE, env: { WARROOM_ACTOR: actor } });
  apps.push(a);
  return a;
};
const clock = (screen: string) => /EXERCISE (PAUSED|ENDED|x\d+) (T\+[\d:]+)/.exec(screen)?.slice(1, 3).join(' ');

async function joinConsole(args: string[], actor: string): Promise<PtyApp> {
  const a = open(args, actor);
  await a.waitFor((s) => s.includes('Exercise:'), 15_000);
  a.press('\r');
  await a.waitFor((s) => clock(s) !== undefined, 15_000);
  return a;
}

async function answer(a: PtyApp, question: string, text: string) {
  await a.waitFor((s) => s.includes(question));
  if (text) a.paste(text);
  await a.settle();
  a.press('\r');
}

async function quit(a: PtyApp) {
  a.press('q');
  await Promise.race([a.exited, a.waitFor((s) => s.includes('Quit anyway'), 3_000).then(() => a.press('y'), () => undefined)]);
  expect((await a.exited).exitCode).toBe(0);
}

describe('an inject aimed at one player', () => {
  it('reaches only its audience, as a mock email; a second terminal of the controller does not drive', async () => {
    const fac = open(['exercise', SCENARIO, '--speed', '1'], 'fac');
    await fac.waitFor((s) => clock(s)?.startsWith('x1') === true && s.includes('1/5 injects fired'), 20_000);
    const pat = await joinConsole(['--role', 'player'], 'pat');
    const quinn = await joinConsole(['--role', 'player'], 'quinn');
    await pat.waitFor((s) => s.includes('you are player'), 10_000);
    await quinn.waitFor((s) => s.includes('you are player'), 10_000);
    // The first scripted inject is an email to everyone.
    for (const p of [pat, quinn]) await p.waitFor((s) => s.includes('EMAIL from Support desk: Customers report missing log entries'), 10_000);

    // The controller writes an email for quinn only.
    fac.press('O');
    await answer(fac, 'Title (the subject or headline)', 'Regulator calls');
    await answer(fac, 'What the audience reads', 'The regulator wants a written timeline by noon.');
    await answer(fac, 'For whom', '@quinn');
    await answer(fac, 'Arrives as', 'mock email');
    await answer(fac, 'From (sender', 'Regulator');
    await answer(fac, 'Fire when?', '');
    await answer(fac, 'Response expected', 'A written answer to the regulator');
    await fac.waitFor((s) => s.includes('inject added-1 added for'), 10_000);

    await quinn.waitFor((s) => s.includes('EMAIL from Regulator: Regulator calls'), 10_000);
    await quinn.waitFor((s) => s.includes('The regulator wants a written timeline by noon.'));
    quinn.press('i');
    await quinn.waitFor((s) => s.includes('From:    Regulator') && s.includes('Subject: Regulator calls') && s.includes('To:      @quinn'));
    quinn.press('\u001b');
    // The same person in a second terminal only watches: its keys do not move the clock.
    const fac2 = await joinConsole([], 'fac');
    await fac2.waitFor((s) => s.includes('you are observer'), 10_000);
    fac2.press('P');
    await fac2.waitFor((s) => /drill: your console [0-9a-f]{6} controls this drill and this one \([0-9a-f]{6}\) is observer/.test(s));
    expect(clock(fac.screen())?.startsWith('x1')).toBe(true);

    // pat's console has read the journal past the inject (its timeline shows fac2 joining after it) and shows
    // nothing of it: not in the comms pane, not on the timeline, not with i.
    await pat.waitFor((s) => s.includes('joined the drill as observer'), 10_000);
    expect(pat.screen()).not.toMatch(/Regulator|regulator/);
    pat.press('i');
    await pat.waitFor((s) => s.includes('Injects fired so far'));
    expect(pat.screen()).toContain('Customers report missing log entries');
    expect(pat.screen()).not.toMatch(/Regulator|regulator/);
    pat.press('\u001b');

    for (const c of [fac2, pat, quinn, fac]) await quit(c);

    const store = new IncidentStore(join(dir, 'state'), { now: () => Date.now() });
    const [id] = store.ids();
    const { events } = store.load(id!);
    const added = events.filter((e) => e.kind === 'exercise.inject' && e.data.inject === 'added-1');
    expect(added).toHaveLength(1);
    expect(added[0]!.data).toMatchObject({ audience: ['@quinn'], channel: { kind: 'email', from: 'Regulator' }, title: 'Regulator calls', added: true });
    expect(events.filter((e) => e.kind === 'exercise.clock' && e.data.control !== 'start')).toEqual([]);
    const leases = events.filter((e) => e.kind === 'exercise.lease');
    expect(leases).toHaveLength(1);
    expect(leases[0]!.data.console).toMatch(/^[0-9a-f]{6}$/);
    expect(events.filter((e) => e.kind === 'exercise.joined' && e.actor === 'fac').map((e) => e.data.role)).toEqual(['observer']);

    const out = join(dir, 'aar.md');
    execFileSync(process.execPath, [CLI, 'aar', id!, '--out', out, '--state-dir', join(dir, 'state')], { encoding: 'utf8', env: { ...process.env, WARROOM_ACTOR: 'fac', TZ: 'UTC' } });
    const aar = readFileSync(out, 'utf8');
    expect(aar).toMatch(/added-1 \(added during the exercise: Regulator calls\) \[#\d+\] \| T\+\d+:\d\d \| T\+\d+:\d\d \| scheduled \| @quinn by email \| A written answer to the regulator/);
    expect(aar).toMatch(/missing-records \[#\d+\] \| T\+0:00 \| T\+0:00 \| scheduled \| everyone by email/);
  }, 180_000);
});
