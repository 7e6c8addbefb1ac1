// Everything a figure needs to draw, loaded on demand by the figure island when a figure nears the viewport:
// Chart.js with only the parts the figures use (no chart.js/auto, no Tooltip or Legend plugin: the factory draws
// its own labels and legend, and hover-card.ts, fetched when a pointer first moves over a chart, shows the hover
// card), the chart factory and the page's chart theme.
import { Chart, LineController, LineElement, LinearScale, LogarithmicScale, PointElement } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

export { Chart };
export { buildChartConfig, buildChartData, optionsKey } from '../../lib/figures/chart-config';
export { readTheme, printTheme } from './theme';
