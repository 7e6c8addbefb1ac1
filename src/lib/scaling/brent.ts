// Brent's method for minimising a function of one variable on an interval without derivatives
// (R. P. Brent, "Algorithms for Minimization without Derivatives", 1973, ch. 5): golden-section
// steps, replaced by parabolic interpolation through the three best points when that is safe.
// Internal to the scaling module (used by fitSaturatingPowerLaw); not re-exported.

/** Where a one-dimensional minimisation ended: the abscissa, the function value and the evaluations used. */
export interface Minimum {
  readonly x: number;
  readonly fx: number;
  readonly evaluations: number;
}

const GOLDEN_SECTION = (3 - Math.sqrt(5)) / 2;

/**
 * Minimises f on [lo, hi]; stops when the bracket around the best point is within
 * 2·(relTol·|x| + absTol), or after maxEvaluations. f may return Infinity (or NaN) for
 * infeasible points: every comparison with such a value is false, so the method falls back to
 * golden-section steps away from them. The end points themselves are never evaluated.
 */
export function brentMinimize(
  f: (x: number) => number,
  lo: number,
  hi: number,
  relTol: number,
  absTol: number,
  maxEvaluations = 200,
): Minimum {
  let a = lo;
  let b = hi;
  let x = a + GOLDEN_SECTION * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  let evaluations = 1;
  while (evaluations < maxEvaluations) {
    const middle = 0.5 * (a + b);
    const tol = relTol * Math.abs(x) + absTol;
    const tol2 = 2 * tol;
    if (Math.abs(x - middle) <= tol2 - 0.5 * (b - a)) break;
    let parabolic = false;
    if (Math.abs(e) > tol) {
      // Fit a parabola through (v, fv), (w, fw), (x, fx); step to its vertex if it stays inside.
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      const previousStep = e;
      if (Math.abs(p) < Math.abs(0.5 * q * previousStep) && p > q * (a - x) && p < q * (b - x)) {
        e = d;
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < middle ? tol : -tol;
        parabolic = true;
      }
    }
    if (!parabolic) {
      e = x < middle ? b - x : a - x;
      d = GOLDEN_SECTION * e;
    }
    const u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
    const fu = f(u);
    evaluations += 1;
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx, evaluations };
}
