// The figure island: fetched by src/scripts/page.ts only on chapters with a live <Figure>. Wires every figure at once (controls, URL state,
// copy link), loads Chart.js and draws a chart only when its figure comes within ~400px of the viewport,
// redraws on theme changes, and prepares every chart for print. window.__figuresReady() draws them all.
import { loadFigure } from '../../lib/figures/loaders';
import { FigureController, loadChart, loadedChart } from './controller';
import { nextTask } from '../next-task';

declare global {
  interface Window {
    /** Draws every figure of the page; resolves when all are on their canvases (for PDFs and tests). */
    __figuresReady?: () => Promise<void>;
  }
}

/** The print size of a chart in CSS pixels: the A4/Letter text width at the figure's aspect ratio. */
const PRINT_WIDTH = 640;
const PRINT_HEIGHT = Math.round((PRINT_WIDTH * 7) / 12);

async function start(el: HTMLElement): Promise<FigureController[]> {
  try {
    const def = await loadFigure(el.dataset.figure ?? '');
    await nextTask(); // each figure starts in a task of its own
    return [new FigureController(el, def)];
  } catch (error) {
    console.warn(`Figure ${el.dataset.figure ?? '?'} could not start:`, error);
    return [];
  }
}

async function init(): Promise<void> {
  const elements = [...document.querySelectorAll<HTMLElement>('figure[data-figure]')];
  if (elements.length === 0) return;
  const starting = Promise.all(elements.map(start)).then((all) => all.flat());
  // Available at once, so a PDF script or test may call it before the figures' code has arrived.
  window.__figuresReady = () => starting.then((controllers) => Promise.all(controllers.map((c) => c.draw()))).then(() => undefined);
  const controllers = await starting;

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        controllers.find((c) => c.el === entry.target)?.draw();
      }
    },
    { rootMargin: '400px 0px' },
  );
  for (const c of controllers) observer.observe(c.el);

  // Print: draw what can be drawn now, in light colours at print size and resolution; the rest prints its twin.
  let printing = false;
  const beforePrint = () => {
    if (printing) return;
    printing = true;
    if (!loadedChart()) void loadChart();
    for (const c of controllers) {
      if (!c.drawNow()) {
        const twin = c.el.querySelector<HTMLImageElement>('img.figure-twin');
        if (twin) twin.loading = 'eager';
        continue;
      }
      c.update('print', performance.now(), loadedChart()?.printTheme(), 3);
      c.chart?.resize(PRINT_WIDTH, PRINT_HEIGHT);
    }
  };
  const afterPrint = () => {
    if (!printing || matchMedia('print').matches) return;
    printing = false;
    for (const c of controllers) {
      if (!c.chart) continue;
      c.refreshTheme();
      c.chart.resize();
    }
  };
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  matchMedia('print').addEventListener('change', (event) => (event.matches ? beforePrint() : afterPrint()));

  // Theme: the site's toggle announces "themechange"; a system change is announced too, but listen directly as well.
  const refresh = () => {
    if (!printing) for (const c of controllers) c.refreshTheme();
  };
  document.addEventListener('themechange', refresh);
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', refresh);

  // A shared link: bring its figure into view once the page has settled.
  const target = controllers.find((c) => `#${c.el.id}` === location.hash) ?? controllers.find((c) => c.isCustom());
  if (target && (location.hash === `#${target.el.id}` || !location.hash)) {
    requestAnimationFrame(() => target.el.scrollIntoView({ block: 'start' }));
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void init(), { once: true });
else void init();
