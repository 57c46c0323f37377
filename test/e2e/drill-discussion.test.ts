// End to end: a controller and two players, each a real binary in its own pseudo-terminal on one state dir.
// The first inject asks its module's discussion question; both players see it and answer it with `a`; the
// controller ends the drill; each gives a rating in the feedback form (`w`); the AAR/IP shows both answers
// under the question and the ratings in the feedback summary.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncidentStore } from '../../src/store/incident-store.js';
import { CLI, startApp, type PtyApp } from './pty.js';

const ROOT = new URL('../..', import.meta.url).pathname;
let dir: string;
const apps: PtyApp[] = [];

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'warroom-discuss-e2e-'));
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

async function joinConsole(actor: string): Promise<PtyApp> {
  const a = open(['--role', 'player'], actor);
  await a.waitFor((s) => s.includes('Exercise:'), 15_000);
  a.press('\r');
  await a.waitFor((s) => clock(s) !== undefined, 15_000);
  return a;
}

async function answer(a: PtyApp, question: string, text: string) {
  a.press('a');
  await a.waitFor((s) => s.includes('Answer a question'));
  a.paste(question);
  await a.waitFor((s) => s.includes('Who has the authority to stop writes'));
  a.press('\r');
  await a.waitFor((s) => s.includes('Your answer (a second answer amends the first)'));
  a.paste(text);
  a.press('\r');
  await a.waitFor((s) => s.includes(`answered ${question} at T+`), 10_000);
}

async function rate(a: PtyApp, rating: string) {
  a.press('w');
  await a.waitFor((s) => s.includes('Hotwash and participant feedback'));
  for (let i = 0; i < 2; i++) {
    a.press('\r'); // strengths and improvements left blank
    await a.settle();
  }
  await a.waitFor((s) => s.includes('Rate the exercise overall'));
  a.paste(rating);
  for (let i = 0; i < 4; i++) {
    a.press('\r');
    await a.settle();
  }
  await a.waitFor((s) => s.includes('answered feedback-rating'), 10_000);
}

async function quit(a: PtyApp) {
  a.press('q');
  await Promise.race([a.exited, a.waitFor((s) => s.includes('Quit anyway'), 3_000).then(() => a.press('y'), () => undefined)]);
  expect((await a.exited).exitCode).toBe(0);
}

describe('discussion questions in a drill', () => {
  it('two players answer the question the first inject asks; the AAR shows both answers and their ratings', async () => {
    const fac = open(['exercise', 'dynamodb-table-corruption', '--speed', '1'], 'fac');
    await fac.waitFor((s) => clock(s)?.startsWith('x1') === true, 20_000);
    const pat = await joinConsole('pat');
    const quinn = await joinConsole('quinn');
    for (const p of [pat, quinn]) await p.waitFor((s) => s.includes('discuss scope-of-loss'), 10_000);

    await answer(pat, 'who-stops-writes', 'the senior engineer on call');
    await answer(quinn, 'who-stops-writes', 'nobody: it is not written down');

    fac.press('X');
    await fac.waitFor((s) => s.includes('Type "end"'));
    fac.paste('end');
    fac.press('\r');
    for (const c of [fac, pat, quinn]) await c.waitFor((s) => clock(s)?.startsWith('ENDED') === true, 10_000);
    for (const p of [pat, quinn]) await p.waitFor((s) => s.includes('discuss scope-of-loss') || s.includes('hotwash open'), 10_000);
    await rate(pat, '4');
    await rate(quinn, '2');
    for (const c of [fac, pat, quinn]) await quit(c);

    const store = new IncidentStore(join(dir, 'state'), { now: () => Date.now() });
    const [id] = store.ids();
    const answers = store.load(id!).events.filter((e) => e.kind === 'exercise.answer');
    expect(answers.map((e) => [e.actor, e.data.question, e.data.role])).toEqual([
      ['pat', 'who-stops-writes', 'player'],
      ['quinn', 'who-stops-writes', 'player'],
      ['pat', 'feedback-rating', 'player'],
      ['quinn', 'feedback-rating', 'player'],
    ]);
    const aar = execFileSync(process.execPath, [CLI, 'aar', id!, '--state-dir', join(dir, 'state')], { encoding: 'utf8', env: { ...process.env, WARROOM_ACTOR: 'fac', TZ: 'UTC' } });
    expect(aar).toContain('### Module 1: detection and ownership');
    expect(aar).toMatch(/- pat \(player\) at T\+\d+:\d\d: the senior engineer on call \[#\d+\]/);
    expect(aar).toMatch(/- quinn \(player\) at T\+\d+:\d\d: nobody: it is not written down \[#\d+\]/);
    expect(aar).toMatch(/Rating of the exercise \(1 to 5\): median 3 from 2 ratings \(4, 2\)/);
  }, 180_000);
});
