// A status update drafted in a drill: marked EXERCISE, and its times on the drill clock (T+), never as a
// wall-clock UTC time that did not happen.
import { describe, expect, it } from 'vitest';
import { pressE as press, started, tick } from './fixtures/exercise.js';
import { T0 } from './fixtures/state.js';

describe('a status update in a drill', () => {
  it('says EXERCISE and gives its times on the drill clock, in the draft and in the file written', () => {
    // As `warroom exercise` opens it: the impact starts with the drill.
    let [s] = started(60, undefined, [{ kind: 'milestone.set', data: { milestone: 'impact-started', at: new Date(T0).toISOString(), backdated: false } }]);
    [s] = tick(s, 10_000); // T+10:00
    [s] = press(s, 'c');
    const draft = s.modals.at(-1) as { kind: string; text: string };
    expect(draft.kind).toBe('draft');
    expect(draft.text.startsWith('[EXERCISE] ')).toBe(true);
    expect(draft.text).toContain('START TIME: T+0:00');
    expect(draft.text).toContain('NEXT UPDATE: T+40:00'); // the 30-minute cadence, on drill time
    expect(draft.text).not.toMatch(/UTC/);
    const [, fx] = press(s, 's');
    const written = fx.find((e) => e.type === 'write-comms') as { text: string } | undefined;
    expect(written?.text).toBe(draft.text);
  });
});
