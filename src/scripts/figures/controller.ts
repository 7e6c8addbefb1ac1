// One live figure: reads its state from the URL, wires its controls, keeps readout, description, data table and
// address in step, and draws the chart through the shared factory once Chart.js has been loaded.
import type { Chart as ChartType } from 'chart.js';
import type { ChartTheme, FigureChartData, XY } from '../../lib/figures/chart-config';
import { isVisible, nearestStepIndex, numberRange } from '../../lib/figures/controls';
import { ignoredLines, readoutHtml, tableHtml } from '../../lib/figures/render';
import { figureText } from '../../lib/figures/strings';
import type { Control, FigureModel, FigureState, Lang } from '../../lib/figures/types';
import { readFigureState, sanitizeState, writeFigureState, type IgnoredValue } from '../../lib/figures/url-state';
import { shareOrCopy } from '../deep-links';
import { nextTask } from '../next-task';

/** The lazily loaded drawing kit: Chart.js, the chart factory, the theme reader and the hover card. */
type ChartModule = typeof import('./chart');
let chartModule: ChartModule | undefined;
let chartLoading: Promise<ChartModule> | undefined;

/** Loads Chart.js (once); later calls get the same promise, or, after a failed fetch, try again. */
export function loadChart(): Promise<ChartModule> {
  chartLoading ??= import('./chart').then(
    (module) => (chartModule = module),
    (error: unknown) => {
      chartLoading = undefined;
      throw error;
    },
  );
  return chartLoading;
}

/** Chart.js if it has already been loaded (for drawing synchronously before print). */
export function loadedChart(): ChartModule | undefined {
  return chartModule;
}

/** Canvas pixels per CSS pixel on screen: the display's own (print switches to 3, see index.ts). */
const screenPixelRatio = () => Math.max(1, Math.min(3, window.devicePixelRatio || 1));

/** A figure on the page and its live state. */
export class FigureController {
  readonly el: HTMLElement;
  readonly def: FigureModel;
  readonly lang: Lang;
  state: FigureState;
  ignored: readonly IgnoredValue[];
  chart: ChartType<'line', XY[]> | undefined;
  private readonly canvas: HTMLCanvasElement;
  private drawing: Promise<void> | undefined;
  private theme: ChartTheme | undefined;
  /** What the chart's options were built from; options are replaced only when this changes. */
  private optionsKey = '';
  private urlTimer: number | undefined;
  private quietTimer: number | undefined;
  private tableStale = false;
  private readoutShown: string | undefined;

  constructor(el: HTMLElement, def: FigureModel) {
    this.el = el;
    this.def = def;
    this.lang = el.dataset.lang === 'zh' ? 'zh' : 'en';
    this.canvas = el.querySelector<HTMLCanvasElement>('canvas.figure-canvas') as HTMLCanvasElement;
    const decoded = readFigureState(this.def, location.search);
    this.state = decoded.state;
    this.ignored = decoded.ignored;
    this.wireControls();
    this.syncControls();
    if (this.isCustom() || this.ignored.length) this.renderText();
    this.showIgnored();
    this.wireCopy();
    this.el.querySelector('details.figure-data')?.addEventListener('toggle', () => {
      if (this.tableStale) this.renderTable();
    });
  }

  /** True when some control differs from its default. */
  isCustom(): boolean {
    return this.def.controls.some((c) => this.state[c.name] !== c.default);
  }

  /** Draws the chart (loading Chart.js first if needed); resolves once it is on the canvas. */
  draw(): Promise<void> {
    this.makeFields();
    if (this.chart) return Promise.resolve();
    // Chart.js is evaluated in one task and the chart drawn in the next, so neither blocks input for long.
    // If the kit cannot be fetched (no connection), the figure keeps its picture and says so (data-failed shows the
    // note); the next draw, on moving a control, tries again.
    this.drawing ??= loadChart()
      .then(nextTask)
      .then(
        () => {
          this.drawNow();
        },
        () => {
          this.drawing = undefined;
          this.el.dataset.failed = '';
        },
      );
    return this.drawing;
  }

  /** Creates the chart synchronously if Chart.js is loaded; returns whether the chart exists. */
  drawNow(): boolean {
    if (this.chart) return true;
    const kit = loadedChart();
    if (!kit) return false;
    const start = performance.now();
    this.canvas.hidden = false;
    this.theme = kit.readTheme(this.el.clientWidth);
    const config = kit.buildChartConfig(this.def, this.state, this.lang, this.theme, { pixelRatio: screenPixelRatio() });
    this.optionsKey = kit.optionsKey(this.def, this.state, this.lang, screenPixelRatio());
    this.chart = new kit.Chart<'line', XY[]>(this.canvas, config);
    this.el.dataset.drawn = '';
    this.hoverOnFirstMove();
    this.announce('initial', start);
    return true;
  }

  /**
   * Fetches the hover card's code when a pointer first moves over the chart (drawing does not need it), then hands it
   * that move if the pointer is still there; if the fetch fails, the next move tries again.
   */
  private hoverOnFirstMove(): void {
    const first = (event: PointerEvent) => {
      this.canvas.removeEventListener('pointermove', first);
      import('./hover-card').then(
        ({ attachHover }) => {
          attachHover(this.canvas, () => this.chart, this.lang);
          if (this.canvas.matches(':hover')) this.canvas.dispatchEvent(new PointerEvent('pointermove', event));
        },
        () => this.canvas.addEventListener('pointermove', first),
      );
    };
    this.canvas.addEventListener('pointermove', first);
  }

  /** Redraws with the current state and theme (theme change, print, state change). */
  update(cause: string, start = performance.now(), theme?: ChartTheme, pixelRatio = screenPixelRatio()): void {
    const kit = loadedChart();
    if (!this.chart || !kit) return;
    if (theme) this.theme = theme;
    const currentTheme = this.theme ?? kit.readTheme(this.el.clientWidth);
    // Change the chart in place: new options only when axes, theme or resolution changed (re-resolving Chart.js
    // options is the slow part of an update), new data arrays into the existing datasets otherwise.
    const key = kit.optionsKey(this.def, this.state, this.lang, pixelRatio);
    let next: FigureChartData;
    if (theme || key !== this.optionsKey) {
      const config = kit.buildChartConfig(this.def, this.state, this.lang, currentTheme, { pixelRatio });
      this.chart.options = config.options ?? {};
      this.optionsKey = key;
      next = config.data as FigureChartData;
    } else {
      next = kit.buildChartData(this.def, this.state, this.lang, currentTheme);
    }
    const current = this.chart.data as FigureChartData;
    if (current.datasets.length === next.datasets.length) {
      next.datasets.forEach((dataset, i) => Object.assign(current.datasets[i] as object, dataset));
    } else {
      current.datasets = next.datasets;
    }
    current.figure = next.figure;
    this.chart.update('none');
    this.announce(cause, start);
  }

  /** Re-reads the page's colours and redraws (on themechange and colour-scheme change). */
  refreshTheme(): void {
    const kit = loadedChart();
    if (this.chart && kit) this.update('theme', performance.now(), kit.readTheme(this.el.clientWidth));
  }

  private announce(cause: string, start: number): void {
    const duration = performance.now() - start;
    this.el.dispatchEvent(new CustomEvent('figure:drawn', { bubbles: true, detail: { id: this.def.id, cause, duration } }));
  }

  private controlEl(name: string): HTMLElement | null {
    return this.el.querySelector<HTMLElement>(`[data-control="${name}"]`);
  }

  private wireControls(): void {
    const form = this.el.querySelector<HTMLElement>('[data-figure-controls]');
    if (!form) return;
    const set = form.querySelector('fieldset.figure-controls-set') as HTMLFieldSetElement | null;
    if (set) set.disabled = false;
    for (const control of this.def.controls) {
      const box = this.controlEl(control.name);
      if (!box) continue;
      box.addEventListener('input', (event) => this.onInput(control, event));
      if (control.kind === 'radio') box.addEventListener('change', (event) => this.onInput(control, event));
    }
  }

  /**
   * Puts each text field, holding the current state, in place of the box that stands in for it (Figure.astro says why
   * the page holds none): once, when the figure is first drawn, so near the screen, where it is laid out anyway.
   */
  private makeFields(): void {
    for (const template of this.el.querySelectorAll<HTMLTemplateElement>('template[data-field]')) {
      const field = template.content.firstElementChild as HTMLTextAreaElement;
      field.value = String(this.state[field.name]);
      template.previousElementSibling?.replaceWith(field);
      template.remove();
    }
  }

  private onInput(control: Control, event: Event): void {
    const start = performance.now();
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    let value: number | string;
    if (control.kind === 'number') {
      const index = Math.round(Number(target.value));
      value = control.steps[Math.max(0, Math.min(control.steps.length - 1, index))] ?? control.default;
    } else {
      value = target.value;
    }
    if (this.state[control.name] === value) return;
    this.state = sanitizeState(this.def, { ...this.state, [control.name]: value });
    if (this.ignored.length) {
      this.ignored = [];
      this.showIgnored();
    }
    this.syncControls(control.name);
    this.renderText();
    this.writeUrl();
    if (this.chart) this.update('input', start);
    else void this.draw();
  }

  /** Puts the state into the controls (all, or all but the one being moved) and shows/hides dependent ones. */
  private syncControls(except?: string): void {
    for (const control of this.def.controls) {
      const box = this.controlEl(control.name);
      if (!box) continue;
      box.hidden = !isVisible(control, this.state);
      const value = this.state[control.name];
      if (control.kind === 'number' && typeof value === 'number') {
        const input = box.querySelector<HTMLInputElement>('input[type="range"]');
        const output = box.querySelector<HTMLOutputElement>('output');
        const text = control.format(value, this.lang);
        if (input) {
          if (control.name !== except) input.value = String(nearestStepIndex(control, value));
          input.setAttribute('aria-valuetext', text);
        }
        if (output) output.textContent = text;
        const [min, max] = numberRange(control);
        box.dataset.atEdge = value <= min ? 'min' : value >= max ? 'max' : '';
      } else if (control.name !== except) {
        if (control.kind === 'radio') {
          for (const radio of box.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === value;
        } else {
          const field = box.querySelector<HTMLTextAreaElement>('textarea');
          if (field && typeof value === 'string' && field.value !== value) field.value = value;
        }
      }
    }
  }

  /** Updates readout, description, data table and the canvas label for the current state. */
  renderText(): void {
    const readout = this.el.querySelector<HTMLElement>('[data-readout]');
    const html = readoutHtml(this.def.readout(this.state, this.lang));
    // Parsing HTML is the costly part: skip it when a move leaves the readout's text unchanged.
    if (readout && html !== this.readoutShown) {
      readout.innerHTML = html;
      this.readoutShown = html;
    }
    this.scheduleQuiet();
    // The data table is rebuilt when it is open, or when it is opened.
    const details = this.el.querySelector<HTMLDetailsElement>('details.figure-data');
    if (details && !details.open) {
      this.tableStale = true;
      return;
    }
    this.renderTable();
  }

  /** After the controls have been still for 250 ms: the description (for assistive technology) and the address. */
  private scheduleQuiet(): void {
    window.clearTimeout(this.quietTimer);
    this.quietTimer = window.setTimeout(() => {
      const desc = this.el.querySelector<HTMLElement>('.figure-description');
      if (desc) desc.textContent = this.def.describe(this.state, this.lang);
    }, 250);
  }

  private renderTable(): void {
    const table = this.el.querySelector<HTMLElement>('[data-table]');
    if (table) table.innerHTML = tableHtml(this.def.table(this.state, this.lang));
    this.tableStale = false;
  }

  private showIgnored(): void {
    const note = this.el.querySelector<HTMLElement>('[data-note]');
    if (!note) return;
    const lines = ignoredLines(this.ignored, this.lang);
    note.hidden = lines.length === 0;
    note.replaceChildren(
      ...lines.map((line) => {
        const p = document.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
  }

  /** The shareable address of the figure in its current state. */
  shareUrl(): string {
    return `${location.origin}${location.pathname}${writeFigureState(this.def, this.state, location.search)}#${this.el.id}`;
  }

  /** Writes the state into the address, at most every 250 ms while a control moves (browsers throttle replaceState). */
  private writeUrl(): void {
    if (this.urlTimer !== undefined) return;
    this.urlTimer = window.setTimeout(() => {
      this.urlTimer = undefined;
      const search = writeFigureState(this.def, this.state, location.search);
      history.replaceState(history.state, '', `${location.pathname}${search}#${this.el.id}`);
    }, 250);
  }

  private wireCopy(): void {
    const button = this.el.querySelector<HTMLButtonElement>('[data-copy]');
    const status = this.el.querySelector<HTMLElement>('[data-copied]');
    if (!button || !status) return;
    button.hidden = false;
    let timer: number | undefined;
    button.addEventListener('click', async () => {
      const outcome = await shareOrCopy(this.shareUrl(), document.title);
      status.textContent = outcome === 'shared' ? '' : figureText(this.lang, outcome === 'copied' ? 'copied' : 'copyFailed');
      window.clearTimeout(timer);
      timer = window.setTimeout(() => (status.textContent = ''), 2500);
    });
  }
}
