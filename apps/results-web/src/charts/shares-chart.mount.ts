import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { sharesChartConfig, sharesSummary, type SharesInput } from './shares-chart';

// Only the parts the share chart uses, so the bundler drops the rest of Chart.js.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Draws the share bar chart into `canvas`; the canvas gets a text alternative for screen readers. */
export function mountSharesChart(canvas: HTMLCanvasElement, results: SharesInput): Chart<'bar', number[], string> {
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Stimmenanteile: ${sharesSummary(results)}`);
  return new Chart(canvas, sharesChartConfig(results));
}
