import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LOGSPACE_MAX_COUNT, logspace } from '../../../src/lib/scaling';

describe('logspace', () => {
  it('includes both end points exactly and has count points', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
        fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
        fc.integer({ min: 2, max: 500 }),
        (start, stop, count) => {
          const grid = logspace(start, stop, count);
          expect(grid).toHaveLength(count);
          expect(grid[0]).toBe(start);
          expect(grid[count - 1]).toBe(stop);
          for (const value of grid) expect(Number.isFinite(value) && value > 0).toBe(true);
        },
      ),
    );
  });

  it('spaces points evenly in log: logspace(1, 1e4, 5) = [1, 10, 100, 1000, 10000] (relative 1e-14)', () => {
    const grid = logspace(1, 1e4, 5);
    [1, 10, 100, 1000, 10000].forEach((expected, i) => expect(Math.abs((grid[i] ?? NaN) / expected - 1)).toBeLessThan(1e-14));
  });

  it('has a constant ratio between neighbours (relative 1e-12) and runs downward when start > stop', () => {
    const grid = logspace(1e30, 1e15, 16);
    for (let i = 1; i < grid.length; i += 1) expect(((grid[i] ?? NaN) / (grid[i - 1] ?? NaN)) * 10).toBeCloseTo(1, 12);
  });

  it(`caps count at ${LOGSPACE_MAX_COUNT.toLocaleString('en')} points`, () => {
    expect(() => logspace(1, 10, LOGSPACE_MAX_COUNT + 1)).toThrow(RangeError);
  });
});
