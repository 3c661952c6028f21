import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, civilFromDays, daysFromCivil, daysFromIso, formatGermanDate, formatIsoDate, weekday } from './civil-date';

describe('civil dates', () => {
  it('should count days from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(civilFromDays(11_017)).toEqual({ year: 2000, month: 3, day: 1 });
  });

  it('should round-trip every day of a leap-year span', () => {
    for (let d = daysFromCivil(2023, 12, 1); d < daysFromCivil(2025, 3, 1); d++) {
      expect(daysFromIso(formatIsoDate(d))).toBe(d);
    }
  });

  it('should format register dates as TT.MM.JJJJ', () => {
    expect(formatGermanDate(daysFromIso('2025-02-03'))).toBe('03.02.2025');
  });

  it('should know the election Sundays of R0.1 and the demo election', () => {
    expect(weekday(daysFromIso('2025-02-23'))).toBe(0);
    expect(weekday(daysFromIso('2029-02-25'))).toBe(0);
    expect(weekday(daysFromIso('2025-02-03'))).toBe(1);
  });

  it('should clamp month arithmetic to the end of the month', () => {
    expect(formatIsoDate(addMonths(daysFromIso('2029-05-31'), -3))).toBe('2029-02-28');
    expect(formatIsoDate(addMonths(daysFromIso('2028-05-31'), -3))).toBe('2028-02-29');
    expect(formatIsoDate(addMonths(daysFromIso('2029-02-25'), -3))).toBe('2028-11-25');
  });

  it('should complete a year of age on the birthday itself (R1.5)', () => {
    const electionDay = daysFromIso('2025-02-23');
    expect(ageOn(daysFromIso('2007-02-23'), electionDay)).toBe(18);
    expect(ageOn(daysFromIso('2007-02-24'), electionDay)).toBe(17);
  });
});
