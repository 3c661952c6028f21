import type { Chart, ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { formatPoints } from '@wahl/web-kit';
import { listAxisTicks, type BarLabelOptions, type ChartLayoutOptions } from './shares-chart';

export type ChangeInput = {
  readonly lists: readonly { readonly shortName: string; readonly color: string; readonly points: number }[];
  /** e.g. "2021", for the tooltip. */
  readonly previousLabel: string | null;
};

export type ChangesChartConfig = ChartConfiguration<'bar', number[], string>;

/** Writes each change at the end of its bar: beyond a gain, beyond a loss (above/below, or right/left). */
export const changeLabelsPlugin: Plugin<'bar', BarLabelOptions> = {
  id: 'changeLabels',
  afterDatasetsDraw(chart: Chart<'bar'>, _args?: unknown, options?: BarLabelOptions) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]?.data ?? [];
    const horizontal = chart.options?.indexAxis === 'y';
    ctx.save();
    ctx.fillStyle = '#1b2430';
    ctx.font = `600 ${options?.fontSize ?? 12}px system-ui, sans-serif`;
    meta.data.forEach((bar, index) => {
      const value = values[index];
      if (typeof value !== 'number') return;
      const loss = value < 0;
      if (horizontal) {
        ctx.textAlign = loss ? 'right' : 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(formatPoints(value), loss ? bar.x - 6 : bar.x + 6, bar.y);
      } else {
        ctx.textAlign = 'center';
        ctx.textBaseline = loss ? 'top' : 'bottom';
        ctx.fillText(formatPoints(value), bar.x, loss ? bar.y + 4 : bar.y - 4);
      }
    });
    ctx.restore();
  },
};

const NICE_STEPS = [1, 2, 5, 10, 20, 50];

/** A symmetric axis with room for the labels, in steps of 1, 2, 5, 10 … with at most three steps a side: ±6,0 → ±10 in fives. */
export function changeAxis(points: readonly number[]): { readonly limit: number; readonly step: number } {
  const largest = Math.max(0, ...points.map((value) => Math.abs(value)));
  const needed = Math.max(2, Math.ceil(largest + 1.5));
  const step = NICE_STEPS.find((candidate) => candidate * 3 >= needed) ?? 100;
  return { limit: Math.ceil(needed / step) * step, step };
}

/** Gains and losses in percentage points against the previous election; needs the same Chart.js parts as the share chart. */
export function changesChartConfig(input: ChangeInput, layout: ChartLayoutOptions = {}): ChangesChartConfig {
  const { limit, step } = changeAxis(input.lists.map((list) => list.points));
  const fontSize = layout.fontSize ?? 12;
  const valueAxis = {
    min: -limit,
    max: limit,
    border: { display: false },
    grid: {
      color: (context: { tick?: { value: number } }) => (context.tick?.value === 0 ? '#4a5666' : '#e4e8ee'),
      lineWidth: (context: { tick?: { value: number } }) => (context.tick?.value === 0 ? 1.5 : 1),
    },
    ticks: { stepSize: step, callback: (value: string | number) => formatPoints(Number(value), 0), font: { size: fontSize } },
    title: { display: layout.axisTitle ?? true, text: 'Prozentpunkte', color: '#4a5666', font: { size: fontSize } },
  };
  const categoryAxis = { grid: { display: false }, border: { display: false }, ticks: listAxisTicks(fontSize, layout.horizontal ?? false) };
  return {
    type: 'bar',
    data: {
      labels: input.lists.map((list) => list.shortName),
      datasets: [
        {
          label: 'Gewinne und Verluste',
          data: input.lists.map((list) => list.points),
          backgroundColor: input.lists.map((list) => list.color),
          borderRadius: 4,
          maxBarThickness: layout.horizontal ? 26 : 64,
        },
      ],
    },
    options: {
      locale: 'de-DE',
      indexAxis: layout.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 400 },
      layout: { padding: layout.horizontal ? { left: 4, right: 8 } : { top: 8 + fontSize, bottom: 4 } },
      scales: layout.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: false },
        changeLabels: { fontSize: fontSize + 1 },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const list = input.lists[item.dataIndex];
              return list
                ? `${formatPoints(list.points)} Prozentpunkte${input.previousLabel ? ` gegenüber ${input.previousLabel}` : ''}`
                : '';
            },
          },
        },
      },
    },
    plugins: [changeLabelsPlugin],
  };
}
