// The hover card of a chart: the nearest point's name, value and notes (e.g. its source), as wrapping HTML
// beside the pointer — lighter than Chart.js's Tooltip plugin, and long source lines wrap instead of overflowing.
// A chunk of its own, which the figure controller fetches when a pointer first moves over a chart.
import type { Chart } from 'chart.js';
import type { FigureChartData, XY } from '../../lib/figures/chart-config';
import { hoverText } from '../../lib/figures/hover-text';
import type { Lang } from '../../lib/figures/types';

/** Shows a card for the point nearest the pointer (within 32 px) while the pointer is over the canvas. */
export function attachHover(canvas: HTMLCanvasElement, chart: () => Chart<'line', XY[]> | undefined, lang: Lang): void {
  const box = canvas.parentElement;
  if (!box) return;
  const card = document.createElement('div');
  card.className = 'figure-hover';
  card.hidden = true;
  card.setAttribute('aria-hidden', 'true');
  box.append(card);
  const hide = () => (card.hidden = true);
  canvas.addEventListener('pointerleave', hide);
  canvas.addEventListener('pointermove', (event) => {
    const c = chart();
    if (!c) return hide();
    const [hit] = c.getElementsAtEventForMode(event, 'nearest', { intersect: false, axis: 'xy' }, false);
    if (!hit) return hide();
    const { x, y } = hit.element as unknown as { x: number; y: number };
    const rect = canvas.getBoundingClientRect();
    if (Math.hypot(event.clientX - rect.left - x, event.clientY - rect.top - y) > 32) return hide();
    const { title, lines } = hoverText(c.data as FigureChartData, hit.datasetIndex, hit.index, lang);
    if (!title && lines.length === 0) return hide();
    const strong = document.createElement('strong');
    strong.textContent = title;
    card.replaceChildren(strong, ...lines.map((line) => Object.assign(document.createElement('span'), { textContent: line })));
    card.hidden = false;
    const left = x + 14 + card.offsetWidth > box.clientWidth ? Math.max(0, x - 14 - card.offsetWidth) : x + 14;
    const top = Math.min(Math.max(0, y - card.offsetHeight / 2), Math.max(0, box.clientHeight - card.offsetHeight));
    card.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  });
}
