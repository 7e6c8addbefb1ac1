// Memory of the key/value cache of a decoder-only transformer during generation:
// bytes per token = 2 (K and V) × layers × KV heads × head dimension × bytes per value.
import { describeValue, isPositiveFinite, rangeError, requireInteger, requirePositive, resultError } from './validate';

/** The shape that sets the KV-cache size: layers, key/value heads, head dimension and bytes per stored value. */
export interface KvCacheShape {
  readonly layers: number;
  /** Key/value heads: equal to the attention heads for multi-head attention, fewer for grouped-query attention. */
  readonly kvHeads: number;
  /** Dimension of one head (d_head). */
  readonly headDim: number;
  /** Bytes per stored value: 2 for fp16/bf16, 1 for 8-bit, 0.5 for 4-bit. */
  readonly bytesPerValue: number;
}

/** A named model configuration for KV-cache figures. */
export interface KvCacheModel extends KvCacheShape {
  readonly name: string;
  /** Query heads (n_heads). */
  readonly heads: number;
  /** Maximum context length in tokens. */
  readonly contextLength: number;
  readonly source: string;
}

/** GPT-3 175B: 96 layers, 96 heads (multi-head attention, so 96 KV heads), d_head 128, n_ctx 2048, fp16 (Brown et al. 2020, Table 2.1). */
export const GPT3_175B: KvCacheModel = Object.freeze({
  name: 'GPT-3 175B',
  layers: 96,
  heads: 96,
  kvHeads: 96,
  headDim: 128,
  bytesPerValue: 2,
  contextLength: 2048,
  source: 'Brown et al. 2020, “Language Models are Few-Shot Learners”, Table 2.1 (2 bytes per value assumes fp16)',
});

/**
 * A modern grouped-query-attention configuration, Llama 2 70B: 80 layers, 64 query heads sharing
 * 8 KV heads, d_head 128, 4k context, fp16. Touvron et al. 2023, "Llama 2" (arXiv 2307.09288), states that
 * the 34B and 70B models use GQA (Section 2.2, Table 1; ablation in App. A.2.1, Table 18) and the 4k context
 * (Table 1); the layer and head counts are those of the released 70B model configuration.
 */
export const LLAMA2_70B: KvCacheModel = Object.freeze({
  name: 'Llama 2 70B (grouped-query attention)',
  layers: 80,
  heads: 64,
  kvHeads: 8,
  headDim: 128,
  bytesPerValue: 2,
  contextLength: 4096,
  source:
    'Touvron et al. 2023, “Llama 2: Open Foundation and Fine-Tuned Chat Models”, Section 2.2, Table 1 and App. A.2.1 (GQA, 4k context); layer/head counts from the released 70B configuration',
});

// Validates the shape on behalf of `fn` and returns 2 × layers × kvHeads × headDim × bytesPerValue.
function bytesPerToken(fn: string, shape: KvCacheShape): number {
  if (typeof shape !== 'object' || shape === null) {
    throw rangeError(fn, 'config', 'an object { layers, kvHeads, headDim, bytesPerValue }', describeValue(shape));
  }
  requireInteger(fn, 'config.layers', shape.layers, 1);
  requireInteger(fn, 'config.kvHeads', shape.kvHeads, 1);
  requireInteger(fn, 'config.headDim', shape.headDim, 1);
  requirePositive(fn, 'config.bytesPerValue', shape.bytesPerValue, ' of bytes');
  return 2 * shape.layers * shape.kvHeads * shape.headDim * shape.bytesPerValue;
}

function checkedBytes(fn: string, bytes: number, inputs: string): number {
  if (!isPositiveFinite(bytes)) throw resultError(fn, 'the byte count', bytes, inputs);
  return bytes;
}

/** KV-cache bytes per token: 2 × layers × kvHeads × headDim × bytesPerValue (GPT-3 175B in fp16: 4,718,592 bytes). */
export function kvCacheBytesPerToken(config: KvCacheShape): number {
  return checkedBytes('kvCacheBytesPerToken', bytesPerToken('kvCacheBytesPerToken', config), 'this configuration');
}

/** KV-cache bytes for one sequence of `tokens` tokens: bytes per token × tokens (GPT-3 175B at 2048 tokens: 9,663,676,416 bytes). */
export function kvCacheBytes(config: KvCacheShape, tokens: number): number {
  const perToken = bytesPerToken('kvCacheBytes', config);
  requireInteger('kvCacheBytes', 'tokens', tokens, 1, Number.MAX_SAFE_INTEGER, ' (sequence length in tokens)');
  return checkedBytes('kvCacheBytes', perToken * tokens, `${tokens} tokens`);
}
