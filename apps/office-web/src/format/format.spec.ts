import { describe, expect, it } from 'vitest';
import { formatClockTime, formatCountdown, formatElectionDay } from './format';

describe('formatElectionDay', () => {
  it('should write the weekday and month in full', () => {
    expect(formatElectionDay('2025-02-23', 'de')).toBe('Sonntag, 23. Februar 2025');
    // The comma after the English weekday differs between ICU versions.
    expect(formatElectionDay('2025-02-23', 'en')).toMatch(/^Sunday,? 23 February 2025$/);
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
