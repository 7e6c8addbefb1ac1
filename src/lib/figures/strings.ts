// The figure frame's interface words in both editions (figure-specific words live in each definition).
import { fillTemplate, type Lang } from '../i18n';
import type { IgnoreReason } from './types';

// Words the island shows (and so ships to the browser): keep this list to those.
const strings = {
  copied: { zh: '链接已复制', en: 'Link copied' },
  copyFailed: { zh: '无法复制，请从地址栏复制', en: 'Could not copy; copy the address bar instead' },
  ignored: { zh: '已忽略链接中的值 {pair}（{reason}）', en: 'Ignored link value {pair} ({reason})' },
} as const satisfies Record<string, Record<Lang, string>>;

// Words written into the page by the frame's components at build time only, so not shipped with the island.
const frameStrings = {
  source: { zh: '来源', en: 'Source' },
  note: { zh: '注', en: 'Note' },
  copyLink: { zh: '复制链接', en: 'Copy link' },
  copyLinkLabel: { zh: '复制图 {n} 的链接（含当前设置）', en: 'Copy a link to Figure {n} with its current settings' },
  showData: { zh: '查看图中数据', en: 'Show the plotted data' },
  controls: { zh: '调整图 {n}', en: 'Adjust Figure {n}' },
  chartLabel: { zh: '图表：{title}', en: 'Chart: {title}' },
  chartFailed: {
    zh: '交互图表未能载入（网络可能断了）。上图是初始状态的静态图；恢复连接后刷新页面即可再试。',
    en: 'The live chart could not be loaded (is the connection down?). The picture shows the figure as it starts; reload the page to try again.',
  },
  staticImage: {
    zh: '静态图：默认设置下的图表（启用 JavaScript 后可交互）',
    en: 'Static image of the chart in its default state (interactive with JavaScript)',
  },
} as const satisfies Record<string, Record<Lang, string>>;

const reasons: Record<IgnoreReason, Record<Lang, string>> = {
  'not-a-number': { zh: '不是数字', en: 'not a number' },
  'not-an-integer': { zh: '不是整数', en: 'not a whole number' },
  'out-of-range': { zh: '超出范围', en: 'out of range' },
  'unknown-option': { zh: '没有这个选项', en: 'not one of the options' },
  'unknown-control': { zh: '没有这个控件', en: 'no such control' },
  'too-long': { zh: '太长', en: 'too long' },
  duplicate: { zh: '重复的参数', en: 'given twice' },
  'no-data': { zh: '有效数据不足两行', en: 'fewer than two usable rows' },
};

/** A string the island shows, in the given language, with `{name}` placeholders filled from `vars`. */
export function figureText(lang: Lang, key: keyof typeof strings, vars: Record<string, string | number> = {}): string {
  return fillTemplate(strings[key][lang], vars);
}

/** A string the frame's components write into the page at build time, as figureText. */
export function frameText(lang: Lang, key: keyof typeof frameStrings, vars: Record<string, string | number> = {}): string {
  return fillTemplate(frameStrings[key][lang], vars);
}

/** Why a link value was ignored, in words: "not a number" / "不是数字". */
export function reasonText(reason: IgnoreReason, lang: Lang): string {
  return reasons[reason][lang];
}
