import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { PF_DAY_FLOPS, flopsToPfDays, pfDaysToFlops, trainingFlops } from '../../../src/lib/scaling';

describe('compute units', () => {
  it('one PF-day is 10^15 × 24 × 3600 = 8.64e19 FLOPs', () => {
    expect(PF_DAY_FLOPS).toBe(1e15 * 24 * 3600);
    expect(PF_DAY_FLOPS).toBe(8.64e19);
  });

  it('trainingFlops is 6·N·D: GPT-3 (174.6B params, 300B tokens) ≈ 3.14e23 FLOPs as in Table D.1 (within 0.1%)', () => {
    expect(trainingFlops(2, 3)).toBe(36);
    expect(Math.abs(trainingFlops(174.6e9, 300e9) / 3.14e23 - 1)).toBeLessThan(1e-3);
  });

  it('6ND gives 5.88e23 for Chinchilla and 5.04e23 for Gopher, not the paper\'s 5.76e23 (3 significant figures)', () => {
    expect(trainingFlops(70e9, 1.4e12) / 1e23).toBeCloseTo(5.88, 2);
    expect(trainingFlops(280e9, 300e9) / 1e23).toBeCloseTo(5.04, 2);
  });

  it('GPT-3 Table D.1 compute of 3.14e23 FLOPs is ≈ 3.64e3 PF-days (within 0.5%)', () => {
    expect(Math.abs(flopsToPfDays(3.14e23) / 3.64e3 - 1)).toBeLessThan(5e-3);
  });

  it('flopsToPfDays and pfDaysToFlops are inverses (relative 1e-15)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1e20, noNaN: true }), (pfDays) => {
        expect(Math.abs(flopsToPfDays(pfDaysToFlops(pfDays)) / pfDays - 1)).toBeLessThan(1e-15);
      }),
    );
  });

  it('trainingFlops throws a RangeError instead of returning Infinity when 6·N·D overflows', () => {
    expect(() => trainingFlops(1e200, 1e200)).toThrow(RangeError);
    expect(() => trainingFlops(1e200, 1e200)).toThrow(/^trainingFlops: /);
  });
});
