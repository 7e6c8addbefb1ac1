// Chart.js with only the parts the figures use (no chart.js/auto, no Tooltip or Legend plugin: the factory draws
// its own labels and legend, and hover.ts shows the hover card): loaded on demand by the figure island.
import { Chart, LineController, LineElement, LinearScale, LogarithmicScale, PointElement } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);

export { Chart };
