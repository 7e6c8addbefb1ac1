// Units used across the scaling module: compute in FLOPs, converted to PF-days where a paper uses them.
import { isPositiveFinite, requirePositive, resultError } from './validate';

/** FLOPs in one petaflop/s-day: 10^15 × 24 × 3600 = 8.64e19 (Kaplan et al. 2020, Section 1.3). */
export const PF_DAY_FLOPS = 8.64e19;

/** FLOPs spent per parameter per training token in the C ≈ 6·N·D approximation (Kaplan et al. 2020, Section 2.1). */
export const FLOPS_PER_PARAM_PER_TOKEN = 6;

/** Training compute in FLOPs, C ≈ 6·N·D for N parameters and D training tokens (Kaplan et al. 2020, Section 2.1). */
export function trainingFlops(params: number, tokens: number): number {
  requirePositive('trainingFlops', 'params', params, ' of parameters');
  requirePositive('trainingFlops', 'tokens', tokens, ' of training tokens');
  const flops = FLOPS_PER_PARAM_PER_TOKEN * params * tokens;
  if (!isPositiveFinite(flops)) throw resultError('trainingFlops', '6·params·tokens', flops, `params ${params} and tokens ${tokens}`);
  return flops;
}

/** Converts FLOPs to PF-days (divides by PF_DAY_FLOPS = 8.64e19; Kaplan et al. 2020, Section 1.3). */
export function flopsToPfDays(flops: number): number {
  requirePositive('flopsToPfDays', 'flops', flops, ' of FLOPs');
  return flops / PF_DAY_FLOPS;
}

/** Converts PF-days to FLOPs (multiplies by PF_DAY_FLOPS = 8.64e19; Kaplan et al. 2020, Section 1.3). */
export function pfDaysToFlops(pfDays: number): number {
  requirePositive('pfDaysToFlops', 'pfDays', pfDays, ' of PF-days');
  const flops = pfDays * PF_DAY_FLOPS;
  if (!isPositiveFinite(flops)) throw resultError('pfDaysToFlops', 'pfDays·8.64e19', flops, `pfDays ${pfDays}`);
  return flops;
}
