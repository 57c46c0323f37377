import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../../src/core/index.js';
import { REVIEW_SECTIONS } from '../../src/core/review/vocabulary.js';
import { reviewView } from '../../src/ui/app/review-screen.js';
import { activeLayers } from '../../src/ui/app/update.js';
import { appended, press } from './fixtures/drive.js';
import { incidentState, opened, T0 } from './fixtures/state.js';

const at = (min: number) => new Date(T0 + min * 60_000).toISOString();
const resolvedList = (more: NewEvent[] = []): NewEvent[] => [
  ...opened(),
  { kind: 'milestone.set', data: { milestone: 'impact-started', at: at(-30), backdated: true } },
  { kind: 'milestone.set', data: { milestone: 'detected', at: at(-20), backdated: true } },
  { kind: 'milestone.set', data: { milestone: 'mitigated', at: at(40), backdated: true } },
  { kind: 'milestone.set', data: { milestone: 'resolved', at: at(60), backdated: true } },
  { kind: 'status.changed', data: { status: 'resolved' } },
  ...more,
];
const resolved = (more: NewEvent[] = []) => incidentState({}, resolvedList(more));

describe('the review screen', () => {
  it('on an open incident says in one toast line that the review opens after resolution, and opens nothing', () => {
    const [s, effects] = press(incidentState(), 'V');
    expect(s.modals).toEqual([]);
    expect(effects).toEqual([]);
    expect(s.toast?.text).toMatch(/^the review opens after resolution \(INC-20261121-AAAA is declared\)$/);
  });

  it('opens on a resolved incident with every section, and looking around appends nothing', () => {
    const [s, effects] = press(resolved(), 'V', 'j', 'j', 'down', 'k', 'up', 'j', 'j', 'j');
    expect(s.modals.at(-1)).toEqual({ kind: 'review', cursor: 4 });
    expect(activeLayers(s)).toEqual(['review']);
    expect(reviewView(s, s.incident!).sections.map((r) => r.section)).toEqual([...REVIEW_SECTIONS]);
    const [closed, more] = press(s, 'escape');
    expect(closed.modals).toEqual([]);
    expect([...effects, ...more]).toEqual([]);
  });

  it('a accepts the selected draft as review.section from the draft, every citation an event on the record', () => {
    const s0 = resolved();
    const rows = reviewView(press(s0, 'V')[0], s0.incident!).sections;
    const i = rows.findIndex((r) => r.draft.length > 0);
    expect(i).toBeGreaterThanOrEqual(0);
    const [, effects] = press(s0, 'V', ...Array<string>(i).fill('j'), 'a');
    const [ev] = appended(effects);
    expect(ev).toMatchObject({ kind: 'review.section', data: { section: rows[i]!.section, from: 'draft' } });
    const text = String((ev!.data as { text: string }).text);
    const cited = [...text.matchAll(/\[#(\d+)\]/g)].map((m) => Number(m[1]));
    expect(cited.length).toBeGreaterThan(0);
    const seqs = new Set(s0.incident!.events.map((e) => e.seq));
    for (const n of cited) expect(seqs.has(n)).toBe(true);
  });

  it('e writes the selected section; writing a written section again is an amendment of its event', () => {
    const [, first] = press(resolved(), 'V', 'e', 'Orders were restored', 'return');
    expect(appended(first)).toEqual([{ kind: 'review.section', data: { section: 'summary', text: 'Orders were restored', from: 'text' } }]);
    const written = resolved([{ kind: 'review.section', data: { section: 'summary', text: 'Orders were restored', from: 'text' } }]);
    const seq = written.incident!.events.at(-1)!.seq;
    const [s, again] = press(written, 'V', 'e', 'Orders restored from PITR', 'return');
    expect(appended(again)).toEqual([{ kind: 'amend', data: { target: seq, text: 'Orders restored from PITR' } }]);
    expect(s.modals.at(-1)).toEqual({ kind: 'review', cursor: 0 });
    // The same words again record nothing.
    const [, same] = press(written, 'V', 'e', 'Orders were restored', 'return');
    expect(appended(same)).toEqual([]);
  });

  it('D closes the review only after y; n records nothing; a closed review accepts no more sections', () => {
    const [asked, none] = press(resolved(), 'V', 'D');
    expect(asked.modals.at(-1)).toMatchObject({ kind: 'confirm', purpose: 'review-close' });
    expect(none).toEqual([]);
    expect(appended(press(asked, 'n')[1])).toEqual([]);
    expect(appended(press(asked, 'y')[1])).toEqual([{ kind: 'review.closed', data: {} }]);
    const closed = resolved([{ kind: 'review.section', data: { section: 'summary', text: 'x', from: 'text' } }, { kind: 'review.closed', data: {} }]);
    const [s, effects] = press(closed, 'V', 'a', 'e', 'D');
    expect(effects).toEqual([]);
    expect(s.modals.at(-1)).toMatchObject({ kind: 'review' });
    expect(s.toast?.text).toMatch(/review is closed/);
  });
});
