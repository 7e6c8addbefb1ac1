// Figure: compute-optimal allocation for a FLOP budget under Kaplan (App. A Table 6) and three fits of
// Hoffmann's L(N, D) (printed, unrounded, Epoch's refit), with Table 3 and GPT-3/Gopher/Chinchilla marked.
import { BESIROGLU_2024, CHINCHILLA_TABLE_3, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, chinchillaLoss, computeOptimal, type LossFit } from '../scaling/chinchilla';
import { KAPLAN_2020_TABLE_6, kaplanOptimalParams } from '../scaling/kaplan';
import { GOPHER_FLOPS, GPT3_TRAINING_FLOPS, MODEL_CHINCHILLA, MODEL_GOPHER, MODEL_GPT_3 } from '../scaling/models';
import { logspace } from '../scaling/sample';
import { FLOPS_PER_PARAM_PER_TOKEN } from '../scaling/units';
import type { FigureCredits, FigureModel, FigureState, Lang, Series, SeriesRole, TableCell } from './types';
import { decades, logBounds, memo, niceLogSteps, numberValue, stringValue } from './controls';
import { formatCount, formatFlops, formatPlain, formatSci } from './format';
import { bi, cell, colonIn, shortCitation, textCell, tooltipSource } from './sources';

const C_MIN = 1e18;
const C_MAX = 1e27;
const FITS: ReadonlyArray<{ key: 'hoffmann' | 'unrounded' | 'epoch'; role: SeriesRole; fit: LossFit; label: { en: string; zh: string } }> = [
  { key: 'hoffmann', role: 'hoffmann', fit: HOFFMANN_2022, label: bi('Hoffmann, printed', 'Hoffmann 印刷值') },
  { key: 'unrounded', role: 'hoffmann-unrounded', fit: HOFFMANN_2022_UNROUNDED, label: bi('Hoffmann, unrounded', 'Hoffmann 未舍入') },
  { key: 'epoch', role: 'epoch', fit: BESIROGLU_2024, label: bi('Epoch refit', 'Epoch 重拟合') },
];
/** Each fit's source line (scaling/chinchilla.ts) in Chinese, for the credits only (so the browser's code has none). */
const FIT_SOURCES_ZH: Readonly<Record<(typeof FITS)[number]['key'], string>> = {
  hoffmann: 'Hoffmann 等 2022，附录 D.2，式 10',
  unrounded: 'Hoffmann 等 2022 TeX 源文件中的数值，转引自 Besiroglu 等 2024（arXiv 2404.10102）',
  epoch: 'Besiroglu 等 2024，“Chinchilla Scaling: A replication attempt”（arXiv 2404.10102）',
};
/** KAPLAN_2020_TABLE_6.source (scaling/kaplan.ts) in Chinese. */
const KAPLAN_SOURCE_ZH = 'Kaplan 等 2020，附录 A 表 6（指数亦见式 1.7 与式 6.1）';
const MARKED = [
  { m: MODEL_GPT_3, flops: GPT3_TRAINING_FLOPS },
  { m: MODEL_GOPHER, flops: GOPHER_FLOPS },
  { m: MODEL_CHINCHILLA, flops: GOPHER_FLOPS },
];
type Mode = 'params' | 'ratio' | 'isoflop';
interface Allocation { key: string; role: SeriesRole; label: string; params: number; tokens: number; ratio: number; loss: number }

/** Kaplan's and the three fits' compute-optimal N, D, D/N and loss for a budget C; Kaplan's loss uses Hoffmann's printed fit. */
export function allocations(C: number, lang: Lang): Allocation[] {
  const kN = kaplanOptimalParams(C);
  const kD = C / (FLOPS_PER_PARAM_PER_TOKEN * kN);
  const kaplan = { key: 'kaplan', role: 'kaplan' as const, label: 'Kaplan', params: kN, tokens: kD, ratio: kD / kN, loss: chinchillaLoss(kN, kD, HOFFMANN_2022) };
  return [kaplan, ...FITS.map(({ key, role, fit, label }) => {
    const o = computeOptimal(C, fit);
    return { key, role, label: label[lang], params: o.params, tokens: o.tokens, ratio: o.tokensPerParam, loss: o.loss };
  })];
}
const budget = (state: FigureState) => numberValue(computeFrontier, state, 'c');
const modeOf = (state: FigureState) => stringValue(computeFrontier, state, 'mode') as Mode;
// The iso-FLOP plot's N range: 20× either side of the four optima, widened to whole decades, so that neighbouring
// budgets share an axis (the chart then only redraws its data instead of rebuilding its axes on every move).
const isoRange = (C: number) => {
  const ns = allocations(C, 'en').map((a) => a.params);
  return { min: 10 ** Math.floor(Math.log10(Math.min(...ns) / 20)), max: 10 ** Math.ceil(Math.log10(Math.max(...ns) * 20)) };
};
const isoLoss = (N: number, C: number, fit: LossFit) => chinchillaLoss(N, C / (FLOPS_PER_PARAM_PER_TOKEN * N), fit);
const yOf = (mode: Mode, a: { params: number; ratio: number }) => (mode === 'ratio' ? a.ratio : a.params);

const seriesCache = new Map<string, Series[]>();

/**
 * The i-th allocation's line (Kaplan, then the three fits) across budgets: N_opt or D/N against C; built once per mode.
 * Every allocation is a power law in C, a straight line on these log–log axes, so four points per decade draw it exactly
 * and keep the hover card's steps readable (fewer points also make each redraw cheaper).
 */
const frontierLine = memo((mode: Mode, i: number) =>
  logspace(C_MIN, C_MAX, 37).map((c) => ({ x: c, y: yOf(mode, allocations(c, 'en')[i]!) })),
);

/** Hoffmann's Table 3 rows and the trained models, which do not move with the budget: built once per mode and language. */
const trainedPoints = memo((mode: Mode, lang: Lang): Series[] => [
  { key: 'table3', role: 'table3', kind: 'points', label: lang === 'zh' ? 'Hoffmann 表 3' : 'Hoffmann Table 3',
    points: CHINCHILLA_TABLE_3.map((r) => ({ x: r.flops, y: mode === 'ratio' ? r.tokens / r.params : r.params,
      tooltip: [`N = ${formatCount(r.params, lang)}${lang === 'zh' ? '，' : ', '}D = ${formatCount(r.tokens, lang)}`] })) },
  { key: 'models', role: 'marker', kind: 'points', label: lang === 'zh' ? '实际模型' : 'trained models', labelPoints: true,
    points: MARKED.map(({ m, flops }) => ({ x: flops, y: mode === 'ratio' ? (m.tokens ?? 0) / m.params : m.params, label: m.name, tooltip: [tooltipSource(m.source, lang)] })) },
]);

/** The plotted series for a state (memoised: the axes, the chart and the twin ask for the same ones). */
function frontierSeries(state: FigureState, lang: Lang): Series[] {
  const mode = modeOf(state);
  const C = budget(state);
  const now = allocations(C, lang);
  if (mode === 'isoflop') {
    const { min, max } = isoRange(C);
    const grid = logspace(min, max, 81); // ~20 points per decade: smooth U-shaped iso-FLOP curves
    return [
      ...FITS.map(({ key, role, fit, label }): Series => ({ key, role, kind: 'line', label: label[lang], directLabel: true,
        points: grid.map((N) => ({ x: N, y: isoLoss(N, C, fit) })) })),
      { key: 'optima', role: 'marker', kind: 'marker', label: lang === 'zh' ? 'N_opt 处的损失' : 'loss at N_opt',
        points: now.slice(1).map((a) => ({ x: a.params, y: a.loss, role: a.role, label: `${a.label}${colonIn(lang)}N_opt` })) },
      { key: 'kaplan-pick', role: 'kaplan', kind: 'marker', label: lang === 'zh' ? 'Kaplan 的选择' : "Kaplan’s pick", labelPoints: true,
        points: [{ x: now[0]!.params, y: isoLoss(now[0]!.params, C, HOFFMANN_2022), label: lang === 'zh' ? 'Kaplan 的选择' : "Kaplan’s pick" }] },
    ];
  }
  return [
    ...now.map((a, i): Series => ({ key: a.key, role: a.role, kind: 'line', label: a.label, directLabel: true, points: frontierLine(mode, i) })),
    ...trainedPoints(mode, lang),
    { key: 'now', role: 'marker', kind: 'marker', label: lang === 'zh' ? `预算 ${formatSci(C)} 下的最优值` : `optimum at ${formatSci(C)}`,
      points: now.map((a) => ({ x: C, y: yOf(mode, a), role: a.role, label: a.label })) },
    { key: 'budget', role: 'context', kind: 'guide', label: formatSci(C), points: [{ x: C, y: 0 }] },
  ];
}

/** The definition of the compute-frontier figure. */
export const computeFrontier: FigureModel = {
  id: 'compute-frontier',
  controls: [
    { kind: 'number', name: 'c', label: bi('FLOP budget', 'FLOP 预算'), steps: niceLogSteps(C_MIN, C_MAX), default: GOPHER_FLOPS, format: formatFlops },
    { kind: 'radio', name: 'mode', label: bi('Show', '显示'), default: 'params', options: [
      { value: 'params', label: bi('Optimal size N', '最优规模 N') },
      { value: 'ratio', label: bi('Tokens per parameter', '每参数 token 数') },
      { value: 'isoflop', label: bi('Loss at this budget', '该预算下的损失') },
    ] },
  ],
  axes(state) {
    const mode = modeOf(state);
    const C = budget(state);
    if (mode === 'isoflop') {
      return { x: { type: 'log', title: bi('Parameters N', '参数量 N'), ...isoRange(C) },
        y: { type: 'linear', title: bi('Loss under each fit (nats per token)', '各拟合下的损失（纳特/token）') } };
    }
    const ys = computeFrontier.series(state, 'en').filter((s) => s.kind !== 'guide').flatMap((s) => s.points.map((p) => p.y));
    return { x: { type: 'log', title: bi('Training compute C (FLOPs)', '训练计算量 C（FLOPs）'), min: C_MIN, max: C_MAX },
      y: { type: 'log', title: mode === 'ratio' ? bi('Tokens per parameter D/N', '每参数 token 数 D/N') : bi('Compute-optimal parameters N', '最优参数量 N'), ...logBounds(ys) } };
  },
  series(state, lang) {
    const key = `${modeOf(state)}|${budget(state)}|${lang}`;
    let series = seriesCache.get(key);
    if (!series) {
      if (seriesCache.size >= 4) seriesCache.clear();
      series = frontierSeries(state, lang);
      seriesCache.set(key, series);
    }
    return series;
  },
  describe(state, lang) {
    const C = budget(state);
    const [kaplan, ...fits] = allocations(C, lang);
    const sorted = [...fits].sort((a, b) => a.params - b.params);
    const lo = sorted[0]!;
    const hi = sorted[sorted.length - 1]!;
    return lang === 'zh'
      ? `在 ${formatFlops(C, lang)}的预算下，三种拟合给出的最优规模从 ${formatCount(lo.params, lang)}（${lo.label}，每参数 ${formatPlain(lo.ratio, 2)} 个 token）到 ${formatCount(hi.params, lang)}（${hi.label}，${formatPlain(hi.ratio, 2)} 个）不等；Kaplan 的分配是 ${formatCount(kaplan!.params, lang)}。`
      : `At a budget of ${formatFlops(C, lang)}, the three fits put the optimal model between ${formatCount(lo.params, lang)} parameters (${lo.label}, ${formatPlain(lo.ratio, 2)} tokens per parameter) and ${formatCount(hi.params, lang)} (${hi.label}, ${formatPlain(hi.ratio, 2)}); Kaplan’s allocation gives ${formatCount(kaplan!.params, lang)}.`;
  },
  readout(state, lang) {
    const C = budget(state);
    const zh = lang === 'zh';
    return {
      lines: [zh ? `预算 ${formatFlops(C, lang)}（Gopher 与 Chinchilla 的预算：${formatSci(GOPHER_FLOPS, 3)}）` : `Budget ${formatFlops(C, lang)} (Gopher’s and Chinchilla’s: ${formatSci(GOPHER_FLOPS, 3)})`],
      table: {
        columns: zh ? ['分配', '参数 N', 'token 数 D', 'D/N', '损失（纳特）'] : ['Allocation', 'Parameters N', 'Tokens D', 'D/N', 'Loss (nats)'],
        rows: allocations(C, lang).map((a) => [textCell(a.label), cell(a.params, formatCount(a.params, lang)), cell(a.tokens, formatCount(a.tokens, lang)),
          cell(a.ratio, formatPlain(a.ratio, 3)), cell(a.loss, formatPlain(a.loss, 4))]),
      },
    };
  },
  table(state, lang) {
    const mode = modeOf(state);
    const C = budget(state);
    const labels = allocations(C, lang).map((a) => a.label);
    if (mode === 'isoflop') {
      const { min, max } = isoRange(C);
      return { columns: [lang === 'zh' ? '参数量 N' : 'Parameters N', ...FITS.map((f) => f.label[lang])],
        rows: logspace(min, max, 9).map((N) => [cell(N, formatCount(N, lang)), ...FITS.map(({ fit }) => cell(isoLoss(N, C, fit), formatPlain(isoLoss(N, C, fit), 4)))]) };
    }
    return {
      columns: [lang === 'zh' ? '计算量 C（FLOPs）' : 'Compute C (FLOPs)', ...labels.map((l) => `${l}${colonIn(lang)}${mode === 'ratio' ? 'D/N' : 'N'}`)],
      rows: decades(C_MIN, C_MAX).map((c) => [cell(c, formatSci(c)), ...allocations(c, lang).map((a): TableCell => {
        const v = yOf(mode, a);
        return cell(v, mode === 'ratio' ? formatPlain(v, 3) : formatCount(v, lang));
      })]),
    };
  },
};

/** What the frame prints around the compute-frontier chart: its name, sources and notes (server-side only). */
export const computeFrontierCredits: FigureCredits = {
  title: bi('Compute-optimal model size for a FLOP budget under four fits', '四种拟合下给定 FLOP 预算的最优模型规模'),
  sources: (lang) => [
    { what: lang === 'zh' ? 'Kaplan 的分配' : "Kaplan’s allocation", source: lang === 'zh' ? `${KAPLAN_SOURCE_ZH}；D = C/(6N)` : `${KAPLAN_2020_TABLE_6.source}; D = C/(6N)` },
    ...FITS.map(({ key, fit, label }) => ({
      what: label[lang],
      source: lang === 'zh' ? `${FIT_SOURCES_ZH[key]}；最优点按 Hoffmann 式 4 求得` : `${fit.source}; optimum by Hoffmann Eq. 4`,
    })),
    lang === 'zh'
      ? { what: '表 3 与模型', source: `Hoffmann 等 2022，表 3；${MARKED.map(({ m }) => `${m.name}：${shortCitation(m.source, lang)}`).join('；')}` }
      : { what: 'Table 3 and models', source: `Hoffmann et al. 2022, Table 3; ${MARKED.map(({ m }) => `${m.name}: ${shortCitation(m.source, lang)}`).join('; ')}` },
  ],
  notes: (lang) => [lang === 'zh'
    ? 'Kaplan 一行的损失按 Hoffmann 印刷值拟合计算；Kaplan 的 N 不含嵌入参数，Hoffmann 的 N 含。'
    : "The loss in Kaplan’s row is evaluated with Hoffmann’s printed fit; Kaplan’s N excludes embeddings, Hoffmann’s includes them."],
};
