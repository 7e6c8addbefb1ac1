// The shape every figure definition follows: controls, plotted series, axes, sources, a description and a table.
// Pure data and functions (no DOM, no Chart.js), shared by the browser island, the page and the static twin.
import type { Lang } from '../i18n';
import type { FigureId } from './ids';

/** Re-exported so definitions import their types from one place. */
export type { Lang, FigureId };

/** A string in both editions. */
export type Bilingual = Readonly<Record<Lang, string>>;

/** A figure's state: one value per control name (numbers for sliders, strings for choices and text). */
export type FigureState = Readonly<Record<string, number | string>>;

/** A numeric control: a slider over `steps` (sorted ascending); a link may also carry any value in [min, max]. */
export interface NumberControl {
  readonly kind: 'number';
  readonly name: string;
  readonly label: Bilingual;
  /** Slider positions, ascending; the first and last are the accepted range. */
  readonly steps: readonly number[];
  readonly default: number;
  /** Only whole numbers are accepted (e.g. a token count). */
  readonly integer?: boolean;
  /** The value in readable units: "1.5B parameters", "15 亿参数". */
  format(value: number, lang: Lang): string;
  /** Shown only while this returns true (e.g. the slider for the chosen axis). */
  visible?(state: FigureState): boolean;
}

/**
 * A choice among fixed options, shown as radio buttons. (Not a <select>: like a <textarea>, one in the page's HTML
 * makes Chrome's form filler lay out its figure at load even where content-visibility defers it; see Figure.astro.)
 */
export interface ChoiceControl {
  readonly kind: 'radio';
  readonly name: string;
  readonly label: Bilingual;
  readonly options: ReadonlyArray<{ readonly value: string; readonly label: Bilingual }>;
  readonly default: string;
  visible?(state: FigureState): boolean;
}

/** Free text (a pasted CSV); `validate` returns why a value from a link is unusable, or undefined. */
export interface TextControl {
  readonly kind: 'text';
  readonly name: string;
  readonly label: Bilingual;
  readonly default: string;
  /** Longest value accepted, in characters. */
  readonly maxLength: number;
  readonly rows: number;
  validate?(value: string): IgnoreReason | undefined;
  visible?(state: FigureState): boolean;
}

/** Any control a figure can have. */
export type Control = NumberControl | ChoiceControl | TextControl;

/** Why a value from a link was not used. */
export type IgnoreReason =
  | 'not-a-number'
  | 'not-an-integer'
  | 'out-of-range'
  | 'unknown-option'
  | 'unknown-control'
  | 'too-long'
  | 'duplicate'
  | 'no-data';

/** What a series means; fixes its colour, dash and marker in every figure. */
export type SeriesRole =
  | 'kaplan'
  | 'hoffmann'
  | 'hoffmann-unrounded'
  | 'epoch'
  | 'table3'
  | 'reader'
  | 'fit-power'
  | 'fit-saturating'
  | 'marker'
  | 'highlight'
  | 'context'
  | 'limit'
  | 'decoder-only'
  | 'encoder-only'
  | 'encoder-decoder'
  | 'mha'
  | 'gqa'
  | 'rnn'
  | 'exact-match'
  | 'edit-distance'
  | 'loss';

/** One plotted point; `label` names it on the chart, `tooltip` adds lines (e.g. its source). */
export interface SeriesPoint {
  readonly x: number;
  readonly y: number;
  readonly label?: string;
  readonly tooltip?: readonly string[];
  /** In a 'points' or 'marker' series: this point's own meaning (colour and shape), when it differs from the series'. */
  readonly role?: SeriesRole;
}

/** One plotted series: a line, a scatter of points, a single emphasised marker, or a vertical guide at points[0].x. */
export interface Series {
  readonly key: string;
  readonly role: SeriesRole;
  readonly kind: 'line' | 'points' | 'marker' | 'guide';
  readonly label: string;
  readonly points: readonly SeriesPoint[];
  /** Which y axis (panel) the series belongs to; default 'y'. */
  readonly axis?: string;
  /** Name the line at its right end on the chart. */
  readonly directLabel?: boolean;
  /** Name each point beside it on the chart. */
  readonly labelPoints?: boolean;
  /** Drawn faint: context for the emphasised series. */
  readonly muted?: boolean;
  /** Listed in the chart's legend (for groups of points). */
  readonly legend?: boolean;
}

/** An axis: scale type, title per language, fixed bounds and how ticks read. */
export interface AxisSpec {
  readonly type: 'log' | 'linear';
  readonly title: Bilingual;
  readonly min?: number;
  readonly max?: number;
  /** Tick text: powers of ten (log), counts, percentages, years, or plain numbers. */
  readonly ticks?: 'power' | 'percent' | 'year' | 'plain';
  /** Panel placement for stacked panels: larger weight is taller; 'right' puts the axis on the right. */
  readonly weight?: number;
  readonly position?: 'left' | 'right';
  /** Axes with the same panel id share a vertical band (stacked panels). */
  readonly panel?: number;
}

/** A table cell: the text shown and, for numbers, the exact value (data-value) that tests compare. */
export interface TableCell {
  readonly text: string;
  readonly value?: number;
}

/** A table: column headers and rows of cells. */
export interface TableData {
  readonly caption?: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly TableCell[]>;
}

/** A source line: what a series is, and the paper/table/equation behind it. */
export interface SourceLine {
  readonly what: string;
  readonly source: string;
}

/** The live readout under the controls: short lines and, optionally, a small table. */
export interface Readout {
  readonly lines: readonly string[];
  readonly table?: TableData;
}

/** A figure's live part, which the browser loads: controls, the math behind its series, axes, description, table. */
export interface FigureModel {
  readonly id: FigureId;
  readonly controls: readonly Control[];
  /** Axes keyed by Chart.js scale id: 'x' and one or more y axes ('y', 'y2', …). */
  axes(state: FigureState): Readonly<Record<string, AxisSpec>>;
  series(state: FigureState, lang: Lang): readonly Series[];
  describe(state: FigureState, lang: Lang): string;
  readout(state: FigureState, lang: Lang): Readout;
  table(state: FigureState, lang: Lang): TableData;
  /** Show Chart.js's legend (for groups of points); lines are labelled directly. */
  readonly legend?: boolean;
}

/** What the page prints around a figure, rendered at build time and never shipped to the browser. */
export interface FigureCredits {
  /** Short name for the canvas's aria-label. */
  readonly title: Bilingual;
  sources(lang: Lang): readonly SourceLine[];
  /** Fixed notes printed with the source line (e.g. what N counts). */
  notes?(lang: Lang): readonly string[];
}

/** Everything a figure is (the build's view): its live part and its credits. */
export type FigureDefinition = FigureModel & FigureCredits;
