// What a chart's hover card says about a point, from the chart data the factory built (pure: no DOM). It is fetched
// with the card's code when a pointer first moves over a chart, not with the code that draws one.
import type { FigureChartData } from './chart-config';
import type { Lang } from './types';
import { formatNumber, formatPlain, formatYearMonth } from './format';
import { colonIn } from './sources';

/** The hover card of a point: a title (the point's name, or its x) and lines (series: y; notes such as the source). */
export function hoverText(data: FigureChartData, datasetIndex: number, index: number, lang: Lang): { title: string; lines: string[] } {
  const info = data.figure.hover[datasetIndex];
  const point = (data.datasets[datasetIndex]?.data ?? [])[index];
  if (!info || !point) return { title: '', lines: [] };
  const extra = info.points[index];
  const x = data.figure.xFormat === 'year' ? formatYearMonth(point.x, lang) : formatNumber(point.x, 3);
  const y = data.figure.yPercent.includes(info.axis) ? `${formatPlain(point.y * 100, 3)}%` : formatNumber(point.y, 4);
  return { title: extra?.label ?? `x = ${x}`, lines: [`${info.label}${colonIn(lang)}${y}`, ...(extra?.tooltip ?? [])] };
}
