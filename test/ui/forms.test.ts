// Forms never lose answers by accident; long text can be read whole; any role can be assigned.
import { describe, expect, it } from 'vitest';
import { appended, press, run } from './fixtures/drive.js';
import { events, homeState, incidentState, opened, T0 } from './fixtures/state.js';

describe('discarding a form', () => {
  it('Esc on a half-filled declaration keeps it as a draft; n picks it up with every answer', () => {
    let [s] = press(homeState(), 'N', 'Orders corrupt', 'return', 'dynamodb', 'return', 'down');
    [s] = press(s, 'escape');
    expect(s.screen).toBe('home');
    expect(s.modals).toEqual([]);
    [s] = press(s, 'n');
    expect(s.declare?.answers).toEqual({ title: 'Orders corrupt', affected: 'dynamodb' });
    expect(s.declare?.index).toBe(2);
    expect(s.declare?.field.cursor).toBe(1);
  });

  it('keeps a typed title as a draft, and leaves at once when nothing was typed', () => {
    const [kept] = press(homeState(), 'n', 'Orders', 'escape');
    expect(kept.declareDraft?.field.text).toBe('Orders');
    expect(press(kept, 'n')[0].declare?.field.text).toBe('Orders');
    const [empty] = press(homeState(), 'n', 'escape');
    expect(empty.screen).toBe('home');
    expect(empty.declareDraft).toBeUndefined();
  });

  it('asks before quitting with a declaration draft', () => {
    const [s, effects] = press(homeState(), 'n', 'Orders', 'escape', 'q');
    expect(effects).toEqual([]);
    expect(s.modals.at(-1)).toMatchObject({ kind: 'confirm', purpose: 'quit' });
  });

  it('asks before Esc throws away a typed note; "no" goes back to the text', () => {
    let [s] = press(incidentState(), 'n', 'writers stopped', 'escape');
    expect(s.modals.map((m) => m.kind)).toEqual(['prompt', 'confirm']);
    [s] = press(s, 'escape');
    const top = s.modals.at(-1);
    expect(top?.kind === 'prompt' && top.field.text).toBe('writers stopped');
    [s] = press(s, 'escape', 'y');
    expect(s.modals).toEqual([]);
    expect(press(incidentState(), 'n', 'escape')[0].modals).toEqual([]);
  });

  it('asks before closing a status update draft with added lines', () => {
    let [s] = press(incidentState(), 'c', 'e', 'ETA 30 min', 'return', 'escape');
    expect(s.modals.map((m) => m.kind)).toEqual(['draft', 'confirm']);
    [s] = press(s, 'y');
    expect(s.modals).toEqual([]);
    expect(press(incidentState(), 'c', 'escape')[0].modals).toEqual([]);
  });

  it('keeps a choice answer when going back with Ctrl+B, and the later answers when going forward again', () => {
    let [s] = press(homeState(), 'N', 'Orders corrupt', 'return', 'dynamodb', 'return');
    [s] = press(s, 'down', 'down', 'return'); // scope: the third choice
    const scope = s.declare!.answers.scope!;
    [s] = press(s, 'ctrl+b');
    expect(s.declare?.index).toBe(2);
    [s] = press(s, 'return');
    expect(s.declare?.answers.scope).toBe(scope);
    [s] = press(s, 'ctrl+b', 'ctrl+b', 'ctrl+b');
    expect(s.declare?.field.text).toBe('Orders corrupt');
    [s] = press(s, 'return', 'return', 'return');
    expect(s.declare?.answers).toMatchObject({ title: 'Orders corrupt', affected: 'dynamodb', scope });
  });
});

describe('the text viewer', () => {
  it('y copies the command and opens it whole; the copy is exactly the text shown', () => {
    const [s, effects] = press(incidentState({}, opened(), { cols: 80, rows: 24 }), 'j', 'j', 'y');
    const top = s.modals.at(-1);
    expect(top).toMatchObject({ kind: 'view' });
    const text = top?.kind === 'view' ? top.text : '';
    expect(text).toBe('aws dynamodb restore-table-to-point-in-time --source-table-name orders --target-table-name orders-restored --restore-date-time 2026-11-21T08:00:00Z');
    expect(effects).toEqual([{ type: 'copy', text }]);
    expect(press(s, 'escape')[0].modals).toEqual([]);
  });

  it('Enter on a timeline event shows it whole, with its amendments', () => {
    const long = `writers stopped at 09:10 ${'and the queue drained '.repeat(8)}\nsecond line`;
    const list = [...opened(), { kind: 'note' as const, data: { text: long } }, { kind: 'status.changed' as const, data: { status: 'mitigating' as const } }];
    const base = incidentState({}, list, { cols: 80, rows: 24 });
    const noteSeq = list.length - 1;
    const [withAmend] = run(base, { type: 'journal.events', id: base.incident!.id, events: events([{ kind: 'amend', data: { target: noteSeq, text: 'it was 09:12' } }], list.length + 1, T0, 'bob'), offset: list.length + 1 });
    let [s] = press(withAmend, '4', 'k', 'k');
    [s] = press(s, 'return');
    const top = s.modals.at(-1);
    expect(top).toMatchObject({ kind: 'view', title: `Event #${noteSeq} (note)` });
    const text = top?.kind === 'view' ? top.text : '';
    expect(text).toContain(long);
    expect(text).toMatch(/Amendments \(1\):\n#\d+ .* bob: it was 09:12/);
  });

  it('scrolls a text longer than the screen and stops at its end', () => {
    let [s] = press(incidentState({}, [...opened(), { kind: 'note', data: { text: Array.from({ length: 60 }, (_, i) => `line ${i}`).join('\n') } }], { cols: 80, rows: 24 }), '4', 'return');
    [s] = press(s, 'G');
    const end = s.modals.at(-1);
    expect(end?.kind === 'view' && end.scroll).toBeGreaterThan(40);
    [s] = press(s, 'j');
    expect(s.modals.at(-1)).toEqual(end);
  });
});

describe('roles', () => {
  it('assigns a role that is not built in', () => {
    const [, effects] = press(incidentState(), 'R', 'comms lead', 'return', 'dana', 'return');
    expect(appended(effects)).toEqual([{ kind: 'role.assigned', data: { role: 'comms lead', name: 'dana' } }]);
  });
  it('still picks a built-in role by typing part of it', () => {
    const [, effects] = press(incidentState(), 'R', 'scri', 'return', 'erin', 'return');
    expect(appended(effects)).toEqual([{ kind: 'role.assigned', data: { role: 'scribe', name: 'erin' } }]);
  });
});
