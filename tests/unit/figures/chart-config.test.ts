import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, LineController, LineElement, LinearScale, LogarithmicScale, PointElement } from 'chart.js';
import { FIGURES } from '../../../src/lib/figures/registry';
import { defaultState } from '../../../src/lib/figures/controls';
import {
  LIGHT_THEME, MAX_TEXT_SCALE, OKABE_ITO, ROLE_STYLES, SANS_STACK, buildChartConfig, chartFontSize, logLabel, logTicks, type FigureChartData, type XY,
} from '../../../src/lib/figures/chart-config';
import { hoverText } from '../../../src/lib/figures/hover-text';
import type { FigureDefinition, FigureState } from '../../../src/lib/figures/types';
import { validState } from './arbitraries';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

const DARK = { ...LIGHT_THEME, text: '#dcd8d0', muted: '#a8a39a', rule: '#3b3f45', bg: '#1d1f22', dark: true };

interface TextBox { text: string; left: number; top: number; right: number; bottom: number }

// Draws a figure in a state in Node at a size and returns every text Chart.js and the labels plugin painted (as
// boxes in canvas pixels, from the glyphs' own extent and the transform in force) and the point markers' boxes.
function drawnLayout(def: FigureDefinition, state: FigureState, width: number, height: number, lang: 'en' | 'zh', theme = LIGHT_THEME) {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const texts: TextBox[] = [];
  const fill = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    const m = ctx.measureText(text);
    const t = ctx.getTransform();
    const corners = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
    ].map(([cx, cy]) => [t.a * cx! + t.c * cy! + t.e, t.b * cx! + t.d * cy! + t.f]);
    const xs = corners.map((c) => c[0]!);
    const ys = corners.map((c) => c[1]!);
    if (text.trim()) texts.push({ text, left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) });
    fill(text, x, y, maxWidth);
  };
  const config = buildChartConfig(def, state, lang, theme, { responsive: false, pixelRatio: 1 });
  const chart = new Chart<'line', XY[]>(ctx as unknown as CanvasRenderingContext2D, config);
  const markers: Array<TextBox & { label?: string }> = [];
  const figure = (chart.data as FigureChartData).figure;
  chart.data.datasets.forEach((dataset, datasetIndex) => {
    if ((dataset as { showLine?: boolean }).showLine !== false) return;
    const r = Number((dataset as { pointRadius?: number }).pointRadius);
    chart.getDatasetMeta(datasetIndex).data.forEach((e, index) => {
      const label = figure.points.find((p) => p.datasetIndex === datasetIndex && p.index === index)?.text;
      markers.push({ text: `marker ${datasetIndex}:${index}`, label, left: e.x - r, top: e.y - r, right: e.x + r, bottom: e.y + r });
    });
  });
  // The names of points inside the plot area (a point beyond an axis's end is neither drawn nor named).
  const area = chart.chartArea;
  const inArea = (m: TextBox) => (m.left + m.right) / 2 >= area.left && (m.left + m.right) / 2 <= area.right && (m.top + m.bottom) / 2 >= area.top && (m.top + m.bottom) / 2 <= area.bottom;
  // Each directly labelled line: its label's text and the points it is drawn through.
  const lines = figure.lines.map(({ datasetIndex, text }) => ({
    text,
    path: chart.getDatasetMeta(datasetIndex).data.map((e) => ({ x: e.x, y: e.y })).filter((e) => Number.isFinite(e.x) && Number.isFinite(e.y)),
  }));
  chart.destroy();
  return { texts, markers, lines, pointLabels: new Set(markers.filter((m) => m.label !== undefined && inArea(m)).map((m) => m.label!)) };
}

// Whether a polyline enters a box (shrunk by half a pixel), walked in steps of a quarter pixel.
function lineEnters(path: ReadonlyArray<{ x: number; y: number }>, box: TextBox): boolean {
  for (let i = 1; i < path.length; i += 1) {
    const a = path[i - 1]!;
    const b = path[i]!;
    const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 4));
    for (let k = 0; k <= steps; k += 1) {
      const x = a.x + ((b.x - a.x) * k) / steps;
      const y = a.y + ((b.y - a.y) * k) / steps;
      if (x > box.left + 0.5 && x < box.right - 0.5 && y > box.top + 0.5 && y < box.bottom - 0.5) return true;
    }
  }
  return false;
}

// The distance between two boxes (0 when they touch or overlap).
const gap = (a: TextBox, b: TextBox) =>
  Math.hypot(Math.max(0, a.left - b.right, b.left - a.right), Math.max(0, a.top - b.bottom, b.top - a.bottom));

// A box's centre, as a box of no size.
const centre = (b: TextBox): TextBox => {
  const x = (b.left + b.right) / 2;
  const y = (b.top + b.bottom) / 2;
  return { text: b.text, left: x, right: x, top: y, bottom: y };
};

// True when two boxes share more than a hair (half a pixel each way: glyph extents are measured, not exact).
const clash = (a: TextBox, b: TextBox) =>
  a.left + 0.5 < b.right && b.left + 0.5 < a.right && a.top + 0.5 < b.bottom && b.top + 0.5 < a.bottom;

// Everything a drawn figure's words must satisfy: inside the canvas, none over another or over a point (a point's
// name may cover an unnamed point in a crowd), every name nearer its own point than any other named one, and at
// 600 px every name drawn.
function checkLayout(def: FigureDefinition, state: FigureState, width: number, height: number, lang: 'en' | 'zh', theme = LIGHT_THEME): void {
  const { texts, markers, pointLabels } = drawnLayout(def, state, width, height, lang, theme);
  const where = `${def.id} (${lang}) at ${width}×${height}, ${theme.fontSize} px text, state ${JSON.stringify(state)}`;
  expect(texts.length, `${where}: texts drawn`).toBeGreaterThan(3);
  for (const t of texts) {
    expect([t.left, t.top, t.right, t.bottom].every(Number.isFinite), `${where}: "${t.text}" has a box`).toBe(true);
    expect(t.left >= 0 && t.top >= 0 && t.right <= width && t.bottom <= height, `${where}: "${t.text}" lies inside the canvas`).toBe(true);
  }
  for (const [i, a] of texts.entries()) {
    for (const b of texts.slice(i + 1)) expect(clash(a, b), `${where}: "${a.text}" and "${b.text}" overlap`).toBe(false);
  }
  // Line labels, legend and ticks cover no point.
  for (const t of texts.filter((x) => !pointLabels.has(x.text))) {
    for (const m of markers) expect(clash(t, m), `${where}: "${t.text}" covers ${m.label ?? m.text}`).toBe(false);
  }
  // A point's name covers no other named point and is nearer its own point than any other named one. On a
  // small phone a name with no such place is left out; at 600 px every name is drawn.
  const named = markers.filter((m) => m.label !== undefined);
  const drawnNames = texts.filter((x) => pointLabels.has(x.text)).length;
  if (width === 600) expect(drawnNames, `${where}: every point's name is drawn`).toBe(pointLabels.size);
  for (const t of texts.filter((x) => pointLabels.has(x.text))) {
    const own = named.find((m) => m.label === t.text)!;
    for (const m of named.filter((x) => x !== own)) {
      expect(clash(t, m), `${where}: "${t.text}" covers ${m.label}`).toBe(false);
      expect(gap(centre(m), t), `${where}: "${t.text}" is nearer ${m.label} than its own point`).toBeGreaterThan(gap(centre(own), t));
    }
  }
}

// Everything a valid configuration must satisfy, whatever the figure and state.
function checkConfig(def: FigureDefinition, state: FigureState, lang: 'en' | 'zh', theme = LIGHT_THEME): void {
  const config = buildChartConfig(def, state, lang, theme);
  expect(config.type).toBe('line');
  expect(config.options?.animation).toBe(false);
  expect(config.options?.devicePixelRatio).toBeGreaterThanOrEqual(2);
  const scales = config.options?.scales as Record<string, { type: string; min?: number; max?: number }>;
  const data = config.data as FigureChartData;
  expect(data.datasets.length).toBeGreaterThan(0);
  for (const dataset of data.datasets) {
    const axis = (dataset as { yAxisID?: string }).yAxisID ?? 'y';
    expect(scales[axis], `${def.id}: dataset ${dataset.label} uses a defined axis`).toBeDefined();
    expect(dataset.data.length).toBeGreaterThan(0);
    for (const p of dataset.data as XY[]) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      if (scales.x?.type === 'logarithmic') expect(p.x).toBeGreaterThan(0);
      if (scales[axis]?.type === 'logarithmic') expect(p.y).toBeGreaterThan(0);
    }
    expect(String(dataset.label)).not.toMatch(/NaN|Infinity|undefined/);
  }
  for (const [id, scale] of Object.entries(scales)) {
    if (scale.min !== undefined && scale.max !== undefined) expect(scale.max, `${def.id}: axis ${id}`).toBeGreaterThan(scale.min);
    for (const bound of [scale.min, scale.max]) if (bound !== undefined) expect(Number.isFinite(bound)).toBe(true);
  }
  // One set of horizontal grid lines per panel: a second y axis beside it marks its ticks on its own edge only.
  const gridded = new Map<string, string[]>();
  for (const [id, scale] of Object.entries(scales) as Array<[string, { stack?: string; weight?: number; grid?: { display?: boolean; drawOnChartArea?: boolean } }]>) {
    if (id === 'x' || scale.grid?.display === false || scale.grid?.drawOnChartArea === false) continue;
    const panel = scale.stack ? `panel ${Math.abs(scale.weight ?? 0)}` : 'chart';
    gridded.set(panel, [...(gridded.get(panel) ?? []), id]);
  }
  for (const [panel, ids] of gridded) expect(ids, `${def.id}: y axes drawing grid lines in the ${panel}`).toHaveLength(1);
  for (const label of [...data.figure.lines, ...data.figure.points]) expect(label.text).not.toMatch(/NaN|Infinity|undefined/);
  // At least one drawn dataset must have a point inside the x range (no empty chart).
  const x = scales.x!;
  const inside = data.datasets.some((d) => (d.data as XY[]).some((p) => (x.min === undefined || p.x >= x.min) && (x.max === undefined || p.x <= x.max)));
  expect(inside, `${def.id}: something is plotted inside the x range`).toBe(true);
}

// The one name the factory writes across its own line, because no place is left: on a 240 px chart the emergence
// figure's loss panel is 126 × 67 px and its line runs from corner to corner, so the name finds no place clear of it,
// on one line (110 px wide) or on two (84 × 30 px). Listed here so that the test fails if it changes either way.
const CROSSED_WITH_NO_CHOICE: Record<string, string[]> = {
  emergence: ['en 240×240: "per-token loss" of "per-token loss"'],
};

// The sizes a line's name is checked against lines at: 600×350 and 360×300 at the test theme's own text size (root 0),
// square phones of 240–340 px at the default 16 px root, and twice the text at 1200×700.
const NAME_SIZES: Array<[number, number, number]> = [[600, 350, 0], [360, 300, 0], ...[240, 260, 280, 300, 320, 340].map((w): [number, number, number] => [w, w, 16]), [1200, 700, 16 * MAX_TEXT_SCALE]];

/** Every drawn piece of a line's name (whole, or its two halves) that a line chosen by `against` enters, at NAME_SIZES
 * (naming the line that enters it when that is another). */
function namesEntered(def: FigureDefinition, against: (line: string, other: string) => boolean): string[] {
  const entered: string[] = [];
  for (const [width, height, root] of NAME_SIZES) for (const lang of ['en', 'zh'] as const) {
    const theme = root ? { ...LIGHT_THEME, fontSize: chartFontSize(width, root) } : LIGHT_THEME;
    const { texts, lines } = drawnLayout(def, defaultState(def), width, height, lang, theme);
    // A name is drawn whole, or in two lines one after the other (its halves joined by a space).
    for (const line of lines) {
      texts.forEach((t, i) => {
        const next = texts[i + 1];
        const parts = t.text === line.text ? [t] : next && `${t.text} ${next.text}` === line.text ? [t, next] : [];
        for (const part of parts) {
          for (const other of lines) if (against(line.text, other.text) && lineEnters(other.path, part)) entered.push(`${lang} ${width}×${height}: "${part.text}" of "${line.text}"${other === line ? '' : ` by "${other.text}"`}`);
        }
      });
    }
  }
  return entered;
}

// The figures whose lines start together and run close all the way (the data-limited curves, the four compute
// frontiers): their names stack beside the lines' ends as a key, across the other lines, by design.
const NAMES_AS_A_KEY = new Set(['data-limited-loss', 'compute-frontier']);

// Where a name still crosses another line, for want of room: on charts of 240–280 px the emergence figure's edit
// distance finds no place beside its line that the exact-match curve leaves clear, nor does the growing-state figure's
// RNN state at 240 px beside the Llama line. Listed so that the test fails if it changes either way.
const CROSSES_OTHERS_WITH_NO_CHOICE: Record<string, string[]> = {
  emergence: [
    'en 240×240: "edit distance" of "edit distance 20(1−p)" by "exact match (all 20 right)"',
    'en 240×240: "20(1−p)" of "edit distance 20(1−p)" by "exact match (all 20 right)"',
    'zh 240×240: "编辑距离 20(1−p)" of "编辑距离 20(1−p)" by "精确匹配（20 个全对）"',
    'en 260×260: "edit distance" of "edit distance 20(1−p)" by "exact match (all 20 right)"',
    'en 260×260: "20(1−p)" of "edit distance 20(1−p)" by "exact match (all 20 right)"',
    'en 280×280: "edit distance 20(1−p)" of "edit distance 20(1−p)" by "exact match (all 20 right)"',
  ],
  'growing-state': ['en 240×240: "RNN state" of "RNN state (illustrative)" by "Llama 2 70B (grouped-query)"'],
};

describe('the chart factory', () => {
  it("draws in the page's system sans stack (--font-sans-system in global.css) where it cannot read the page's CSS", () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const declared = /--font-sans-system:([^;]+);/.exec(css)?.[1];
    expect(declared, '--font-sans-system in global.css').toBeDefined();
    const families = (stack: string) => stack.split(',').map((name) => name.trim().replace(/^['"]|['"]$/g, ''));
    expect(families(SANS_STACK)).toEqual(families(declared!));
  });

  it("sets the chart's text by the reader's own size (the root font size), as far as the chart grew with it", () => {
    // A reader at the browsers' default 16 px: 11 px on a phone-sized chart, 12.5 px from 480 px on, however wide.
    expect(chartFontSize(340, 16)).toBe(11);
    expect(chartFontSize(479, 16)).toBe(11);
    expect(chartFontSize(480, 16)).toBe(12.5);
    expect(chartFontSize(1200, 16)).toBe(12.5);
    // A reader at 20 px whose chart grew to 750 px: 1.25 × (12.5 px per 600 px of width allows exactly that).
    expect(chartFontSize(750, 20)).toBeCloseTo(15.625, 9);
    // At 24 px on a chart held to 700 px by the window: as large as 700 px of width allows, not 18.75 px.
    expect(chartFontSize(700, 24)).toBeCloseTo((700 * 12.5) / 600, 9);
    // At twice the default on a chart as wide as 1200 px: twice the text, 25 px; never past twice, however large.
    expect(MAX_TEXT_SCALE).toBe(2);
    expect(chartFontSize(1200, 32)).toBeCloseTo(25, 9);
    expect(chartFontSize(1600, 48)).toBeCloseTo(25, 9);
    expect(chartFontSize(1100, 28)).toBeCloseTo(21.875, 9);
    // On a phone the chart cannot grow: its text stays at 11 px. Smaller reader text never makes it smaller.
    expect(chartFontSize(350, 24)).toBe(11);
    expect(chartFontSize(800, 12)).toBe(12.5);
  });

  it('refuses a width or root size that is not a finite number, naming it', () => {
    for (const [width, root] of [[NaN, 16], [-1, 16], [Infinity, 16], [600, 0], [600, NaN], [600, Infinity], [600, -16]]) {
      expect(() => chartFontSize(width!, root!)).toThrow(RangeError);
      expect(() => chartFontSize(width!, root!)).toThrow(/widthPx .* rootPx/);
    }
  });

  it('labels log axes only at powers of ten, with superscripts (plain between 0.01 and 1000)', () => {
    expect(logLabel(1e9)).toEqual({ value: 1e9, base: '10', exponent: '9' });
    expect(logLabel(1e-3)).toEqual({ value: 1e-3, base: '10', exponent: '−3' });
    expect(logLabel(1e4)).toEqual({ value: 1e4, base: '10', exponent: '4' });
    for (const [value, text] of [[1e3, '1,000'], [100, '100'], [0.01, '0.01'], [0.5, '0.5'], [1.5, '1.5']] as const) {
      expect(logLabel(value)).toEqual({ value, base: text, exponent: '' });
    }
    expect(logTicks(1e6, 1e13)).toEqual([1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13]);
    expect(logTicks(1, 5)).toEqual([1, 1.5, 2, 3, 4, 5]);
    expect(logTicks(1e-5, 1e25).length).toBeLessThanOrEqual(12);
  });

  it('gives every meaning one Okabe–Ito colour and greyscale-safe dashes', () => {
    expect(ROLE_STYLES.kaplan.color).toBe(OKABE_ITO.blue);
    expect(ROLE_STYLES.hoffmann.color).toBe(OKABE_ITO.vermillion);
    expect(ROLE_STYLES['hoffmann-unrounded'].color).toBe(OKABE_ITO.orange);
    expect(ROLE_STYLES.epoch.color).toBe(OKABE_ITO.bluishGreen);
    expect(ROLE_STYLES.reader.color).toBe(OKABE_ITO.reddishPurple);
    const fitDashes = ['kaplan', 'hoffmann', 'hoffmann-unrounded', 'epoch'].map((r) => JSON.stringify(ROLE_STYLES[r as 'kaplan'].dash));
    expect(new Set(fitDashes).size).toBe(4);
  });

  for (const def of Object.values(FIGURES)) {
    describe(def.id, () => {
      it('builds a valid configuration for the default state in both languages and themes', () => {
        for (const lang of ['en', 'zh'] as const) {
          checkConfig(def, defaultState(def), lang);
          checkConfig(def, defaultState(def), lang, DARK);
        }
      });

      it('builds a valid configuration for random valid states', () => {
        fc.assert(
          fc.property(validState(def), fc.constantFrom('en' as const, 'zh' as const), (state, lang) => checkConfig(def, state, lang)),
          { numRuns: 60 },
        );
      });

      it('Chart.js draws the default state on a canvas in Node (non-blank)', async () => {
        const canvas = createCanvas(600, 350);
        const config = buildChartConfig(def, defaultState(def), 'en', LIGHT_THEME, { responsive: false, pixelRatio: 1 });
        const chart = new Chart<'line', XY[]>(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] as number) > 0) painted += 1;
        chart.destroy();
        expect(painted).toBeGreaterThan(2000);
      });

      it('draws every text inside the canvas, no text over another or over a point (a name may cover an unnamed one in a crowd), and no name nearer another named point (600×350 and 360×300, both languages)', () => {
        for (const [width, height, lang] of [[600, 350, 'en'], [360, 300, 'en'], [600, 350, 'zh'], [360, 300, 'zh']] as const) {
          checkLayout(def, defaultState(def), width, height, lang);
        }
      });

      it("writes no line's name across the line itself (default state, 600×350, 360×300, square phones of 240–340 px and twice the text at 1200×700; both languages)", () => {
        const crossed = namesEntered(def, (line, other) => line === other);
        expect(crossed, `${def.id}: names written across their own lines`).toEqual(CROSSED_WITH_NO_CHOICE[def.id] ?? []);
      });

      if (!NAMES_AS_A_KEY.has(def.id)) {
        it("writes no line's name across another line where it has room beside its own (the same sizes)", () => {
          const crossed = namesEntered(def, (line, other) => line !== other);
          expect(crossed, `${def.id}: names written across other lines`).toEqual(CROSSES_OTHERS_WITH_NO_CHOICE[def.id] ?? []);
        });
      }

      it("keeps its words apart and off the points with a reader's larger text, at the width that text gives the chart (1.25 × to 2 ×, the most it grows: 750×438 to 1200×700 px), both languages", () => {
        for (const scale of [1.25, 1.4, 1.6, 1.8, MAX_TEXT_SCALE]) {
          const [width, height] = [Math.round(600 * scale), Math.round(350 * scale)];
          const theme = { ...LIGHT_THEME, fontSize: chartFontSize(width, 16 * scale) };
          expect(theme.fontSize).toBeCloseTo(12.5 * scale, 6);
          for (const lang of ['en', 'zh'] as const) checkLayout(def, defaultState(def), width, height, lang, theme);
        }
      });

      it('keeps its words apart and off the points on a phone, where the chart is square and 240–340 px wide (280–380 px screens), both languages', () => {
        for (const width of [240, 260, 280, 300, 320, 340]) {
          const theme = { ...LIGHT_THEME, fontSize: chartFontSize(width, 16) };
          for (const lang of ['en', 'zh'] as const) checkLayout(def, defaultState(def), width, width, lang, theme);
        }
      });

      it('keeps its words apart and off the points for random valid states too (600×350, and 1200×700 at twice the text)', () => {
        fc.assert(fc.property(validState(def), (state) => checkLayout(def, state, 600, 350, 'en')), { numRuns: 25 });
        const large = { ...LIGHT_THEME, fontSize: chartFontSize(1200, 16 * MAX_TEXT_SCALE) };
        fc.assert(fc.property(validState(def), (state) => checkLayout(def, state, 1200, 700, 'zh', large)), { numRuns: 10 });
      });

      it('gives every plotted point a hover card without NaN, in Chinese with full-width colons', () => {
        for (const lang of ['en', 'zh'] as const) {
          const data = buildChartConfig(def, defaultState(def), lang, LIGHT_THEME).data as FigureChartData;
          data.datasets.forEach((_dataset, i) => {
            const card = hoverText(data, i, 0, lang);
            expect(card.lines.length).toBeGreaterThan(0);
            expect([card.title, ...card.lines].join(' ')).not.toMatch(/NaN|Infinity|undefined/);
            if (lang === 'zh') for (const line of card.lines) expect(line).not.toMatch(/[\u4e00-\u9fff]: /);
          });
        }
      });
    });
  }
});
