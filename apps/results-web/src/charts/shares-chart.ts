import type { Chart, ChartConfiguration, ChartType, Plugin, TooltipItem } from 'chart.js';
import { formatCount, formatPercent, formatShare, sharePercent } from '@wahl/web-kit';

export type ListVotes = {
  /** Kurzbezeichnung of the list as on the ballot, e.g. "CDU" or "GRÜNE". */
  readonly shortName: string;
  /** CSS hex colour of the list; lists without one are drawn in neutral grey. */
  readonly color?: string | null;
  readonly votes: number;
};
export type SharesInput = { readonly lists: readonly ListVotes[] };

export type SharesChartConfig = ChartConfiguration<'bar', number[], string>;

/** Bar labels of our plugins: their size follows the chart's (the town hall screen draws large). */
export type BarLabelOptions = { readonly fontSize?: number };

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    shareLabels?: BarLabelOptions & { readonly _type?: TType };
    changeLabels?: BarLabelOptions;
  }
}

export type ChartLayoutOptions = {
  /** Bars from left to right with the list names on the left: readable on a phone. */
  readonly horizontal?: boolean;
  /** Base font size in px (ticks; bar labels one px larger). */
  readonly fontSize?: number;
  /** The unit as an axis title (change chart); off where the panel title names it. */
  readonly axisTitle?: boolean;
};

export const FALLBACK_COLOR = '#8a94a3';
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

const totalOf = (lists: readonly ListVotes[]): number => lists.reduce((sum, list) => sum + list.votes, 0);

/**
 * Shares of the valid votes, in ballot order (the order of the input, never re-sorted). The sum of
 * the list votes is the number of valid votes (P6), so it is the base of every share.
 */
export function sharesOf(
  results: SharesInput,
): { readonly shortName: string; readonly color: string; readonly votes: number; readonly percent: number }[] {
  const total = totalOf(results.lists);
  return results.lists.map((list) => ({
    shortName: list.shortName,
    color: list.color && HEX_COLOR.test(list.color) ? list.color : FALLBACK_COLOR,
    votes: list.votes,
    percent: sharePercent(list.votes, total) ?? 0,
  }));
}

/** One sentence for screen readers, e.g. "CDU 31,2 %, SPD 25,0 %"; the canvas itself is opaque to them. */
export function sharesSummary(results: SharesInput): string {
  const total = totalOf(results.lists);
  return results.lists.map((list) => `${list.shortName} ${formatShare(list.votes, total)}`).join(', ');
}

/** A long list name under a bar in lines ("Die Linke" → ["Die", "Linke"]), so it need not be turned. */
export function splitLabel(label: string): string | string[] {
  if (label.length <= 8 || !/\s/.test(label.trim())) return label;
  return label.trim().split(/\s+/);
}

/** Ticks of the list axis: names in lines when the bars stand upright. */
export function listAxisTicks(fontSize: number, horizontal: boolean) {
  return {
    font: { size: fontSize + 1, weight: 600 },
    color: '#1b2430',
    autoSkip: false,
    callback(this: { getLabelForValue: (value: number) => string }, value: string | number): string | string[] {
      const label = this.getLabelForValue(Number(value));
      return horizontal ? label : splitLabel(label);
    },
  };
}

/** Draws each bar's share at its end (above, or right of a horizontal bar), so the numbers are readable without hovering (touch screens). */
export const shareLabelsPlugin: Plugin<'bar', BarLabelOptions> = {
  id: 'shareLabels',
  afterDatasetsDraw(chart: Chart<'bar'>, _args?: unknown, options?: BarLabelOptions) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]?.data ?? [];
    const horizontal = chart.options?.indexAxis === 'y';
    ctx.save();
    ctx.fillStyle = '#1b2430';
    ctx.font = `600 ${options?.fontSize ?? 12}px system-ui, sans-serif`;
    ctx.textAlign = horizontal ? 'left' : 'center';
    ctx.textBaseline = horizontal ? 'middle' : 'bottom';
    meta.data.forEach((bar, index) => {
      const value = values[index];
      if (typeof value !== 'number') return;
      if (horizontal) ctx.fillText(formatPercent(value), bar.x + 6, bar.y);
      else ctx.fillText(formatPercent(value), bar.x, bar.y - 4);
    });
    ctx.restore();
  },
};

/** Chart.js configuration of the share bar chart; needs BarController, BarElement, CategoryScale, LinearScale, Tooltip. */
export function sharesChartConfig(results: SharesInput, layout: ChartLayoutOptions = {}): SharesChartConfig {
  const shares = sharesOf(results);
  const highest = Math.max(0, ...shares.map((share) => share.percent));
  const fontSize = layout.fontSize ?? 12;
  const valueAxis = {
    beginAtZero: true,
    suggestedMax: Math.ceil((highest + 5) / 10) * 10,
    ticks: { callback: (value: string | number) => formatPercent(Number(value), 0), font: { size: fontSize }, maxTicksLimit: 6 },
    grid: { color: '#e8ecf1' },
    border: { display: false },
  };
  const categoryAxis = { grid: { display: false }, ticks: listAxisTicks(fontSize, layout.horizontal ?? false) };
  return {
    type: 'bar',
    data: {
      labels: shares.map((share) => share.shortName),
      datasets: [
        {
          label: 'Stimmenanteil',
          data: shares.map((share) => share.percent),
          backgroundColor: shares.map((share) => share.color),
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
      // Room for the share labels beyond the longest bar.
      layout: { padding: layout.horizontal ? { right: 8 + 4 * (fontSize + 1) } : { top: 8 + fontSize } },
      scales: layout.horizontal ? { x: { ...valueAxis, display: false }, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: false },
        shareLabels: { fontSize: fontSize + 1 },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const share = shares[item.dataIndex];
              return share ? `${formatPercent(share.percent)} (${formatCount(share.votes)} Stimmen)` : '';
            },
          },
        },
      },
    },
    plugins: [shareLabelsPlugin],
  };
}
