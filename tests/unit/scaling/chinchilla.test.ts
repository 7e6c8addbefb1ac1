import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  BESIROGLU_2024,
  CHINCHILLA_TABLE_3,
  GOPHER_FLOPS,
  HOFFMANN_2022,
  HOFFMANN_2022_UNROUNDED,
  LOSS_FITS,
  allocationExponents,
  chinchillaLoss,
  chinchillaLossCurve,
  computeOptimal,
  fitPowerLaw,
  logspace,
  trainingFlops,
  type LossFit,
} from '../../../src/lib/scaling';

const FOUR_DECIMALS = 4;
const fitArbitrary = fc.constantFrom<LossFit>(...LOSS_FITS);

describe('Hoffmann et al. 2022 parametric fits (Eq. 2) and the Besiroglu et al. 2024 refit', () => {
  it('stores the fits exactly as published (printed Eq. 10, unrounded TeX values, Epoch refit)', () => {
    expect(HOFFMANN_2022).toMatchObject({ E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 });
    expect(HOFFMANN_2022_UNROUNDED).toMatchObject({ E: 1.6934, A: 406.4, B: 410.7, alpha: 0.3392, beta: 0.2849 });
    expect(BESIROGLU_2024).toMatchObject({ E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 });
  });

  it('defaults to the printed fit', () => {
    expect(chinchillaLoss(70e9, 1.4e12)).toBe(chinchillaLoss(70e9, 1.4e12, HOFFMANN_2022));
  });

  it('Chinchilla (70B, 1.4T tokens): 1.9366 printed, 1.9739 Besiroglu (to 4 decimals)', () => {
    expect(chinchillaLoss(70e9, 1.4e12, HOFFMANN_2022)).toBeCloseTo(1.9366, FOUR_DECIMALS);
    expect(chinchillaLoss(70e9, 1.4e12, BESIROGLU_2024)).toBeCloseTo(1.9739, FOUR_DECIMALS);
  });

  it('Gopher (280B, 300B tokens): 1.9933 printed, 1.9996 Besiroglu (to 4 decimals)', () => {
    expect(chinchillaLoss(280e9, 300e9, HOFFMANN_2022)).toBeCloseTo(1.9933, FOUR_DECIMALS);
    expect(chinchillaLoss(280e9, 300e9, BESIROGLU_2024)).toBeCloseTo(1.9996, FOUR_DECIMALS);
  });

  it('N = 1B, D = 20B: 2.5800 printed, 2.5301 Besiroglu (to 4 decimals)', () => {
    expect(chinchillaLoss(1e9, 20e9, HOFFMANN_2022)).toBeCloseTo(2.58, FOUR_DECIMALS);
    expect(chinchillaLoss(1e9, 20e9, BESIROGLU_2024)).toBeCloseTo(2.5301, FOUR_DECIMALS);
  });

  it('Chinchilla beats Gopher at (nearly) the same compute under every fit', () => {
    for (const fit of LOSS_FITS) {
      expect(chinchillaLoss(70e9, 1.4e12, fit)).toBeLessThan(chinchillaLoss(280e9, 300e9, fit));
    }
  });

  it('strictly decreases in N and in D, and never goes below E', () => {
    fc.assert(
      fc.property(
        fitArbitrary,
        fc.double({ min: 1e3, max: 1e16, noNaN: true }),
        fc.double({ min: 1e3, max: 1e16, noNaN: true }),
        fc.double({ min: 1.001, max: 100, noNaN: true }),
        (fit, N, D, k) => {
          const base = chinchillaLoss(N, D, fit);
          expect(chinchillaLoss(N * k, D, fit)).toBeLessThan(base);
          expect(chinchillaLoss(N, D * k, fit)).toBeLessThan(base);
          expect(base).toBeGreaterThan(fit.E);
        },
      ),
    );
  });
});

describe('computeOptimal: closed form of Eq. 4 under C = 6ND', () => {
  it('at Gopher\'s budget 5.76e23 the printed fit gives ≈32B parameters and D/N ≈ 93 (N within 0.5%, D/N within 0.5)', () => {
    const opt = computeOptimal(GOPHER_FLOPS, HOFFMANN_2022);
    expect(opt.params / 32.19e9).toBeCloseTo(1, 2);
    expect(opt.tokensPerParam).toBeCloseTo(92.6, 0);
  });

  it('the unrounded fit gives ≈40B parameters (the Figure 4 caption\'s 40B) and D/N ≈ 59 (N within 0.5%, D/N within 0.5)', () => {
    const opt = computeOptimal(GOPHER_FLOPS, HOFFMANN_2022_UNROUNDED);
    expect(opt.params / 40.3e9).toBeCloseTo(1, 2);
    expect(opt.tokensPerParam).toBeCloseTo(59.1, 0);
  });

  it('the Epoch refit gives N ≈ 72B, D ≈ 1.33T, ≈18 tokens per parameter (N, D within 0.5%)', () => {
    const opt = computeOptimal(GOPHER_FLOPS, BESIROGLU_2024);
    expect(opt.params / 72.25e9).toBeCloseTo(1, 2);
    expect(opt.tokens / 1.329e12).toBeCloseTo(1, 2);
    expect(opt.tokensPerParam).toBeCloseTo(18.4, 0);
  });

  it('the exponent a = β/(α+β) is 0.452 rounded vs 0.456 unrounded (the paper prints 0.46) and 0.513 for the refit', () => {
    expect(allocationExponents(HOFFMANN_2022).a).toBeCloseTo(0.452, 3);
    expect(allocationExponents(HOFFMANN_2022_UNROUNDED).a).toBeCloseTo(0.456, 3);
    expect(allocationExponents(BESIROGLU_2024).a).toBeCloseTo(0.513, 3);
  });

  it('spends exactly the budget: trainingFlops(params, tokens) = C (relative 1e-9)', () => {
    fc.assert(
      fc.property(fitArbitrary, fc.double({ min: 1e15, max: 1e30, noNaN: true }), (fit, C) => {
        const { params, tokens } = computeOptimal(C, fit);
        expect(Math.abs(trainingFlops(params, tokens) / C - 1)).toBeLessThan(1e-9);
      }),
    );
  });

  it('is the minimum of the loss along the iso-FLOP curve (moving N by ±1% raises the loss)', () => {
    fc.assert(
      fc.property(fitArbitrary, fc.double({ min: 1e15, max: 1e30, noNaN: true }), (fit, C) => {
        const opt = computeOptimal(C, fit);
        expect(opt.loss).toBeCloseTo(chinchillaLoss(opt.params, opt.tokens, fit), 12);
        for (const k of [0.99, 1.01]) {
          expect(chinchillaLoss(opt.params * k, opt.tokens / k, fit)).toBeGreaterThan(opt.loss);
        }
      }),
    );
  });

  it('grows N_opt as C^a: the log-log slope between two budgets equals a (to 1e-9)', () => {
    for (const fit of LOSS_FITS) {
      const slope = Math.log(computeOptimal(1e25, fit).params / computeOptimal(1e21, fit).params) / Math.log(1e4);
      expect(slope).toBeCloseTo(allocationExponents(fit).a, 9);
    }
  });

  it('returns finite positive values for C from 1e15 to 1e30 FLOPs', () => {
    for (const fit of LOSS_FITS) {
      for (const C of logspace(1e15, 1e30, 151)) {
        const opt = computeOptimal(C, fit);
        for (const value of Object.values(opt)) {
          expect(Number.isFinite(value) && value > 0).toBe(true);
        }
      }
    }
  });

  it('chinchillaLoss is finite for N and D from 1e3 to 1e16', () => {
    for (const fit of LOSS_FITS) {
      for (const v of logspace(1e3, 1e16, 131)) {
        for (const value of [chinchillaLoss(v, v, fit), chinchillaLoss(v, 1e3, fit), chinchillaLoss(1e16, v, fit)]) {
          expect(Number.isFinite(value)).toBe(true);
        }
      }
    }
  });
});

describe('Hoffmann et al. 2022 Table 3 (Approach 1 projections)', () => {
  it('holds all 9 rows, 400M to 10T parameters', () => {
    expect(CHINCHILLA_TABLE_3).toHaveLength(9);
    expect(CHINCHILLA_TABLE_3.map((row) => row.params)).toEqual([400e6, 1e9, 10e9, 67e9, 175e9, 280e9, 520e9, 1e12, 10e12]);
    expect(CHINCHILLA_TABLE_3[3]).toMatchObject({ params: 67e9, flops: 5.76e23, flopsInGopherUnits: 1, tokens: 1.5e12 });
  });

  it('each row is consistent with C ≈ 6ND to within 5% (the 67B row is 4.7% off because 1.5T is rounded)', () => {
    for (const row of CHINCHILLA_TABLE_3) {
      expect(Math.abs(trainingFlops(row.params, row.tokens) / row.flops - 1)).toBeLessThan(0.05);
    }
  });

  it('each row\'s "Gopher units" column matches FLOPs / 5.76e23 to within 2%', () => {
    for (const row of CHINCHILLA_TABLE_3) {
      expect(Math.abs(row.flops / GOPHER_FLOPS / row.flopsInGopherUnits - 1)).toBeLessThan(0.02);
    }
  });

  it('implies 20–22.4 tokens per parameter on every row', () => {
    for (const row of CHINCHILLA_TABLE_3) {
      const ratio = row.tokens / row.params;
      expect(ratio).toBeGreaterThanOrEqual(20);
      expect(ratio).toBeLessThanOrEqual(22.4);
    }
  });

  it('fitting params vs FLOPs recovers N_opt ∝ C^a with a in 0.49–0.51 (measured 0.498) and r² > 0.9999', () => {
    const fit = fitPowerLaw(CHINCHILLA_TABLE_3.map((row) => ({ x: row.flops, y: row.params })));
    expect(fit.b).toBeGreaterThan(0.49);
    expect(fit.b).toBeLessThan(0.51);
    expect(fit.b).toBeCloseTo(0.498, 3);
    expect(fit.r2).toBeGreaterThan(0.9999);
  });

  it('fitting tokens vs FLOPs recovers D_opt ∝ C^b with b in 0.49–0.51 (measured 0.502)', () => {
    const fit = fitPowerLaw(CHINCHILLA_TABLE_3.map((row) => ({ x: row.flops, y: row.tokens })));
    expect(fit.b).toBeGreaterThan(0.49);
    expect(fit.b).toBeLessThan(0.51);
    expect(fit.b).toBeCloseTo(0.502, 3);
  });
});

describe('chinchillaLossCurve', () => {
  it('equals chinchillaLoss point by point (relative 1e-12) for every fit', () => {
    const Ns = [7e7, 1e9, 7e10, 2.8e11, 1e13];
    for (const fit of [HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024]) {
      const curve = chinchillaLossCurve(Ns, 1.4e12, fit);
      Ns.forEach((N, i) => expect(curve[i]! / chinchillaLoss(N, 1.4e12, fit)).toBeCloseTo(1, 12));
    }
  });
  it('throws a RangeError naming the bad element', () => {
    expect(() => chinchillaLossCurve([1e9, -1], 1e10)).toThrow(/chinchillaLossCurve: Ns\[1\]/);
    expect(() => chinchillaLossCurve([1e9], Number.NaN)).toThrow(RangeError);
  });
});
