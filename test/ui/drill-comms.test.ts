// A status update drafted in a drill: marked EXERCISE, and its times on the drill clock (T+), never as a
// wall-clock UTC time that did not happen.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatOffset } from '../../src/core/index.js';
import { escalationLines } from '../../src/ui/panes/comms.js';
import { pressE as press, SCENARIO, started, tick } from './fixtures/exercise.js';
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

describe('escalation lines in a drill', () => {
  it('give when each level is due on the drill clock (T+), not a wall time moved by a drill offset', () => {
    let [s] = started(5);
    [s] = tick(s, 60_000); // T+5:00 at x5
    const lines = escalationLines(s, s.incident!).map(([text]) => text);
    const levels = [...SCENARIO.comms.escalation].sort((a, b) => a.after_minutes - b.after_minutes);
    expect(lines.length).toBe(levels.length + 1);
    levels.forEach((l, i) => {
      const line = lines[i + 1]!;
      expect(line).not.toMatch(/UTC/);
      expect(line).toContain(`(due ${formatOffset(l.after_minutes * 60)})`); // declared at T+0:00
      if (l.after_minutes > 5) expect(line).toContain(`in ${formatDuration((l.after_minutes - 5) * 60_000)}`);
    });
  });

  it('keep the wall time for a live incident', () => {
    const [{ drill: _drill, ...s }] = started(5, undefined, []);
    const live = { ...s, incident: { ...s.incident!, incident: { ...s.incident!.incident, mode: 'live' as const } } };
    const lines = escalationLines(live, live.incident).map(([text]) => text);
    expect(lines[1]).toMatch(/\(\d\d:\d\d:\d\d UTC\)/);
  });
});
