// Figure: Kaplan's joint law L(N, D) (Table 2 constants) as a family of curves, one per dataset size D,
// showing where more parameters stop helping (Kaplan et al. 2020, Eq. 1.5, Table 2).
import { KAPLAN_2020_TABLE_2, kaplanLoss } from '../scaling/kaplan';
import { logspace } from '../scaling/sample';
import type { FigureCredits, FigureModel, FigureState, Lang, Series } from './types';
import { decades, memo, stringValue } from './controls';
import { formatCount, formatLoss, formatParams, formatPlain, formatTokens, zhGap } from './format';
import { bi, cell } from './sources';

const DATA_SIZES = ['1e8', '1e9', '1e10', '1e11', '1e12'];
const N_MIN = 1e6;
const N_MAX = 1e13;
/** The "no data limit" curve: D so large that D_c/D vanishes next to the parameter term. */
const UNLIMITED = Number.MAX_VALUE;

const chosen = (state: FigureState) => Number(stringValue(dataLimitedLoss, state, 'd'));
const floor = (D: number) => kaplanLoss(Number.MAX_VALUE, D);

/** The model size beyond which 10× more parameters lowers L(N, D) by less than 1% (bisection on log N). */
export function diminishingReturnsParams(D: number): number {
  let lo = Math.log(1e3);
  let hi = Math.log(1e18);
  for (let i = 0; i < 80; i += 1) {
    const mid = (lo + hi) / 2;
    const N = Math.exp(mid);
    if (kaplanLoss(N, D) / kaplanLoss(10 * N, D) > 1.01) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

const curve = memo((D: number) => logspace(N_MIN, N_MAX, 121).map((N) => ({ x: N, y: kaplanLoss(N, D) })));
const stopLabel = (lang: Lang) => (lang === 'zh' ? '收益递减' : 'diminishing returns');

/** The definition of the data-limited-loss figure. */
export const dataLimitedLoss: FigureModel = {
  id: 'data-limited-loss',
  controls: [
    { kind: 'radio', name: 'd', label: bi('Highlight dataset size', '突出显示的数据量'), default: '1e10',
      options: DATA_SIZES.map((d) => ({ value: d, label: bi(formatTokens(Number(d), 'en'), formatTokens(Number(d), 'zh')) })) },
  ],
  axes: () => ({
    x: { type: 'log', title: bi('Non-embedding parameters N', '非嵌入参数量 N'), min: N_MIN, max: N_MAX },
    y: { type: 'log', title: bi('Loss (nats per token)', '损失（纳特/token）'), min: 1, max: 5 },
  }),
  series(state, lang) {
    const D = chosen(state);
    const series: Series[] = DATA_SIZES.map(Number).map((d) => ({
      key: `d-${d}`, role: d === D ? 'kaplan' : 'context', muted: d !== D, kind: 'line', directLabel: true,
      label: formatTokens(d, lang), points: curve(d),
    }));
    series.push({ key: 'unlimited', role: 'limit', kind: 'line', directLabel: true,
      label: lang === 'zh' ? '数据无限' : 'unlimited data', points: curve(UNLIMITED) });
    const knee = diminishingReturnsParams(D);
    series.push({ key: 'knee', role: 'highlight', kind: 'marker', label: stopLabel(lang), labelPoints: true,
      points: [{ x: knee, y: kaplanLoss(knee, D), label: stopLabel(lang), tooltip: [formatParams(knee, lang)] }] });
    return series;
  },
  describe(state, lang) {
    const D = chosen(state);
    const knee = diminishingReturnsParams(D);
    const start = formatPlain(kaplanLoss(N_MIN, D), 2);
    const bottom = formatPlain(floor(D), 2);
    return lang === 'zh'
      ? `数据固定为 ${zhGap(formatTokens(D, lang))}时，损失从 ${start} 纳特开始下降，逐渐趴平在 ${bottom} 纳特的地板上；超过约 ${formatParams(knee, lang)}后，参数再增 10 倍，损失降不到 1%。`
      : `With the data fixed at ${formatTokens(D, lang)}, loss falls from ${start} nats and flattens towards a floor of ${bottom} nats; beyond about ${formatParams(knee, lang)}, ten times more parameters lowers it by less than 1%.`;
  },
  readout(state, lang) {
    const D = chosen(state);
    const knee = diminishingReturnsParams(D);
    return {
      lines: lang === 'zh'
        ? [`${zhGap(formatTokens(D, lang))}的地板：${formatLoss(floor(D), lang)}`, `超过约 ${formatParams(knee, lang)}，参数增 10 倍只降不到 1%`]
        : [`Floor set by ${formatTokens(D, lang)}: ${formatLoss(floor(D), lang)}`, `Beyond about ${formatParams(knee, lang)}, 10× the parameters gains < 1%`],
    };
  },
  table(_state, lang) {
    const sizes = DATA_SIZES.map(Number);
    return {
      columns: [lang === 'zh' ? '参数量 N' : 'Parameters N', ...sizes.map((d) => `D = ${formatCount(d, lang)}`), lang === 'zh' ? '数据无限' : 'Unlimited'],
      rows: decades(N_MIN, N_MAX).map((N) => [
        cell(N, formatCount(N, lang)),
        ...[...sizes, UNLIMITED].map((d) => cell(kaplanLoss(N, d), formatPlain(kaplanLoss(N, d), 4))),
      ]),
    };
  },
};

/** What the frame prints around the data-limited-loss chart: its name, sources and notes (server-side only). */
export const dataLimitedLossCredits: FigureCredits = {
  title: bi('Loss against model size for fixed amounts of data (Kaplan L(N, D))', '数据量固定时损失随模型规模的变化（Kaplan L(N, D)）'),
  sources: (lang) => [lang === 'zh'
    ? { what: 'L(N, D)，表 2 常数', source: 'Kaplan 等 2020，表 2（“Fits to L(N,D)”），即式 1.5 与式 4.1 所用的常数' }
    : { what: 'L(N, D) with Table 2 constants', source: KAPLAN_2020_TABLE_2.source }],
};
