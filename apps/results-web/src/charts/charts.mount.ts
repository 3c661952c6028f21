import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { changesChartConfig, type ChangeInput } from './changes-chart';
import { sharesChartConfig, type ChartLayoutOptions, type SharesInput } from './shares-chart';

// Loaded on demand (dynamic import) so the first view paints its numbers and tables before the
// chart code arrives. Only the parts the bar charts use are registered; the bundler drops the rest.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";
Chart.defaults.color = '#4a5666';

export type BarChart = Chart<'bar', number[], string>;
type Config = ReturnType<typeof sharesChartConfig>;

const reducedMotion = (): boolean => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

function draw(canvas: HTMLCanvasElement, label: string, config: Config, existing: BarChart | null): BarChart {
  // The canvas is opaque to screen readers: it gets a text alternative, the table below has the numbers.
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  if (reducedMotion()) config.options = { ...config.options, animation: false };
  // Turning the bars sideways is a new chart, not an update.
  if (existing && existing.canvas === canvas && existing.options.indexAxis === config.options?.indexAxis) {
    existing.data = config.data;
    existing.options = config.options ?? {};
    existing.update();
    return existing;
  }
  existing?.destroy();
  return new Chart(canvas, config);
}

/** Draws (or redraws in place) the share bar chart into `canvas`. */
export function drawSharesChart(
  canvas: HTMLCanvasElement,
  label: string,
  results: SharesInput,
  layout: ChartLayoutOptions,
  existing: BarChart | null = null,
): BarChart {
  return draw(canvas, label, sharesChartConfig(results, layout), existing);
}

/** Draws (or redraws in place) the gains-and-losses chart into `canvas`. */
export function drawChangesChart(
  canvas: HTMLCanvasElement,
  label: string,
  input: ChangeInput,
  layout: ChartLayoutOptions,
  existing: BarChart | null = null,
): BarChart {
  return draw(canvas, label, changesChartConfig(input, layout), existing);
}
