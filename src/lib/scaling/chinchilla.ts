// Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models" (Chinchilla, arXiv 2203.15556),
// parametric loss L(N, D) = E + A/N^α + B/D^β (Eq. 2) and its compute-optimal frontier (Eq. 4).
// N is total parameters (embeddings included, App. F), D is training tokens, C is FLOPs, and the
// loss is in nats per token on MassiveText (~32k SentencePiece vocabulary): not Kaplan's scale.
import { FLOPS_PER_PARAM_PER_TOKEN } from './units';
import { describeValue, isPositiveFinite, rangeError, requireNonNegative, requirePositive, resultError } from './validate';

/** A fitted loss surface L(N, D) = E + A/N^alpha + B/D^beta; E in nats/token, N in parameters, D in tokens. */
export interface LossFit {
  readonly name: string;
  /** Irreducible loss in nats per token. */
  readonly E: number;
  readonly A: number;
  readonly B: number;
  /** Exponent of N. */
  readonly alpha: number;
  /** Exponent of D. */
  readonly beta: number;
  /** Where the numbers come from (paper, equation or table). */
  readonly source: string;
}

/** Approach 3 fit as printed: E 1.69, A 406.4, B 410.7, α 0.34, β 0.28 (Hoffmann et al. 2022, App. D.2, Eq. 10). */
export const HOFFMANN_2022: LossFit = Object.freeze({
  name: 'Hoffmann et al. 2022 (as printed)',
  E: 1.69,
  A: 406.4,
  B: 410.7,
  alpha: 0.34,
  beta: 0.28,
  source: 'Hoffmann et al. 2022, App. D.2, Eq. 10',
});

/** Approach 3 fit with the unrounded E 1.6934, α 0.3392, β 0.2849 of the paper's TeX source (A, B as printed), as quoted by Besiroglu et al. 2024. */
export const HOFFMANN_2022_UNROUNDED: LossFit = Object.freeze({
  name: 'Hoffmann et al. 2022 (unrounded)',
  E: 1.6934,
  A: 406.4,
  B: 410.7,
  alpha: 0.3392,
  beta: 0.2849,
  source: 'Hoffmann et al. 2022 TeX source values, as quoted by Besiroglu et al. 2024 (arXiv 2404.10102)',
});

/** Epoch AI refit of Approach 3: E 1.8172, A 482.01, B 2085.43, α 0.3478, β 0.3658 (Besiroglu et al. 2024, arXiv 2404.10102). */
export const BESIROGLU_2024: LossFit = Object.freeze({
  name: 'Besiroglu et al. 2024 (Epoch AI refit)',
  E: 1.8172,
  A: 482.01,
  B: 2085.43,
  alpha: 0.3478,
  beta: 0.3658,
  source: 'Besiroglu et al. 2024, “Chinchilla Scaling: A replication attempt” (arXiv 2404.10102)',
});

/** The three named fits, in the order printed → unrounded → refit, for pickers and legends. */
export const LOSS_FITS: readonly LossFit[] = Object.freeze([HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024]);

/** A compute-optimal allocation: parameters, training tokens, the fit's loss there (nats/token) and D/N. */
export interface ComputeOptimum {
  readonly params: number;
  readonly tokens: number;
  readonly loss: number;
  readonly tokensPerParam: number;
}

/** Exponents of N_opt ∝ C^a and D_opt ∝ C^b implied by a fit. */
export interface AllocationExponents {
  readonly a: number;
  readonly b: number;
}

/** One row of Table 3: a model size, its estimated compute-optimal FLOPs and tokens (Approach 1 projections). */
export interface ChinchillaTable3Row {
  readonly params: number;
  readonly flops: number;
  /** FLOPs as a fraction or multiple of Gopher's 5.76e23, as printed. */
  readonly flopsInGopherUnits: number;
  readonly tokens: number;
}

/** Hoffmann et al. 2022, Table 3: estimated optimal training FLOPs and tokens per model size, all 9 rows (Approach 1). */
export const CHINCHILLA_TABLE_3: readonly ChinchillaTable3Row[] = Object.freeze(
  (
    [
      [400e6, 1.92e19, 1 / 29968, 8.0e9],
      [1e9, 1.21e20, 1 / 4761, 20.2e9],
      [10e9, 1.23e22, 1 / 46, 205.1e9],
      [67e9, 5.76e23, 1, 1.5e12],
      [175e9, 3.85e24, 6.7, 3.7e12],
      [280e9, 9.9e24, 17.2, 5.9e12],
      [520e9, 3.43e25, 59.5, 11.0e12],
      [1e12, 1.27e26, 221.3, 21.2e12],
      [10e12, 1.3e28, 22515.9, 216.2e12],
    ] as const
  ).map(([params, flops, flopsInGopherUnits, tokens]) => Object.freeze({ params, flops, flopsInGopherUnits, tokens })),
);

function requireFit(fn: string, fit: LossFit): void {
  // The three frozen published fits are known to be valid; any other fit is checked.
  if (fit === HOFFMANN_2022 || fit === BESIROGLU_2024 || fit === HOFFMANN_2022_UNROUNDED) return;
  if (typeof fit !== 'object' || fit === null) {
    throw rangeError(fn, 'fit', 'a LossFit object { name, E, A, B, alpha, beta, source }', describeValue(fit));
  }
  requireNonNegative(fn, 'fit.E', fit.E, ' (irreducible loss in nats)');
  requirePositive(fn, 'fit.A', fit.A);
  requirePositive(fn, 'fit.B', fit.B);
  requirePositive(fn, 'fit.alpha', fit.alpha);
  requirePositive(fn, 'fit.beta', fit.beta);
}

// E + A·N^−α + B·D^−β for already validated arguments. x^−k is written exp(−k·ln x): for x > 0 it is
// the same function, accurate to ~1e-15 relative here, and several times faster than Math.pow in V8.
function evaluate(fn: string, fit: LossFit, N: number, D: number): number {
  const loss = fit.E + fit.A * Math.exp(-fit.alpha * Math.log(N)) + fit.B * Math.exp(-fit.beta * Math.log(D));
  if (!isPositiveFinite(loss)) throw resultError(fn, 'the loss', loss, `N ${N} and D ${D} under ${fit.name}`);
  return loss;
}

/** Loss in nats/token for N total parameters and D tokens, L = E + A/N^α + B/D^β; default fit HOFFMANN_2022 (Hoffmann et al. 2022, Eq. 2). */
export function chinchillaLoss(N: number, D: number, fit: LossFit = HOFFMANN_2022): number {
  requirePositive('chinchillaLoss', 'N', N, ' of parameters');
  requirePositive('chinchillaLoss', 'D', D, ' of tokens');
  requireFit('chinchillaLoss', fit);
  return evaluate('chinchillaLoss', fit, N, D);
}

/**
 * Loss in nats/token along a curve of parameter counts at a fixed D tokens (Hoffmann et al. 2022, Eq. 2):
 * the data term is computed once, so a curve costs one log and one exp per point. Returns a Float64Array.
 */
export function chinchillaLossCurve(Ns: ArrayLike<number>, D: number, fit: LossFit = HOFFMANN_2022): Float64Array {
  requirePositive('chinchillaLossCurve', 'D', D, ' of tokens');
  requireFit('chinchillaLossCurve', fit);
  const floor = fit.E + fit.B * Math.exp(-fit.beta * Math.log(D));
  const out = new Float64Array(Ns.length);
  for (let i = 0; i < Ns.length; i += 1) {
    const N = Ns[i]!;
    if (!isPositiveFinite(N)) requirePositive('chinchillaLossCurve', `Ns[${i}]`, N, ' of parameters');
    out[i] = floor + fit.A * Math.exp(-fit.alpha * Math.log(N));
  }
  return out;
}

/** Exponents a = β/(α+β) and b = α/(α+β) of N_opt ∝ C^a, D_opt ∝ C^b (Hoffmann et al. 2022, Eq. 4). */
export function allocationExponents(fit: LossFit = HOFFMANN_2022): AllocationExponents {
  requireFit('allocationExponents', fit);
  const sum = fit.alpha + fit.beta;
  return { a: fit.beta / sum, b: fit.alpha / sum };
}

/** Compute-optimal N and D for a budget C in FLOPs under C = 6ND: N = G(C/6)^a, D = G^−1(C/6)^b, G = (αA/(βB))^(1/(α+β)) (Hoffmann et al. 2022, Eq. 4). */
export function computeOptimal(C: number, fit: LossFit = HOFFMANN_2022): ComputeOptimum {
  const fn = 'computeOptimal';
  requirePositive(fn, 'C', C, ' of FLOPs');
  requireFit(fn, fit);
  const { A, B, alpha, beta } = fit;
  const sum = alpha + beta;
  const a = beta / sum;
  const b = alpha / sum;
  // Work in logarithms (log N·D = log C/6) so that neither G nor (C/6)^a overflows for extreme budgets.
  const logG = (Math.log(alpha) + Math.log(A) - Math.log(beta) - Math.log(B)) / sum;
  const logNd = Math.log(C) - Math.log(FLOPS_PER_PARAM_PER_TOKEN);
  const params = Math.exp(logG + a * logNd);
  const tokens = Math.exp(b * logNd - logG);
  const tokensPerParam = tokens / params;
  for (const [what, value] of [['params', params], ['tokens', tokens], ['tokensPerParam', tokensPerParam]] as const) {
    if (!isPositiveFinite(value)) throw resultError(fn, `the optimal ${what}`, value, `C ${C} under ${fit.name}`);
  }
  return { params, tokens, loss: evaluate(fn, fit, params, tokens), tokensPerParam };
}
