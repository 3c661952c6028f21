import type { IsoDate } from './election-definition.types';

// Calendar-day arithmetic on `YYYY-MM-DD` strings, done in UTC so that no time zone or daylight
// saving change can shift a day (R0.1). No clock is read here.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a real calendar date, else null (2025-02-30 is not a date). */
export function isoDateToDayNumber(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 30 February over into March; a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export function dayNumberToIsoDate(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return isoDateToDayNumber(value) !== null;
}

function requireDayNumber(value: IsoDate): number {
  const dayNumber = isoDateToDayNumber(value);
  if (dayNumber === null) throw new RangeError(`Not a calendar date: ${value}`);
  return dayNumber;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayNumberToIsoDate(requireDayNumber(date) + days);
}

/** R0.1: "the n-th day before the election" = election day minus n calendar days (election day = day 0). */
export function nthDayBefore(electionDay: IsoDate, n: number): IsoDate {
  return addDays(electionDay, -n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((requireDayNumber(date) + 4) % 7) + 7) % 7;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return requireDayNumber(a) - requireDayNumber(b);
}

const GERMAN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The German calendar day (Europe/Berlin) of an instant; the caller passes the instant. */
export const germanCalendarDay = (at: Date): IsoDate => GERMAN_DAY.format(at);
