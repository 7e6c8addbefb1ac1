// Figure: parameter counts of language models against their release dates (2018–2022), grouped by
// architecture (decoder-only, encoder-only, encoder–decoder); each point's source is in its tooltip.
import { MODEL_GPT_3, type Architecture, type ModelFact } from '../scaling/models';
import { MODELS } from '../scaling/timeline-models';
import type { FigureCredits, FigureModel, FigureState, Lang, Series } from './types';
import { stringValue } from './controls';
import { decimalYear, formatCount, formatParams, formatPlain, formatYearMonth } from './format';
import { bi, cell, shortCitation, textCell, tooltipSource } from './sources';

const GROUPS: ReadonlyArray<{ arch: Architecture; label: { en: string; zh: string } }> = [
  { arch: 'decoder-only', label: bi('decoder-only (GPT)', '仅解码器（GPT）') },
  { arch: 'encoder-decoder', label: bi('encoder–decoder', '编码器–解码器') },
  { arch: 'encoder-only', label: bi('encoder-only', '仅编码器') },
];
const groupLabel = (arch: Architecture, lang: Lang) => GROUPS.find((g) => g.arch === arch)?.label[lang] ?? arch;
const chosen = (state: FigureState) => stringValue(modelTimeline, state, 'arch');
const largest = (arch: Architecture): ModelFact | undefined =>
  MODELS.filter((m) => m.architecture === arch).reduce<ModelFact | undefined>((best, m) => (!best || m.params > best.params ? m : best), undefined);

/** The definition of the model-timeline figure. */
export const modelTimeline: FigureModel = {
  id: 'model-timeline',
  legend: true,
  controls: [
    { kind: 'radio', name: 'arch', label: bi('Highlight', '突出显示'), default: 'all', options: [
      { value: 'all', label: bi('All architectures', '全部架构') },
      ...GROUPS.map((g) => ({ value: g.arch, label: g.label })),
    ] },
  ],
  axes: () => ({
    x: { type: 'linear', title: bi('Release date', '发布时间'), min: 2018, max: 2022.5, ticks: 'year' },
    // The smallest models (GPT-1, BERT-Base: 110–117M) sit half a decade above the bottom, not on the axis line.
    y: { type: 'log', title: bi('Parameters', '参数量'), min: 3e7, max: 1e12 },
  }),
  series(state, lang) {
    const pick = chosen(state);
    return GROUPS.map(({ arch }): Series => {
      const muted = pick !== 'all' && pick !== arch;
      return {
        key: arch, role: arch, kind: 'points', label: groupLabel(arch, lang), legend: true, muted, labelPoints: !muted,
        points: MODELS.filter((m) => m.architecture === arch).map((m) => ({
          x: decimalYear(m.date), y: m.params, label: m.name,
          tooltip: [`${formatParams(m.params, lang)} · ${formatYearMonth(decimalYear(m.date), lang)} · ${m.org}`, tooltipSource(m.source, lang)],
        })),
      };
    });
  },
  describe(state, lang) {
    const pick = chosen(state);
    const gpt3 = MODEL_GPT_3;
    const before = (arch: Architecture) => MODELS.filter((m) => m.architecture === arch && m.date <= gpt3.date)
      .reduce<ModelFact | undefined>((best, m) => (!best || m.params > best.params ? m : best), undefined);
    const t5 = before('encoder-decoder');
    const bert = before('encoder-only');
    const focus = pick === 'all' ? '' : (lang === 'zh' ? `（突出显示：${groupLabel(pick as Architecture, lang)}）` : ` (highlighted: ${groupLabel(pick as Architecture, lang)})`);
    if (!t5 || !bert) return '';
    const ratio = formatPlain(gpt3.params / t5.params, 2);
    return lang === 'zh'
      ? `${formatYearMonth(decimalYear(gpt3.date), lang)}发布的 GPT-3（${formatCount(gpt3.params, lang)}）约为当时最大的编码器–解码器模型 ${t5.name}（${formatCount(t5.params, lang)}）的 ${ratio} 倍，而仅编码器模型最大只有 ${bert.name} 的 ${formatCount(bert.params, lang)}${focus}。`
      : `GPT-3 (${formatCount(gpt3.params, lang)}, ${formatYearMonth(decimalYear(gpt3.date), lang)}) is about ${ratio} times the largest encoder–decoder of its day, ${t5.name} (${formatCount(t5.params, lang)}), while encoder-only models top out at ${bert.name}’s ${formatCount(bert.params, lang)}${focus}.`;
  },
  readout(state, lang) {
    const pick = chosen(state);
    const shown = GROUPS.filter((g) => pick === 'all' || g.arch === pick);
    return {
      lines: shown.map(({ arch }) => {
        const m = largest(arch);
        return m ? (lang === 'zh' ? `${groupLabel(arch, lang)}最大：${m.name}，${formatParams(m.params, lang)}` : `Largest ${groupLabel(arch, lang)}: ${m.name}, ${formatParams(m.params, lang)}`) : '';
      }),
    };
  },
  table(_state, lang) {
    const zh = lang === 'zh';
    return {
      columns: zh ? ['模型', '日期', '架构', '参数量', '来源'] : ['Model', 'Date', 'Architecture', 'Parameters', 'Source'],
      rows: MODELS.map((m) => [textCell(m.name), cell(decimalYear(m.date), m.date), textCell(groupLabel(m.architecture, lang)),
        cell(m.params, formatCount(m.params, lang)), textCell(shortCitation(m.source, lang))]),
    };
  },
};

/** What the frame prints around the model-timeline chart: its name, sources and notes (server-side only). */
export const modelTimelineCredits: FigureCredits = {
  title: bi('Model size against release date, by architecture', '按架构划分的模型规模与发布时间'),
  sources: (lang) => [{
    what: lang === 'zh' ? '参数量与日期' : 'Sizes and dates',
    source: [...new Set(MODELS.map((m) => shortCitation(m.source, lang)))].join(lang === 'zh' ? '；' : '; '),
  }],
};
