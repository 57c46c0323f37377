// One key pages the escalation level that is due (the runner records it once and delivers it), and the
// status update draft previews what each channel will receive before anything is sent.
import { describe, expect, it } from 'vitest';
import { press, run } from './fixtures/drive.js';
import { incidentState, T0 } from './fixtures/state.js';

describe('paging from the comms pane', () => {
  it('p pages the earliest due level; with none due it says so and asks for nothing', () => {
    const s = incidentState();
    const [, none] = press(s, '5', 'p');
    expect(none).toEqual([]);
    expect(press(s, '5', 'p')[0].toast?.text).toBe('no escalation level is due to page');
    const [due] = run(s, { type: 'tick', now: T0 + 15 * 60_000 });
    const [paging, fx] = press(due, '5', 'p');
    expect(fx).toEqual([{ type: 'page', id: 'INC-20261121-AAAA', level: 'level 1', who: 'DBA on-call' }]);
    const [done] = run(paging, { type: 'comms.paged', level: 'level 1', result: { already: false, channels: ['oncall'], exercise: false } });
    expect(done.toast).toMatchObject({ text: 'level 1 paged through oncall (delivering in the background)', tone: 'ok' });
    const [again] = run(paging, { type: 'comms.paged', level: 'level 1', result: { already: true, channels: ['oncall'], exercise: false } });
    expect(again.toast?.text).toBe('level 1 was already paged (the record holds it); not paged again');
  });
});

describe('previewing a draft', () => {
  it('p in the draft asks for the preview and shows it over the draft; closing it returns to the draft', () => {
    const [drafting] = press(incidentState(), 'c');
    expect(drafting.modals.at(-1)?.kind).toBe('draft');
    const [, fx] = press(drafting, 'p');
    expect(fx).toEqual([{ type: 'preview-comms', id: 'INC-20261121-AAAA', text: (drafting.modals.at(-1) as { text: string }).text, kind: (drafting.modals.at(-1) as { updateKind: string }).updateKind }]);
    const [shown] = run(drafting, { type: 'comms.preview', lines: ['--- ops-slack (slack) ---', '{"text":"SEV1"}'] });
    expect(shown.modals.at(-1)).toMatchObject({ kind: 'view', title: 'What each channel will receive (nothing sent yet)', text: '--- ops-slack (slack) ---\n{"text":"SEV1"}' });
    const [closed] = press(shown, 'escape');
    expect(closed.modals.at(-1)?.kind).toBe('draft');
  });
});

describe('automatic paging', () => {
  const auto = () => {
    const s = incidentState();
    return { ...s, config: { ...s.config, autoPage: ['level 1'] } };
  };
  const pages = (fx: { type: string }[]) => fx.filter((e) => e.type === 'page');

  it('pages a level set to page automatically once it is due, and asks only once', () => {
    expect(pages(run(auto(), { type: 'tick', now: T0 + 10 * 60_000 })[1])).toEqual([]);
    const [s1, fx] = run(auto(), { type: 'tick', now: T0 + 15 * 60_000 });
    expect(pages(fx)).toEqual([{ type: 'page', id: 'INC-20261121-AAAA', level: 'level 1', who: 'DBA on-call' }]);
    expect(pages(run(s1, { type: 'tick', now: T0 + 16 * 60_000 })[1])).toEqual([]);
    // A level not named in auto_page waits for a person.
    const plain = incidentState();
    expect(pages(run(plain, { type: 'tick', now: T0 + 15 * 60_000 })[1])).toEqual([]);
  });

  it('on a shared incident only the console with the lowest origin id among those present pages', () => {
    const mark = (self: string, other: string) => ({ pending: 0, behind: 0, conflicts: [], origin: self, here: [{ actor: 'dba', seenAt: T0, origin: other }] });
    const withMark = (self: string, other: string) => {
      const s = auto();
      return { ...s, incident: { ...s.incident!, sync: mark(self, other) } };
    };
    expect(pages(run(withMark('bbbb000000000000', 'aaaa000000000000'), { type: 'tick', now: T0 + 15 * 60_000 })[1])).toEqual([]);
    expect(pages(run(withMark('aaaa000000000000', 'bbbb000000000000'), { type: 'tick', now: T0 + 15 * 60_000 })[1])).toHaveLength(1);
  });
});
