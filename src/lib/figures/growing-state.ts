// Figure: memory a decoder keeps per sequence as the context grows — the KV cache of GPT-3 175B (multi-head)
// and Llama 2 70B (grouped-query) grows linearly, an RNN's state stays constant.
import { GPT3_175B, LLAMA2_70B, kvCacheBytes, kvCacheBytesPerToken, type KvCacheModel } from '../scaling/kvcache';
import { logspace } from '../scaling/sample';
import type { FigureCredits, FigureModel, FigureState, Lang, Series } from './types';
import { memo, numberValue, powerOfTwoSteps, stringValue } from './controls';
import { formatBytes, formatPlain, zhGap } from './format';
import { bi, cell, colonIn } from './sources';

const T_MIN = 128;
const T_MAX = 2 ** 20;
const PRECISIONS = [
  { value: '4', label: bi('4 bytes (fp32)', '4 字节（fp32）') },
  { value: '2', label: bi('2 bytes (fp16)', '2 字节（fp16）') },
  { value: '1', label: bi('1 byte (int8)', '1 字节（int8）') },
  { value: '0.5', label: bi('½ byte (int4)', '½ 字节（int4）') },
];
const MODELS_SHOWN: ReadonlyArray<{ key: 'gpt3' | 'llama'; role: 'mha' | 'gqa'; model: KvCacheModel; label: { en: string; zh: string } }> = [
  { key: 'gpt3', role: 'mha', model: GPT3_175B, label: bi('GPT-3 175B (multi-head)', 'GPT-3 175B（多头）') },
  { key: 'llama', role: 'gqa', model: LLAMA2_70B, label: bi('Llama 2 70B (grouped-query)', 'Llama 2 70B（分组查询）') },
];
/** Each model's source line (kvcache.ts) in Chinese, for the credits only (so the browser's code has none). */
const MODEL_SOURCES_ZH: Readonly<Record<(typeof MODELS_SHOWN)[number]['key'], string>> = {
  gpt3: 'Brown 等 2020，“Language Models are Few-Shot Learners”，表 2.1（每个数值 2 字节，即 fp16）',
  llama: 'Touvron 等 2023，“Llama 2: Open Foundation and Fine-Tuned Chat Models”，第 2.2 节、表 1 与附录 A.2.1（GQA，4k 上下文）；层数与头数取自公开发布的 70B 配置',
};

/**
 * An RNN's state in bytes, illustrative: one vector of GPT-3's model width (96 heads × 128 = 12,288 values)
 * per layer, 96 layers, at `bytes` per value — the same whatever the context length.
 */
export function rnnStateBytes(bytes: number): number {
  return GPT3_175B.layers * GPT3_175B.heads * GPT3_175B.headDim * bytes;
}

const precision = (state: FigureState) => Number(stringValue(growingState, state, 'bytes'));
const contextOf = (state: FigureState) => numberValue(growingState, state, 'tokens');
const cache = (model: KvCacheModel, bytes: number, tokens: number) => kvCacheBytes({ ...model, bytesPerValue: bytes }, tokens);
const perToken = (model: KvCacheModel, bytes: number) => kvCacheBytesPerToken({ ...model, bytesPerValue: bytes });
const tokensText = (t: number, lang: Lang) => (lang === 'zh' ? `${formatPlain(t, 7)} 个 token` : `${formatPlain(t, 7)} tokens`);
const GRID = [...new Set(logspace(T_MIN, T_MAX, 81).map(Math.round))];
/** Bytes against context length for model i of MODELS_SHOWN (−1: the RNN state) at `bytes` per value; built once per precision. */
const line = memo((i: number, bytes: number) =>
  GRID.map((t) => ({ x: t, y: i < 0 ? rnnStateBytes(bytes) : cache(MODELS_SHOWN[i]!.model, bytes, t) })),
);
const rnnLabel = (lang: Lang) => (lang === 'zh' ? 'RNN 状态（示意）' : 'RNN state (illustrative)');

/** The definition of the growing-state figure. */
export const growingState: FigureModel = {
  id: 'growing-state',
  controls: [
    { kind: 'number', name: 'tokens', label: bi('Context length', '上下文长度'), steps: powerOfTwoSteps(T_MIN, T_MAX), default: 2048, integer: true, format: tokensText },
    { kind: 'radio', name: 'bytes', label: bi('Bytes per value', '每个数值的字节数'), default: '2', options: PRECISIONS },
  ],
  axes: () => ({
    x: { type: 'log', title: bi('Context length (tokens)', '上下文长度（token）'), min: 100, max: T_MAX },
    y: { type: 'log', title: bi('Memory per sequence (bytes)', '每条序列的内存（字节）'), min: 1e5, max: 1e13 },
  }),
  series(state, lang) {
    const b = precision(state);
    const T = contextOf(state);
    const lines: Series[] = MODELS_SHOWN.map(({ key, role, label }, i) => ({
      key, role, kind: 'line', label: label[lang], directLabel: true, points: line(i, b),
    }));
    lines.push({ key: 'rnn', role: 'rnn', kind: 'line', label: rnnLabel(lang), directLabel: true, points: line(-1, b) });
    return [
      ...lines,
      ...MODELS_SHOWN.map(({ key, role, model, label }): Series => ({ key: `${key}-now`, role, kind: 'marker', label: label[lang],
        points: [{ x: T, y: cache(model, b, T), tooltip: [formatBytes(cache(model, b, T))] }] })),
      { key: 'rnn-now', role: 'rnn', kind: 'marker', label: rnnLabel(lang), points: [{ x: T, y: rnnStateBytes(b), tooltip: [formatBytes(rnnStateBytes(b))] }] },
      { key: 'context', role: 'context', kind: 'guide', label: tokensText(T, lang), points: [{ x: T, y: 0 }] },
    ];
  },
  describe(state, lang) {
    const b = precision(state);
    const [gpt, llama] = MODELS_SHOWN;
    const grow = (m: KvCacheModel) => `${formatBytes(cache(m, b, T_MIN))} → ${formatBytes(cache(m, b, T_MAX))}`;
    return lang === 'zh'
      ? `每个数值 ${formatPlain(b, 2)} 字节时，上下文从 ${zhGap(tokensText(T_MIN, lang))}增至 ${tokensText(T_MAX, lang)}，GPT-3 的 KV 缓存从 ${grow(gpt!.model)}（每 token ${formatBytes(perToken(gpt!.model, b))}），Llama 2 70B 从 ${grow(llama!.model)}（每 token ${formatBytes(perToken(llama!.model, b))}），而同宽的 RNN 状态始终是 ${formatBytes(rnnStateBytes(b))}。`
      : `At ${formatPlain(b, 2)} bytes per value, as the context grows from ${tokensText(T_MIN, lang)} to ${tokensText(T_MAX, lang)}, GPT-3’s KV cache grows ${grow(gpt!.model)} (${formatBytes(perToken(gpt!.model, b))} per token) and Llama 2 70B’s ${grow(llama!.model)} (${formatBytes(perToken(llama!.model, b))} per token), while an RNN of GPT-3’s width keeps a constant ${formatBytes(rnnStateBytes(b))}.`;
  },
  readout(state, lang) {
    const b = precision(state);
    const T = contextOf(state);
    const zh = lang === 'zh';
    return {
      lines: [
        zh ? `${zhGap(tokensText(T, lang))}时：` : `At ${tokensText(T, lang)}:`,
        ...MODELS_SHOWN.map(({ model, label }) => `${label[lang]}${colonIn(lang)}${formatBytes(cache(model, b, T))}${zh ? `（每 token ${formatBytes(perToken(model, b))}）` : ` (${formatBytes(perToken(model, b))} per token)`}`),
        `${rnnLabel(lang)}${colonIn(lang)}${formatBytes(rnnStateBytes(b))}`,
      ],
    };
  },
  table(state, lang) {
    const b = precision(state);
    const zh = lang === 'zh';
    const rows = [128, 512, 2048, 8192, 32768, 131072, 524288, T_MAX].map((t) => [
      cell(t, formatPlain(t, 7)),
      ...MODELS_SHOWN.map(({ model }) => cell(cache(model, b, t), formatBytes(cache(model, b, t)))),
      cell(rnnStateBytes(b), formatBytes(rnnStateBytes(b))),
    ]);
    return { columns: [zh ? '上下文（token）' : 'Context (tokens)', ...MODELS_SHOWN.map((m) => m.label[lang]), rnnLabel(lang)], rows };
  },
};

/** What the frame prints around the growing-state chart: its name, sources and notes (server-side only). */
export const growingStateCredits: FigureCredits = {
  title: bi('Memory per sequence against context length: KV cache versus an RNN state', '每条序列的内存随上下文长度变化：KV 缓存与 RNN 状态'),
  sources: (lang) => [
    ...MODELS_SHOWN.map(({ key, model, label }) => ({ what: label[lang], source: lang === 'zh' ? MODEL_SOURCES_ZH[key] : model.source })),
    { what: rnnLabel(lang), source: lang === 'zh' ? '每层一个与 GPT-3 同宽（12,288 个数）的状态向量，共 96 层' : "one state vector of GPT-3’s width (12,288 values) per layer, 96 layers" },
  ],
  notes: (lang) => [lang === 'zh' ? 'KV 缓存 = 2 × 层数 × KV 头数 × 头维度 × 字节数 × token 数；单条序列，不含权重。' : 'KV cache = 2 × layers × KV heads × head dimension × bytes × tokens; one sequence, weights not included.'],
};
