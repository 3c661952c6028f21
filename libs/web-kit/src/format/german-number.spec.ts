import { describe, expect, it } from 'vitest';
import { roundedPercent } from '@wahl/domain';
import { NBSP, formatCount, formatPercent, formatPoints, formatShare, sharePercent, shareUnits } from './german-number';

describe('formatCount', () => {
  it('should group thousands with points', () => {
    expect([0, 7, 999, 1000, 12345, 1234567, 61181072].map(formatCount)).toEqual([
      '0',
      '7',
      '999',
      '1.000',
      '12.345',
      '1.234.567',
      '61.181.072',
    ]);
  });

  it('should write negatives with a minus sign and non-numbers as a dash', () => {
    expect([-2500, Number.NaN].map(formatCount)).toEqual(['\u22122.500', '–']);
  });
});

describe('formatShare', () => {
  it('should write one decimal with a comma and a no-break space before the percent sign', () => {
    expect(formatShare(1234, 10000)).toBe(`12,3${NBSP}%`);
    expect(formatShare(1, 3)).toBe(`33,3${NBSP}%`);
    expect(formatShare(2, 3)).toBe(`66,7${NBSP}%`);
    expect(formatShare(5, 5)).toBe(`100,0${NBSP}%`);
    expect(formatShare(0, 820)).toBe(`0,0${NBSP}%`);
  });

  it('should round an exact half up where floating point would round it down', () => {
    // 1.005 is 1.00499999… in binary; the exact fraction 201/20000 is 1.005 % → 1,01 %.
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatShare(201, 20000, 2)).toBe(`1,01${NBSP}%`);
    // 1/8 = 12.5 % → 13 % with no decimals.
    expect(formatShare(1, 8, 0)).toBe(`13${NBSP}%`);
  });

  it('should use the worked turnout example of the domain rules (1.080 of 1.500 = 72,0 %)', () => {
    expect(formatShare(820 + 260, 1500)).toBe(`72,0${NBSP}%`);
  });

  it('should give a dash while nothing is counted', () => {
    expect(formatShare(0, 0)).toBe('–');
    expect(shareUnits(3, 0)).toBeNull();
  });

  it('should stay exact for national totals', () => {
    // 25.025.000 of 50.000.000 is exactly 50,05 %; one vote less is 50,049998 %.
    expect(formatShare(25_025_000, 50_000_000)).toBe(`50,1${NBSP}%`);
    expect(formatShare(25_024_999, 50_000_000)).toBe(`50,0${NBSP}%`);
  });
});

describe('sharePercent', () => {
  it('should give the rounded share as a number', () => {
    expect(sharePercent(1234, 10000)).toBe(12.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(1, 0)).toBeNull();
  });
});

describe('formatPercent', () => {
  it('should format already computed percent values', () => {
    expect(formatPercent(12.3)).toBe(`12,3${NBSP}%`);
    expect(formatPercent(40, 0)).toBe(`40${NBSP}%`);
    expect(formatPercent(0.1 + 0.2)).toBe(`0,3${NBSP}%`);
    expect(formatPercent(1250.5)).toBe(`1.250,5${NBSP}%`);
  });
});

describe('formatPoints', () => {
  it('should write a change in percentage points with its sign', () => {
    expect(formatPoints(6)).toBe('+6,0');
    expect(formatPoints(-0.9)).toBe('\u22120,9');
    expect(formatPoints(0)).toBe('±0,0');
    expect(formatPoints(-0.04)).toBe('±0,0');
    expect(formatPoints(12.25, 1)).toBe('+12,3');
    expect(formatPoints(Number.NaN)).toBe('–');
  });
});

describe('the same rounding as libs/domain', () => {
  it('should give the share the domain rounds for every fraction of small counts', () => {
    for (let whole = 1; whole <= 200; whole += 1) {
      for (let part = 0; part <= whole; part += 1) {
        const percent = roundedPercent(part, whole, 1);
        expect(sharePercent(part, whole)).toBe(percent);
        expect(formatShare(part, whole)).toBe(`${percent!.toFixed(1).replace('.', ',')}${NBSP}%`);
      }
    }
  });
});
