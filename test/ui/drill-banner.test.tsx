// The banner of every console in a drill: the drill clock and PAUSED from the record, EXERCISE kept at 80x24,
// and one drill clock only (no second elapsed time that disagrees with T+).
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/ui/app/state.js';
import { Banner } from '../../src/ui/components/banner.js';
import { run } from './fixtures/drive.js';
import { consoleState, echo, EXERCISE_ID, exerciseEvents, pressE, started, tick } from './fixtures/exercise.js';

const bannerLines = (s: AppState, cols: number): string[] => {
  const r = render(<Banner s={{ ...s, cols }} v={s.incident!} />);
  const f = r.lastFrame() ?? '';
  r.unmount();
  return f.split('\n');
};

/** The controller's console, paused at T+2:00 at x60. */
function pausedDrill(): AppState {
  let [s] = started(60);
  [s] = tick(s, 2_000);
  [s] = pressE(s, 'P');
  return s;
}

describe('the drill in the banner', () => {
  it('a paused drill at 80x24 keeps EXERCISE, PAUSED and T+ on the first line', () => {
    const s = pausedDrill();
    // As the console runs it: on the simulated AWS, whose regions the banner names.
    const sim = { ...s, config: { ...s.config, awsConnected: true, aws: { mode: 'simulated' as const, region: 'us-east-1', drRegion: 'us-west-2', account: '123456789012' }, exerciseAws: { region: 'us-east-1', drRegion: 'us-west-2' } } };
    const [line1] = bannerLines(sim, 80);
    expect(line1).toContain('EXERCISE PAUSED T+2:00');
  });

  it("a player's banner shows the drill clock and PAUSED from the record", () => {
    const controller = pausedDrill();
    const player = { ...consoleState(), config: { ...consoleState().config, actor: 'pat' } };
    const [s] = echo(run(player, { type: 'incident.loaded', id: EXERCISE_ID, events: controller.incident!.events, offset: 1 }));
    expect(s.drill?.role).toBe('player');
    for (const cols of [80, 160]) expect(bannerLines({ ...s, now: controller.now + 60_000 }, cols)[0]).toContain('EXERCISE PAUSED T+2:00');
  });

  it('shows one drill clock: no impact + beside T+ that could disagree with it', () => {
    // `warroom exercise` records the impact start before the console starts the drill, a moment earlier.
    const opened = exerciseEvents([{ kind: 'milestone.set', data: { milestone: 'impact-started', at: new Date(Date.parse(exerciseEvents()[0]!.ts) - 1_500).toISOString(), backdated: false } }]);
    let [s] = echo(run(consoleState({ incidentId: EXERCISE_ID, speed: 60, facilitator: true }), { type: 'incident.loaded', id: EXERCISE_ID, events: opened, offset: 1 }));
    [s] = tick(s, 30_000);
    const text = bannerLines(s, 160).join('\n');
    expect(text).toContain('T+30:00');
    expect(text).not.toMatch(/impact \+/);
  });
});
