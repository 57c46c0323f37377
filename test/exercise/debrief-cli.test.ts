// The debrief from a script: `warroom exercise answer | questions | hotwash | feedback | plan ID ...` record the
// same events the console does, refuse bad input in one line (exit 2) and leave the journal as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { decideDrill, foldDrill, scheduleDrill } from '../../src/core/index.js';
import { findScenario, loadCatalog } from '../../src/scenarios/index.js';
import { IncidentStore } from '../../src/store/incident-store.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/tmp.js';

const SCENARIO = findScenario(loadCatalog({}), 'dynamodb-table-corruption');
const T0 = Date.parse('2026-11-21T10:00:00.000Z');
const at = (ms: number) => ({ clock: { now: () => T0 + ms } });
let dir: string;
let id: string;

const as = (actor: string, args: string[], ms: number) => runCli([...args, '--state-dir', dir], { ...at(ms), env: { WARROOM_ACTOR: actor } });
const events = () => new IncidentStore(dir, { now: () => T0 }).load(id).events;

beforeAll(async () => {
  dir = tempDir();
  const opened = await runCli(['new', '--title', 'Exercise: table corruption', '--severity', 'SEV2', '--exercise', '--scenario', SCENARIO.id, '--params-later', '--state-dir', dir], at(0));
  expect(opened.code).toBe(0);
  const store = new IncidentStore(dir, { now: () => T0 });
  id = store.ids()[0]!;
  const schedule = scheduleDrill(SCENARIO.injects, Object.fromEntries(Object.entries(SCENARIO.params).map(([k, p]) => [k, p.example])));
  const start = decideDrill(foldDrill(store.load(id).events), schedule, 'fac', T0, { kind: 'start', speed: 60 });
  await store.append(id, start.events, 'fac');
});

describe('warroom exercise answer', () => {
  it('records a participant\'s answer (joining with --role), lists the questions, and amends a second answer', async () => {
    const first = await as('pat', ['exercise', 'answer', id, 'who-stops-writes', 'the senior engineer on call', '--role', 'player'], 1_000);
    expect(first.err).toEqual([]);
    expect(first.out).toEqual([expect.stringMatching(/^answered who-stops-writes at T\+\d+:\d\d \(seq \d+\)$/)]);
    const answer = events().at(-1)!;
    expect(answer).toMatchObject({ actor: 'pat', kind: 'exercise.answer', data: { question: 'who-stops-writes', form: 'discussion', role: 'player', text: 'the senior engineer on call' } });
    expect(events().some((e) => e.kind === 'exercise.joined' && e.actor === 'pat')).toBe(true);

    const again = await as('pat', ['exercise', 'answer', id, 'who-stops-writes', 'the engineering manager'], 2_000);
    expect(again.out[0]).toMatch(new RegExp(`^amended your answer to who-stops-writes \\[#${answer.seq}\\]`));
    expect(events().at(-1)).toMatchObject({ kind: 'amend', data: { target: answer.seq, text: 'the engineering manager' } });

    const list = await as('pat', ['exercise', 'questions', id], 2_500);
    expect(list.out.join('\n')).toMatch(/who-stops-writes\tdiscussion\tanswered \[#\d+\]: the engineering manager\t/);
    expect(list.out.join('\n')).toMatch(/scope-of-loss\tdiscussion\tnot answered\t/);
  });

  it.each([
    [['exercise', 'answer', 'INC-NOPE', 'q', 'x'], 3, /INC-NOPE/],
    [['exercise', 'answer', '$ID', 'restore-point', 'PITR', '--role', 'player'], 2, /^warroom: no discussion question "restore-point" has been asked yet/],
    [['exercise', 'answer', '$ID', 'scope-of-loss', 'x'], 2, /^warroom: zed has not joined this drill/],
    [['exercise', 'feedback', '$ID', '--rating', '4', '--role', 'player'], 2, /^warroom: the hotwash has not started/],
  ])('%j is refused in one line and records nothing', async (args, code, message) => {
    const before = events().length;
    const r = await as('zed', args.map((a) => (a === '$ID' ? id : a)), 3_000);
    expect(r.code).toBe(code);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(events().length).toBe(before); // not even the join of --role
  });
});

describe('warroom exercise hotwash, feedback and plan', () => {
  it('the controller opens the hotwash; participants answer it and the feedback form; an evaluator sets a plan row', async () => {
    expect((await as('pat', ['exercise', 'hotwash', id], 4_000)).err[0]).toMatch(/only the controller starts the hotwash/);
    const open = await as('fac', ['exercise', 'hotwash', id], 4_000);
    expect(open.out[0]).toMatch(/^hotwash opened at T\+\d+:\d\d/);
    const hot = await as('pat', ['exercise', 'hotwash', id, '--strengths', 'fast commander', '--improvements', 'nobody owned the writes decision'], 5_000);
    expect(hot.out).toHaveLength(2);
    const fb = await as('pat', ['exercise', 'feedback', id, '--rating', '4', '--most-useful', 'the PITR walk-through', '--change', 'shorter', '--improvement', 'write the stop-writes rule down'], 6_000);
    expect(fb.err).toEqual([]);
    expect(fb.out).toHaveLength(4);
    const bad = await as('pat', ['exercise', 'feedback', id, '--rating', 'five'], 6_500);
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/rating is a whole number from 1 to 5, not "five"/);
    const kinds = events().filter((e) => e.kind === 'exercise.answer' && e.actor === 'pat').map((e) => e.data.question);
    expect(kinds).toEqual(['who-stops-writes', 'hotwash-strengths', 'hotwash-improvements', 'feedback-rating', 'feedback-most-useful', 'feedback-change', 'feedback-top-improvement']);

    await as('eve', ['exercise', 'questions', id, '--role', 'evaluator'], 6_800);
    const rows = await as('eve', ['exercise', 'plan', id], 7_000);
    expect(rows.code).toBe(0);
    const hotRow = rows.out.find((l) => l.includes('nobody owned the writes decision'))!;
    expect(hotRow).toMatch(/^\d+\t/);
    const key = hotRow.split('\t')[0]!;
    expect(hotRow).toContain('owner not set');
    const set = await as('eve', ['exercise', 'plan', id, key, '--owner', 'pat', '--organisation', 'Platform team', '--start', '2026-12-01', '--completion', '2027-01-15'], 7_500);
    expect(set.err).toEqual([]);
    expect(events().at(-1)).toMatchObject({ actor: 'eve', kind: 'exercise.plan', data: { issue: key, owner: 'pat', organisation: 'Platform team', start: '2026-12-01', completion: '2027-01-15' } });
    const by = await as('pat', ['exercise', 'plan', id, key, '--owner', 'me'], 8_000);
    expect(by.code).toBe(2);
    expect(by.err[0]).toMatch(/only an evaluator or the controller/);

    const aar = await as('eve', ['aar', id], 9_000);
    const text = aar.out.join('\n');
    expect(text).toContain('- fast commander (pat, player)');
    expect(text).toMatch(/Rating of the exercise \(1 to 5\): median 4 from 1 rating/);
    expect(text).toMatch(new RegExp(`\\| ${key} \\| not named \\(raised at the hotwash\\) \\| nobody owned the writes decision \\(pat, hotwash\\) \\| .* \\| pat \\| Platform team \\| 2026-12-01 \\| 2027-01-15 \\|`));
  });
});

describe('warroom exercise --script', () => {
  it("shows the facilitator where each module starts and the questions each inject asks", async () => {
    const r = await runCli(['exercise', SCENARIO.id, '--script']);
    const text = r.out.join('\n');
    expect(text).toMatch(/Module 1: detection and ownership \(module detect\)\n.*\n\s+facilitator: .*\n\s+asks who-stops-writes: Who has the authority/);
    expect(text).toMatch(/asks scope-of-loss: How do you tell/);
    expect(text).toMatch(/Module 2: restore and verification/);
  });
});
