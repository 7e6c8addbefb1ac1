import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GPT3_175B, LLAMA2_70B, kvCacheBytes, kvCacheBytesPerToken } from '../../../src/lib/scaling';

describe('KV-cache memory', () => {
  it('GPT-3 175B configuration matches Table 2.1: 96 layers, 96 heads, d_head 128 (d_model 12288), n_ctx 2048', () => {
    expect(GPT3_175B).toMatchObject({ layers: 96, heads: 96, kvHeads: 96, headDim: 128, bytesPerValue: 2, contextLength: 2048 });
    expect(GPT3_175B.kvHeads * GPT3_175B.headDim).toBe(12288);
  });

  it('GPT-3 175B in fp16 needs exactly 4,718,592 bytes (4.5 MiB) per token', () => {
    expect(kvCacheBytesPerToken(GPT3_175B)).toBe(4_718_592);
    expect(kvCacheBytes(GPT3_175B, 1)).toBe(4_718_592);
    expect(kvCacheBytesPerToken(GPT3_175B) / 2 ** 20).toBe(4.5);
  });

  it('GPT-3 175B at its full 2048-token context needs exactly 9,663,676,416 bytes (9 GiB) per sequence', () => {
    expect(kvCacheBytes(GPT3_175B, GPT3_175B.contextLength)).toBe(9_663_676_416);
    expect(kvCacheBytes(GPT3_175B, 2048) / 2 ** 30).toBe(9);
  });

  it('Llama 2 70B with grouped-query attention (8 KV heads for 64 query heads) stores 327,680 bytes per token, 8× less than with full multi-head attention', () => {
    expect(kvCacheBytesPerToken(LLAMA2_70B)).toBe(327_680);
    const multiHead = { ...LLAMA2_70B, kvHeads: LLAMA2_70B.heads };
    expect(kvCacheBytesPerToken(multiHead) / kvCacheBytesPerToken(LLAMA2_70B)).toBe(8);
  });

  it('scales linearly with tokens and accepts fractional bytes per value (4-bit = 0.5)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (tokens) => {
        expect(kvCacheBytes(GPT3_175B, tokens)).toBe(tokens * 4_718_592);
      }),
    );
    expect(kvCacheBytesPerToken({ ...GPT3_175B, bytesPerValue: 0.5 })).toBe(4_718_592 / 4);
  });
});
