// The drill from each console when injects have an audience, when the controller writes one with O, and when
// the same person has a second terminal open: only the lease's console drives.
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/ui/app/state.js';
import { drillLines } from '../../src/ui/panes/comms.js';
import { filterEvents } from '../../src/ui/app/timeline.js';
import { run } from './fixtures/drive.js';
import { appended, consoleState, echo, EXERCISE_ID, exerciseEvents, pressE as press } from './fixtures/exercise.js';

/** `warroom exercise` in a console whose instance id is `consoleId`. */
function started(consoleId: string): AppState {
  const base = consoleState({ incidentId: EXERCISE_ID, speed: 60, facilitator: true });
  const s = { ...base, config: { ...base.config, consoleId } };
  return echo(run(s, { type: 'incident.loaded', id: EXERCISE_ID, events: exerciseEvents(), offset: 1 }))[0];
}

/** Another console opening the drill, as `actor` in `role`, reading what `other` has on its timeline. */
function seat(other: AppState, actor: string, consoleId: string, role?: 'player' | 'evaluator' | 'observer'): AppState {
  const base = consoleState();
  const s = { ...base, now: other.now, config: { ...base.config, actor, consoleId, ...(role ? { drillRole: role } : {}) } };
  return echo(run(s, { type: 'incident.loaded', id: EXERCISE_ID, events: other.incident!.events, offset: 1 }))[0];
}

const readFrom = (s: AppState, other: AppState): AppState => {
  const fresh = other.incident!.events.filter((e) => e.seq > s.incident!.incident.lastSeq);
  return echo(run(s, { type: 'journal.events', id: EXERCISE_ID, events: fresh, offset: s.incident!.offset + fresh.length }))[0];
};

const lines = (s: AppState) => drillLines(s, s.incident!).map(([t]) => t).join('\n');

describe('a second terminal of the controller', () => {
  it('watches instead of driving, and says which console drives', () => {
    const fac = started('c-one');
    const other = seat(fac, 'facilitator', 'c-two');
    expect(other.drill?.role).toBe('observer');
    expect(other.toast?.text).toBe('drill: your console c-one controls this drill; this one watches (open it with --facilitator to take control here)');
    const [refused, fx] = press(other, 'P');
    expect(appended(fx)).toEqual([]);
    expect(refused.toast?.text).toMatch(/^drill: your console c-one controls this drill and this one \(c-two\) is observer/);
    const [, own] = press(readFrom(fac, other), 'P');
    expect(appended(own)).toEqual([{ kind: 'exercise.clock', data: expect.objectContaining({ control: 'pause' }) }]);
  });
});

describe('an inject written with O', () => {
  it('goes only to its audience, as a mock email, and is hidden from the others\' timeline', () => {
    let fac = started('c-fac');
    const pat = seat(fac, 'pat', 'c-pat', 'player');
    const quinn = seat(readFrom(fac, pat), 'quinn', 'c-quinn', 'player');
    fac = readFrom(readFrom(fac, pat), quinn);
    [fac] = press(fac, 'O');
    expect(fac.modals.at(-1)).toMatchObject({ kind: 'prompt', purpose: 'drill-add' });
    [fac] = press(fac, 'Regulator calls', 'return', 'Send a written timeline by noon.', 'return');
    [fac] = press(fac, '@pat', 'return');
    [fac] = press(fac, 'mock email', 'return', 'Regulator', 'return', 'return'); // when: now
    const [after, fx] = press(fac, 'A written answer', 'return');
    const written = appended(fx);
    expect(written.map((e) => e.kind)).toEqual(['exercise.added', 'exercise.inject']);
    expect(written[1]!.data).toMatchObject({ inject: 'added-1', audience: ['@pat'], channel: { kind: 'email', from: 'Regulator' }, added: true });

    const patNow = readFrom(pat, after);
    const quinnNow = readFrom(quinn, after);
    expect(lines(patNow)).toContain('EMAIL from Regulator: Regulator calls');
    expect(lines(patNow)).toContain('Send a written timeline by noon.');
    expect(lines(quinnNow)).not.toContain('Regulator');
    // It arrives: the audience's console announces it as its channel reads; the others' say nothing.
    expect(patNow.toast).toMatchObject({ text: 'EMAIL from Regulator: Regulator calls', tone: 'warn' });
    expect(quinnNow.toast?.text ?? '').not.toContain('Regulator');
    const seqs = (s: AppState) => filterEvents(s.incident!.events, '', s.incident!.hidden).map((e) => e.kind);
    expect(seqs(quinnNow).filter((k) => k === 'exercise.inject')).toHaveLength(1); // the first scripted inject only
    expect(seqs(patNow).filter((k) => k === 'exercise.inject')).toHaveLength(2); // the first scripted inject and this one
    expect(seqs(patNow)).not.toContain('exercise.added');
    // i shows the mail whole.
    const [view] = press(patNow, 'i');
    expect(view.modals.at(-1)).toMatchObject({ kind: 'view', text: expect.stringContaining('From:    Regulator\nTo:      @pat\nSubject: Regulator calls') });
  });

  it('refuses a drill time it cannot read on the spot, keeping what was typed, and adds nothing', () => {
    let fac = started('c-fac');
    [fac] = press(fac, 'O', 'x', 'return', 'y', 'return', 'everyone', 'return', 'a plain', 'return', 'return', 'ctrl+u', 'soon');
    const [stays, fx] = press(fac, 'return');
    expect(appended(fx)).toEqual([]);
    const modal = stays.modals.at(-1);
    expect(modal).toMatchObject({ kind: 'prompt', purpose: 'drill-add', answers: { title: 'x', text: 'y' } });
    expect(modal?.kind === 'prompt' && modal.field).toMatchObject({ text: 'soon', error: '"soon" is not a drill time (now, T+25:00, 25:00 or +5m)' });
    const [, added] = press(stays, 'ctrl+u', '+5m', 'return', 'return');
    expect(appended(added).map((e) => e.kind)).toEqual(['exercise.added']);
  });
});

describe('what a player cannot infer of the script', () => {
  it('a skip of an inject aimed at someone else, the count of injects and early or late stay with the controller', () => {
    let fac = started('c-fac');
    const pat = seat(fac, 'pat', 'c-pat', 'player');
    const quinn = seat(readFrom(fac, pat), 'quinn', 'c-quinn', 'player');
    fac = readFrom(readFrom(fac, pat), quinn);
    // An inject for @pat written for later, then skipped; the next scripted inject fired early.
    [fac] = press(fac, 'O', 'Regulator calls', 'return', 'Send a timeline.', 'return', '@pat', 'return', 'return', 'return', 'ctrl+u', '+50m', 'return', 'return');
    expect(fac.incident!.events.filter((e) => e.kind === 'exercise.added')).toHaveLength(1);
    [fac] = press(fac, 'K', 'added-1', 'return', 'skip', 'return');
    [fac] = press(fac, 'F');
    const skip = fac.incident!.events.find((e) => e.kind === 'exercise.clock' && e.data.control === 'skip');
    expect(skip?.data).toMatchObject({ inject: 'added-1' });
    const early = fac.incident!.events.find((e) => e.kind === 'exercise.inject' && e.data.how === 'early');
    expect(early?.data.inject).toBe('errors-rise');

    const quinnNow = readFrom(quinn, fac);
    const patNow = readFrom(pat, fac);
    const shown = (s: AppState) => filterEvents(s.incident!.events, '', s.incident!.hidden).map((e) => e.seq);
    expect(shown(quinnNow)).not.toContain(skip!.seq);
    expect(shown(patNow)).toContain(skip!.seq); // it was aimed at pat
    expect(shown(fac)).toContain(skip!.seq);
    // The pane counts what reached this console, not the script.
    expect(lines(fac)).toContain('2/6 injects fired');
    expect(lines(quinnNow)).not.toMatch(/\d+\/\d+ injects/);
    expect(lines(quinnNow)).toContain('2 injects received');
    // i does not say an inject came early.
    const [view] = press(quinnNow, 'i');
    const text = view.modals.at(-1)?.kind === 'view' ? (view.modals.at(-1) as { text: string }).text : '';
    expect(text).toContain('errors-rise');
    expect(text).not.toMatch(/early|jumped|late/);
    const [facView] = press(fac, 'i');
    expect((facView.modals.at(-1) as { text: string }).text).toContain('errors-rise, early');
  });
});
