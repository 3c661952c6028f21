import type { Language } from '../i18n/i18n';

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

const LONG_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const SHORT_DAY: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };

/**
 * An ISO calendar date as a long weekday date ("Sonntag, 14. März 2027"), or short ("14.03.2027")
 * for tables. The date has no time zone, so it is formatted in UTC: a browser west of Greenwich
 * must not show the day before.
 */
export function formatElectionDay(isoDate: string, language: Language, style: 'long' | 'short' = 'long'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(LOCALES[language], style === 'long' ? LONG_DAY : SHORT_DAY).format(date);
}

/** A local clock time as hours and minutes, e.g. "14:32" (both languages use the 24-hour clock here). */
export function formatClockTime(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** An instant as a short local date and time ("07.12.2026, 03:41"). */
export function formatDateTime(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(LOCALES[language], { dateStyle: 'short', timeStyle: 'short' });
}

/** Remaining wait as m:ss for the sign-in countdown (e.g. 899 → "14:59"). */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A count with the language's digit grouping ("1.500" in German). */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value);
}

/** A percentage with one decimal ("72,0 %"); null (not computable yet) as a dash. */
export function formatPercentValue(value: number | null, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return `${new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} %`;
}

/** A change in percentage points with its sign ("+3,4", "−1,2", "±0,0"). */
export function formatPointChange(value: number | null, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const rounded = Math.round(value * 10) / 10;
  const digits = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(rounded));
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${digits}`;
}
