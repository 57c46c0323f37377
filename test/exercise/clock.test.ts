import { describe, expect, it } from 'vitest';
import { jumpTo, pause, realDelayUntil, resume, setSpeed, simElapsed, startClock } from '../../src/core/index.js';

const R0 = 1_000_000;

describe('exercise clock', () => {
  it('runs at its speed', () => {
    const c = startClock(R0, 10);
    expect(simElapsed(c, R0 + 1_000)).toBe(10_000);
  });

  it('stands still while paused and picks up where it stopped', () => {
    let c = startClock(R0, 2);
    c = pause(c, R0 + 5_000); // 10 s simulated
    expect(simElapsed(c, R0 + 60_000)).toBe(10_000);
    c = resume(c, R0 + 60_000);
    expect(simElapsed(c, R0 + 61_000)).toBe(12_000);
  });

  it('keeps the spacing between remaining injects across a pause', () => {
    let c = startClock(R0, 1);
    const gapBefore = realDelayUntil(c, R0, 120_000) - realDelayUntil(c, R0, 60_000);
    c = pause(c, R0 + 30_000);
    expect(realDelayUntil(c, R0 + 40_000, 60_000)).toBe(Infinity);
    c = resume(c, R0 + 90_000);
    expect(realDelayUntil(c, R0 + 90_000, 60_000)).toBe(30_000);
    const gapAfter = realDelayUntil(c, R0 + 90_000, 120_000) - realDelayUntil(c, R0 + 90_000, 60_000);
    expect(gapAfter).toBe(gapBefore);
  });

  it('changes speed without moving simulated time', () => {
    let c = startClock(R0, 1);
    c = setSpeed(c, R0 + 10_000, 60);
    expect(simElapsed(c, R0 + 10_000)).toBe(10_000);
    expect(simElapsed(c, R0 + 11_000)).toBe(70_000);
  });

  it.each([0, 61, -1, Number.NaN])('rejects speed %s', (speed) => {
    expect(() => setSpeed(startClock(R0), R0, speed)).toThrow(/is not a speed from x1 to x60/);
  });

  it('jumps forward, never back', () => {
    let c = startClock(R0, 1);
    c = jumpTo(c, R0 + 1_000, 300_000);
    expect(simElapsed(c, R0 + 1_000)).toBe(300_000);
    c = jumpTo(c, R0 + 1_000, 5_000);
    expect(simElapsed(c, R0 + 1_000)).toBe(300_000);
  });
});
