import type { Chart, ChartConfiguration, Plugin, TooltipItem } from 'chart.js';
import { formatCount, formatPercent, formatShare, sharePercent } from '../format/german-number';

export type ListVotes = {
  /** Kurzbezeichnung of the list as on the ballot, e.g. "CDU" or "GRÜNE". */
  readonly shortName: string;
  /** CSS hex colour of the list; lists without one are drawn in neutral grey. */
  readonly color?: string | null;
  readonly votes: number;
};
export type SharesInput = { readonly lists: readonly ListVotes[] };

export type SharesChartConfig = ChartConfiguration<'bar', number[], string>;

export const FALLBACK_COLOR = '#8a94a3';
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

const totalOf = (lists: readonly ListVotes[]): number => lists.reduce((sum, list) => sum + list.votes, 0);

/**
 * Shares of the valid votes, in ballot order (the order of the input, never re-sorted). The sum of
 * the list votes is the number of valid votes (P6), so it is the base of every share.
 */
export function sharesOf(results: SharesInput): { readonly shortName: string; readonly color: string; readonly votes: number; readonly percent: number }[] {
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

/** Draws each bar's share above it, so the numbers are readable without hovering (touch screens). */
export const shareLabelsPlugin: Plugin<'bar'> = {
  id: 'shareLabels',
  afterDatasetsDraw(chart: Chart<'bar'>) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const values = chart.data.datasets[0]?.data ?? [];
    ctx.save();
    ctx.fillStyle = '#1b2430';
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    meta.data.forEach((bar, index) => {
      const value = values[index];
      if (typeof value === 'number') ctx.fillText(formatPercent(value), bar.x, bar.y - 4);
    });
    ctx.restore();
  },
};

/** Chart.js configuration of the share bar chart; needs BarController, BarElement, CategoryScale, LinearScale, Tooltip. */
export function sharesChartConfig(results: SharesInput): SharesChartConfig {
  const shares = sharesOf(results);
  const highest = Math.max(0, ...shares.map((share) => share.percent));
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
          maxBarThickness: 64,
        },
      ],
    },
    options: {
      locale: 'de-DE',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 400 },
      // Headroom for the share labels above the highest bar.
      layout: { padding: { top: 20 } },
      scales: {
        x: { grid: { display: false } },
        y: {
          beginAtZero: true,
          suggestedMax: Math.ceil((highest + 5) / 10) * 10,
          ticks: { callback: (value) => formatPercent(Number(value), 0) },
        },
      },
      plugins: {
        legend: { display: false },
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
