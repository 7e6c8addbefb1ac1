// Schaeffer, Miranda & Koyejo 2023, "Are Emergent Abilities of Large Language Models a Mirage?"
// (arXiv 2304.15004), Section 2: if per-token loss falls smoothly, a metric that needs every one of
// L target tokens right (p^L) looks sudden, while a per-token metric (L·(1 − p)) stays smooth.
// Both assume tokens are independent, which the paper notes is not true but qualitatively fine.
import { requireInteger, requireNonNegative, requireProbability } from './validate';

/** Probability of the correct token from per-token cross-entropy in nats, p = e^(−loss) (Schaeffer et al. 2023, Section 2). */
export function tokenProbability(loss: number): number {
  requireNonNegative('tokenProbability', 'loss', loss, ' of nats per token');
  return Math.exp(-loss);
}

/** Exact-match accuracy on a target of `length` tokens, p^L, for per-token probability p (Schaeffer et al. 2023, Section 2). */
export function exactMatch(p: number, length: number): number {
  requireProbability('exactMatch', 'p', p);
  requireInteger('exactMatch', 'length', length, 1, Number.MAX_SAFE_INTEGER, ' (target length in tokens)');
  return Math.pow(p, length);
}

/** Expected token edit distance on a target of `length` tokens, L·(1 − p), in tokens (Schaeffer et al. 2023, Section 2). */
export function tokenEditDistance(p: number, length: number): number {
  requireProbability('tokenEditDistance', 'p', p);
  requireInteger('tokenEditDistance', 'length', length, 1, Number.MAX_SAFE_INTEGER, ' (target length in tokens)');
  return length * (1 - p);
}
