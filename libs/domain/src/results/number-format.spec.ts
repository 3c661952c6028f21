import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, roundedPercent, roundedPointChange } from './number-format';

describe('roundedPercent', () => {
  it('should give the worked-example turnout (820 + 260) / 1,500 = 72.0 %', () => {
    expect(roundedPercent(1080, 1500)).toBe(72);
  });

  it('should round exact halves away from zero where floats would not', () => {
    // 29/400 = 7.25 % exactly; 29 / 400 * 100 * 10 in binary floating point is 72.4999….
    expect(Math.round((29 / 400) * 100 * 10) / 10).toBe(7.2);
    expect(roundedPercent(29, 400)).toBe(7.3);
    expect(roundedPercent(-29, 400)).toBe(-7.3);
    expect(roundedPercent(1, 3, 2)).toBe(33.33);
  });

  it('should return null for an empty base', () => {
    expect(roundedPercent(5, 0)).toBeNull();
  });
});

describe('roundedPointChange', () => {
  it('should compute percentage points exactly, also for federal-size counts', () => {
    // 290/813 = 35.670 % vs 300/800 = 37.5 % → −1.8 points.
    expect(roundedPointChange(290, 813, 300, 800)).toBe(-1.8);
    // Products beyond 2^53: 20,000,001 / 49,000,000 vs 20,000,000 / 49,000,000 → +0.000002 points.
    expect(roundedPointChange(20_000_001, 49_000_000, 20_000_000, 49_000_000, 6)).toBe(0.000002);
    expect(roundedPointChange(1, 0, 1, 1)).toBeNull();
  });
});

describe('German formatting', () => {
  it('should group thousands with a dot and use a decimal comma', () => {
    expect(formatCount(1500)).toBe('1.500');
    expect(formatCount(60_510_631)).toBe('60.510.631');
    expect(formatCount(-1250)).toBe('-1.250');
    expect(formatCount(null)).toBe('leer');
    expect(formatPercent(72)).toBe('72,0 %');
    expect(formatPercent(null)).toBe('–');
  });
});
