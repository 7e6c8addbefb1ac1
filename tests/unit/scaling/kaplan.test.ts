import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  KAPLAN_2020,
  KAPLAN_2020_TABLE_2,
  KAPLAN_2020_TABLE_6,
  KAPLAN_CC_MIN_FLOPS,
  PF_DAY_FLOPS,
  kaplanLoss,
  kaplanLossVsCompute,
  kaplanLossVsData,
  kaplanLossVsParams,
  kaplanOptimalParams,
  logspace,
} from '../../../src/lib/scaling';

// Four-decimal sanity values from the reference sheet: compare to within 5e-5 nats.
const FOUR_DECIMALS = 4;

describe('Kaplan et al. 2020 single-variable laws (Eqs. 1.1–1.3, Section 1.2 constants)', () => {
  it('uses the printed constants α_N 0.076, N_c 8.8e13, α_D 0.095, D_c 5.4e13, α_C^min 0.050, C_c^min 3.1e8 PF-days', () => {
    expect(KAPLAN_2020).toMatchObject({ alphaN: 0.076, Nc: 8.8e13, alphaD: 0.095, Dc: 5.4e13, alphaCmin: 0.05, CcMinPfDays: 3.1e8 });
  });

  it('L(N = 1e9) = 2.3756 nats (to 4 decimals)', () => {
    expect(kaplanLossVsParams(1e9)).toBeCloseTo(2.3756, FOUR_DECIMALS);
  });

  it('L(N = 1.5e9) = 2.3036 nats (to 4 decimals)', () => {
    expect(kaplanLossVsParams(1.5e9)).toBeCloseTo(2.3036, FOUR_DECIMALS);
  });

  it('L(D = 2.29e10 tokens, all of WebText2) = 2.0912 nats (to 4 decimals)', () => {
    expect(kaplanLossVsData(2.29e10)).toBeCloseTo(2.0912, FOUR_DECIMALS);
  });

  it('L(C_min = 1 PF-day = 8.64e19 FLOPs) = 2.6581 nats (to 4 decimals)', () => {
    expect(kaplanLossVsCompute(PF_DAY_FLOPS)).toBeCloseTo(2.6581, FOUR_DECIMALS);
  });

  it('C_c^min is 3.1e8 PF-days ≈ 2.68e28 FLOPs (relative 1e-12)', () => {
    expect(KAPLAN_CC_MIN_FLOPS / 2.6784e28).toBeCloseTo(1, 12);
  });

  it('doubling N multiplies L(N) by 2^−0.076 ≈ 0.95 (relative 1e-12)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e15, noNaN: true }), (N) => {
        const ratio = kaplanLossVsParams(2 * N) / kaplanLossVsParams(N);
        expect(ratio / 2 ** -0.076).toBeCloseTo(1, 12);
        expect(ratio).toBeCloseTo(0.95, 2);
      }),
    );
  });

  it('each single-variable loss strictly decreases as its variable grows (N, D, C over 1e3–1e30)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e3, max: 1e30, noNaN: true }), fc.double({ min: 1.0001, max: 100, noNaN: true }), (v, k) => {
        expect(kaplanLossVsParams(v * k)).toBeLessThan(kaplanLossVsParams(v));
        expect(kaplanLossVsData(v * k)).toBeLessThan(kaplanLossVsData(v));
        expect(kaplanLossVsCompute(v * k)).toBeLessThan(kaplanLossVsCompute(v));
      }),
    );
  });
});

describe('Kaplan et al. 2020 L(N, D) (Eq. 1.5 with the Table 2 constants)', () => {
  it('uses Table 2: α_N 0.076, α_D 0.103, N_c 6.4e13, D_c 1.8e13 (not the Section 1.2 values)', () => {
    expect(KAPLAN_2020_TABLE_2).toMatchObject({ alphaN: 0.076, alphaD: 0.103, Nc: 6.4e13, Dc: 1.8e13 });
  });

  it('L(N = 1e9, D = 2.29e10) = 2.3675 nats with Table 2 constants (to 4 decimals)', () => {
    expect(kaplanLoss(1e9, 2.29e10)).toBeCloseTo(2.3675, FOUR_DECIMALS);
  });

  it('the Section 1.2 constants would give 2.4286 nats at the same point (the trap the sheet warns about)', () => {
    const section12 = { alphaN: 0.076, alphaD: 0.095, Nc: 8.8e13, Dc: 5.4e13, source: 'Section 1.2' };
    expect(kaplanLoss(1e9, 2.29e10, section12)).toBeCloseTo(2.4286, FOUR_DECIMALS);
  });

  it('tends to L(N) of the same constants as D → ∞ (relative 1e-9 at D = 1e300)', () => {
    const N = 1e9;
    const limit = (KAPLAN_2020_TABLE_2.Nc / N) ** KAPLAN_2020_TABLE_2.alphaN;
    expect(kaplanLoss(N, 1e300) / limit).toBeCloseTo(1, 9);
  });

  it('strictly decreases in N at fixed D and in D at fixed N (steps of ≥ 1%, N and D in 1e3–1e16)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e3, max: 1e16, noNaN: true }),
        fc.double({ min: 1e3, max: 1e16, noNaN: true }),
        fc.double({ min: 1.01, max: 100, noNaN: true }),
        (N, D, k) => {
          const base = kaplanLoss(N, D);
          expect(kaplanLoss(N * k, D)).toBeLessThan(base);
          expect(kaplanLoss(N, D * k)).toBeLessThan(base);
        },
      ),
    );
  });

  it('never increases for any step, however small (when one term dominates, a tiny step can round to no change)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e3, max: 1e16, noNaN: true }),
        fc.double({ min: 1e3, max: 1e16, noNaN: true }),
        fc.double({ min: 1, max: 1.001, noNaN: true }),
        (N, D, k) => {
          const base = kaplanLoss(N, D);
          expect(kaplanLoss(N * k, D)).toBeLessThanOrEqual(base);
          expect(kaplanLoss(N, D * k)).toBeLessThanOrEqual(base);
        },
      ),
    );
  });
});

describe('Kaplan et al. 2020 compute-efficient model size (App. A Table 6)', () => {
  it('N_opt(1 PF-day) = 1.3e9 parameters (relative 1e-12)', () => {
    expect(KAPLAN_2020_TABLE_6).toMatchObject({ Ne: 1.3e9, exponent: 0.73 });
    expect(kaplanOptimalParams(PF_DAY_FLOPS) / 1.3e9).toBeCloseTo(1, 12);
  });

  it('10× more compute gives 10^0.73 ≈ 5.37× more parameters (relative 1e-12)', () => {
    expect(kaplanOptimalParams(10 * PF_DAY_FLOPS) / kaplanOptimalParams(PF_DAY_FLOPS) / 10 ** 0.73).toBeCloseTo(1, 12);
  });
});

describe('Kaplan functions at the extremes', () => {
  it('return finite positive values for N, D from 1e3 to 1e16 and C from 1e15 to 1e30', () => {
    for (const v of logspace(1e3, 1e16, 200)) {
      for (const value of [kaplanLossVsParams(v), kaplanLossVsData(v), kaplanLoss(v, v), kaplanLoss(v, 1e3), kaplanLoss(1e3, v)]) {
        expect(Number.isFinite(value) && value > 0).toBe(true);
      }
    }
    for (const C of logspace(1e15, 1e30, 200)) {
      expect(Number.isFinite(kaplanLossVsCompute(C)) && kaplanLossVsCompute(C) > 0).toBe(true);
      expect(Number.isFinite(kaplanOptimalParams(C)) && kaplanOptimalParams(C) > 0).toBe(true);
    }
  });

  it('stay finite for any positive finite double, including subnormals (overflowing ratios are taken in log space)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
        fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
        (N, D) => {
          for (const value of [kaplanLossVsParams(N), kaplanLossVsData(D), kaplanLossVsCompute(N), kaplanLoss(N, D), kaplanOptimalParams(N)]) {
            expect(Number.isFinite(value)).toBe(true);
            expect(value).toBeGreaterThan(0);
          }
        },
      ),
    );
    expect(kaplanLoss(Number.MIN_VALUE, Number.MIN_VALUE)).toBeLessThan(Infinity);
  });
});
