import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDayDate, formatStand } from './german-time';

describe('formatClockTime', () => {
  it('should give the time in Germany, winter and summer time', () => {
    // 23 Feb 2025: CET = UTC+1; 9 Jun 2024: CEST = UTC+2.
    expect(formatClockTime('2025-02-23T17:42:10Z')).toBe('18:42');
    expect(formatClockTime('2024-06-09T16:05:00.000Z')).toBe('18:05');
    expect(formatClockTime('2025-02-23T23:30:00Z')).toBe('00:30');
    expect(formatClockTime('kein Datum')).toBe('–');
  });
});

describe('formatStand', () => {
  it('should give only the time on the same day and the date on a later day', () => {
    expect(formatStand('2025-02-23T17:42:10Z', new Date('2025-02-23T20:00:00Z'))).toBe('Stand: 18:42 Uhr');
    // 23:30 UTC is already the 24th in Germany.
    expect(formatStand('2025-02-23T17:42:10Z', new Date('2025-02-23T23:30:00Z'))).toBe('Stand: 23.02.2025, 18:42 Uhr');
    expect(formatDayDate('2025-02-23T23:30:00Z')).toBe('24.02.2025');
  });
});
