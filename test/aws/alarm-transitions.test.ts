import { describe, expect, it } from 'vitest';
import { transitionTracker } from '../../src/aws/alarm-transitions.js';
import type { AlarmState } from '../../src/aws/ports.js';

const a = (name: string, state: AlarmState['state'], region = 'eu-west-2', at = '2026-01-01T00:00:00.000Z'): AlarmState => ({ name, state, reason: `r-${state}`, updatedAt: at, region });

describe('alarm transitions', () => {
  it('first poll is a baseline; later changes are reported once', () => {
    const track = transitionTracker();
    expect(track([a('x', 'OK'), a('y', 'ALARM')])).toEqual([]);
    expect(track([a('x', 'OK'), a('y', 'ALARM')])).toEqual([]);
    expect(track([a('x', 'ALARM', 'eu-west-2', '2026-01-01T00:05:00.000Z'), a('y', 'ALARM')])).toEqual([
      { alarm: 'x', from: 'OK', to: 'ALARM', reason: 'r-ALARM', at: '2026-01-01T00:05:00.000Z', region: 'eu-west-2' },
    ]);
    expect(track([a('x', 'ALARM'), a('y', 'ALARM')])).toEqual([]);
  });

  it('a new alarm that is not OK appears as a transition from (new); same name in two regions is two alarms', () => {
    const track = transitionTracker();
    track([a('x', 'OK')]);
    expect(track([a('x', 'OK'), a('x', 'ALARM', 'us-west-2')]).map((t) => [t.alarm, t.region, t.from, t.to])).toEqual([['x', 'us-west-2', '(new)', 'ALARM']]);
    expect(track([a('x', 'OK'), a('x', 'ALARM', 'us-west-2'), a('z', 'OK')])).toEqual([]);
  });

  it('a region that could not be read keeps its states, so its recovery is still seen as a change', () => {
    const track = transitionTracker();
    track([a('x', 'ALARM', 'us-west-2'), a('y', 'OK')]);
    expect(track([a('y', 'OK')], new Set(['us-west-2']))).toEqual([]);
    expect(track([a('x', 'OK', 'us-west-2'), a('y', 'OK')]).map((t) => `${t.alarm} ${t.from}->${t.to}`)).toEqual(['x ALARM->OK']);
  });
});
