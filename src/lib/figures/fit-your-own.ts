// Figure: the reader's own (x, y) data with two fits drawn past its range — a pure power law y = a·x^b and a
// power law with a floor y = E + a·x^b — to show how differently one set of points can extrapolate.
import { CHINCHILLA_TABLE_3, chinchillaLoss } from '../scaling/chinchilla';
import { fitPowerLaw, fitSaturatingPowerLaw, type PowerLawFit, type SaturatingPowerLawFit } from '../scaling/fit';
import { logspace } from '../scaling/sample';
import type { FigureCredits, FigureModel, FigureState, Lang, Series } from './types';
import { logBounds, stringValue } from './controls';
import { distinctX, parseXYData, problemText, type CsvPoint } from './csv';
import { formatNumber, formatPlain } from './format';
import { encodeValue } from './url-state';
import { bi, cell } from './sources';

/** Default data: the first six model sizes of Chinchilla Table 3 with the loss Hoffmann's printed fit predicts for their tokens. */
export const DEFAULT_CSV = [
  'params,loss',
  ...CHINCHILLA_TABLE_3.slice(0, 6).map((r) => `${encodeValue(r.params)},${chinchillaLoss(r.params, r.tokens).toFixed(4)}`),
].join('\n');

/** The default data's column names as the Chinese edition titles its axes and table (other names stay as written). */
const NAMES_ZH: Readonly<Record<string, string>> = { params: '参数量', loss: '损失' };
const nameIn = (name: string, lang: Lang) => (lang === 'zh' ? NAMES_ZH[name] ?? name : name);

interface Analysis {
  points: readonly CsvPoint[];
  usingDefault: boolean;
  header: readonly [string, string];
  power?: PowerLawFit;
  saturating?: SaturatingPowerLawFit;
  saturatingError?: string;
  problems: readonly string[];
  range: { min: number; max: number };
}

let memo: { text: string; lang: Lang; result: Analysis } | undefined;

/** Parses the text and fits both laws; falls back to the default data when fewer than two usable rows remain. */
export function analyse(text: string, lang: Lang): Analysis {
  if (memo && memo.text === text && memo.lang === lang) return memo.result;
  const result = analyseUncached(text, lang);
  memo = { text, lang, result };
  return result;
}

const clip = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

function analyseUncached(text: string, lang: Lang): Analysis {
  const parsed = parseXYData(text);
  const usingDefault = distinctX(parsed.points) < 2;
  const data = usingDefault ? parseXYData(DEFAULT_CSV) : parsed;
  const points = data.points;
  const xs = points.map((p) => p.x);
  const range = { min: Math.min(...xs) / 10, max: Math.max(...xs) * 100 };
  let power: PowerLawFit | undefined;
  let saturating: SaturatingPowerLawFit | undefined;
  let saturatingError: string | undefined;
  try {
    power = fitPowerLaw(points);
  } catch {
    power = undefined;
  }
  try {
    saturating = fitSaturatingPowerLaw(points);
  } catch {
    saturatingError = lang === 'zh' ? '无法拟合带地板的幂律：需要至少 3 个不同的 x，且 y 随 x 下降并趋于一个正的地板。' : 'No fit with a floor: it needs 3 distinct x values and y falling towards a positive floor.';
  }
  const header: readonly [string, string] = data.header ? [clip(data.header[0]), clip(data.header[1])] : ['x', 'y'];
  return { points, usingDefault, header, power, saturating, saturatingError, range,
    problems: parsed.problems.map((p) => problemText(p, lang)) };
}

const textOf = (state: FigureState) => stringValue(fitYourOwn, state, 'data');
const powerAt = (f: PowerLawFit, x: number) => f.a * Math.pow(x, f.b);
const saturatingAt = (f: SaturatingPowerLawFit, x: number) => f.E + f.a * Math.pow(x, f.b);
const usable = (y: number) => y > 0 && Number.isFinite(y);
const r2Text = (r2: number) => (Number.isFinite(r2) ? r2.toFixed(4) : '—');
const powerText = (f: PowerLawFit) => `y = ${formatNumber(f.a, 3)}·x^{${formatPlain(f.b, 3)}}, r² = ${r2Text(f.r2)}`;
const saturatingText = (f: SaturatingPowerLawFit) => `y = ${formatNumber(f.E, 4)} + ${formatNumber(f.a, 3)}·x^{${formatPlain(f.b, 3)}}, r² = ${r2Text(f.r2)}`;

/** The definition of the fit-your-own figure. */
export const fitYourOwn: FigureModel = {
  id: 'fit-your-own',
  controls: [
    { kind: 'text', name: 'data', label: bi('Your data: x, y per line (CSV; a header line is allowed)', '你的数据：每行一对 x, y（CSV，可带表头）'),
      default: DEFAULT_CSV, maxLength: 20000, rows: 8, validate: (v) => (distinctX(parseXYData(v).points) >= 2 ? undefined : 'no-data') },
  ],
  axes(state) {
    const a = analyse(textOf(state), 'en');
    const ys = fitYourOwn.series(state, 'en').flatMap((s) => s.points.map((p) => p.y));
    return {
      x: { type: 'log', title: bi(a.header[0], nameIn(a.header[0], 'zh')), ...a.range },
      y: { type: 'log', title: bi(a.header[1], nameIn(a.header[1], 'zh')), ...logBounds(ys) },
    };
  },
  series(state, lang) {
    const a = analyse(textOf(state), lang);
    const grid = logspace(a.range.min, a.range.max, 121);
    const series: Series[] = [
      { key: 'data', role: 'reader', kind: 'points', label: lang === 'zh' ? '你的数据' : 'your data', points: a.points.map((p) => ({ x: p.x, y: p.y, tooltip: [`x = ${formatNumber(p.x)}`] })) },
    ];
    const { power, saturating } = a;
    if (power) {
      series.push({ key: 'power', role: 'fit-power', kind: 'line', directLabel: true, label: lang === 'zh' ? '纯幂律' : 'power law',
        points: grid.map((x) => ({ x, y: powerAt(power, x) })).filter((p) => usable(p.y)) });
    }
    if (saturating) {
      series.push({ key: 'saturating', role: 'fit-saturating', kind: 'line', directLabel: true, label: lang === 'zh' ? '带地板的幂律' : 'power law with floor',
        points: grid.map((x) => ({ x, y: saturatingAt(saturating, x) })).filter((p) => usable(p.y)) });
    }
    return series;
  },
  describe(state, lang) {
    const a = analyse(textOf(state), lang);
    const far = a.range.max;
    const p = a.power ? formatPlain(powerAt(a.power, far), 3) : '—';
    const s = a.saturating ? formatPlain(saturatingAt(a.saturating, far), 3) : '—';
    const n = a.points.length;
    return lang === 'zh'
      ? `对 ${n} 个数据点拟合：在 x = ${formatNumber(far)}（数据最大值的 100 倍）处，纯幂律外推为 ${p}，带地板的幂律外推为 ${s}。`
      : `Fitting ${n} points: at x = ${formatNumber(far)}, 100 times the largest x, the pure power law extrapolates to ${p} and the power law with a floor to ${s}.`;
  },
  readout(state, lang) {
    const a = analyse(textOf(state), lang);
    const zh = lang === 'zh';
    const lines: string[] = [];
    if (a.usingDefault) lines.push(zh ? '可用的数据不足两行（需要两个不同的 x），下面显示的是示例数据。' : 'Fewer than two usable rows (two distinct x values are needed); showing the example data.');
    lines.push(a.power ? `${zh ? '纯幂律：' : 'Power law: '}${powerText(a.power)}` : zh ? '纯幂律：无法拟合' : 'Power law: no fit');
    lines.push(a.saturating ? `${zh ? '带地板：' : 'With a floor: '}${saturatingText(a.saturating)}` : (a.saturatingError ?? ''));
    const shown = a.problems.slice(0, 5);
    lines.push(...shown);
    if (a.problems.length > shown.length) lines.push(zh ? `……另有 ${a.problems.length - shown.length} 行被跳过。` : `…and ${a.problems.length - shown.length} more rows skipped.`);
    return { lines };
  },
  table(state, lang) {
    const a = analyse(textOf(state), lang);
    const zh = lang === 'zh';
    return {
      columns: [nameIn(a.header[0], lang), nameIn(a.header[1], lang), zh ? '纯幂律拟合' : 'Power-law fit', zh ? '带地板拟合' : 'Fit with floor'],
      rows: a.points.map((p) => [
        cell(p.x, formatNumber(p.x)), cell(p.y, formatNumber(p.y, 5)),
        a.power ? cell(powerAt(a.power, p.x), formatNumber(powerAt(a.power, p.x), 5)) : { text: '—' },
        a.saturating ? cell(saturatingAt(a.saturating, p.x), formatNumber(saturatingAt(a.saturating, p.x), 5)) : { text: '—' },
      ]),
    };
  },
};

/** What the frame prints around the fit-your-own chart: its name, sources and notes (server-side only). */
export const fitYourOwnCredits: FigureCredits = {
  title: bi('Your data with a power-law fit and a fit with a floor', '你的数据：纯幂律拟合与带地板的拟合'),
  sources: (lang) => [
    { what: lang === 'zh' ? '拟合' : 'Fits', source: lang === 'zh' ? '对数空间最小二乘（纯幂律）；消元 + Brent 一维搜索（带地板）' : 'least squares in log space (power law); variable elimination + Brent search (with floor)' },
    { what: lang === 'zh' ? '示例数据' : 'Example data', source: lang === 'zh' ? 'Hoffmann 等 2022 表 3 前六行的 N 与 D，损失按其式 10 的印刷值计算' : 'N and D of the first six rows of Hoffmann et al. 2022, Table 3; loss from their printed Eq. 10 fit' },
  ],
};
