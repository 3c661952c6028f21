import type { IsoDate } from '../election/election-definition.types';

// Calendar dates as plain year/month/day numbers: month and year periods are counted on the
// calendar, never in milliseconds, so no time zone or leap second can move a day. No clock here.

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` of a real calendar date, else null. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function requireIsoDate(value: IsoDate): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  return date;
}

export function formatIsoDate(date: CalendarDate): IsoDate {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/**
 * The first day on which a period of `months` months that *includes* its start day has fully run
 * (BGB § 187(2), § 188(2) second alternative): the period ends with the day before the day of
 * the same number `months` later, so the result is that same-numbered day. When that day does not
 * exist (31 Aug + 3 months, 29 Feb + 12 months), BGB § 188(3) ends the period with the last day
 * of the month, so the period has run on the 1st of the following month.
 */
export function completionDay(start: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireIsoDate(start);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  if (day <= daysInMonth(targetYear, targetMonth)) return formatIsoDate({ year: targetYear, month: targetMonth, day });
  const nextIndex = monthIndex + 1;
  return formatIsoDate({ year: Math.floor(nextIndex / 12), month: (nextIndex % 12) + 1, day: 1 });
}

/** `date` minus `months` calendar months, clamped to the last day of a shorter month (31 May − 3 months = 28/29 Feb). */
export function subtractMonthsClamped(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = requireIsoDate(date);
  const monthIndex = year * 12 + (month - 1) - months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return formatIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
