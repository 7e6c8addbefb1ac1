import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exactMatch, tokenEditDistance, tokenProbability } from '../../../src/lib/scaling';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const targetLength = fc.integer({ min: 1, max: 1000 });

describe('Schaeffer et al. 2023: metric choice creates apparent emergence', () => {
  it('tokenProbability is e^(−loss): 1 at zero loss, 1/e at 1 nat', () => {
    expect(tokenProbability(0)).toBe(1);
    expect(tokenProbability(1)).toBeCloseTo(Math.exp(-1), 15);
  });

  it('exactMatch is p^L and tokenEditDistance is L·(1 − p) (e.g. p = 0.9, L = 5: 0.59049 and 0.5)', () => {
    expect(exactMatch(0.9, 5)).toBeCloseTo(0.59049, 12);
    expect(tokenEditDistance(0.9, 5)).toBeCloseTo(0.5, 12);
  });

  it('both metrics are exact at the ends: p = 1 gives 1 and 0, p = 0 gives 0 and L', () => {
    fc.assert(
      fc.property(targetLength, (L) => {
        expect(exactMatch(1, L)).toBe(1);
        expect(tokenEditDistance(1, L)).toBe(0);
        expect(exactMatch(0, L)).toBe(0);
        expect(tokenEditDistance(0, L)).toBe(L);
      }),
    );
  });

  it('exact match is never above the per-token probability and falls with target length', () => {
    fc.assert(
      fc.property(probability, targetLength, (p, L) => {
        expect(exactMatch(p, L)).toBeLessThanOrEqual(p);
        expect(exactMatch(p, L + 1)).toBeLessThanOrEqual(exactMatch(p, L));
      }),
    );
  });

  it('edit distance is linear in p: equal steps in p give equal steps in distance (to 1e-12)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.8, noNaN: true }), targetLength, (p, L) => {
        const step1 = tokenEditDistance(p, L) - tokenEditDistance(p + 0.1, L);
        const step2 = tokenEditDistance(p + 0.1, L) - tokenEditDistance(p + 0.2, L);
        expect(step1).toBeCloseTo(step2, 10);
        expect(step1 / L).toBeCloseTo(0.1, 12);
      }),
    );
  });

  it('a smooth loss curve gives a sharp exact-match curve: from 1.0 to 0.1 nats/token, 10-token accuracy rises from 4.5e-5 to 0.37', () => {
    expect(exactMatch(tokenProbability(1.0), 10)).toBeCloseTo(Math.exp(-10), 12);
    expect(exactMatch(tokenProbability(0.1), 10)).toBeCloseTo(Math.exp(-1), 12);
    expect(tokenEditDistance(tokenProbability(0.1), 10)).toBeCloseTo(10 * (1 - Math.exp(-0.1)), 12);
  });
});
