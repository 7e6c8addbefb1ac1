// THE chart factory: a figure definition + state + theme colours → a Chart.js configuration object.
// Pure (no DOM): the browser island and the build-time static twin both draw from it, so a figure looks the
// same live, in print and as an image. It owns the palette (Okabe–Ito, one colour and dash per meaning), the
// power-of-ten tick labels (drawn with real superscripts, so no font needs superscript glyphs) and the
// direct labels at line ends and beside named points.
import type { Chart, ChartConfiguration, ChartDataset, Plugin, PointStyle, Scale, ScaleOptionsByType } from 'chart.js';
import type { AxisSpec, FigureModel, FigureState, Lang, Series, SeriesRole } from './types';
import { formatNumber, formatPlain, isFiniteNumber } from './format';

/** Colours and type the chart takes from the page (CSS custom properties) or, for twins and print, from LIGHT_THEME. */
export interface ChartTheme {
  readonly text: string;
  readonly muted: string;
  readonly rule: string;
  readonly bg: string;
  readonly dark: boolean;
  readonly fontFamily: string;
  /** Base font size in CSS pixels (tick labels); titles and labels scale from it. */
  readonly fontSize: number;
}

/** The sans stack of src/styles/global.css (--font-sans), for a chart drawn where the page's CSS cannot be read. */
export const SANS_STACK = "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

/** The light theme's colours from src/styles/global.css: used for static twins and for print. */
export const LIGHT_THEME: ChartTheme = Object.freeze({
  text: '#1f1d1a',
  muted: '#5a554c',
  rule: '#dcd6c8',
  bg: '#fbf9f4',
  dark: false,
  fontFamily: SANS_STACK,
  fontSize: 12,
});

/** The most the chart's text grows with the reader's: twice, as WCAG 1.4.4 asks of text. */
export const MAX_TEXT_SCALE = 2;

/**
 * The chart's base text size in CSS px for a chart `widthPx` wide on a page whose root font size is `rootPx` (the
 * reader's own text size; browsers default to 16): 11 px under 480 px, else 12.5 px, grown with the reader's size
 * but at most 12.5 px per 600 px of width (the proportion the label layout is tested at) and MAX_TEXT_SCALE times
 * (the gaps between marks, labels and points grow with the text, see `spacing`), so a reader who
 * sets larger text gets larger chart text wherever the chart grew with it, and never smaller text than at 16 px.
 */
export function chartFontSize(widthPx: number, rootPx: number): number {
  if (!(widthPx >= 0 && rootPx > 0 && widthPx + rootPx < Infinity)) {
    throw new RangeError(`chartFontSize: widthPx (${widthPx}) must be finite and ≥ 0, rootPx (${rootPx}) finite and > 0`);
  }
  const base = widthPx < 480 ? 11 : 12.5;
  return Math.max(base, Math.min(base * Math.min(rootPx / 16, MAX_TEXT_SCALE), (widthPx * 12.5) / 600));
}

/** The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), by name. */
export const OKABE_ITO = Object.freeze({
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
});

/** How a role is drawn: colour (a palette colour or the theme's text/muted), dash, marker and width. */
export interface RoleStyle {
  readonly color: string | 'text' | 'muted';
  readonly dash: readonly number[];
  readonly pointStyle: PointStyle;
  readonly width: number;
}

/** One colour, dash and marker per meaning, the same in every figure (greyscale print tells them apart by dash). */
export const ROLE_STYLES: Readonly<Record<SeriesRole, RoleStyle>> = Object.freeze({
  kaplan: { color: OKABE_ITO.blue, dash: [], pointStyle: 'circle', width: 2.5 },
  hoffmann: { color: OKABE_ITO.vermillion, dash: [8, 4], pointStyle: 'triangle', width: 2.25 },
  'hoffmann-unrounded': { color: OKABE_ITO.orange, dash: [2, 3], pointStyle: 'triangle', width: 2.5 },
  epoch: { color: OKABE_ITO.bluishGreen, dash: [12, 4, 2, 4], pointStyle: 'rect', width: 2.25 },
  table3: { color: OKABE_ITO.vermillion, dash: [], pointStyle: 'triangle', width: 1.5 },
  reader: { color: OKABE_ITO.reddishPurple, dash: [], pointStyle: 'circle', width: 1.5 },
  'fit-power': { color: OKABE_ITO.blue, dash: [6, 4], pointStyle: 'circle', width: 2.25 },
  'fit-saturating': { color: OKABE_ITO.vermillion, dash: [], pointStyle: 'circle', width: 2.25 },
  marker: { color: 'text', dash: [], pointStyle: 'rectRot', width: 1.5 },
  highlight: { color: OKABE_ITO.blue, dash: [], pointStyle: 'circle', width: 2.5 },
  context: { color: 'muted', dash: [], pointStyle: 'circle', width: 1.25 },
  limit: { color: 'text', dash: [2, 3], pointStyle: 'circle', width: 1.75 },
  'decoder-only': { color: OKABE_ITO.blue, dash: [], pointStyle: 'circle', width: 1.5 },
  'encoder-only': { color: OKABE_ITO.orange, dash: [], pointStyle: 'triangle', width: 1.5 },
  'encoder-decoder': { color: OKABE_ITO.bluishGreen, dash: [], pointStyle: 'rect', width: 1.5 },
  mha: { color: OKABE_ITO.blue, dash: [], pointStyle: 'circle', width: 2.5 },
  gqa: { color: OKABE_ITO.vermillion, dash: [8, 4], pointStyle: 'triangle', width: 2.25 },
  rnn: { color: OKABE_ITO.bluishGreen, dash: [2, 3], pointStyle: 'rect', width: 2.5 },
  'exact-match': { color: OKABE_ITO.vermillion, dash: [], pointStyle: 'circle', width: 2.5 },
  'edit-distance': { color: OKABE_ITO.blue, dash: [8, 4], pointStyle: 'circle', width: 2.25 },
  loss: { color: 'text', dash: [], pointStyle: 'circle', width: 2 },
});

/** The colour a role is drawn in under a theme. */
export function roleColor(role: SeriesRole, theme: ChartTheme): string {
  const { color } = ROLE_STYLES[role];
  return color === 'text' ? theme.text : color === 'muted' ? theme.muted : color;
}

/** Options of the factory that differ between the browser, print and the static twin. */
export interface ChartBuildOptions {
  /** Canvas pixels per CSS pixel (2 or more keeps print sharp). */
  readonly pixelRatio?: number;
  /** Resize with the container (browser) or keep the canvas size (twin in Node). */
  readonly responsive?: boolean;
}

/** What a hover card shows for each dataset: its label, y axis and per-point names and notes. */
export interface HoverInfo {
  readonly label: string;
  readonly axis: string;
  readonly points: ReadonlyArray<{ readonly label?: string; readonly tooltip?: readonly string[] }>;
}

/** What the labels plugin and the hover card need, carried on the chart's data object so it updates with the data. */
interface LabelData {
  readonly theme: ChartTheme;
  readonly legend: ReadonlyArray<{ text: string; color: string; pointStyle: PointStyle }>;
  readonly hover: readonly HoverInfo[];
  readonly xFormat: 'year' | 'number';
  readonly yPercent: readonly string[];
  /** Vertical guides (e.g. the chosen budget) at these x values. */
  readonly guides: readonly number[];
  readonly lines: ReadonlyArray<{ datasetIndex: number; text: string; color: string; dash: readonly number[] }>;
  readonly points: ReadonlyArray<{ datasetIndex: number; index: number; text: string }>;
  readonly superscriptAxes: readonly string[];
}

/** A point as Chart.js stores it with parsing off. */
export type XY = { x: number; y: number };

/** The chart data the factory builds: datasets plus the labels plugin's inputs. */
export type FigureChartData = ChartConfiguration<'line', XY[]>['data'] & { figure: LabelData };

// The exponent of a power of ten (within float noise), or undefined.
function powerOfTen(value: number): number | undefined {
  if (!(value > 0)) return undefined;
  const e = Math.log10(value);
  return Math.abs(e - Math.round(e)) < 1e-9 ? Math.round(e) : undefined;
}

const SHORT_RANGE_MANTISSAS = [1, 1.5, 2, 3, 4, 5, 6, 8];

/**
 * The ticks of a log axis from min to max: the powers of ten when the axis spans 1.5 decades or more (every
 * second or third power when there would be more than 12), otherwise the nice values m×10^k, m in 1, 1.5, 2, 3, 4, 5, 6, 8.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0 && max > min && Number.isFinite(max))) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  if (Math.log10(max / min) >= 1.5) {
    const step = Math.max(1, Math.ceil((hi - lo + 1) / 12));
    const out: number[] = [];
    for (let k = lo; k <= hi; k += 1) if ((k - lo) % step === 0) out.push(Number(`1e${k}`));
    return out;
  }
  const out: number[] = [];
  for (let k = lo - 1; k <= hi; k += 1) {
    for (const m of SHORT_RANGE_MANTISSAS) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

// Tick text of a linear axis by kind.
function linearTickLabel(value: number, kind: AxisSpec['ticks']): string {
  if (!isFiniteNumber(value)) return '';
  if (kind === 'percent') return `${formatPlain(value * 100, 3)}%`;
  if (kind === 'year') return Number.isInteger(value) ? String(value) : '';
  return formatNumber(value, 3) === '—' ? '' : formatNumber(value, 3);
}

// An axis title's font: one px above the tick labels', semibold.
const titleFont = (theme: ChartTheme) => ({ family: theme.fontFamily, size: theme.fontSize + 1, weight: '600' as const });

// Chart.js options of one axis.
function scaleOptions(id: string, spec: AxisSpec, lang: Lang, theme: ChartTheme): Record<string, unknown> {
  const log = spec.type === 'log';
  const tickFont = { family: theme.fontFamily, size: theme.fontSize };
  const isX = id === 'x';
  const hidden = spec.title[lang] === '';
  const options: Record<string, unknown> = {
    type: log ? 'logarithmic' : 'linear',
    position: spec.position ?? (isX ? 'bottom' : 'left'),
    min: spec.min,
    max: spec.max,
    title: {
      display: !hidden,
      text: spec.title[lang],
      color: theme.text,
      font: titleFont(theme),
      padding: { top: 2, bottom: 2 },
    },
    ticks: {
      display: true,
      color: theme.muted,
      font: tickFont,
      maxRotation: 0,
      autoSkip: !log,
      autoSkipPadding: 12 * spacing(theme),
      padding: tickGap(theme),
      // Measure at most six labels to size the axis (they are of similar length); measuring every tick on every
      // redraw was the largest single cost of an update.
      sampleSize: 6,
      includeBounds: false,
      callback: (value: number | string) => linearTickLabel(Number(value), spec.ticks),
      ...(spec.ticks === 'year' ? { stepSize: 1 } : {}),
      ...(spec.ticks === 'percent' ? { stepSize: 0.25 } : {}),
    },
    // A right-hand y axis shares its panel with a left one: it keeps its tick marks, and the left axis alone draws grid
    // lines across the plot (two sets of lines at different values read as one muddled grid).
    grid: { color: theme.rule, drawTicks: true, tickLength: tickMark(theme), drawOnChartArea: isX || spec.position !== 'right' },
    border: { color: theme.muted },
  };
  if (log) {
    // Only the ticks that are labelled: fewer labels, and grid lines only there.
    options.afterBuildTicks = (scale: Scale) => {
      scale.ticks = logTicks(scale.min, scale.max).map((value) => ({ value, major: powerOfTen(value) !== undefined }));
    };
    if (!hidden) {
      // The labels plugin draws a log axis's labels (with real superscripts), so Chart.js neither measures nor draws
      // them: the axis reserves the band the drawn labels need, from widths measured once per text and font.
      (options.ticks as Record<string, unknown>).display = false;
      options.afterFit = (scale: Scale) => {
        fitAxis(scale, theme, spec.title[lang], false);
        reserveLogLabels(scale, theme);
      };
    }
  }
  if (!log && !hidden) {
    options.afterFit = (scale: Scale) => {
      fitAxis(scale, theme, spec.title[lang], !isX);
    };
  }
  if (spec.panel !== undefined) {
    options.stack = 'panels';
    options.stackWeight = spec.weight ?? 1;
    // Chart.js stacks left axes by descending weight and right axes by ascending weight (top first).
    options.weight = (spec.position ?? 'left') === 'left' ? -spec.panel : spec.panel;
    options.offset = false;
  }
  if (hidden && !isX) {
    options.ticks = { display: false };
    options.grid = { display: false, drawTicks: false };
    options.border = { display: false };
    options.title = { display: false };
    options.afterFit = (scale: Scale) => {
      scale.width = 0;
    };
  }
  return options;
}

// One dataset for a series under a theme.
function dataset(series: Series, theme: ChartTheme): ChartDataset<'line', XY[]> {
  const style = ROLE_STYLES[series.role];
  const color = series.muted ? theme.muted : roleColor(series.role, theme);
  // With parsing off Chart.js reads x and y straight from these objects (extra fields such as label are ignored).
  const data = series.points as unknown as XY[];
  const common = {
    label: series.label,
    data,
    yAxisID: series.axis ?? 'y',
    borderColor: color,
    backgroundColor: color,
    pointStyle: style.pointStyle,
  };
  if (series.kind === 'line') {
    return {
      ...common,
      borderWidth: series.muted ? 1.25 : style.width,
      borderDash: [...style.dash],
      pointRadius: 0,
      tension: 0,
      order: series.muted ? 3 : 2,
    };
  }
  const marker = series.kind === 'marker';
  // Points of several meanings in one dataset (one Chart.js dataset per group keeps redraws cheap): per-point colour and shape.
  const perPoint = series.points.some((p) => p.role !== undefined)
    ? {
        pointBackgroundColor: series.points.map((p) => (series.muted ? theme.muted : roleColor(p.role ?? series.role, theme))),
        pointStyle: series.points.map((p) => ROLE_STYLES[p.role ?? series.role].pointStyle),
      }
    : {};
  return {
    ...common,
    ...perPoint,
    showLine: false,
    borderWidth: marker ? 2 : 1.25,
    borderColor: marker ? theme.bg : color,
    pointRadius: marker ? 6 : 4.5,
    order: marker ? 0 : 1,
  };
}

// The points that can be drawn (finite; positive on log axes); the same array when all can, so Chart.js sees unchanged data.
function drawable<P extends { x: number; y: number }>(points: readonly P[], logX: boolean, logY: boolean): P[] {
  const ok = (p: P) => isFiniteNumber(p.x) && isFiniteNumber(p.y) && (!logX || p.x > 0) && (!logY || p.y > 0);
  return (points.every(ok) ? points : points.filter(ok)) as P[];
}

// Points in ascending x (a copy is sorted only when needed: most series already are).
function sortedByX<P extends { x: number }>(points: P[]): P[] {
  for (let i = 1; i < points.length; i += 1) if ((points[i] as P).x < (points[i - 1] as P).x) return [...points].sort((a, b) => a.x - b.x);
  return points;
}

const axesCache = new WeakMap<FigureState, { def: FigureModel; axes: ReturnType<FigureModel['axes']>; key: string }>();

// A figure's axes for a state, and their JSON: computed once per state object (states are replaced, never mutated),
// since the data, the options and the options key of one redraw all ask for them.
function axesOf(def: FigureModel, state: FigureState): { axes: ReturnType<FigureModel['axes']>; key: string } {
  const hit = axesCache.get(state);
  if (hit && hit.def === def) return hit;
  const axes = def.axes(state);
  const entry = { def, axes, key: JSON.stringify(axes) };
  axesCache.set(state, entry);
  return entry;
}

/** The chart data of a figure for a state: datasets plus what the labels plugin and hover card need. */
export function buildChartData(def: FigureModel, state: FigureState, lang: Lang, theme: ChartTheme): FigureChartData {
  const all = def.series(state, lang);
  const { axes } = axesOf(def, state);
  const guides = all.filter((s) => s.kind === 'guide').flatMap((s) => s.points.map((p) => p.x)).filter(isFiniteNumber);
  const logY = new Set(Object.entries(axes).filter(([, a]) => a.type === 'log').map(([id]) => id));
  const logX = axes.x?.type === 'log';
  // Only drawable points (finite; positive on log axes), sorted by x so Chart.js can search them.
  const series = all
    .filter((s) => s.kind !== 'guide')
    .map((s) => ({
      ...s,
      points: sortedByX(drawable(s.points, logX, logY.has(s.axis ?? 'y'))),
    }))
    .filter((s) => s.points.length > 0);
  const lines: LabelData['lines'][number][] = [];
  const points: LabelData['points'][number][] = [];
  series.forEach((s, datasetIndex) => {
    if (s.directLabel) {
      lines.push({ datasetIndex, text: s.label, color: s.muted ? theme.muted : roleColor(s.role, theme), dash: ROLE_STYLES[s.role].dash });
    }
    if (s.labelPoints) {
      s.points.forEach((p, index) => {
        if (p.label) points.push({ datasetIndex, index, text: p.label });
      });
    }
  });
  const superscriptAxes = Object.entries(axes)
    .filter(([, spec]) => spec.type === 'log' && spec.title[lang] !== '')
    .map(([id]) => id);
  const legend = series
    .filter((s) => s.legend)
    .map((s) => ({ text: s.label, color: s.muted ? theme.muted : roleColor(s.role, theme), pointStyle: ROLE_STYLES[s.role].pointStyle }));
  // The series' own points carry their names and notes: no per-point copies on every redraw.
  const hover = series.map((s) => ({ label: s.label, axis: s.axis ?? 'y', points: s.points }));
  const yPercent = Object.entries(axes).filter(([, spec]) => spec.ticks === 'percent').map(([id]) => id);
  return {
    datasets: series.map((s) => dataset(s, theme)),
    figure: { theme, lines, points, superscriptAxes, legend, hover, xFormat: axes.x?.ticks === 'year' ? 'year' : 'number', yPercent, guides },
  };
}

/** What a chart's options depend on besides the theme: its axes and resolution (the island rebuilds options when this changes). */
export function optionsKey(def: FigureModel, state: FigureState, lang: Lang, pixelRatio: number): string {
  return `${lang}|${pixelRatio}|${axesOf(def, state).key}`;
}

/** Builds the Chart.js configuration of a figure for a state, language and theme (used live and for twins). */
export function buildChartConfig(
  def: FigureModel,
  state: FigureState,
  lang: Lang,
  theme: ChartTheme,
  options: ChartBuildOptions = {},
): ChartConfiguration<'line', XY[]> {
  const scales: Record<string, unknown> = {};
  for (const [id, spec] of Object.entries(axesOf(def, state).axes)) scales[id] = scaleOptions(id, spec, lang, theme);
  return {
    type: 'line',
    data: buildChartData(def, state, lang, theme),
    options: {
      responsive: options.responsive ?? true,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: options.pixelRatio ?? 2,
      parsing: false,
      normalized: true,
      // The island shows its own hover card (src/scripts/figures/hover-card.ts, nearest point, no hit radius); Chart.js
      // handles no events and has neither its Tooltip nor its Legend plugin registered.
      events: [],
      layout: { padding: ({ chart }: { chart: Chart }) => layoutPadding(chart) },
      scales: scales as NonNullable<ChartConfiguration<'line', XY[]>['options']>['scales'],
    },
    plugins: [FIGURE_LABELS_PLUGIN],
  } as ChartConfiguration<'line', XY[]>;
}

// ---------- the labels plugin: direct labels and superscript ticks, drawn the same in the browser and in Node ----------

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Whether the segment from (x1, y1) to (x2, y2) passes through a box (Liang–Barsky clipping; CSS px). */
function segmentCrosses(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, x1 - b.x], [dx, b.x + b.w - x1], [-dy, y1 - b.y], [dy, b.y + b.h - y1]] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Whether a drawn line (its points on the canvas, in order) passes through a box. */
const pathCrosses = (path: ReadonlyArray<{ x: number; y: number }>, b: Box) =>
  path.some((p, i) => i > 0 && segmentCrosses(path[i - 1]!.x, path[i - 1]!.y, p.x, p.y, b));

/** The distance from a point to a box in CSS px (0 inside it). */
const gapTo = (x: number, y: number, b: Box) => Math.hypot(Math.max(0, b.x - x, x - b.x - b.w), Math.max(0, b.y - y, y - b.y - b.h));

/** The distance from the nearest of a line's points to a box in CSS px. */
const pointsGap = (points: ReadonlyArray<{ x: number; y: number }>, b: Box) => Math.min(...points.map((e) => gapTo(e.x, e.y, b)));

/**
 * How much the chart's fixed gaps grow with its text: 1 up to the 12.5 px text they were drawn for, then in step with
 * the text, so a reader's larger text keeps the same proportions between tick marks, labels and points.
 */
const spacing = (theme: ChartTheme) => Math.max(1, theme.fontSize / 12.5);
// A tick mark's length and the space between it and its label at 12.5 px text, in CSS px (Chart.js's own padding).
const tickMark = (theme: ChartTheme) => 4 * spacing(theme);
const tickGap = (theme: ChartTheme) => 3 * spacing(theme);

function font(theme: ChartTheme, scale = 1, weight = ''): string {
  const family = theme.fontFamily;
  return `${weight ? `${weight} ` : ''}${Math.round(theme.fontSize * scale * 10) / 10}px ${family}`;
}

// Text with a halo in the background colour, so labels stay readable over grid lines and curves.
function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, theme: ChartTheme, color: string): void {
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.bg;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}

// A text in two lines, broken at the space nearest its middle (one line if it has no space).
function inTwo(text: string): string[] {
  const mid = text.length / 2;
  const [before, after] = [text.lastIndexOf(' ', mid), text.indexOf(' ', mid)];
  const at = before < 0 || (after >= 0 && after - mid < mid - before) ? after : before;
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

function drawLineLabels(chart: Chart, data: LabelData, taken: Box[], markers: readonly Box[]): void {
  const { ctx, chartArea: area } = chart;
  const { theme } = data;
  const lineHeight = theme.fontSize * 1.35;
  const swatch = theme.fontSize * 1.6;
  const labelFont = font(theme, 1, '600');
  ctx.font = labelFont;
  const placed: Array<Box & { path: ReadonlyArray<{ x: number; y: number }>; texts: readonly string[]; color: string; dash: readonly number[]; top: number; bottom: number; end: number }> = [];
  // Every line drawn (a dataset not shown as bare points) by its dataset: its points on the canvas, in order.
  const drawn = new Map(shownDatasets(chart, 'line').map(({ datasetIndex, points }) => [datasetIndex, points] as const));
  for (const label of data.lines) {
    // The line as drawn (none when hidden).
    const own = drawn.get(label.datasetIndex);
    if (!own) continue;
    const others = [...drawn].flatMap(([i, path]) => (i === label.datasetIndex ? [] : [path]));
    const meta = chart.getDatasetMeta(label.datasetIndex);
    // Stay inside the dataset's own panel (stacked y axes), else inside the plot area.
    const top = Math.max(area.top, meta.yScale?.top ?? area.top);
    const bottom = Math.min(area.bottom, meta.yScale?.bottom ?? area.bottom);
    let anchor: { x: number; y: number } | undefined;
    for (let i = own.length - 1; i >= 0; i -= 1) {
      const e = own[i];
      if (e && e.x <= area.right + 0.5 && e.x >= area.left && e.y >= top - 0.5 && e.y <= bottom + 0.5) {
        anchor = e;
        break;
      }
    }
    if (!anchor) continue;
    // Places by the line's end: above it, below it, a line further out, each also half a label further left; then
    // up to five lines out, a whole label further left, and at the plot's left edge; then anywhere in the panel,
    // nearest the line's later half first (a small panel, or a line that falls to the right and so passes through
    // the places above its end). A place covers no point and no label placed before. Best is a place beside the line
    // that no line crosses, so that the name is read as that line's and hides no other (the emergence figure's edit
    // distance then stands above its line's start, not over the exact-match curve); next, one that leaves the label's
    // own line clear: where lines run close together their names stack beside their ends, as a key, across the
    // others. The name is on one line, or on two, broken at the space nearest its middle, where it is wider than the
    // plot or only two lines find the better kind of place. If no place leaves its own line clear, the first free
    // place, or above the end (below it at the panel's top).
    const { x: endX, y: endY } = anchor;
    const width = (text: string) => textWidth(ctx, labelFont, text) + swatch + 6;
    const search = (texts: string[]) => {
      const w = Math.max(...texts.map(width));
      const h = lineHeight * texts.length;
      const x = Math.max(area.left, Math.min(endX, area.right) - w - 2);
      const above = endY - h - 3;
      const below = endY + 4;
      const lefts = [x, x - w / 2, x - w, area.left + 2];
      const at = (n: number, ks: number[]) => lefts.slice(0, n).flatMap((left) => ks.flatMap((k) => [above - k * lineHeight, below + k * lineHeight]).map((y) => ({ x: left, y, w, h })));
      const free = (b: Box) => b.y >= top && b.y + h <= bottom && b.x >= area.left && !markers.some((m) => overlaps(m, b)) && !placed.some((p) => overlaps(p, b));
      // Clear of every line, within a line's height of its own and nearer it than any other (measured to the points the
      // line is drawn through, a few px apart), so that the name is read as that line's.
      const beside = (b: Box) => {
        if (pathCrosses(own, b)) return false;
        const gap = pointsGap(own, b);
        return gap <= lineHeight && others.every((path) => !pathCrosses(path, b) && pointsGap(path, b) > gap);
      };
      let places = [...at(2, [0, 1]), ...at(4, [0, 1, 2, 3, 4, 5])].filter(free);
      const ownClear = (b: Box) => !pathCrosses(own, b);
      let best = places.find(beside);
      let clear = best ?? places.find(ownClear);
      if (!clear) {
        // Measured only when needed: each place's distance from the line's later half, where lines that start
        // together (as the data-limited curves do) have drawn apart.
        const later = own.slice(own.length >> 1);
        const anywhere: Box[] = [];
        for (let y = top; y + h <= bottom; y += lineHeight / 2) for (const left of lefts) anywhere.push({ x: left, y, w, h });
        const apart = anywhere.filter(free).map((b) => [pointsGap(later, b), b] as const);
        places = [...places, ...apart.sort((a, b) => a[0] - b[0]).map((a) => a[1])];
        best = places.find(beside);
        clear = best ?? places.find(ownClear);
      }
      return { texts, best, clear, other: places[0] ?? { x, y: above < top ? Math.min(below, bottom - h) : above, w, h } };
    };
    const one = width(label.text) <= area.width - 4 ? search([label.text]) : undefined;
    const two = one?.best ? undefined : search(inTwo(label.text));
    const { texts, clear, other } = one?.best || (!two?.best && (one?.clear || !two?.clear)) ? (one ?? two!) : two!;
    placed.push({ ...(clear ?? other), path: own, texts, color: label.color, dash: label.dash, top, bottom, end: anchor.y });
  }
  // Labels stacked in one panel keep the order of their lines' ends, top to bottom: the places found above are dealt
  // out again in that order, unless a label would then cover a point, or cross a line where it did not.
  const rows = placed.map((p) => p.y).sort((a, b) => a - b);
  const byEnd = [...placed].sort((a, b) => a.end - b.end);
  const onePanel = placed.every((p) => p.top === placed[0]?.top);
  const dealt = (p: Box, i: number) => ({ ...p, y: rows[i] as number });
  const lines = [...drawn.values()];
  const worse = (p: Box, i: number) => markers.some((m) => overlaps(m, dealt(p, i))) || lines.some((path) => pathCrosses(path, dealt(p, i)) && !pathCrosses(path, p));
  if (onePanel && !byEnd.some(worse)) byEnd.forEach((p, i) => (p.y = rows[i] as number));
  // Push overlapping labels apart vertically, keeping them inside the plot area.
  placed.sort((a, b) => a.y - b.y);
  for (let i = 1; i < placed.length; i += 1) {
    const prev = placed[i - 1] as Box;
    const cur = placed[i] as Box;
    if (overlaps(prev, cur)) cur.y = prev.y + prev.h;
  }
  for (let i = placed.length - 1; i >= 0; i -= 1) {
    const cur = placed[i] as (typeof placed)[number];
    const next = placed[i + 1];
    const sideBySide = next && cur.x < next.x + next.w && next.x < cur.x + cur.w;
    const cap = sideBySide ? Math.min(cur.bottom, next.y) : cur.bottom;
    if (cur.y + cur.h > cap) cur.y = cap - cur.h;
    if (cur.y < cur.top) cur.y = cur.top;
  }
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const p of placed) {
    const mid = p.y + lineHeight / 2;
    ctx.save();
    ctx.fillStyle = theme.bg;
    ctx.globalAlpha = 0.8;
    ctx.fillRect(p.x - 2, p.y, p.w + 4, p.h);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = p.color;
    ctx.lineWidth = 2.5;
    ctx.setLineDash([...p.dash].map((d) => d * 0.75));
    ctx.beginPath();
    ctx.moveTo(p.x, mid);
    ctx.lineTo(p.x + swatch - 4, mid);
    ctx.stroke();
    ctx.restore();
    p.texts.forEach((text, i) => haloText(ctx, text, p.x + swatch, mid + i * lineHeight, theme, theme.text));
    taken.push(p);
  }
}

/** Horizontal space kept between two point labels (CSS px). */
const LABEL_SPACE = 6;

// The datasets shown (not hidden) as lines or as bare markers (showLine: false), each with its points on the canvas
// that have finite coordinates, in order, and each point's index in the dataset.
function shownDatasets(chart: Chart, as: 'line' | 'markers') {
  return chart.data.datasets.flatMap((dataset, datasetIndex) => {
    const meta = chart.getDatasetMeta(datasetIndex);
    if (meta.hidden || ((dataset as { showLine?: boolean }).showLine === false) !== (as === 'markers')) return [];
    const points = (meta.data as unknown as Array<{ x: number; y: number } | undefined>).flatMap((e, index) =>
      e && isFiniteNumber(e.x) && isFiniteNumber(e.y) ? [{ x: e.x, y: e.y, index }] : [],
    );
    return [{ datasetIndex, dataset, points }];
  });
}

// The markers drawn as points (datasets without a line), each as the box a label must not cover; a marker that has a
// label names it as its owner, since its own label may sit next to it.
function markerBoxes(chart: Chart, data: LabelData): Array<Box & { owner?: LabelData['points'][number] }> {
  return shownDatasets(chart, 'markers').flatMap(({ datasetIndex, dataset, points }) => {
    const radius = Number((dataset as { pointRadius?: unknown }).pointRadius) || 4;
    return points.map(({ x, y, index }) => {
      const owner = data.points.find((p) => p.datasetIndex === datasetIndex && p.index === index);
      return { x: x - radius, y: y - radius, w: 2 * radius, h: 2 * radius, owner };
    });
  });
}

function drawPointLabels(chart: Chart, data: LabelData, taken: Box[], markers: ReturnType<typeof markerBoxes>): void {
  const { ctx, chartArea: area } = chart;
  const { theme } = data;
  ctx.font = font(theme, 0.95);
  ctx.textBaseline = 'middle';
  const h = theme.fontSize * 1.25;
  const gap = 7 * spacing(theme);
  // Placed from left to right, so a name takes a place before the names of points further right, which have
  // room to their right.
  const points = data.points.map((label) => {
    const meta = chart.getDatasetMeta(label.datasetIndex);
    return { label, meta, e: meta?.data[label.index] as unknown as { x: number; y: number } | undefined };
  });
  points.sort((a, b) => (a.e?.x ?? 0) - (b.e?.x ?? 0));
  for (const { label, meta, e } of points) {
    if (!meta || meta.hidden || !e || !isFiniteNumber(e.x) || !isFiniteNumber(e.y)) continue;
    if (e.x < area.left - 1 || e.x > area.right + 1 || e.y < area.top - 1 || e.y > area.bottom + 1) continue;
    const { width: w, actualBoundingBoxAscent: ascent, actualBoundingBoxDescent: descent } = ctx.measureText(label.text);
    // The ink of a name placed in box b (as tall as its glyphs, drawn at b's middle): what a reader sees as near one
    // point or another.
    const ink = (b: Box): Box => ({ ...b, y: b.y + h / 2 - ascent, h: ascent + descent });
    const candidates: Box[] = [
      { x: e.x + gap, y: e.y - h / 2, w, h },
      { x: e.x - gap - w, y: e.y - h / 2, w, h },
      { x: e.x - w / 2, y: e.y - gap - h, w, h },
      { x: e.x - w / 2, y: e.y + gap, w, h },
      { x: e.x + gap, y: e.y - h - 2, w, h },
      { x: e.x - gap - w, y: e.y + 2, w, h },
      { x: e.x + gap, y: e.y + 2, w, h },
      { x: e.x - gap - w, y: e.y - h - 2, w, h },
      // Where the point's neighbours take all of these: one line further out.
      { x: e.x + gap, y: e.y - 2 * h, w, h },
      { x: e.x - gap - w, y: e.y - 2 * h, w, h },
      { x: e.x + gap, y: e.y + h, w, h },
      { x: e.x - gap - w, y: e.y + h, w, h },
    ];
    const inside = (b: Box) => b.x >= area.left && b.x + b.w <= area.right && b.y >= area.top && b.y + b.h <= area.bottom;
    // A label keeps a little space from other labels (two names side by side must not read as one), is nearer its own
    // point than any other named point (so it cannot be read as another's name), and best covers no other point. In a
    // crowd, it may cover an unnamed point (one of a series); where even that leaves no place, as on a small phone,
    // the name is left out (the hover card and the data table still give it) rather than drawn where it misleads.
    const others = markers.filter((m) => m.owner !== label);
    const fits = (b: Box) =>
      inside(b) &&
      !taken.some((t) => overlaps(t, { x: b.x - LABEL_SPACE, y: b.y, w: b.w + 2 * LABEL_SPACE, h: b.h })) &&
      others.every((m) => !m.owner || gapTo(m.x + m.w / 2, m.y + m.h / 2, ink(b)) > gapTo(e.x, e.y, ink(b)) + 1);
    const box = candidates.find((b) => fits(b) && !others.some((m) => overlaps(m, b))) ?? candidates.find(fits);
    if (!box) continue;
    taken.push(box);
    ctx.textAlign = 'left';
    haloText(ctx, label.text, box.x, box.y + h / 2, theme, theme.text);
  }
}

// A marker shape at (x, y) of radius r: circle, triangle or square (the point styles the roles use).
function marker(ctx: CanvasRenderingContext2D, style: PointStyle, x: number, y: number, r: number): void {
  ctx.beginPath();
  if (style === 'triangle') {
    ctx.moveTo(x, y - r);
    ctx.lineTo(x + r * 0.95, y + r * 0.7);
    ctx.lineTo(x - r * 0.95, y + r * 0.7);
    ctx.closePath();
  } else if (style === 'rect' || style === 'rectRot') {
    ctx.rect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
  } else {
    ctx.arc(x, y, r, 0, Math.PI * 2);
  }
  ctx.fill();
}

/** Space around the plot in CSS px (Chart.js's layout.padding), before a legend's band. */
const LAYOUT_PADDING: Readonly<Record<'top' | 'right' | 'bottom' | 'left', number>> = { top: 6, right: 10, bottom: 2, left: 2 };

// The legend's items in rows across the canvas, wrapped at its width less 16 px: each sits on a box 3 px wider on the
// left and 9 px on the right, from the canvas's left edge plus 8 px.
function legendRows(ctx: CanvasRenderingContext2D, data: LabelData, width: number) {
  const h = data.theme.fontSize * 1.5;
  const r = data.theme.fontSize * 0.38;
  const itemFont = font(data.theme, 0.95);
  const rows: Array<{ item: LabelData['legend'][number]; x: number; y: number; w: number }> = [];
  let x = 8;
  let y = LAYOUT_PADDING.top;
  for (const item of data.legend) {
    const w = r * 2 + 6 + textWidth(ctx, itemFont, item.text);
    if (x + w > width - 8 && x > 8) {
      x = 8;
      y += h;
    }
    rows.push({ item, x, y, w });
    x += w + 16;
  }
  return { rows, h, r, bottom: y + h };
}

// Chart.js's layout padding: with a legend, the top also holds the legend's band and, below it, room for the top tick
// label's raised exponent.
function layoutPadding(chart: Chart): typeof LAYOUT_PADDING {
  const data = (chart.data as Partial<FigureChartData>).figure;
  if (!data || data.legend.length === 0) return LAYOUT_PADDING;
  return { ...LAYOUT_PADDING, top: legendRows(chart.ctx, data, chart.width).bottom + data.theme.fontSize };
}

// A compact legend for groups of points, in a band above the plot, where it covers no point.
function drawLegend(chart: Chart, data: LabelData, taken: Box[]): void {
  if (data.legend.length === 0) return;
  const { ctx } = chart;
  const { theme } = data;
  const { rows, h, r } = legendRows(ctx, data, chart.width);
  ctx.font = font(theme, 0.95);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const { item, x, y, w } of rows) {
    ctx.fillStyle = item.color;
    marker(ctx, item.pointStyle, x + r, y + h / 2, r);
    ctx.fillStyle = theme.text;
    ctx.fillText(item.text, x + r * 2 + 6, y + h / 2);
    taken.push({ x: x - 3, y, w: w + 12, h });
  }
}

// ---------- log-axis labels: "10" with a raised, smaller exponent, laid out and drawn here ----------

const EXPONENT_SCALE = 0.72;
/** How far an exponent's baseline is raised above its base's, in font sizes. */
const EXPONENT_RISE = 0.42;

export interface LogLabel {
  readonly value: number;
  readonly base: string;
  readonly exponent: string;
}

/**
 * A log axis's label at a tick, as drawn: a power of ten as "10" with its exponent raised (1e9 → "10" + "9", 1e-3 →
 * "10" + "−3"), but plain between 0.01 and 1000 (100 → "100"), and any other tick plain (0.5 → "0.5").
 */
export function logLabel(value: number): LogLabel {
  const exponent = powerOfTen(value);
  const plain = exponent === undefined || (exponent >= -2 && exponent <= 3);
  return { value, base: plain ? formatPlain(value, 3) : '10', exponent: plain ? '' : String(exponent).replace('-', '−') };
}

const widthCache = new Map<string, number>();
// The width of a text in a font (canvas measureText, remembered: the same few labels are measured on every redraw).
function textWidth(ctx: CanvasRenderingContext2D, fontString: string, text: string): number {
  const key = `${fontString}\u0000${text}`;
  let width = widthCache.get(key);
  if (width === undefined) {
    if (ctx.font !== fontString) ctx.font = fontString;
    width = ctx.measureText(text).width;
    if (widthCache.size > 2000) widthCache.clear();
    widthCache.set(key, width);
  }
  return width;
}

// Widths of a label's base and exponent (the exponent with its 1 px gap).
function labelWidths(ctx: CanvasRenderingContext2D, theme: ChartTheme, label: LogLabel): { wb: number; we: number } {
  return { wb: textWidth(ctx, font(theme), label.base), we: label.exponent ? textWidth(ctx, font(theme, EXPONENT_SCALE), label.exponent) + 1 : 0 };
}

// Fits an axis to its words after Chart.js has: a title longer than the axis goes on two lines (on a small phone one
// ran off the canvas at both ends), and the axis grows by any line added; with `labels`, a vertical axis becomes as
// wide as its tick labels and title need (Chart.js caps each vertical axis at a share of half the chart's width, and
// on a narrow chart with four of them the labels ran into the title).
function fitAxis(scale: Scale, theme: ChartTheme, full: string, labels: boolean): void {
  const { title } = scale.options as unknown as { title: { display: boolean; text: string | string[] } };
  if (!title.display || !full) return;
  const { family, size, weight } = titleFont(theme);
  const line = size * 1.2; // a title's line: its font at Chart.js's line height, 1.2
  const horizontal = scale.isHorizontal();
  const before = Array.isArray(title.text) ? title.text.length : 1;
  const long = textWidth(scale.ctx, `${weight} ${size}px ${family}`, full) > (horizontal ? scale.width : scale.height) - 4;
  const lines = long ? inTwo(full) : [full];
  title.text = lines.length > 1 ? lines : full;
  if (horizontal) scale.height += (lines.length - before) * line;
  else scale.width += (lines.length - before) * line;
  if (labels) {
    const widest = Math.max(0, ...scale.ticks.map((tick) => textWidth(scale.ctx, font(theme), String(tick.label ?? ''))));
    scale.width = Math.max(scale.width, tickMark(theme) + 2 * tickGap(theme) + widest + lines.length * line + 4);
  }
}

// Grows a log axis by the band its drawn labels need, and keeps the end labels of an x axis inside the canvas.
function reserveLogLabels(scale: Scale, theme: ChartTheme): void {
  const ctx = scale.ctx;
  const labels = scale.ticks.map((tick) => logLabel(tick.value));
  if (labels.length === 0) return;
  ctx.save();
  const widths = labels.map((label) => labelWidths(ctx, theme, label));
  ctx.restore();
  if (scale.isHorizontal()) {
    scale.height += tickGap(theme) + theme.fontSize * 1.25;
    const half = (i: number) => ((widths[i]?.wb ?? 0) + (widths[i]?.we ?? 0)) / 2;
    const first = scale.getPixelForValue(labels[0]!.value) - scale.left;
    const last = scale.right - scale.getPixelForValue(labels[labels.length - 1]!.value);
    scale.paddingLeft = Math.max(scale.paddingLeft ?? 0, half(0) - first);
    scale.paddingRight = Math.max(scale.paddingRight ?? 0, half(labels.length - 1) - last);
  } else {
    scale.width += tickGap(theme) + Math.max(...widths.map((w) => w.wb + w.we));
    // The top label's exponent is raised above its tick: when that tick is at the axis's end, the axis asks for the
    // room above it, so the superscript is not cut off at the canvas's top edge.
    const top = labels.reduce((a, b) => (b.value > a.value ? b : a));
    const rise = theme.fontSize * (top.exponent ? EXPONENT_RISE + EXPONENT_SCALE * 0.5 : 0.5) + 1;
    const room = scale.getPixelForValue(top.value) - scale.top;
    scale.paddingTop = Math.max(scale.paddingTop ?? 0, rise - room);
  }
}

// Draws the labels of the log axes named in `data.superscriptAxes`, beside their tick marks.
function drawSuperscriptTicks(chart: Chart, data: LabelData): void {
  const { ctx } = chart;
  const { theme } = data;
  const baseFont = font(theme);
  const smallFont = font(theme, EXPONENT_SCALE);
  ctx.fillStyle = theme.muted;
  for (const id of data.superscriptAxes) {
    const scale = chart.scales[id];
    if (!scale || !(scale.options as { display?: boolean | string }).display) continue;
    const horizontal = scale.isHorizontal();
    const right = !horizontal && scale.position === 'right';
    const off = tickMark(theme) + tickGap(theme);
    const placed = scale.ticks.map((tick) => {
      const label = logLabel(tick.value);
      const { wb, we } = labelWidths(ctx, theme, label);
      const at = scale.getPixelForValue(tick.value);
      const x = horizontal ? at - (wb + we) / 2 : right ? scale.left + off : scale.right - off - wb - we;
      return { label, x, y: horizontal ? scale.top + off + theme.fontSize * 0.62 : at, wb, end: x + wb + we };
    });
    // On an x axis too narrow for every label, every second (or third…) power of ten is labelled, from the first, so
    // that half a text size stays between neighbours.
    let step = 1;
    while (horizontal && placed.some((p, i) => i >= step && i % step === 0 && p.x < placed[i - step]!.end + theme.fontSize / 2)) step += 1;
    const shown = placed.filter((_, i) => i % step === 0);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.font = baseFont;
    for (const p of shown) ctx.fillText(p.label.base, p.x, p.y);
    ctx.font = smallFont;
    for (const p of shown) if (p.label.exponent) ctx.fillText(p.label.exponent, p.x + p.wb + 1, p.y - theme.fontSize * EXPONENT_RISE);
  }
}

/** The inline plugin that draws guides, superscript ticks, the legend, line-end labels and point labels from the chart's data. */
export const FIGURE_LABELS_PLUGIN: Plugin<'line'> = {
  id: 'figureLabels',
  beforeDatasetsDraw(chart) {
    const data = (chart.data as Partial<FigureChartData>).figure;
    const x = chart.scales.x;
    if (!data || !x || data.guides.length === 0) return;
    const { ctx, chartArea: area } = chart;
    ctx.save();
    ctx.strokeStyle = data.theme.muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 4]);
    for (const value of data.guides) {
      const px = x.getPixelForValue(value);
      if (!(px >= area.left && px <= area.right)) continue;
      ctx.beginPath();
      ctx.moveTo(px, area.top);
      ctx.lineTo(px, area.bottom);
      ctx.stroke();
    }
    ctx.restore();
  },
  afterDatasetsDraw(chart) {
    const data = (chart.data as Partial<FigureChartData>).figure;
    if (!data) return;
    const ctx = chart.ctx;
    ctx.save();
    drawSuperscriptTicks(chart, data);
    const taken: Box[] = [];
    drawLegend(chart, data, taken);
    const markers = markerBoxes(chart, data);
    drawLineLabels(chart, data, taken, markers);
    drawPointLabels(chart, data, taken, markers);
    ctx.restore();
  },
};

/** Scale options type re-exported for tests that inspect a config. */
export type LogScaleOptions = ScaleOptionsByType<'logarithmic'>;
