// Kaplan et al. 2020, "Scaling Laws for Neural Language Models" (arXiv 2001.08361).
// N is non-embedding parameters, D is tokens, C is compute in FLOPs at this API (the paper's
// compute constants are in PF-days and are converted here); loss is cross-entropy in nats per
// token on WebText2 with the 50257-token BPE vocabulary, so it is not on Chinchilla's scale.
import { PF_DAY_FLOPS } from './units';
import { isPositiveFinite, requirePositive, resultError } from './validate';

/** Constants of the single-variable laws, Eqs. 1.1–1.3 (Kaplan et al. 2020, Section 1.2; App. A Table 5). */
export interface KaplanSingleVariableConstants {
  /** α_N, exponent of L(N) (Eq. 1.1). */
  readonly alphaN: number;
  /** N_c in non-embedding parameters (Eq. 1.1). */
  readonly Nc: number;
  /** α_D, exponent of L(D) (Eq. 1.2). */
  readonly alphaD: number;
  /** D_c in tokens (Eq. 1.2). */
  readonly Dc: number;
  /** α_C^min, exponent of L(C_min) (Eq. 1.3). */
  readonly alphaCmin: number;
  /** C_c^min in PF-days, as printed (Eq. 1.3). */
  readonly CcMinPfDays: number;
  readonly source: string;
}

/** Constants of the combined law L(N, D), Eq. 1.5 = Eq. 4.1. */
export interface KaplanJointConstants {
  readonly alphaN: number;
  /** N_c in non-embedding parameters. */
  readonly Nc: number;
  readonly alphaD: number;
  /** D_c in tokens. */
  readonly Dc: number;
  readonly source: string;
}

/** Scale and exponent of the compute-efficient model size N_opt = N_e · (C_min / 1 PF-day)^p. */
export interface KaplanAllocationConstants {
  /** N_e in non-embedding parameters at C_min = 1 PF-day. */
  readonly Ne: number;
  /** p, the exponent of C_min. */
  readonly exponent: number;
  readonly source: string;
}

/** Section 1.2 constants: α_N 0.076, N_c 8.8e13; α_D 0.095, D_c 5.4e13; α_C^min 0.050, C_c^min 3.1e8 PF-days (Kaplan et al. 2020, Eqs. 1.1–1.3). */
export const KAPLAN_2020: KaplanSingleVariableConstants = Object.freeze({
  alphaN: 0.076,
  Nc: 8.8e13,
  alphaD: 0.095,
  Dc: 5.4e13,
  alphaCmin: 0.05,
  CcMinPfDays: 3.1e8,
  source: 'Kaplan et al. 2020, Section 1.2, Eqs. 1.1–1.3 (also App. A Table 5)',
});

/** Table 2 fit of L(N, D): α_N 0.076, α_D 0.103, N_c 6.4e13, D_c 1.8e13 — differs from Section 1.2 (Kaplan et al. 2020, Table 2). */
export const KAPLAN_2020_TABLE_2: KaplanJointConstants = Object.freeze({
  alphaN: 0.076,
  alphaD: 0.103,
  Nc: 6.4e13,
  Dc: 1.8e13,
  source: 'Kaplan et al. 2020, Table 2 (“Fits to L(N,D)”), used in Eq. 1.5 = Eq. 4.1',
});

/** Compute-efficient model size: N_e = 1.3e9 parameters, exponent 0.73 of C_min in PF-days (Kaplan et al. 2020, App. A Table 6; Eq. 6.1). */
export const KAPLAN_2020_TABLE_6: KaplanAllocationConstants = Object.freeze({
  Ne: 1.3e9,
  exponent: 0.73,
  source: 'Kaplan et al. 2020, App. A Table 6 (exponent also in Eq. 1.7 and Eq. 6.1)',
});

/** C_c^min converted to FLOPs: 3.1e8 PF-days × 8.64e19 ≈ 2.68e28 FLOPs (computed from Kaplan et al. 2020, Eq. 1.3). */
export const KAPLAN_CC_MIN_FLOPS = KAPLAN_2020.CcMinPfDays * PF_DAY_FLOPS;

// (scale / x)^exponent for positive finite inputs, as exp(exponent·ln(scale/x)) (several times faster than
// Math.pow in V8, same accuracy to ~1e-15); if the ratio over- or underflows, the logs are taken separately.
function ratioPower(scale: number, x: number, exponent: number): number {
  const ratio = scale / x;
  if (ratio < Infinity && ratio > 0) return Math.exp(exponent * Math.log(ratio));
  return Math.exp(exponent * (Math.log(scale) - Math.log(x)));
}

/** Loss in nats/token vs non-embedding parameters N, L(N) = (N_c/N)^α_N (Kaplan et al. 2020, Eq. 1.1). */
export function kaplanLossVsParams(N: number): number {
  requirePositive('kaplanLossVsParams', 'N', N, ' of non-embedding parameters');
  return ratioPower(KAPLAN_2020.Nc, N, KAPLAN_2020.alphaN);
}

/** Loss in nats/token vs dataset size D in tokens, L(D) = (D_c/D)^α_D (Kaplan et al. 2020, Eq. 1.2). */
export function kaplanLossVsData(D: number): number {
  requirePositive('kaplanLossVsData', 'D', D, ' of tokens');
  return ratioPower(KAPLAN_2020.Dc, D, KAPLAN_2020.alphaD);
}

/** Loss in nats/token vs compute-efficient budget C in FLOPs (converted to PF-days), L = (C_c^min/C_min)^α_C^min (Kaplan et al. 2020, Eq. 1.3). */
export function kaplanLossVsCompute(C: number): number {
  requirePositive('kaplanLossVsCompute', 'C', C, ' of FLOPs');
  return ratioPower(KAPLAN_CC_MIN_FLOPS, C, KAPLAN_2020.alphaCmin);
}

/** Loss in nats/token for N non-embedding parameters and D tokens, L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D; Table 2 constants by default (Kaplan et al. 2020, Eq. 1.5). */
export function kaplanLoss(N: number, D: number, constants: KaplanJointConstants = KAPLAN_2020_TABLE_2): number {
  requirePositive('kaplanLoss', 'N', N, ' of non-embedding parameters');
  requirePositive('kaplanLoss', 'D', D, ' of tokens');
  const { alphaN, alphaD, Nc, Dc } = constants;
  // The frozen Table 2 object is known to be valid; any other constants are checked.
  if (constants !== KAPLAN_2020_TABLE_2) {
    requirePositive('kaplanLoss', 'constants.alphaN', alphaN);
    requirePositive('kaplanLoss', 'constants.alphaD', alphaD);
    requirePositive('kaplanLoss', 'constants.Nc', Nc, ' of parameters');
    requirePositive('kaplanLoss', 'constants.Dc', Dc, ' of tokens');
  }
  const sum = ratioPower(Nc, N, alphaN / alphaD) + Dc / D;
  const loss = sum < Infinity ? Math.exp(alphaD * Math.log(sum)) : jointLossInLogSpace(N, D, constants);
  if (!isPositiveFinite(loss)) throw resultError('kaplanLoss', 'the loss', loss, `N ${N} and D ${D}`);
  return loss;
}

// Eq. 1.5 far outside the fitted range, where D_c/D overflows: add the two terms in log space.
function jointLossInLogSpace(N: number, D: number, { alphaN, alphaD, Nc, Dc }: KaplanJointConstants): number {
  const a = (alphaN / alphaD) * (Math.log(Nc) - Math.log(N));
  const b = Math.log(Dc) - Math.log(D);
  const hi = Math.max(a, b);
  return Math.exp(alphaD * (hi + Math.log1p(Math.exp(Math.min(a, b) - hi))));
}

/** Compute-efficient model size in non-embedding parameters for a budget C in FLOPs, N_opt = 1.3e9 · (C/1 PF-day)^0.73 (Kaplan et al. 2020, App. A Table 6). */
export function kaplanOptimalParams(C: number): number {
  requirePositive('kaplanOptimalParams', 'C', C, ' of FLOPs');
  const { Ne, exponent } = KAPLAN_2020_TABLE_6;
  // Split the power so that C / PF_DAY_FLOPS never underflows for tiny budgets.
  return Ne * Math.pow(C, exponent) * Math.pow(PF_DAY_FLOPS, -exponent);
}
