import { describe, expect, it } from 'vitest';
import { deriveDeadlines, resolveDeadlines } from './deadlines';
import { addDays, isIsoDate, nthDayBefore, weekdayOf } from './iso-date';

// DOMAIN.md R0.1, the worked table: every cell, with its weekday.
const R0_1_TABLE = [
  {
    election: 'Bundestag 23.02.2025',
    day: '2025-02-23',
    day42: '2025-01-12',
    day35: '2025-01-19',
    day21: '2025-02-02',
    inspection: ['2025-02-03', '2025-02-07'],
    closing: ['2025-02-20', '2025-02-22'],
  },
  {
    election: 'BW Kommunalwahl 09.06.2024',
    day: '2024-06-09',
    day42: '2024-04-28',
    day35: '2024-05-05',
    day21: '2024-05-19',
    inspection: ['2024-05-20', '2024-05-24'],
    closing: ['2024-06-06', '2024-06-08'],
  },
  {
    election: 'BW Landtag 08.03.2026',
    day: '2026-03-08',
    day42: '2026-01-25',
    day35: '2026-02-01',
    day21: '2026-02-15',
    inspection: ['2026-02-16', '2026-02-20'],
    closing: ['2026-03-05', '2026-03-07'],
  },
] as const;

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const FRIDAY = 5;
const SATURDAY = 6;

describe('R0.1 day arithmetic', () => {
  for (const row of R0_1_TABLE) {
    it(`should reproduce every cell of the table for ${row.election}`, () => {
      expect(weekdayOf(row.day)).toBe(SUNDAY);
      expect(nthDayBefore(row.day, 42)).toBe(row.day42);
      expect(nthDayBefore(row.day, 35)).toBe(row.day35);
      expect(nthDayBefore(row.day, 21)).toBe(row.day21);
      expect(nthDayBefore(row.day, 20)).toBe(row.inspection[0]);
      expect(nthDayBefore(row.day, 16)).toBe(row.inspection[1]);
      expect(nthDayBefore(row.day, 3)).toBe(row.closing[0]);
      expect(nthDayBefore(row.day, 1)).toBe(row.closing[1]);
      expect([row.day42, row.day35, row.day21].map(weekdayOf)).toEqual([SUNDAY, SUNDAY, SUNDAY]);
      expect(row.inspection.map(weekdayOf)).toEqual([MONDAY, FRIDAY]);
      expect(row.closing.map(weekdayOf)).toEqual([THURSDAY, SATURDAY]);
    });
  }

  it('should count calendar days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    // Daylight saving starts on 2026-03-29 in Germany; UTC arithmetic does not notice.
    expect(nthDayBefore('2026-04-05', 7)).toBe('2026-03-29');
  });

  it('should accept real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('deriveDeadlines', () => {
  it('should derive the Bundestag 2025 deadlines with the day-42 Stichtag (R1.7, BWO § 16(1))', () => {
    expect(deriveDeadlines('bundestag', '2025-02-23')).toEqual({
      rollCutoffDay: '2025-01-12',
      cardDeadline: '2025-02-02',
      inspectionStart: '2025-02-03',
      inspectionEnd: '2025-02-07',
      applicationDeadline: '2025-02-02',
      rollClosingEarliest: '2025-02-20',
      rollClosingLatest: '2025-02-22',
      postalApplicationDeadline: '2025-02-21',
    });
    expect(deriveDeadlines('europawahl', '2024-06-09').rollCutoffDay).toBe('2024-04-28');
  });

  it('should derive the BW municipal deadlines with the day-35 Stichtag (R1.8, assumed for KomWO § 3)', () => {
    for (const kind of ['gemeinderat-bw', 'kreistag-bw', 'buergermeister-bw'] as const) {
      expect(deriveDeadlines(kind, '2024-06-09')).toEqual({
        rollCutoffDay: '2024-05-05',
        cardDeadline: '2024-05-19',
        inspectionStart: '2024-05-20',
        inspectionEnd: '2024-05-24',
        applicationDeadline: '2024-05-19',
        rollClosingEarliest: '2024-06-06',
        rollClosingLatest: '2024-06-08',
        postalApplicationDeadline: '2024-06-07',
      });
    }
  });

  it('should derive the Landtag 2026 deadlines with the assumed day-35 Stichtag', () => {
    expect(deriveDeadlines('landtag-bw', '2026-03-08')).toEqual({
      rollCutoffDay: '2026-02-01',
      cardDeadline: '2026-02-15',
      inspectionStart: '2026-02-16',
      inspectionEnd: '2026-02-20',
      applicationDeadline: '2026-02-15',
      rollClosingEarliest: '2026-03-05',
      rollClosingLatest: '2026-03-07',
      postalApplicationDeadline: '2026-03-06',
    });
  });
});

describe('resolveDeadlines', () => {
  it('should replace only the overridden deadlines (R0.1: shortened deadlines of an early election)', () => {
    const resolved = resolveDeadlines('bundestag', '2025-02-23', { rollCutoffDay: '2025-01-19', inspectionEnd: '2025-02-06' });
    expect(resolved).toEqual({ ...deriveDeadlines('bundestag', '2025-02-23'), rollCutoffDay: '2025-01-19', inspectionEnd: '2025-02-06' });
  });

  it('should return the derived deadlines without overrides', () => {
    expect(resolveDeadlines('kreistag-bw', '2024-06-09', undefined)).toEqual(deriveDeadlines('kreistag-bw', '2024-06-09'));
    expect(resolveDeadlines('kreistag-bw', '2024-06-09', {})).toEqual(deriveDeadlines('kreistag-bw', '2024-06-09'));
  });
});
