// The drill from each seat: the controller hands over and ends the drill, players never see facilitator
// content and read injects whole, an evaluator marks expectations with the suggested credit recorded.
import { describe, expect, it } from 'vitest';
import { drillSeconds, foldDrill } from '../../src/core/index.js';
import type { AppState } from '../../src/ui/app/state.js';
import { drillLines } from '../../src/ui/panes/comms.js';
import { run } from './fixtures/drive.js';
import { appended, consoleState, echo, EXERCISE_ID, injected, pressE as press, started, tick } from './fixtures/exercise.js';

/** Another console opening the drill the controller's state has on its timeline, as `actor` in `role`. */
function seat(controller: AppState, actor: string, role?: 'player' | 'evaluator' | 'observer'): AppState {
  const base = consoleState();
  const s = { ...base, now: controller.now, config: { ...base.config, actor, ...(role ? { drillRole: role } : {}) } };
  return echo(run(s, { type: 'incident.loaded', id: EXERCISE_ID, events: controller.incident!.events, offset: 1 }))[0];
}

/** `s` with the events another console appended since, read from its journal. */
const readFrom = (s: AppState, other: AppState): AppState => {
  const fresh = other.incident!.events.filter((e) => e.seq > s.incident!.incident.lastSeq);
  return run(s, { type: 'journal.events', id: EXERCISE_ID, events: fresh, offset: s.incident!.offset + fresh.length })[0];
};

describe('handing over and ending the drill', () => {
  it('H hands control to a named participant; from then on only they move the clock', () => {
    let [fac] = started(60);
    const pat = seat(fac, 'pat');
    fac = readFrom(fac, pat);
    [fac] = press(fac, 'H');
    expect(fac.modals.at(-1)).toMatchObject({ kind: 'prompt', purpose: 'drill-handover' });
    const [after, fx] = press(fac, 'return'); // pat, the one participant, is the first choice
    expect(appended(fx)).toEqual([{ kind: 'exercise.lease', data: { holder: 'pat', from: 'facilitator' } }]);
    expect(after.drill?.role).toBe('observer');
    const [refused, none] = press(after, 'P');
    expect(appended(none)).toEqual([]);
    expect(refused.toast?.text).toMatch(/^drill: pat controls this drill/);
    const patNow = readFrom(pat, after);
    expect(patNow.drill?.role).toBe('controller');
    expect(appended(press(patNow, 'P')[1])).toEqual([{ kind: 'exercise.clock', data: expect.objectContaining({ control: 'pause' }) }]);
  });

  it('a player pressing H or X is told who controls the drill', () => {
    const [fac] = started(60);
    for (const key of ['H', 'X']) {
      const [s, fx] = press(seat(fac, 'pat'), key);
      expect(fx.filter((e) => e.type === 'drill-append')).toEqual([]);
      expect(s.modals).toEqual([]);
      expect(s.toast?.text).toMatch(/^drill: facilitator controls this drill and you are player/);
    }
  });

  it('X asks for "end", then the clock stops for good and nothing more fires', () => {
    let [s] = started(60);
    [s] = tick(s, 10_000); // T+10:00
    [s] = press(s, 'X');
    [s] = press(s, 'nope', 'return');
    expect(s.toast?.text).toBe('drill: not ended (type end to end it)');
    [s] = press(s, 'X');
    const [ended, fx] = press(s, 'e', 'n', 'd', 'return');
    s = ended;
    expect(appended(fx)).toEqual([{ kind: 'exercise.clock', data: { control: 'end', speed: 60, simSeconds: 600, detail: expect.stringMatching(/injects fired$/) } }]);
    expect(s.drill?.ended).toMatchObject({ atSeconds: 600, reason: 'ended' });
    expect(drillLines(s, s.incident!)[0]![0]).toMatch(/^drill ENDED at T\+10:00/);
    expect(injected(tick(s, 3_600_000)[1])).toEqual([]);
    expect(drillSeconds(foldDrill(s.incident!.events), s.now + 3_600_000)).toBe(600);
  });
});

describe('what each seat sees', () => {
  it('a player never sees the facilitator lines or what comes next, and reads the injects whole with i', () => {
    let [fac] = started(60);
    [fac] = tick(fac, 6_000); // errors-rise fired at T+5:00
    const pat = seat(fac, 'pat');
    const lines = drillLines(pat, pat.incident!).map(([t]) => t).join('\n');
    expect(lines).not.toMatch(/facilitator|next T\+/);
    expect(lines).toContain('inject errors-rise:');
    const [viewing] = press(pat, 'i');
    const view = viewing.modals.at(-1);
    expect(view).toMatchObject({ kind: 'view', title: 'Injects fired so far' });
    const text = (view as { text: string }).text;
    const errorsRise = fac.drill!.session.schedule.find((i) => i.id === 'errors-rise')!;
    expect(text).toContain(errorsRise.text); // whole, however long
    expect(text).not.toContain('facilitator:');
    // The controller reads the facilitator's lines too.
    const facView = (press(fac, 'i')[0].modals.at(-1) as { text: string }).text;
    expect(facView).toContain(`facilitator: ${errorsRise.facilitator}`);
  });
});

describe("an evaluator's mark", () => {
  it('records met, partly or not met with a note and the suggested credit: a player act after the inject, never the facilitator\'s note', () => {
    let [fac] = started(60);
    [fac] = tick(fac, 6_000);
    let pat = seat(fac, 'pat');
    let eve = seat(pat, 'eve', 'evaluator');
    fac = readFrom(fac, eve);
    // The facilitator's own note comes first: it is no response.
    [fac] = press(fac, 'n', 'keep going', 'return');
    pat = readFrom(pat, fac);
    // An act the runbook does not expect for errors-rise (it expects a decision or a note) is not credited.
    [pat] = press(pat, 'R', 'return', 'pat', 'return');
    expect(pat.incident!.events.at(-1)).toMatchObject({ kind: 'role.assigned', actor: 'pat' });
    [pat] = press(pat, 'n', 'checking the error metric', 'return');
    const patNote = pat.incident!.events.at(-1)!;
    expect(patNote).toMatchObject({ kind: 'note', actor: 'pat' });
    eve = readFrom(eve, pat);
    // A player cannot mark.
    expect(press(pat, 'M')[0].toast?.text).toMatch(/^drill: only an evaluator marks expectations/);
    [eve] = press(eve, 'M');
    [eve] = press(eve, 'errors', 'return', 'partly', 'return', 'slow to page the DBA', 'return');
    const marked = eve.incident!.events.at(-1)!;
    expect(marked).toMatchObject({ kind: 'exercise.marked', actor: 'eve', data: { inject: 'errors-rise', rating: 'partly', note: 'slow to page the DBA', suggested: patNote.seq } });
  });
});

describe('a key that loses the race to another console', () => {
  it('is decided again on the record as read, not dropped, and gives up with one line after a few tries', () => {
    let [fac] = started(60);
    const [, fx] = run(fac, { type: 'key', key: 'P' });
    const first = fx.find((e) => e.type === 'drill-append');
    expect(first).toMatchObject({ act: { kind: 'pause' }, attempt: 0, afterSeq: fac.incident!.incident.lastSeq });
    // A player's note landed first, so the store refused the pause; the runner reads it and asks again.
    const pat = seat(fac, 'pat');
    fac = readFrom(fac, pat);
    const [, again] = run(fac, { type: 'drill.retry', act: { kind: 'pause' }, attempt: 1 });
    expect(again).toEqual([expect.objectContaining({ type: 'drill-append', afterSeq: fac.incident!.incident.lastSeq, attempt: 1, events: [expect.objectContaining({ kind: 'exercise.clock', data: expect.objectContaining({ control: 'pause' }) })] })]);
    const [gaveUp, none] = run(fac, { type: 'drill.retry', act: { kind: 'pause' }, attempt: 8 });
    expect(none).toEqual([]);
    expect(gaveUp.toast?.text).toBe('drill: the timeline kept moving; nothing recorded (press it again)');
  });
});

describe('the controller picks from the script', () => {
  it('K fires a chosen inject now or skips it; a skipped inject never fires', () => {
    let [s] = started(60);
    [s] = press(s, 'K');
    expect(s.modals.at(-1)).toMatchObject({ kind: 'prompt', purpose: 'drill-script' });
    let fx;
    [s, fx] = press(s, 'exec', 'return', 'return'); // exec-asks, fire now
    expect(appended(fx)).toEqual([{ kind: 'exercise.inject', data: expect.objectContaining({ inject: 'exec-asks', how: 'early', firedAtSeconds: 0 }) }]);
    [s] = press(s, 'K');
    [s, fx] = press(s, 'writer', 'return', 'skip', 'return');
    expect(appended(fx)).toEqual([{ kind: 'exercise.clock', data: expect.objectContaining({ control: 'skip', inject: 'writer-alarm' }) }]);
    expect(drillLines(s, s.incident!).map(([t]) => t).find((t) => t.startsWith('next '))).not.toContain('writer');
    [s, fx] = tick(s, 3_600_000);
    expect(injected(fx)).toEqual(['errors-rise', 'restore-done']);
    // Nothing is left, and the skipped one is counted, not reported as fired.
    const fired = s.drill!.session.fired.length;
    for (const key of ['F', 'J', 'K']) expect(press(s, key)[0].toast?.text, key).toBe(`drill: nothing left to fire (${fired} fired, 1 skipped)`);
    expect(drillLines(s, s.incident!).map(([t]) => t)).toContain(`nothing left to fire (${fired} fired, 1 skipped)`);
  });
});
