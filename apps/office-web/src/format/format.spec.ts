import { describe, expect, it } from 'vitest';
import { formatClockTime, formatCountdown, formatElectionDay, formatNumber, formatPercentValue, formatPointChange } from './format';

describe('formatElectionDay', () => {
  it('should write the weekday and month in full', () => {
    expect(formatElectionDay('2025-02-23', 'de')).toBe('Sonntag, 23. Februar 2025');
    // The comma after the English weekday differs between ICU versions.
    expect(formatElectionDay('2025-02-23', 'en')).toMatch(/^Sunday,? 23 February 2025$/);
  });

  it('should write a short date for tables', () => {
    expect(formatElectionDay('2025-08-24', 'de', 'short')).toBe('24.08.2025');
    expect(formatElectionDay('2025-08-24', 'en', 'short')).toBe('24/08/2025');
  });

  it('should return text that is not an ISO date unchanged', () => {
    expect(formatElectionDay('23.02.2025', 'de')).toBe('23.02.2025');
  });
});

describe('formatClockTime', () => {
  it('should write hours and minutes on the 24-hour clock', () => {
    const afternoon = new Date(2026, 2, 8, 14, 32, 50);
    const morning = new Date(2026, 2, 8, 7, 5);
    expect([formatClockTime(afternoon, 'de'), formatClockTime(morning, 'de')]).toEqual(['14:32', '07:05']);
    expect(formatClockTime(afternoon, 'en')).toBe('14:32');
  });
});

describe('formatCountdown', () => {
  it('should show minutes and two-digit seconds', () => {
    expect([900, 899, 61, 9, 0].map(formatCountdown)).toEqual(['15:00', '14:59', '1:01', '0:09', '0:00']);
  });

  it('should round fractions up and never go below zero', () => {
    expect([59.2, -4].map(formatCountdown)).toEqual(['1:00', '0:00']);
  });
});

describe('numbers and shares', () => {
  it('should group digits by language', () => {
    expect([formatNumber(1500, 'de'), formatNumber(1500, 'en'), formatNumber(820, 'de')]).toEqual(['1.500', '1,500', '820']);
  });

  it('should write a share with one decimal and a dash when there is none yet', () => {
    expect([
      formatPercentValue(72, 'de'),
      formatPercentValue(35.981, 'de'),
      formatPercentValue(35.981, 'en'),
      formatPercentValue(null, 'de'),
    ]).toEqual(['72,0 %', '36,0 %', '36.0 %', '–']);
  });

  it('should sign a change in points', () => {
    expect([
      formatPointChange(6.0, 'de'),
      formatPointChange(-1.24, 'de'),
      formatPointChange(0.04, 'de'),
      formatPointChange(null, 'de'),
    ]).toEqual(['+6,0', '−1,2', '±0,0', '–']);
  });
});
