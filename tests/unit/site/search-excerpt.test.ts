import { describe, expect, it } from 'vitest';
import { chineseExcerpt } from '../../../src/scripts/reader/search';

describe('Chinese search excerpts', () => {
  it('turn the stop Pagefind adds after a heading into “。”, and drop it, and any space, after a full-width mark', () => {
    expect(chineseExcerpt('Chinchilla 的修正. 2022 年 3 月')).toBe('Chinchilla 的修正。2022 年 3 月');
    expect(chineseExcerpt('<mark>涌现</mark>还是幻象？. 大模型')).toBe('<mark>涌现</mark>还是幻象？大模型');
    expect(chineseExcerpt('一个带地板的<mark>损失曲面.</mark> Chinchilla')).toBe('一个带地板的<mark>损失曲面。</mark>Chinchilla');
    expect(chineseExcerpt('比的是参数量。 Chinchilla（Brown 等 2020，表 2.1） 2；')).toBe('比的是参数量。Chinchilla（Brown 等 2020，表 2.1）2；');
  });

  it('leave decimals, Latin sentences and abbreviations alone', () => {
    for (const text of ['损失 0.693 纳特', 'Kaplan et al. 2020', 'see Fig. 4 caption. Then', '约 1.7 nats. 然后']) {
      expect(chineseExcerpt(text)).toBe(text);
    }
  });
});
