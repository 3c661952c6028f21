import type { Chart, ScriptableScaleContext, TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { changeAxis, changeLabelsPlugin, changesChartConfig } from './changes-chart';

const MINUS = '\u2212';
// Zweitstimme of the worked example against 2021 (see model/__fixtures__).
const input = {
  previousLabel: '2021',
  lists: [
    { shortName: 'CDU', color: '#000000', points: 6 },
    { shortName: 'SPD', color: '#e3000f', points: -0.9 },
    { shortName: 'FDP', color: '#ffed00', points: -4.5 },
  ],
};

describe('changesChartConfig', () => {
  it('should make one bar per list with its change and colour, on a symmetric axis', () => {
    const config = changesChartConfig(input);
    expect(config.data.labels).toEqual(['CDU', 'SPD', 'FDP']);
    expect(config.data.datasets[0]!.data).toEqual([6, -0.9, -4.5]);
    expect(config.data.datasets[0]!.backgroundColor).toEqual(['#000000', '#e3000f', '#ffed00']);
    const y = config.options!.scales!['y'] as {
      min: number;
      max: number;
      ticks: { stepSize: number; callback: (value: number) => string };
      grid: { color: (context: ScriptableScaleContext) => string };
    };
    // 6,0 + room for the label = 7,5 → ±10 in steps of 5.
    expect([y.min, y.max, y.ticks.stepSize]).toEqual([-10, 10, 5]);
    expect(config.options!.indexAxis).toBe('x');
    expect([4, -4, 0].map((value) => y.ticks.callback(value))).toEqual(['+4', `${MINUS}4`, '±0']);
    // The zero line stands out from the grid.
    expect(y.grid.color({ tick: { value: 0 } } as ScriptableScaleContext)).not.toBe(
      y.grid.color({ tick: { value: 2 } } as ScriptableScaleContext),
    );
  });

  it('should explain a bar in the tooltip in German', () => {
    const label = changesChartConfig(input).options!.plugins!.tooltip!.callbacks!.label as (item: TooltipItem<'bar'>) => string;
    expect(label({ dataIndex: 1 } as TooltipItem<'bar'>)).toBe(`${MINUS}0,9 Prozentpunkte gegenüber 2021`);
  });

  it('should keep at least ±2 points of axis and choose steps of 1, 2, 5, 10 … with at most three a side', () => {
    expect(changeAxis([0.2, -0.1])).toEqual({ limit: 2, step: 1 });
    expect(changeAxis([])).toEqual({ limit: 2, step: 1 });
    expect(changeAxis([1.6, -4.4])).toEqual({ limit: 6, step: 2 });
    expect(changeAxis([-10.4])).toEqual({ limit: 15, step: 5 });
    expect(changeAxis([-21])).toEqual({ limit: 30, step: 10 });
  });

  it('should lay the bars sideways for a phone, with the values across', () => {
    const config = changesChartConfig(input, { horizontal: true, fontSize: 18 });
    expect(config.options!.indexAxis).toBe('y');
    const x = config.options!.scales!['x'] as { min: number; ticks: { font: { size: number } } };
    expect(x.min).toBe(-10);
    expect(x.ticks.font.size).toBe(18);
    expect(config.options!.plugins!.changeLabels).toEqual({ fontSize: 19 });
  });
});

describe('changeLabelsPlugin', () => {
  it('should write a gain right and a loss left of a horizontal bar', () => {
    const written: [string, number, number, string][] = [];
    const ctx = {
      textAlign: '',
      save() {},
      restore() {},
      fillText(text: string, x: number, y: number) {
        written.push([text, x, y, this.textAlign]);
      },
    };
    const chart = {
      ctx,
      options: { indexAxis: 'y' },
      data: { datasets: [{ data: [6, -0.9] }] },
      getDatasetMeta: () => ({
        data: [
          { x: 200, y: 20 },
          { x: 140, y: 50 },
        ],
      }),
    } as unknown as Chart<'bar'>;
    (changeLabelsPlugin.afterDatasetsDraw as (chart: Chart<'bar'>) => void)(chart);
    expect(written).toEqual([
      ['+6,0', 206, 20, 'left'],
      [`${MINUS}0,9`, 134, 50, 'right'],
    ]);
  });

  it('should write a gain above and a loss below its bar', () => {
    const written: [string, number, number, string][] = [];
    const ctx = {
      textBaseline: '',
      save() {},
      restore() {},
      fillText(text: string, x: number, y: number) {
        written.push([text, x, y, this.textBaseline]);
      },
    };
    const chart = {
      ctx,
      data: { datasets: [{ data: [6, -0.9] }] },
      getDatasetMeta: () => ({
        data: [
          { x: 40, y: 50 },
          { x: 120, y: 140 },
        ],
      }),
    } as unknown as Chart<'bar'>;
    (changeLabelsPlugin.afterDatasetsDraw as (chart: Chart<'bar'>) => void)(chart);
    expect(written).toEqual([
      ['+6,0', 40, 46, 'bottom'],
      [`${MINUS}0,9`, 120, 144, 'top'],
    ]);
  });
});
