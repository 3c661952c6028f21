// Chart.js arrives in its own chunk after the first paint; every chart waits for the same import.
type ChartsModule = typeof import('./charts.mount');
let loading: Promise<ChartsModule> | null = null;

export function loadCharts(): Promise<ChartsModule> {
  loading ??= import('./charts.mount');
  return loading;
}
