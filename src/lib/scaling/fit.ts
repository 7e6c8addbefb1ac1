// Least-squares fits of power laws to reader-supplied data (e.g. a pasted CSV of model size vs loss).
// Points are objects { x, y }; both coordinates must be positive and finite because the fits work
// with logarithms. Every problem with the input is reported as a RangeError naming the point.
import { brentMinimize } from './brent';
import { describeValue, rangeError, requirePositive } from './validate';

/** One observation: x (e.g. parameters, tokens or FLOPs) and y (e.g. loss in nats/token), both > 0. */
export interface DataPoint {
  readonly x: number;
  readonly y: number;
}

/** y = a·x^b fitted in log–log space; r2 is the coefficient of determination of ln y. */
export interface PowerLawFit {
  readonly a: number;
  readonly b: number;
  readonly r2: number;
}

/** y = E + a·x^b with E > 0, a > 0, b < 0; r2 is the coefficient of determination of y itself. */
export interface SaturatingPowerLawFit {
  readonly E: number;
  readonly a: number;
  readonly b: number;
  readonly r2: number;
}

interface LogData {
  readonly logX: Float64Array;
  readonly y: Float64Array;
  readonly meanLogX: number;
  /** Σ (ln x − mean ln x)², > 0 whenever there are two distinct ln x values. */
  readonly sxx: number;
}

// Validates the points and returns ln x, y and the centred sums that every inner fit reuses.
function readPoints(fn: string, points: readonly DataPoint[], minDistinctX: number): LogData {
  if (!Array.isArray(points)) throw rangeError(fn, 'points', 'an array of { x, y } objects', describeValue(points));
  const n = points.length;
  const logX = new Float64Array(n);
  const y = new Float64Array(n);
  const distinct = new Set<number>();
  let sumLogX = 0;
  for (let i = 0; i < n; i += 1) {
    const point: unknown = points[i];
    if (typeof point !== 'object' || point === null) {
      throw rangeError(fn, `points[${i}]`, 'an object { x, y }', describeValue(point));
    }
    const { x: px, y: py } = point as DataPoint;
    requirePositive(fn, `points[${i}].x`, px, ' (x is fitted on a log scale)');
    requirePositive(fn, `points[${i}].y`, py, ' (y is fitted on a log scale)');
    const lx = Math.log(px);
    logX[i] = lx;
    y[i] = py;
    sumLogX += lx;
    if (distinct.size < minDistinctX) distinct.add(lx);
  }
  if (distinct.size < minDistinctX) {
    throw rangeError(
      fn,
      'points',
      `at least ${minDistinctX} points with distinct x values`,
      `${n} point${n === 1 ? '' : 's'} with ${distinct.size} distinct x value${distinct.size === 1 ? '' : 's'}`,
    );
  }
  const meanLogX = sumLogX / n;
  let sxx = 0;
  for (const lx of logX) sxx += (lx - meanLogX) * (lx - meanLogX);
  return { logX, y, meanLogX, sxx };
}

interface Line {
  readonly intercept: number;
  readonly slope: number;
}

// Ordinary least squares of z on ln x, using the precomputed centred sums of ln x.
function fitLine(data: LogData, z: Float64Array): Line {
  const { logX, meanLogX, sxx } = data;
  let meanZ = 0;
  for (const value of z) meanZ += value;
  meanZ /= z.length;
  let sxz = 0;
  z.forEach((value, i) => {
    sxz += ((logX[i] as number) - meanLogX) * (value - meanZ);
  });
  const slope = sxz / sxx;
  return { slope, intercept: meanZ - slope * meanLogX };
}

// 1 − RSS/TSS; a constant series (TSS = 0) is fitted exactly by b = 0 and counts as r2 = 1.
function coefficientOfDetermination(residualSumOfSquares: number, values: Float64Array): number {
  const first = values[0];
  if (values.every((value) => value === first)) return 1;
  let mean = 0;
  for (const value of values) mean += value;
  mean /= values.length;
  let total = 0;
  for (const value of values) total += (value - mean) * (value - mean);
  return 1 - residualSumOfSquares / total;
}

/** Fits y = a·x^b by ordinary least squares of ln y on ln x; needs ≥ 2 distinct x, all x, y > 0; r2 is for ln y. */
export function fitPowerLaw(points: readonly DataPoint[]): PowerLawFit {
  const fn = 'fitPowerLaw';
  const data = readPoints(fn, points, 2);
  const logY = data.y.map(Math.log);
  const { slope: b, intercept } = fitLine(data, logY);
  const a = Math.exp(intercept);
  if (!(a > 0 && a < Infinity) || !Number.isFinite(b)) {
    throw rangeError(fn, 'points', 'data whose fitted a and b are finite doubles', `a = ${a}, b = ${b}`);
  }
  let rss = 0;
  logY.forEach((value, i) => {
    const residual = value - intercept - b * (data.logX[i] as number);
    rss += residual * residual;
  });
  return { a, b, r2: coefficientOfDetermination(rss, logY) };
}

// Candidate floors E = t·min(y), t in (0, 1): a uniform grid plus points crowding towards t = 1,
// where loss curves that have nearly flattened put their floor.
const FLOOR_GRID: readonly number[] = (() => {
  const grid = [1e-6, 1e-3];
  for (let k = 1; k < 64; k += 1) grid.push(k / 64);
  for (let k = 7; k <= 40; k += 1) grid.push(1 - 2 ** -k);
  return grid;
})();

/**
 * Fits y = E + a·x^b with E > 0 (irreducible loss), a > 0, b < 0; needs ≥ 3 distinct x, all x, y > 0.
 * Method (variable elimination + 1-D search): for a trial floor E in (0, min y) the model is a plain
 * power law in y − E, so ln a and b come from least squares of ln(y − E) on ln x; the trial is scored
 * by the residual sum of squares in y itself, Σ (y − E − a·x^b)², and is infeasible if b ≥ 0. That
 * score is scanned over a fixed grid of E = t·min(y) and then minimised by Brent's method between
 * the grid neighbours of the best trial. r2 is 1 − RSS/TSS of y.
 */
export function fitSaturatingPowerLaw(points: readonly DataPoint[]): SaturatingPowerLawFit {
  const fn = 'fitSaturatingPowerLaw';
  const data = readPoints(fn, points, 3);
  const { logX } = data;
  let yMin = Infinity;
  let yMax = 0;
  for (const value of data.y) {
    yMin = Math.min(yMin, value);
    yMax = Math.max(yMax, value);
  }
  // Work with y / max(y) so that squared residuals neither overflow nor underflow for extreme data.
  const y = data.y.map((value) => value / yMax);
  const floorLimit = yMin / yMax;
  const z = new Float64Array(y.length);

  // Inner fit for a trial floor E (in scaled units); returns the line and the residual sum of squares in y.
  const trial = (E: number): { line: Line; rss: number } | undefined => {
    for (let i = 0; i < y.length; i += 1) {
      const gap = (y[i] as number) - E;
      if (!(gap > 0)) return undefined;
      z[i] = Math.log(gap);
    }
    const line = fitLine(data, z);
    if (!(line.slope < 0)) return undefined;
    let rss = 0;
    for (let i = 0; i < y.length; i += 1) {
      const residual = (y[i] as number) - E - Math.exp(line.intercept + line.slope * (logX[i] as number));
      rss += residual * residual;
    }
    return Number.isFinite(rss) ? { line, rss } : undefined;
  };
  const score = (t: number): number => trial(t * floorLimit)?.rss ?? Infinity;

  let best = -1;
  let bestScore = Infinity;
  FLOOR_GRID.forEach((t, k) => {
    const s = score(t);
    if (s < bestScore) {
      bestScore = s;
      best = k;
    }
  });
  if (best < 0) {
    throw rangeError(
      fn,
      'points',
      'data that decrease towards a positive floor (no E in (0, min y) gives b < 0)',
      `${y.length} points with min y = ${yMin}`,
    );
  }
  const lo = FLOOR_GRID[best - 1] ?? 0;
  const hi = FLOOR_GRID[best + 1] ?? 1;
  const refined = brentMinimize(score, lo, hi, 4 * Number.EPSILON, (hi - lo) * 1e-15);
  const t = refined.fx <= bestScore ? refined.x : (FLOOR_GRID[best] as number);
  const fitted = trial(t * floorLimit);
  if (fitted === undefined) {
    throw rangeError(fn, 'points', 'data with a finite least-squares fit', `min y = ${yMin}`);
  }
  const E = t * yMin;
  const a = Math.exp(fitted.line.intercept) * yMax;
  // E = t·min y with t < 1 rounds to min y itself when min y is a subnormal double (5e-324): no floor fits below it.
  if (!(E > 0 && E < yMin && a > 0 && a < Infinity)) {
    throw rangeError(fn, 'points', 'data whose fitted E lies in (0, min y) and a is a positive finite double', `E = ${E}, min y = ${yMin}, a = ${a}`);
  }
  return { E, a, b: fitted.line.slope, r2: coefficientOfDetermination(fitted.rss, y) };
}
