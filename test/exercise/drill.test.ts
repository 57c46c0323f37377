import { describe, expect, it } from 'vitest';
import { drillFinished, drillStep, formatOffset, newDrill, scheduleDrill, seedFrom, type InjectLike } from '../../src/core/index.js';

const injects: InjectLike[] = [
  { id: 'ask', at_seconds: 900, kind: 'message', text: 'The VP asks for an ETA', facilitator: 'Push for a number' },
  { id: 'alarm', at_seconds: 0, kind: 'alarm', text: '{{table}} throttling alarm fires', facilitator: 'Wait for the IC to open the runbook', alarm: 'orders-throttle', state: 'ALARM' },
  { id: 'restore', at_seconds: 1800, kind: 'resource', text: 'Restore of {{table}} finished', facilitator: 'Ask who verifies the data', resource: '{{table}}' },
];
const R0 = 5_000_000;

describe('drill schedule', () => {
  it('orders injects by offset and fills params', () => {
    const s = scheduleDrill(injects, { table: 'orders' });
    expect(s.map((i) => [i.id, i.atSeconds, i.text])).toEqual([
      ['alarm', 0, 'orders throttling alarm fires'],
      ['ask', 900, 'The VP asks for an ETA'],
      ['restore', 1800, 'Restore of orders finished'],
    ]);
  });

  it('gives the same drill for the same seed and a different one for another', () => {
    const a = scheduleDrill(injects, {}, 42).map((i) => i.atSeconds);
    expect(scheduleDrill(injects, {}, 42).map((i) => i.atSeconds)).toEqual(a);
    expect(scheduleDrill(injects, {}, 43).map((i) => i.atSeconds)).not.toEqual(a);
    // jitter stays within ±10% (at most 120 s) and never reorders
    const [, ask, restore] = a;
    expect(Math.abs(ask! - 900)).toBeLessThanOrEqual(90);
    expect(Math.abs(restore! - 1800)).toBeLessThanOrEqual(120);
    expect(seedFrom('blue-team')).toBe(seedFrom('blue-team'));
    expect(seedFrom('17')).toBe(17);
  });

  it('formats offsets', () => {
    expect([formatOffset(0), formatOffset(95), formatOffset(3725)]).toEqual(['T+0:00', 'T+1:35', 'T+1:02:05']);
  });
});

describe('drill session', () => {
  const schedule = scheduleDrill(injects, { table: 'orders' });

  it('fires injects as simulated time reaches them, each once, and records them', () => {
    let s = newDrill(schedule, R0, 60);
    let r = drillStep(s, { kind: 'start', speed: 60 }, R0);
    expect(r.events.map((e) => e.kind)).toEqual(['exercise.clock', 'exercise.inject']);
    expect(r.firedNow.map((i) => i.id)).toEqual(['alarm']);
    s = r.session;
    r = drillStep(s, { kind: 'tick' }, R0 + 14_000); // 840 s simulated
    expect(r.firedNow).toEqual([]);
    r = drillStep(r.session, { kind: 'tick' }, R0 + 15_000); // 900 s
    expect(r.firedNow.map((i) => i.id)).toEqual(['ask']);
    expect(r.events[0]).toEqual({ kind: 'exercise.inject', data: { inject: 'ask', text: 'The VP asks for an ETA', offsetSeconds: 900 } });
    r = drillStep(r.session, { kind: 'tick' }, R0 + 16_000);
    expect(r.events).toEqual([]);
  });

  it('pause holds injects back; next jumps to the next one; fire sends one early', () => {
    let r = drillStep(newDrill(schedule, R0, 1), { kind: 'start', speed: 1 }, R0);
    r = drillStep(r.session, { kind: 'pause' }, R0 + 1_000);
    expect(r.events).toEqual([{ kind: 'exercise.clock', data: { control: 'pause', speed: 1, simSeconds: expect.any(Number) } }]);
    r = drillStep(r.session, { kind: 'tick' }, R0 + 10_000_000);
    expect(r.firedNow).toEqual([]);
    r = drillStep(r.session, { kind: 'next' }, R0 + 10_000_000);
    expect(r.firedNow.map((i) => i.id)).toEqual(['ask']);
    r = drillStep(r.session, { kind: 'fire', injectId: 'restore' }, R0 + 10_000_001);
    expect(r.firedNow.map((i) => i.id)).toEqual(['restore']);
    expect(drillFinished(r.session)).toBe(true);
    expect(() => drillStep(r.session, { kind: 'fire', injectId: 'nope' }, R0)).toThrow(/no inject "nope" in this drill \(have: alarm, ask, restore\)/);
  });

  it('speeding up brings the next inject sooner', () => {
    let r = drillStep(newDrill(schedule, R0, 1), { kind: 'start', speed: 1 }, R0);
    r = drillStep(r.session, { kind: 'speed', speed: 30 }, R0 + 100_000); // 100 s simulated
    r = drillStep(r.session, { kind: 'tick' }, R0 + 100_000 + 26_667); // +800 s simulated
    expect(r.firedNow.map((i) => i.id)).toEqual(['ask']);
  });
});
