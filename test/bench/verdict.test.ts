// The benchmark's goal lines say met, or by how much a figure falls short of its goal.
import { describe, expect, it } from 'vitest';
import { verdict } from '../../bench/stats.js';

describe('verdict', () => {
  it('a ceiling is met at or under it and missed above it by the ratio', () => {
    expect(verdict(16, { atMost: 16 })).toBe('met');
    expect(verdict(97, { atMost: 16 })).toBe('MISSED by 6.06x');
  });
  it('a floor is met at or over it and missed below it by the ratio', () => {
    expect(verdict(26_157, { atLeast: 20_000 })).toBe('met');
    expect(verdict(10_000, { atLeast: 20_000 })).toBe('MISSED by 2x');
  });
  it('a figure that was not measured is never met', () => {
    expect(verdict(Number.NaN, { atMost: 1 })).toBe('NOT MEASURED');
  });
});
