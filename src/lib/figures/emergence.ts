// Figure: one smoothly falling per-token loss scored two ways — exact match p^L (looks sudden) and token edit
// distance L·(1 − p) (stays smooth) — after Schaeffer, Miranda & Koyejo 2023, §2.
import { exactMatch, tokenEditDistance, tokenProbability } from '../scaling/emergence';
import { logspace } from '../scaling/sample';
import type { FigureCredits, FigureModel, FigureState, Lang } from './types';
import { linearSteps, numberValue } from './controls';
import { formatParams, formatPercent, formatPlain, formatSci, superscript, zhGap } from './format';
import { bi, cell } from './sources';

const N_MIN = 1e7;
const N_MAX = 1e13;
const LENGTH_MAX = 50;

/**
 * The illustrative per-token loss on the answer's tokens, ℓ(N) = 2·(N/10⁷)^−0.4 nats: a stated power law of the
 * kind Schaeffer et al. 2023 (§2) assume, chosen so that p = e^−ℓ runs from 0.14 to 0.99 over the plotted sizes.
 * It is not a fit to any model family (Kaplan's L(N) is a loss over all tokens and never gets p near 1 here).
 */
export function illustrativeTaskLoss(N: number): number {
  return 2 * Math.pow(N / 1e7, -0.4);
}

const lengthOf = (state: FigureState) => numberValue(emergenceFigure, state, 'length');
const scores = (N: number, L: number) => {
  const loss = illustrativeTaskLoss(N);
  const p = tokenProbability(loss);
  return { loss, p, exact: exactMatch(p, L), edit: tokenEditDistance(p, L) };
};

/** The model size at which exact match on an L-token answer reaches 50% (bisection on log N; NaN if outside the plot). */
export function halfwayParams(L: number): number {
  let lo = Math.log(N_MIN);
  let hi = Math.log(N_MAX);
  if (scores(N_MAX, L).exact < 0.5 || scores(N_MIN, L).exact >= 0.5) return Number.NaN;
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    if (scores(Math.exp(mid), L).exact < 0.5) lo = mid;
    else hi = mid;
  }
  return Math.exp(hi);
}
const tokens = (n: number, lang: Lang) => (lang === 'zh' ? `${formatPlain(n, 2)} 个 token` : `${formatPlain(n, 2)} tokens`);

/** The definition of the emergence figure. */
export const emergenceFigure: FigureModel = {
  id: 'emergence',
  controls: [
    { kind: 'number', name: 'length', label: bi('Answer length L', '答案长度 L'), steps: linearSteps(1, LENGTH_MAX, 1), default: 20, integer: true,
      format: (v, lang) => (lang === 'zh' ? `${v} 个 token` : `${v} token${v === 1 ? '' : 's'}`) },
  ],
  axes: () => ({
    x: { type: 'log', title: bi('Model parameters N', '模型参数量 N'), min: N_MIN, max: N_MAX },
    y: { type: 'log', title: bi('Loss (nats)', '损失（纳特）'), min: 0.005, max: 3, panel: 0, weight: 1, position: 'left' },
    // Headroom above 100%: the panel's top tick stays clear of the loss panel's bottom one, and its line label has room.
    y2: { type: 'linear', title: bi('Exact match', '精确匹配'), min: 0, max: 1.1, ticks: 'percent', panel: 1, weight: 1.6, position: 'left' },
    yPad: { type: 'linear', title: bi('', ''), min: 0, max: 1, panel: 0, weight: 1, position: 'right' },
    y3: { type: 'linear', title: bi('Edit distance (tokens)', '编辑距离（token）'), min: 0, max: LENGTH_MAX, panel: 1, weight: 1.6, position: 'right' },
  }),
  series(state, lang) {
    const L = lengthOf(state);
    const grid = logspace(N_MIN, N_MAX, 161);
    const rows = grid.map((N) => ({ N, ...scores(N, L) }));
    const zh = lang === 'zh';
    return [
      { key: 'loss', role: 'loss', kind: 'line', axis: 'y', directLabel: true, label: zh ? '每 token 损失' : 'per-token loss', points: rows.map((r) => ({ x: r.N, y: r.loss })) },
      { key: 'exact', role: 'exact-match', kind: 'line', axis: 'y2', directLabel: true, label: zh ? `精确匹配（${L} 个全对）` : `exact match (all ${L} right)`, points: rows.map((r) => ({ x: r.N, y: r.exact })) },
      { key: 'edit', role: 'edit-distance', kind: 'line', axis: 'y3', directLabel: true, label: zh ? `编辑距离 ${L}(1−p)` : `edit distance ${L}(1−p)`, points: rows.map((r) => ({ x: r.N, y: r.edit })) },
    ];
  },
  describe(state, lang) {
    const L = lengthOf(state);
    const [a, b] = [scores(N_MIN, L), scores(N_MAX, L)];
    const half = halfwayParams(L);
    const halfText = Number.isFinite(half) ? formatParams(half, lang) : formatSci(N_MAX);
    return lang === 'zh'
      ? `每 token 损失在 ${formatSci(N_MIN)} 到 ${formatSci(N_MAX)} 参数之间从 ${formatPlain(a.loss, 2)} 平滑降到 ${formatPlain(b.loss, 2)} 纳特；按 ${L} 个 token 的精确匹配计分，它从 ${formatPercent(a.exact)} 起步，约在 ${zhGap(halfText)}处越过 50%，最终到 ${formatPercent(b.exact)}；token 编辑距离则从 ${formatPlain(a.edit, 2)} 平稳降到 ${formatPlain(b.edit, 2)}。`
      : `Per-token loss falls smoothly from ${formatPlain(a.loss, 2)} to ${formatPlain(b.loss, 2)} nats between ${formatSci(N_MIN)} and ${formatSci(N_MAX)} parameters; scored by exact match on a ${L}-token answer it starts at ${formatPercent(a.exact)}, crosses 50% near ${halfText} and ends at ${formatPercent(b.exact)}, while the token edit distance falls steadily from ${formatPlain(a.edit, 2)} to ${formatPlain(b.edit, 2)}.`;
  },
  readout(state, lang) {
    const L = lengthOf(state);
    const half = halfwayParams(L);
    const at = Number.isFinite(half) ? scores(half, L) : undefined;
    const zh = lang === 'zh';
    const lines = [zh ? `答案长度 L = ${L}` : `Answer length L = ${L}`];
    if (at) {
      lines.push(zh
        ? `精确匹配约在 ${formatParams(half, lang)}越过 50%，此时每 token 正确率 p = ${formatPlain(at.p, 3)}，编辑距离 ${tokens(at.edit, lang)}`
        : `Exact match crosses 50% near ${formatParams(half, lang)}, where p = ${formatPlain(at.p, 3)} and the edit distance is ${tokens(at.edit, lang)}`);
    } else {
      lines.push(zh ? `在图示范围内精确匹配没有越过 50%` : `Exact match does not reach 50% within the plotted range`);
    }
    return { lines };
  },
  table(state, lang) {
    const L = lengthOf(state);
    const zh = lang === 'zh';
    return {
      columns: zh ? ['参数量 N', '损失（纳特）', 'p', `精确匹配 p${superscript(L)}`, `编辑距离 ${L}(1−p)`] : ['Parameters N', 'Loss (nats)', 'p', `Exact match p${superscript(L)}`, `Edit distance ${L}(1−p)`],
      rows: logspace(N_MIN, N_MAX, 13).map((N) => {
        const s = scores(N, L);
        return [cell(N, formatSci(N)), cell(s.loss, formatPlain(s.loss, 3)), cell(s.p, formatPlain(s.p, 3)), cell(s.exact, formatPercent(s.exact)), cell(s.edit, formatPlain(s.edit, 3))];
      }),
    };
  },
};

/** What the frame prints around the emergence chart: its name, sources and notes (server-side only). */
export const emergenceFigureCredits: FigureCredits = {
  title: bi('Smooth per-token loss against exact match and token edit distance', '平滑的每 token 损失与精确匹配、token 编辑距离'),
  sources: (lang) => [
    { what: lang === 'zh' ? '精确匹配（p 的 L 次方）与编辑距离 L(1−p)' : 'Exact match (p to the power L) and edit distance L(1−p)', source: lang === 'zh' ? 'Schaeffer 等 2023，§2（假设各 token 相互独立）' : 'Schaeffer et al. 2023, §2 (tokens assumed independent)' },
    { what: lang === 'zh' ? '每 token 损失' : 'Per-token loss', source: lang === 'zh' ? '示意幂律 ℓ(N) = 2·(N/10⁷)^{−0.4} 纳特，并非拟合' : 'an illustrative power law ℓ(N) = 2·(N/10⁷)^{−0.4} nats, not a fit' },
  ],
};
