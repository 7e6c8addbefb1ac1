import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BESIROGLU_2024, GPT3_175B, HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, LLAMA2_70B, MODELS, computeOptimal, exactMatch, fitPowerLaw,
  fitSaturatingPowerLaw, kaplanLoss, kaplanLossVsParams, kaplanOptimalParams, kvCacheBytes, tokenEditDistance, tokenProbability,
} from '../../../src/lib/scaling';
import { FIGURE_IDS } from '../../../src/lib/figures/ids';
import { FIGURES, getFigure } from '../../../src/lib/figures/registry';
import { defaultState } from '../../../src/lib/figures/controls';
import { parseXYData } from '../../../src/lib/figures/csv';
import { illustrativeTaskLoss } from '../../../src/lib/figures/emergence';
import { DEFAULT_CSV } from '../../../src/lib/figures/fit-your-own';
import { rnnStateBytes } from '../../../src/lib/figures/growing-state';
import { creditHtml, creditLine, readoutHtml, sourceText, tableHtml } from '../../../src/lib/figures/render';
import type { FigureDefinition, TableData } from '../../../src/lib/figures/types';
import { validState } from './arbitraries';
import { citationLabel, getBibliography } from '../../../src/lib/bibliography';

const values = (table: TableData, column: number) => table.rows.map((row) => row[column]?.value);
const close = (a: number | undefined, b: number) => expect(a! / b).toBeCloseTo(1, 12);

describe('the figure registry', () => {
  it('has one definition for every id of ids.ts, under that id', () => {
    expect(Object.keys(FIGURES).sort()).toEqual([...FIGURE_IDS].sort());
    for (const id of FIGURE_IDS) expect(getFigure(id).id).toBe(id);
    expect(() => getFigure('nope')).toThrow(/Unknown figure id "nope"/);
  });

  for (const def of Object.values(FIGURES) as FigureDefinition[]) {
    it(`${def.id}: controls are well formed (unique names, sorted slider steps, defaults accepted)`, () => {
      const names = def.controls.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const control of def.controls) {
        expect(control.label.en && control.label.zh).toBeTruthy();
        if (control.kind === 'number') {
          expect([...control.steps].sort((a, b) => a - b)).toEqual(control.steps);
          expect(control.default).toBeGreaterThanOrEqual(control.steps[0]!);
          expect(control.default).toBeLessThanOrEqual(control.steps[control.steps.length - 1]!);
        }
        if (control.kind === 'radio') expect(control.options.map((o) => o.value)).toContain(control.default);
      }
    });

    it(`${def.id}: the Chinese source line has no English prose (names and citations aside)`, () => {
      const { sources, notes } = sourceText(def, 'zh');
      // Three lower-case English words in a row is prose; "et al." and units are not.
      expect(`${sources} ${notes}`).not.toMatch(/\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/);
    });

    it(`${def.id}: the Chinese source line names sections, tables and equations in Chinese, with Chinese punctuation`, () => {
      // Paper titles stay in their own language, inside “ ”; the words and marks around them are the edition's.
      const { sources, notes } = sourceText(def, 'zh');
      const outsideTitles = `${sources} ${notes}`.replace(/“[^”]*”/g, '“”');
      expect(outsideTitles).not.toMatch(/\b(?:Sections?|Tables?|Eqs?\.|App\.|Appendix|Figs?\.|also|used in)(?![\w])/);
      expect(outsideTitles).not.toMatch(/ \(|; |"/);
      // Author–year citations as the edition's in-text ones write them: "Kaplan 等 2020".
      expect(outsideTitles).not.toMatch(/\bet al\./);
    });

    it(`${def.id}: each work its credits, table and tooltips cite is in the bibliography, named as the prose names it`, () => {
      // Multi-author forms only ("Kaplan et al. 2020", "Gu & Dao 2023", "Kaplan 等 2020"): a bare "Name 2019" would
      // also match dates such as "October 2018".
      const citation = /[A-Z][\w-]+(?: et al\.| 等|(?:, [A-Z][\w-]+)*,? & [A-Z][\w-]+|、[A-Z][\w-]+) (?:19|20)\d\d[a-z]?\b/g;
      for (const lang of ['en', 'zh'] as const) {
        const labels = new Set([...getBibliography().values()].map((ref) => citationLabel(ref, lang).replaceAll('\u00a0', ' ')));
        const state = defaultState(def);
        const { sources, notes } = sourceText(def, lang);
        const texts = [sources, notes, ...def.table(state, lang).rows.flat().map((c) => c.text),
          ...def.series(state, lang).flatMap((s) => s.points.flatMap((p) => p.tooltip ?? []))];
        const cited = texts.flatMap((text) => [...text.matchAll(citation)].map((m) => m[0]));
        expect(cited.filter((label) => !labels.has(label)), lang).toEqual([]);
      }
    });

    it(`${def.id}: the English source line keeps each "et al." on one line`, () => {
      const line = creditLine(def, 'en');
      if (sourceText(def, 'en').sources.includes(' et al.')) expect(line).toContain('et\u00a0al.');
      expect(line).not.toMatch(/et al\./);
    });

    it(`${def.id}: the source line prints an exponent raised, never as a caret, and escapes the rest`, () => {
      for (const lang of ['zh', 'en'] as const) {
        const html = creditHtml(def, lang);
        expect(html, lang).not.toContain('^');
        expect(html.replace(/<\/?sup>/g, ''), lang).not.toMatch(/[<>]/);
        expect(html.match(/<sup>/g)?.length ?? 0, lang).toBe(creditLine(def, lang).match(/\^\{/g)?.length ?? 0);
      }
    });

    it(`${def.id}: each Chinese source cites the same tables, sections and years as the English one`, () => {
      const numbers = (text: string) => new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? []);
      const en = def.sources('en');
      const zh = def.sources('zh');
      expect(zh.length).toBe(en.length);
      en.forEach((line, i) => expect([...numbers(zh[i]!.source)], line.source).toEqual(expect.arrayContaining([...numbers(line.source)])));
    });

    it(`${def.id}: description, readout, table and sources never show NaN, Infinity or undefined`, () => {
      fc.assert(
        fc.property(validState(def), fc.constantFrom('en' as const, 'zh' as const), (state, lang) => {
          const text = [def.describe(state, lang), readoutHtml(def.readout(state, lang)), tableHtml(def.table(state, lang)), sourceText(def, lang).sources].join('\n');
          expect(text).not.toMatch(/NaN|Infinity|undefined|\[object/);
          expect(def.describe(state, lang).length).toBeGreaterThan(20);
          for (const row of def.table(state, lang).rows) for (const cell of row) if (cell.value !== undefined) expect(Number.isFinite(cell.value)).toBe(true);
        }),
        { numRuns: 40 },
      );
    });

    it(`${def.id}: the Chinese texts set full-width punctuation against Chinese, with no space beside it, and no "et al."`, () => {
      fc.assert(
        fc.property(validState(def), (state) => {
          const table = def.table(state, 'zh');
          const readout = def.readout(state, 'zh');
          const texts = [
            def.describe(state, 'zh'), ...readout.lines, ...(readout.table?.columns ?? []), ...(readout.table?.rows.flat().map((c) => c.text) ?? []),
            ...table.columns, ...table.rows.flat().map((c) => c.text), ...Object.values(def.axes(state)).map((axis) => axis.title.zh),
            ...def.series(state, 'zh').flatMap((s) => [s.label, ...s.points.flatMap((p) => [p.label ?? '', ...(p.tooltip ?? [])])]),
          ];
          for (const text of texts) expect(text).not.toMatch(/\bet al\.|[\u4e00-\u9fff][,;:!?]|[,;:!?][\u4e00-\u9fff]|[ \u00a0][（，。：；、！？）]|[（][ \u00a0]/);
        }),
        { numRuns: 20 },
      );
    });
  }
});

describe('data tables carry the scaling module’s values', () => {
  it('loss-vs-scale: L(N) of Kaplan Eq. 1.1 at each decade and at GPT-1/2/3', () => {
    const table = FIGURES['loss-vs-scale'].table(defaultState(FIGURES['loss-vs-scale']), 'en');
    table.rows.forEach((row) => close(row[1]!.value, kaplanLossVsParams(row[0]!.value!)));
    expect(values(table, 0)).toEqual(expect.arrayContaining(MODELS.filter((m) => m.id.startsWith('gpt')).map((m) => m.params)));
  });

  it('data-limited-loss: L(N, D) with Table 2 constants for every D column', () => {
    const table = FIGURES['data-limited-loss'].table(defaultState(FIGURES['data-limited-loss']), 'en');
    const ds = [1e8, 1e9, 1e10, 1e11, 1e12];
    for (const row of table.rows) ds.forEach((D, j) => close(row[j + 1]!.value, kaplanLoss(row[0]!.value!, D)));
  });

  it('compute-frontier: the readout table is Kaplan Table 6 and Hoffmann Eq. 4 under each fit', () => {
    const def = FIGURES['compute-frontier'];
    const state = { ...defaultState(def), c: 1e24 };
    const rows = def.readout(state, 'en').table!.rows;
    close(rows[0]![1]!.value, kaplanOptimalParams(1e24));
    close(rows[0]![2]!.value, 1e24 / (6 * kaplanOptimalParams(1e24)));
    [HOFFMANN_2022, HOFFMANN_2022_UNROUNDED, BESIROGLU_2024].forEach((fit, i) => {
      const o = computeOptimal(1e24, fit);
      close(rows[i + 1]![1]!.value, o.params);
      close(rows[i + 1]![2]!.value, o.tokens);
      close(rows[i + 1]![3]!.value, o.tokensPerParam);
      close(rows[i + 1]![4]!.value, o.loss);
    });
  });

  it('emergence: p = e^−ℓ, exact match p^L and edit distance L(1 − p) for L = 20', () => {
    const table = FIGURES.emergence.table(defaultState(FIGURES.emergence), 'en');
    for (const row of table.rows) {
      const loss = illustrativeTaskLoss(row[0]!.value!);
      const p = tokenProbability(loss);
      close(row[1]!.value, loss);
      close(row[2]!.value, p);
      if (exactMatch(p, 20) > 0) close(row[3]!.value, exactMatch(p, 20));
      close(row[4]!.value, tokenEditDistance(p, 20));
    }
  });

  it('model-timeline: every model of MODELS with its parameter count', () => {
    const table = FIGURES['model-timeline'].table(defaultState(FIGURES['model-timeline']), 'en');
    expect(table.rows.map((r) => r[0]!.text)).toEqual(MODELS.map((m) => m.name));
    expect(values(table, 3)).toEqual(MODELS.map((m) => m.params));
  });

  it('growing-state: KV-cache bytes of GPT-3 and Llama 2 70B, and the constant RNN state', () => {
    const table = FIGURES['growing-state'].table(defaultState(FIGURES['growing-state']), 'en');
    for (const row of table.rows) {
      const t = row[0]!.value!;
      expect(row[1]!.value).toBe(kvCacheBytes(GPT3_175B, t));
      expect(row[2]!.value).toBe(kvCacheBytes(LLAMA2_70B, t));
      expect(row[3]!.value).toBe(rnnStateBytes(2));
    }
    expect(kvCacheBytes(GPT3_175B, 2048)).toBe(9_663_676_416);
  });

  it('fit-your-own: the default data and both fits’ predictions at each point', () => {
    const def = FIGURES['fit-your-own'];
    const table = def.table(defaultState(def), 'en');
    const points = parseXYData(DEFAULT_CSV).points;
    const power = fitPowerLaw(points);
    const floor = fitSaturatingPowerLaw(points);
    table.rows.forEach((row, i) => {
      expect(row[0]!.value).toBe(points[i]!.x);
      expect(row[1]!.value).toBe(points[i]!.y);
      close(row[2]!.value, power.a * points[i]!.x ** power.b);
      close(row[3]!.value, floor.E + floor.a * points[i]!.x ** floor.b);
    });
  });

  it('fit-your-own: titles its axes and table from the data\'s header, the example data\'s in each edition\'s words', () => {
    const def = FIGURES['fit-your-own'];
    const titles = (data: string, lang: 'en' | 'zh') => {
      const axes = def.axes({ data });
      return [axes.x.title[lang], axes.y.title[lang], ...def.table({ data }, lang).columns.slice(0, 2)];
    };
    expect(DEFAULT_CSV.split('\n')[0]).toBe('params,loss');
    expect(titles(DEFAULT_CSV, 'en')).toEqual(['params', 'loss', 'params', 'loss']);
    expect(titles(DEFAULT_CSV, 'zh')).toEqual(['参数量', '损失', '参数量', '损失']);
    expect(titles('size;error\n1;2\n10;1', 'zh')).toEqual(['size', 'error', 'size', 'error']);
    expect(titles('1,2\n10,1', 'zh')).toEqual(['x', 'y', 'x', 'y']);
  });

  it('fit-your-own: falls back to the example data when fewer than two rows are usable, and says so', () => {
    const def = FIGURES['fit-your-own'];
    const readout = def.readout({ data: 'x,y\nabc,1\n5,6' }, 'en');
    expect(readout.lines[0]).toMatch(/Fewer than two usable rows/);
    expect(readout.lines.join(' ')).toMatch(/Line 2 .*not a number/);
    expect(def.series({ data: 'nothing here' }, 'en')[0]!.points.length).toBe(parseXYData(DEFAULT_CSV).points.length);
  });
});
