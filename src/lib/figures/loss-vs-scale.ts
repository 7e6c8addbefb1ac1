// Figure: Kaplan's three power laws L(N), L(D), L(C) on log–log axes, with GPT-1/2/3 marked on L(N) and a
// slider that moves a point along the chosen curve (Kaplan et al. 2020, Eqs. 1.1–1.3).
import { KAPLAN_2020, kaplanLossVsCompute, kaplanLossVsData, kaplanLossVsParams } from '../scaling/kaplan';
import { GPT3_TRAINING_FLOPS, MODEL_GPT_1, MODEL_GPT_2, MODEL_GPT_3 } from '../scaling/models';
import { logspace } from '../scaling/sample';
import type { FigureCredits, FigureModel, FigureState, Lang, Series } from './types';
import { decades, memo, niceLogSteps, numberValue, stringValue } from './controls';
import { formatCount, formatFlops, formatLoss, formatParams, formatPlain, formatSci, formatTokens, zhGap } from './format';
import { bi, cell, colonIn, shortCitation, tooltipSource } from './sources';

type AxisKey = 'n' | 'd' | 'c';
const AXES: Record<AxisKey, { min: number; max: number; law: (v: number) => number; name: string }> = {
  n: { min: 1e6, max: 1e13, law: kaplanLossVsParams, name: 'L(N)' },
  d: { min: 1e7, max: 1e13, law: kaplanLossVsData, name: 'L(D)' },
  c: { min: 1e15, max: 1e27, law: kaplanLossVsCompute, name: 'L(C)' },
};
const TITLES = {
  n: bi('Non-embedding parameters N', '非嵌入参数量 N'),
  d: bi('Training tokens D', '训练 token 数 D'),
  c: bi('Compute C (FLOPs)', '计算量 C（FLOPs）'),
};
const NOUNS = {
  n: bi('non-embedding parameters N', '非嵌入参数量 N'),
  d: bi('training tokens D', '训练 token 数 D'),
  c: bi('compute C', '计算量 C'),
};
const GPTS = [MODEL_GPT_1, MODEL_GPT_2, MODEL_GPT_3];
const curve = memo((axis: AxisKey) => logspace(AXES[axis].min, AXES[axis].max, 141).map((x) => ({ x, y: AXES[axis].law(x) })));
const axisOf = (state: FigureState): AxisKey => stringValue(lossVsScale, state, 'axis') as AxisKey;
const amount = (axis: AxisKey, v: number, lang: Lang) =>
  axis === 'n' ? formatParams(v, lang) : axis === 'd' ? formatTokens(v, lang) : formatFlops(v, lang);

/** The definition of the loss-vs-scale figure. */
export const lossVsScale: FigureModel = {
  id: 'loss-vs-scale',
  controls: [
    {
      kind: 'radio', name: 'axis', label: bi('Scale along', '横轴'), default: 'n',
      options: [
        { value: 'n', label: bi('Parameters N', '参数 N') },
        { value: 'd', label: bi('Data D', '数据 D') },
        { value: 'c', label: bi('Compute C', '计算量 C') },
      ],
    },
    { kind: 'number', name: 'n', label: bi('Model size', '模型规模'), steps: niceLogSteps(1e6, 1e13), default: 1.5e9,
      format: (v, lang) => formatParams(v, lang), visible: (s) => axisOf(s) === 'n' },
    { kind: 'number', name: 'd', label: bi('Dataset size', '数据量'), steps: niceLogSteps(1e7, 1e13), default: 2e10,
      format: (v, lang) => formatTokens(v, lang), visible: (s) => axisOf(s) === 'd' },
    { kind: 'number', name: 'c', label: bi('Compute budget', '计算预算'), steps: niceLogSteps(1e15, 1e27), default: GPT3_TRAINING_FLOPS,
      format: (v, lang) => formatFlops(v, lang), visible: (s) => axisOf(s) === 'c' },
  ],
  axes: (state) => {
    const axis = axisOf(state);
    return {
      x: { type: 'log', title: TITLES[axis], min: AXES[axis].min, max: AXES[axis].max },
      y: { type: 'log', title: bi('Loss (nats per token)', '损失（纳特/token）'), min: 1, max: 5 },
    };
  },
  series(state, lang) {
    const axis = axisOf(state);
    const { law, name } = AXES[axis];
    const v = numberValue(lossVsScale, state, axis);
    const series: Series[] = [
      { key: 'curve', role: 'kaplan', kind: 'line', label: `Kaplan ${name}`, directLabel: true,
        points: curve(axis) },
    ];
    if (axis === 'n') {
      series.push({ key: 'gpt', role: 'marker', kind: 'points', label: 'GPT', labelPoints: true,
        points: GPTS.map((m) => ({ x: m.params, y: law(m.params), label: m.name, tooltip: [formatParams(m.params, lang), tooltipSource(m.source, lang)] })) });
    }
    series.push({ key: 'point', role: 'highlight', kind: 'marker', label: amount(axis, v, lang), points: [{ x: v, y: law(v) }] });
    return series;
  },
  describe(state, lang) {
    const axis = axisOf(state);
    const { min, max, law } = AXES[axis];
    const v = numberValue(lossVsScale, state, axis);
    const [from, to, at] = [law(min), law(max), law(v)].map((l) => formatPlain(l, 3));
    return lang === 'zh'
      ? `随着${zhGap(NOUNS[axis].zh)}从 ${formatSci(min)} 增至 ${formatSci(max)}，损失从 ${from} 降到 ${to} 纳特；在 ${zhGap(amount(axis, v, lang))}处为 ${at} 纳特。`
      : `Loss falls from ${from} to ${to} nats as ${NOUNS[axis].en} grows from ${formatSci(min)} to ${formatSci(max)}; at ${amount(axis, v, lang)} it is ${at} nats.`;
  },
  readout(state, lang) {
    const axis = axisOf(state);
    const { law } = AXES[axis];
    const v = numberValue(lossVsScale, state, axis);
    const ratio = law(2 * v) / law(v);
    const power = `2^{−${formatPlain(-Math.log2(ratio), 2)}}`;
    const symbol = axis.toUpperCase();
    return {
      lines: lang === 'zh'
        ? [`${zhGap(amount(axis, v, lang))}时的预测损失：${formatLoss(law(v), lang)}`, `${symbol} 每翻一番，损失乘以 ${formatPlain(ratio, 3)}（${power}）`]
        : [`Predicted loss at ${amount(axis, v, lang)}: ${formatLoss(law(v), lang)}`, `Each 2× in ${symbol} multiplies the loss by ${formatPlain(ratio, 3)} (${power})`],
    };
  },
  table(state, lang) {
    const axis = axisOf(state);
    const { min, max, law } = AXES[axis];
    const xs = decades(min, max);
    const rows = xs.map((x) => [cell(x, axis === 'c' ? formatSci(x) : formatCount(x, lang)), cell(law(x), formatPlain(law(x), 4))]);
    if (axis === 'n') {
      for (const m of GPTS) rows.push([cell(m.params, `${m.name}${colonIn(lang)}${formatCount(m.params, lang)}`), cell(law(m.params), formatPlain(law(m.params), 4))]);
    }
    return { columns: [TITLES[axis][lang], lang === 'zh' ? '损失（纳特/token）' : 'Loss (nats per token)'], rows };
  },
};

/** KAPLAN_2020.source (scaling/kaplan.ts) in Chinese. */
const KAPLAN_SOURCE_ZH = 'Kaplan 等 2020，第 1.2 节，式 1.1–1.3（另见附录 A 表 5）';

/** What the frame prints around the loss-vs-scale chart: its name, sources and notes (server-side only). */
export const lossVsScaleCredits: FigureCredits = {
  title: bi('Kaplan scaling laws: loss against parameters, data or compute', 'Kaplan 规模定律：损失随参数、数据或计算量变化'),
  sources: (lang) => [
    lang === 'zh'
      ? { what: 'L(N)、L(D)、L(C)', source: KAPLAN_SOURCE_ZH }
      : { what: 'L(N), L(D), L(C)', source: KAPLAN_2020.source },
    lang === 'zh'
      ? { what: 'GPT 的参数量', source: GPTS.map((m) => `${m.name}：${shortCitation(m.source, lang)}`).join('；') }
      : { what: 'GPT sizes', source: GPTS.map((m) => `${m.name}: ${shortCitation(m.source, lang)}`).join('; ') },
  ],
  notes: (lang) => [
    lang === 'zh'
      ? 'Kaplan 的 N 只计非嵌入参数；GPT 标记用的是各模型的总参数量，位置只是近似。'
      : "Kaplan’s N counts non-embedding parameters; the GPT markers use each model’s total parameter count, so their positions are approximate.",
  ],
};
