// The debrief in the console: a player sees the question an inject asks and answers it with `a`; the
// controller opens the hotwash with `w` and each participant fills in the hotwash and feedback form; an
// evaluator sets an improvement-plan row with `L`. Everything is recorded as the participant's own events.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/ui/app/state.js';
import { drillLines } from '../../src/ui/panes/comms.js';
import { run } from './fixtures/drive.js';
import { appended, consoleState, echo, EXERCISE_ID, pressE as press, started, tick } from './fixtures/exercise.js';
import { events, T0 } from './fixtures/state.js';

function seat(controller: AppState, actor: string, role: 'player' | 'evaluator'): AppState {
  const base = consoleState();
  const s = { ...base, now: controller.now, config: { ...base.config, actor, drillRole: role } };
  return echo(run(s, { type: 'incident.loaded', id: EXERCISE_ID, events: controller.incident!.events, offset: 1 }))[0];
}
const readFrom = (s: AppState, other: AppState): AppState => {
  const fresh = other.incident!.events.filter((e) => e.seq > s.incident!.incident.lastSeq);
  return run(s, { type: 'journal.events', id: EXERCISE_ID, events: fresh, offset: s.incident!.offset + fresh.length })[0];
};
const type = (s: AppState, text: string) => press(s, ...text.split(''));

describe('discussion questions in the console', () => {
  it("shows a player the inject's question and records their answer with `a`; a second answer amends it", () => {
    const [fac] = started(60);
    let pat = seat(fac, 'pat', 'player');
    const lines = drillLines(pat, pat.incident!).map(([t]) => t);
    expect(lines.some((l) => /^discuss scope-of-loss \(\+1 more\): How do you tell items/.test(l))).toBe(true);
    [pat] = press(pat, 'a');
    expect(pat.modals.at(-1)).toMatchObject({ kind: 'prompt', purpose: 'drill-answer' });
    [pat] = type(pat, 'who-stops');
    [pat] = press(pat, 'return');
    [pat] = type(pat, 'the senior engineer');
    const [after, fx] = press(pat, 'return');
    expect(appended(fx)).toEqual([{ kind: 'exercise.answer', data: { question: 'who-stops-writes', form: 'discussion', text: 'the senior engineer', role: 'player', atSeconds: 0 } }]);
    expect(after.toast?.text).toMatch(/^answered who-stops-writes at T\+0:00/);
    const answerSeq = after.incident!.events.at(-1)!.seq;
    let again = after;
    [again] = press(again, 'a');
    [again] = type(again, 'who-stops');
    [again] = press(again, 'return');
    [again] = type(again, 'the engineering manager');
    const [, fx2] = press(again, 'return');
    expect(appended(fx2)).toEqual([{ kind: 'amend', data: { target: answerSeq, text: 'the engineering manager' } }]);
  });
});

describe('a new question', () => {
  it("is announced to a player when the journal brings the inject that asks it, not to the controller", () => {
    let [fac] = started(60);
    const pat = seat(fac, 'pat', 'player');
    fac = readFrom(fac, pat);
    [fac] = tick(fac, 7_000); // writer-alarm starts module restore at T+7:00
    const after = readFrom(pat, fac);
    expect(after.toast?.text).toBe('discussion: restore-point, rto-impact asked (a answers; the question shows whole there)');
    expect(fac.toast?.text ?? '').not.toMatch(/^discussion:/);
  });
});

describe('the hotwash and the feedback form in the console', () => {
  it('a player cannot open it; the controller opens it with w; the player fills in the form, blanks skipped', () => {
    let [fac] = started(60);
    [fac] = tick(fac, 1_000);
    let pat = seat(fac, 'pat', 'player');
    [pat] = press(pat, 'w');
    expect(pat.toast?.text).toMatch(/only the controller starts the hotwash/);
    fac = readFrom(fac, pat); // pat's join, so both read one journal
    const [opened, fx] = press(fac, 'w');
    expect(appended(fx)).toEqual([{ kind: 'exercise.hotwash', data: { atSeconds: expect.any(Number) } }]);
    pat = readFrom(pat, opened);
    expect(drillLines(pat, pat.incident!).some(([t]) => t.startsWith('discuss') || t.startsWith('hotwash open'))).toBe(true);
    [pat] = press(pat, 'w');
    expect(pat.modals.at(-1)).toMatchObject({ kind: 'prompt', purpose: 'drill-hotwash' });
    [pat] = type(pat, 'fast commander');
    [pat] = press(pat, 'return');
    [pat] = press(pat, 'return'); // improvements left blank
    [pat] = type(pat, '4');
    [pat] = press(pat, 'return', 'return', 'return');
    [pat] = type(pat, 'write down who stops writes');
    const [, done] = press(pat, 'return');
    expect(appended(done).map((e) => [e.data.question, e.data.text, e.data.form])).toEqual([
      ['hotwash-strengths', 'fast commander', 'hotwash'],
      ['feedback-rating', '4', 'feedback'],
      ['feedback-top-improvement', 'write down who stops writes', 'feedback'],
    ]);
  });

  it('refuses a rating outside 1 to 5 at its own question, keeping the answers typed, and records nothing until it is right', () => {
    let [fac] = started(60);
    [fac] = press(fac, 'w');
    let pat = seat(fac, 'pat', 'player');
    [pat] = press(pat, 'w');
    [pat] = type(pat, 'fast commander');
    [pat] = press(pat, 'return', 'return');
    [pat] = type(pat, '9');
    const [stays, fx] = press(pat, 'return');
    expect(appended(fx)).toEqual([]);
    const modal = stays.modals.at(-1);
    expect(modal).toMatchObject({ kind: 'prompt', purpose: 'drill-hotwash', answers: { 'hotwash-strengths': 'fast commander' } });
    expect(modal?.kind === 'prompt' && modal.field.error).toMatch(/rating is a whole number from 1 to 5, not "9"/);
    const [, done] = press(stays, 'ctrl+u', '4', 'return', 'return', 'return', 'return');
    expect(appended(done).map((e) => [e.data.question, e.data.text])).toEqual([['hotwash-strengths', 'fast commander'], ['feedback-rating', '4']]);
  });
});

describe('the improvement plan in the console', () => {
  it("an evaluator sets a row's owner and dates with O; a player is told who may", () => {
    let [fac] = started(60);
    [fac] = tick(fac, 6_000); // errors-rise fired; nobody answered it
    let eve = seat(fac, 'eve', 'evaluator');
    [eve] = press(eve, 'M');
    [eve] = type(eve, 'errors-rise');
    [eve] = press(eve, 'return');
    [eve] = type(eve, 'not');
    [eve] = press(eve, 'return', 'return');
    const pat = seat(eve, 'pat', 'player');
    expect(press(pat, 'L')[0].toast?.text).toMatch(/only an evaluator or the controller sets the improvement plan \(you are player\)/);
    [eve] = press(eve, 'L');
    expect(eve.modals.at(-1)).toMatchObject({ kind: 'prompt', purpose: 'drill-plan' });
    [eve] = type(eve, 'errors-rise');
    [eve] = press(eve, 'return', 'return'); // the corrective action left as it is
    [eve] = type(eve, 'pat');
    [eve] = press(eve, 'return');
    [eve] = type(eve, 'Platform team');
    [eve] = press(eve, 'return');
    [eve] = type(eve, '2027-01-04');
    [eve] = press(eve, 'return');
    [eve] = type(eve, '2027-02-01');
    const [after, fx] = press(eve, 'return', 'return');
    expect(appended(fx)).toEqual([{ kind: 'exercise.plan', data: { issue: 'errors-rise', owner: 'pat', organisation: 'Platform team', start: '2027-01-04', completion: '2027-02-01' } }]);
    expect(after.toast?.text).toBe('plan row errors-rise: owner pat, organisation Platform team, 2027-01-04 to 2027-02-01');
  });
});

describe('a date the improvement plan cannot read', () => {
  it('is refused at its own question, keeping the owner and organisation typed', () => {
    let [fac] = started(60);
    [fac] = tick(fac, 6_000);
    let eve = seat(fac, 'eve', 'evaluator');
    [eve] = press(eve, 'M');
    [eve] = type(eve, 'errors-rise');
    [eve] = press(eve, 'return');
    [eve] = type(eve, 'not');
    [eve] = press(eve, 'return', 'return', 'L');
    [eve] = type(eve, 'errors-rise');
    [eve] = press(eve, 'return', 'return');
    [eve] = type(eve, 'pat');
    [eve] = press(eve, 'return');
    [eve] = type(eve, 'Platform team');
    [eve] = press(eve, 'return');
    [eve] = type(eve, '4 Jan');
    const [stays, fx] = press(eve, 'return');
    expect(appended(fx)).toEqual([]);
    const modal = stays.modals.at(-1);
    expect(modal).toMatchObject({ kind: 'prompt', purpose: 'drill-plan', answers: { owner: 'pat', organisation: 'Platform team' } });
    expect(modal?.kind === 'prompt' && modal.field.error).toBe('"4 Jan" is not a date (YYYY-MM-DD, e.g. 2027-01-15)');
  });
});

describe("the evaluator's suggested response", () => {
  it('is never a hotwash or feedback answer, even for an inject that expects any act', () => {
    const opened = events([{ kind: 'incident.opened', data: { id: EXERCISE_ID, title: 'Exercise: Aurora failover', severity: 'SEV2', mode: 'exercise', scenarios: ['aurora-failover'], params: { cluster: 'orders-db' } } }], 1, T0, 'facilitator');
    let [fac] = echo(run(consoleState({ incidentId: EXERCISE_ID, speed: 60, facilitator: true }), { type: 'incident.loaded', id: EXERCISE_ID, events: opened, offset: 1 }));
    let pat = seat(fac, 'pat', 'player');
    fac = readFrom(fac, pat);
    [fac] = press(fac, 'w'); // writer-down fired at T+0:00; nobody answered it
    pat = readFrom(pat, fac);
    [pat] = press(pat, 'w');
    [pat] = type(pat, 'calm team');
    [pat] = press(pat, 'return', 'return', 'return', 'return', 'return', 'return');
    expect(pat.incident!.events.at(-1)).toMatchObject({ kind: 'exercise.answer', actor: 'pat' });
    let eve = seat(pat, 'eve', 'evaluator');
    [eve] = press(eve, 'M');
    const top = eve.modals.at(-1);
    const step = top?.kind === 'prompt' ? top.steps[0]! : undefined;
    expect(step?.choices?.map((c) => c.label)).toEqual(['writer-down: no response yet']);
  });
});
