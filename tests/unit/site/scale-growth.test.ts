import { describe, expect, it } from 'vitest';
import { growth, outsideIn } from '../../../scripts/scale-test.mjs';

// Build times in seconds for 11, 61, 111, 161 and 211 chapters: a fixed cost plus a cost per chapter (and a square
// term where the growth is meant to be superlinear).
const steps = (perChapter: (n: number) => number) => [11, 61, 111, 161, 211].map((chapters) => ({ chapters, seconds: 20 + perChapter(chapters) }));

describe('the scale test', () => {
  it('builds the sizes from the outside in, so that neither end is built last', () => {
    expect(outsideIn([0, 50, 100, 150, 200])).toEqual([0, 200, 50, 150, 100]);
    expect(outsideIn([100, 0, 50])).toEqual([0, 100, 50]);
  });

  it('reads a cost per chapter that does not change as linear, by halves of the range', () => {
    const result = growth(steps((n) => 0.6 * n));
    expect(result.halves).toEqual([
      { from: 11, to: 111, secondsPerAddedChapter: expect.closeTo(0.6, 9) },
      { from: 111, to: 211, secondsPerAddedChapter: expect.closeTo(0.6, 9) },
    ]);
    expect(result.marginal).toHaveLength(4);
    expect(result.linearity).toBeCloseTo(1, 9);
    expect(result.verdict).toBe('linear');
  });

  it('reads a cost per chapter that grows with the essay as superlinear', () => {
    // First half: 0.6 + 0.01·(111² − 11²)/100 = 1.82 s per chapter; second: 0.6 + 0.01·(211² − 111²)/100 = 3.82.
    const result = growth(steps((n) => 0.6 * n + 0.01 * n * n));
    expect(result.halves.map((half) => half.secondsPerAddedChapter)).toEqual([expect.closeTo(1.82, 9), expect.closeTo(3.82, 9)]);
    expect(result.linearity).toBeCloseTo(3.82 / 1.82, 9);
    expect(result.verdict).toBe('superlinear');
    // A milder square term: 1.088 and 1.888 s per chapter.
    expect(growth(steps((n) => 0.6 * n + 0.004 * n * n)).verdict).toBe('mildly superlinear');
  });

  it("gives no verdict when a half costs nothing: the steps were too small for the builds' noise", () => {
    const noisy = [{ chapters: 11, seconds: 27.4 }, { chapters: 12, seconds: 32.0 }, { chapters: 13, seconds: 31.0 }];
    expect(growth(noisy)).toMatchObject({ linearity: undefined, verdict: expect.stringMatching(/^unclear/) });
  });

  it('needs three sizes to judge growth', () => {
    expect(growth(steps((n) => n).slice(0, 2))).toMatchObject({ halves: [], linearity: undefined, verdict: 'n/a (needs three steps)' });
  });
});
