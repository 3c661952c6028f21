import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionDay, daysInMonth, formatIsoDate, parseIsoDate, subtractMonthsClamped } from './calendar-month';

const dateArb = fc
  .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));

describe('calendar months', () => {
  it('should accept only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2000-02-29')).not.toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(parseIsoDate('2025-04-31')).toBeNull();
    expect(parseIsoDate('2025-4-01')).toBeNull();
  });

  it('should land on the same-numbered day when it exists', () => {
    expect(completionDay('2007-02-23', 18 * 12)).toBe('2025-02-23');
    expect(completionDay('2024-11-23', 3)).toBe('2025-02-23');
    expect(completionDay('2024-12-31', 2)).toBe('2025-03-01'); // 31 Feb missing → 1 Mar
  });

  it('should move a missing day to the 1st of the next month (BGB § 188(3))', () => {
    expect(completionDay('2008-02-29', 18 * 12)).toBe('2026-03-01');
    expect(completionDay('2008-02-29', 16 * 12)).toBe('2024-02-29');
    expect(completionDay('2025-08-31', 3)).toBe('2025-12-01');
    expect(completionDay('2024-11-30', 3)).toBe('2025-03-01');
    expect(completionDay('2023-11-30', 3)).toBe('2024-03-01'); // 30 Feb 2024 missing too
    expect(completionDay('2023-11-29', 3)).toBe('2024-02-29');
  });

  it('should clamp subtraction to the month end', () => {
    expect(subtractMonthsClamped('2025-05-31', 3)).toBe('2025-02-28');
    expect(subtractMonthsClamped('2024-05-31', 3)).toBe('2024-02-29');
    expect(subtractMonthsClamped('2025-11-30', 3)).toBe('2025-08-30');
    expect(subtractMonthsClamped('2025-02-23', 3)).toBe('2024-11-23');
    expect(subtractMonthsClamped('2026-02-28', 18 * 12)).toBe('2008-02-28');
  });

  it('should decide completion exactly as DOMAIN R1.6 `start <= day − n months` (clamped)', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 1, max: 240 }), (start, day, months) => {
        expect(completionDay(start, months) <= day).toBe(start <= subtractMonthsClamped(day, months));
      }),
      { numRuns: 5000 },
    );
  });
});
