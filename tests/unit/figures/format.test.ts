import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MISSING, decimalYear, formatBytes, formatCount, formatFlops, formatLoss, formatNumber, formatParams, formatPercent, formatPlain,
  formatSci, formatTokens, formatYearMonth, superscript, zhGap,
} from '../../../src/lib/figures/format';

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-320, 999.96e6, 9999.6e12),
  fc.integer(),
);
const formatters: Array<[string, (x: number) => string]> = [
  ['formatPlain', (x) => formatPlain(x)],
  ['formatSci', (x) => formatSci(x)],
  ['formatNumber', (x) => formatNumber(x)],
  ['formatCount en', (x) => formatCount(x, 'en')],
  ['formatCount zh', (x) => formatCount(x, 'zh')],
  ['formatParams en', (x) => formatParams(x, 'en')],
  ['formatParams zh', (x) => formatParams(x, 'zh')],
  ['formatTokens', (x) => formatTokens(x, 'en')],
  ['formatFlops', (x) => formatFlops(x, 'zh')],
  ['formatLoss', (x) => formatLoss(x, 'en')],
  ['formatBytes', (x) => formatBytes(x)],
  ['formatPercent', (x) => formatPercent(x)],
  ['formatYearMonth', (x) => formatYearMonth(x, 'en')],
  ['superscript', (x) => superscript(x)],
];

describe('readable numbers', () => {
  it('reads sizes the way the essay writes them', () => {
    expect(formatParams(1.5e9, 'en')).toBe('1.5B parameters');
    expect(formatParams(1.5e9, 'zh')).toBe('15 亿参数');
    expect(formatCount(175e9, 'zh')).toBe('1750 亿');
    expect(formatCount(1.4e12, 'zh')).toBe('1.4 万亿');
    expect(formatCount(117e6, 'en')).toBe('117M');
    expect(formatCount(999.96e6, 'en')).toBe('1B');
    expect(formatFlops(3e23, 'en')).toBe('3×10²³ FLOPs');
    expect(formatFlops(5.76e23, 'zh')).toBe('5.76×10²³ 次浮点运算');
    expect(formatSci(1e9)).toBe('10⁹');
    expect(formatSci(2.5e-3)).toBe('2.5×10⁻³');
    expect(formatBytes(4718592)).toBe('4.5 MiB');
    expect(formatBytes(9663676416)).toBe('9 GiB');
    expect(formatBytes(327680)).toBe('320 KiB');
    expect(formatPercent(0.12)).toBe('12%');
    expect(formatPercent(0.0008)).toBe('0.08%');
    expect(formatLoss(2.3046, 'en')).toBe('2.30 nats');
    expect(formatPlain(12288, 6)).toBe('12,288');
    expect(formatYearMonth(decimalYear('2020-05-28'), 'en')).toBe('May 2020');
    expect(formatYearMonth(decimalYear('2020-05-28'), 'zh')).toBe('2020 年 5 月');
    expect(zhGap('100 亿 token')).toBe('100 亿 token ');
    expect(zhGap('15 亿参数')).toBe('15 亿参数');
  });

  for (const [name, format] of formatters) {
    it(`${name} never prints NaN, Infinity or undefined, whatever it is given`, () => {
      fc.assert(
        fc.property(anyNumber, (x) => {
          const text = format(x);
          expect(typeof text).toBe('string');
          expect(text).not.toMatch(/NaN|Infinity|undefined|null|e\+/);
          expect(text.length).toBeLessThan(48);
          if (!Number.isFinite(x) && name !== 'superscript') expect(text).toBe(MISSING);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('decimalYear rejects malformed dates with NaN, which formatters then show as —', () => {
    expect(decimalYear('2020-5-1')).toBeNaN();
    expect(formatYearMonth(decimalYear('nope'), 'en')).toBe(MISSING);
  });
});
