import type { Chart, TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { NBSP } from '@wahl/web-kit';
import { FALLBACK_COLOR, listAxisTicks, shareLabelsPlugin, sharesChartConfig, sharesSummary, splitLabel } from './shares-chart';

// A district with 960 valid votes: 412 → 42,9 %, 301 → 31,4 %, 187 → 19,5 %, 60 → 6,25 % → 6,3 % (half up).
const sample = {
  lists: [
    { shortName: 'CDU', color: '#000000', votes: 412 },
    { shortName: 'SPD', color: '#E3000F', votes: 301 },
    { shortName: 'GRÜNE', color: '#1AA037', votes: 187 },
    { shortName: 'FDP', color: null, votes: 60 },
  ],
};

describe('sharesChartConfig', () => {
  it('should make one bar per list in ballot order with shares of the valid votes', () => {
    const config = sharesChartConfig(sample);
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['CDU', 'SPD', 'GRÜNE', 'FDP']);
    expect(config.data.datasets).toHaveLength(1);
    expect(config.data.datasets[0]!.data).toEqual([42.9, 31.4, 19.5, 6.3]);
  });

  it('should colour bars by list and use grey for a list without a valid colour', () => {
    const config = sharesChartConfig({ lists: [...sample.lists, { shortName: 'X', color: 'red', votes: 1 }] });
    expect(config.data.datasets[0]!.backgroundColor).toEqual(['#000000', '#E3000F', '#1AA037', FALLBACK_COLOR, FALLBACK_COLOR]);
  });

  it('should label the axis and tooltips in German', () => {
    const options = sharesChartConfig(sample).options!;
    const y = options.scales!['y'] as { suggestedMax: number; ticks: { callback: (value: number) => string } };
    expect(y.ticks.callback(40)).toBe(`40${NBSP}%`);
    // Highest bar 42,9 % → axis up to 50 %, leaving room for its label.
    expect(y.suggestedMax).toBe(50);
    const label = options.plugins!.tooltip!.callbacks!.label as (item: TooltipItem<'bar'>) => string;
    expect(label({ dataIndex: 1 } as TooltipItem<'bar'>)).toBe(`31,4${NBSP}% (301 Stimmen)`);
    expect(options.plugins!.legend!.display).toBe(false);
  });

  it('should show zero shares while no votes are counted', () => {
    const config = sharesChartConfig({ lists: sample.lists.map((list) => ({ ...list, votes: 0 })) });
    expect(config.data.datasets[0]!.data).toEqual([0, 0, 0, 0]);
    expect(sharesSummary({ lists: [{ shortName: 'CDU', votes: 0 }] })).toBe('CDU –');
  });

  it('should format thousands in the tooltip', () => {
    const config = sharesChartConfig({
      lists: [
        { shortName: 'A', votes: 12_345 },
        { shortName: 'B', votes: 7_655 },
      ],
    });
    const label = config.options!.plugins!.tooltip!.callbacks!.label as (item: TooltipItem<'bar'>) => string;
    expect(label({ dataIndex: 0 } as TooltipItem<'bar'>)).toBe(`61,7${NBSP}% (12.345 Stimmen)`);
  });
});

describe('sharesChartConfig sideways', () => {
  it('should put the lists on the vertical axis for a phone and size the fonts for the town hall screen', () => {
    const config = sharesChartConfig(sample, { horizontal: true, fontSize: 18 });
    expect(config.options!.indexAxis).toBe('y');
    const y = config.options!.scales!['y'] as { ticks: { font: { size: number } } };
    const x = config.options!.scales!['x'] as { display: boolean; suggestedMax: number };
    expect(y.ticks.font.size).toBe(19);
    // The value axis is left out: every bar carries its share.
    expect(x).toMatchObject({ display: false, suggestedMax: 50 });
    expect(config.options!.plugins!.shareLabels).toEqual({ fontSize: 19 });
    // Room for "42,9 %" right of the longest bar: 8 + 4 × 19 px.
    expect(config.options!.layout!.padding).toEqual({ right: 84 });
  });
});

describe('list axis labels', () => {
  it('should set long names with spaces in lines under upright bars and leave them whole beside sideways bars', () => {
    expect(splitLabel('Die Linke')).toEqual(['Die', 'Linke']);
    expect(splitLabel('FREIE WÄHLER')).toEqual(['FREIE', 'WÄHLER']);
    expect(splitLabel('GRÜNE')).toBe('GRÜNE');
    expect(splitLabel('Tierschutzpartei')).toBe('Tierschutzpartei');
    const scale = { getLabelForValue: (value: number) => ['CDU', 'Die Linke'][value]! };
    expect(listAxisTicks(12, false).callback.call(scale, 1)).toEqual(['Die', 'Linke']);
    expect(listAxisTicks(12, true).callback.call(scale, 1)).toBe('Die Linke');
  });
});

describe('sharesSummary', () => {
  it('should list every share for screen readers', () => {
    expect(sharesSummary(sample)).toBe(`CDU 42,9${NBSP}%, SPD 31,4${NBSP}%, GRÜNE 19,5${NBSP}%, FDP 6,3${NBSP}%`);
  });
});

describe('shareLabelsPlugin', () => {
  it('should write each share right of a horizontal bar in the configured size', () => {
    const written: [string, number, number, string][] = [];
    const ctx = {
      font: '',
      save() {},
      restore() {},
      fillText(text: string, x: number, y: number) {
        written.push([text, x, y, this.font]);
      },
    };
    const chart = {
      ctx,
      options: { indexAxis: 'y' },
      data: { datasets: [{ data: [42.9] }] },
      getDatasetMeta: () => ({ data: [{ x: 180, y: 14 }] }),
    } as unknown as Chart<'bar'>;
    (shareLabelsPlugin.afterDatasetsDraw as (chart: Chart<'bar'>, args: unknown, options: { fontSize: number }) => void)(
      chart,
      {},
      { fontSize: 20 },
    );
    expect(written).toEqual([[`42,9${NBSP}%`, 186, 14, '600 20px system-ui, sans-serif']]);
  });

  it('should write each share above its bar', () => {
    const written: [string, number, number][] = [];
    const ctx = { save() {}, restore() {}, fillText: (text: string, x: number, y: number) => written.push([text, x, y]) };
    const chart = {
      ctx,
      data: { datasets: [{ data: [42.9, 6.3] }] },
      getDatasetMeta: () => ({
        data: [
          { x: 40, y: 100 },
          { x: 120, y: 260 },
        ],
      }),
    } as unknown as Chart<'bar'>;
    (shareLabelsPlugin.afterDatasetsDraw as (chart: Chart<'bar'>) => void)(chart);
    expect(written).toEqual([
      [`42,9${NBSP}%`, 40, 96],
      [`6,3${NBSP}%`, 120, 256],
    ]);
  });
});
