import { roundedPercent } from '@wahl/domain';

// German number formatting for results: "1.234.567", "12,3 %". Written out by hand instead of
// Intl so that the output is identical in every browser and ICU version, and so that shares are
// rounded on the exact fraction of two integers (no binary floating-point error at x,x5).

/** No-break space between number and unit (DIN 5008: "12,3 %" never wraps before the sign). */
export const NBSP = '\u00a0';
const MINUS = '\u2212';

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Whole counts with thousands points: 1234567 → "1.234.567". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = Math.round(value);
  return `${rounded < 0 ? MINUS : ''}${group(String(Math.abs(rounded)))}`;
}

/** `scaled / 10^digits` as German decimal, e.g. (1234, 1) → "123,4". */
function formatScaled(scaled: bigint, digits: number): string {
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const whole = group(text.slice(0, text.length - digits));
  const fraction = digits > 0 ? `,${text.slice(text.length - digits)}` : '';
  return `${negative ? MINUS : ''}${whole}${fraction}`;
}

/**
 * part/whole in units of 10^-digits percent, rounded half up on the exact fraction by the domain's
 * `roundedPercent` (the same rounding as the API's reports); null when the whole is zero (no share
 * can be given yet).
 */
export function shareUnits(part: number, whole: number, digits = 1): bigint | null {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole <= 0) return null;
  const percent = roundedPercent(part, whole, digits);
  // `percent` is a whole number of 10^-digits units divided by 10^digits: scaling back is exact.
  return percent === null ? null : BigInt(Math.round(percent * 10 ** digits));
}

/** The share part/whole as percent: (1234, 10000) → "12,3 %"; "–" while the whole is zero. */
export function formatShare(part: number, whole: number, digits = 1): string {
  const units = shareUnits(part, whole, digits);
  return units === null ? '–' : `${formatScaled(units, digits)}${NBSP}%`;
}

/** The share as a number of percent, rounded like formatShare: (1234, 10000) → 12.3. */
export function sharePercent(part: number, whole: number, digits = 1): number | null {
  const units = shareUnits(part, whole, digits);
  return units === null ? null : Number(units) / 10 ** digits;
}

/** An already computed percent value, e.g. an axis tick: (12.3) → "12,3 %", (40, 0) → "40 %". */
export function formatPercent(percent: number, digits = 1): string {
  if (!Number.isFinite(percent)) return '–';
  // toFixed rounds the binary value; fine for display values that are already rounded.
  const scaled = BigInt(Math.round(Number((percent * 10 ** digits).toFixed(6))));
  return `${formatScaled(scaled, digits)}${NBSP}%`;
}

/** A change in percentage points with its sign: 5.7 → "+5,7", −1.2 → "−1,2", 0 → "±0,0". */
export function formatPoints(points: number, digits = 1): string {
  if (!Number.isFinite(points)) return '–';
  const scaled = BigInt(Math.round(Number((points * 10 ** digits).toFixed(6))));
  if (scaled === 0n) return `±${formatScaled(0n, digits)}`;
  return `${scaled > 0n ? '+' : ''}${formatScaled(scaled, digits)}`;
}
