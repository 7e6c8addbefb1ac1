import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fitPowerLaw, fitSaturatingPowerLaw, logspace, type DataPoint } from '../../../src/lib/scaling';

// Deterministic noise for the "noisy data" tests: mulberry32 uniform generator + Box–Muller normals.
function normalNoise(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

const relativeError = (actual: number, expected: number): number => Math.abs(actual / expected - 1);

/** Any positive points: the fit returns E in (0, min y), a > 0, b < 0 and a finite r², or throws a RangeError. */
function expectFloorOrRangeError(points: DataPoint[]): void {
  let fit;
  try {
    fit = fitSaturatingPowerLaw(points);
  } catch (error) {
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(/^fitSaturatingPowerLaw: /);
    return;
  }
  const minY = Math.min(...points.map((p) => p.y));
  expect(fit.E).toBeGreaterThan(0);
  expect(fit.E).toBeLessThan(minY);
  expect(fit.a).toBeGreaterThan(0);
  expect(fit.a).toBeLessThan(Infinity);
  expect(fit.b).toBeLessThan(0);
  expect(Number.isFinite(fit.r2)).toBe(true);
}

const coordinate = fc.oneof(
  fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
  fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
);

describe('fitPowerLaw: least squares for y = a·x^b in log–log space', () => {
  it('recovers a and b from noise-free data to 1e-9 relative (b to 1e-9 absolute near 0)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -6, max: 20, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.integer({ min: 2, max: 200 }),
        (a, b, logStart, decades, count) => {
          const start = 10 ** logStart;
          const points = logspace(start, start * 10 ** decades, count).map((x) => ({ x, y: a * x ** b }));
          const fit = fitPowerLaw(points);
          expect(relativeError(fit.a, a)).toBeLessThan(1e-9);
          expect(Math.abs(fit.b - b)).toBeLessThan(1e-9 * Math.max(1, Math.abs(b)));
          // r² is meaningless for (nearly) constant y, whose only variance is rounding.
          if (Math.abs(b) >= 0.01) expect(fit.r2).toBeGreaterThan(1 - 1e-9);
        },
      ),
    );
  });

  it('recovers a within 3% and b within ±0.005 from data with 1% log-normal noise (seeded, 8 seeds)', () => {
    const xs = logspace(1e6, 1e11, 40);
    for (let seed = 1; seed <= 8; seed += 1) {
      const noise = normalNoise(seed);
      const fit = fitPowerLaw(xs.map((x) => ({ x, y: 3e5 * x ** -0.3 * Math.exp(0.01 * noise()) })));
      expect(relativeError(fit.a, 3e5)).toBeLessThan(0.03);
      expect(Math.abs(fit.b + 0.3)).toBeLessThan(0.005);
      expect(fit.r2).toBeGreaterThan(0.99);
    }
  });

  it('reports r² of ln y: 1 for a constant series, between 0 and 1 for scattered data', () => {
    expect(fitPowerLaw([{ x: 1, y: 5 }, { x: 10, y: 5 }, { x: 100, y: 5 }])).toMatchObject({ b: 0, r2: 1 });
    const scattered = fitPowerLaw([{ x: 1, y: 1 }, { x: 2, y: 4 }, { x: 3, y: 2 }, { x: 4, y: 8 }]);
    expect(scattered.r2).toBeGreaterThan(0);
    expect(scattered.r2).toBeLessThan(1);
  });

  it('accepts duplicate x values as long as two are distinct, and ignores point order', () => {
    const points: DataPoint[] = [{ x: 10, y: 1 }, { x: 10, y: 3 }, { x: 100, y: 10 }];
    const fit = fitPowerLaw(points);
    expect(fit.b).toBeCloseTo(Math.log10(10 / Math.sqrt(3)), 12);
    expect(fitPowerLaw([...points].reverse()).b).toBeCloseTo(fit.b, 12);
  });
});

describe('fitSaturatingPowerLaw: y = E + a·x^b with an irreducible floor E > 0', () => {
  it('recovers E to 1e-8 relative from noise-free data over ≥ 2 decades (every y to 1e-6, a and b to 1e-4)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: -1.5, max: -0.05, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.double({ min: -3, max: 12, noNaN: true }),
        fc.double({ min: 2, max: 6, noNaN: true }),
        fc.integer({ min: 5, max: 60 }),
        (E, b, ratioAtStart, logStart, decades, count) => {
          // ratioAtStart = a·x0^b / E: how far above the floor the first point sits.
          const start = 10 ** logStart;
          const a = (ratioAtStart * E) / start ** b;
          const points = logspace(start, start * 10 ** decades, count).map((x) => ({ x, y: E + a * x ** b }));
          const fit = fitSaturatingPowerLaw(points);
          expect(relativeError(fit.E, E)).toBeLessThan(1e-8);
          for (const { x, y } of points) expect(relativeError(fit.E + fit.a * x ** fit.b, y)).toBeLessThan(1e-6);
          // a is the curve's value at x = 1, often extrapolated many decades, so it is less well conditioned.
          expect(relativeError(fit.a, a)).toBeLessThan(1e-4);
          expect(relativeError(fit.b, b)).toBeLessThan(1e-4);
        },
      ),
    );
  });

  it('recovers Chinchilla\'s N-term (E 1.69, A 406.4, α 0.34) to 1e-9 relative from 40 clean points', () => {
    const points = logspace(1e6, 1e11, 40).map((x) => ({ x, y: 1.69 + 406.4 * x ** -0.34 }));
    const fit = fitSaturatingPowerLaw(points);
    expect(relativeError(fit.E, 1.69)).toBeLessThan(1e-9);
    expect(relativeError(fit.a, 406.4)).toBeLessThan(1e-9);
    expect(relativeError(fit.b, -0.34)).toBeLessThan(1e-9);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('recovers E within ±0.03 nats (true 1.69) from 40 points with 0.5% noise (seeded, 8 seeds)', () => {
    const xs = logspace(1e6, 1e11, 40);
    for (let seed = 1; seed <= 8; seed += 1) {
      const noise = normalNoise(seed);
      const fit = fitSaturatingPowerLaw(xs.map((x) => ({ x, y: (1.69 + 406.4 * x ** -0.34) * (1 + 0.005 * noise()) })));
      expect(Math.abs(fit.E - 1.69)).toBeLessThan(0.03);
      expect(Math.abs(fit.b + 0.34)).toBeLessThan(0.02);
      expect(fit.r2).toBeGreaterThan(0.999);
    }
  });

  it('works for data far from unit scale (y ~ 1e-200 and y ~ 1e200) by fitting y / max(y)', () => {
    for (const scale of [1e-200, 1e200]) {
      const points = logspace(1, 1e4, 20).map((x) => ({ x, y: scale * (2 + 5 * x ** -0.5) }));
      const fit = fitSaturatingPowerLaw(points);
      expect(relativeError(fit.E, 2 * scale)).toBeLessThan(1e-8);
      expect(relativeError(fit.a, 5 * scale)).toBeLessThan(1e-6);
    }
  });

  it('on arbitrary positive data either returns E in (0, min y), a > 0, b < 0, finite r² — or throws a RangeError', () => {
    fc.assert(fc.property(fc.array(fc.record({ x: coordinate, y: coordinate }), { maxLength: 30 }), expectFloorOrRangeError), { numRuns: 300 });
  });

  // A randomised run found these points: their smallest y is the smallest subnormal double (5e-324), where
  // E = t·min y (t < 1) rounds to min y itself.
  it('on the found case with min y = 5e-324, still returns E in (0, min y) or throws a RangeError (replay)', () => {
    expectFloorOrRangeError([
      { x: 0.001, y: 1e-323 },
      { x: 5e-324, y: 0.001 },
      { x: 223278.6771068828, y: 5e-324 },
    ]);
  });

  it('rejects data that rise with x (no floor gives a negative exponent) with a RangeError', () => {
    const rising = logspace(1, 1e3, 10).map((x) => ({ x, y: 1 + x ** 0.5 }));
    expect(() => fitSaturatingPowerLaw(rising)).toThrow(RangeError);
    expect(() => fitSaturatingPowerLaw(rising)).toThrow(/^fitSaturatingPowerLaw: points must be data that decrease/);
  });

  it('needs three distinct x values (two points fit any floor exactly)', () => {
    expect(() => fitSaturatingPowerLaw([{ x: 1, y: 3 }, { x: 2, y: 2 }, { x: 2, y: 2.1 }])).toThrow(
      'fitSaturatingPowerLaw: points must be at least 3 points with distinct x values, got 3 points with 2 distinct x values',
    );
  });
});
