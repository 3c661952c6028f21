// Exact rounding and German formatting at the display edge. Counts stay integers everywhere;
// a share exists only as the pair (numerator, denominator) until it is rounded here.

const toBigInt = (value: number | bigint): bigint | null => {
  if (typeof value === 'bigint') return value;
  return Number.isSafeInteger(value) ? BigInt(value) : null;
};

/**
 * `numerator / denominator × 100`, rounded half away from zero to `decimals` places, computed in
 * integers so that 72.05 % never turns into 72.0 % by binary floating point. `null` when the
 * denominator is 0. Non-integer input (which valid counts never are) falls back to floats.
 */
export const roundedPercent = (numerator: number | bigint, denominator: number | bigint, decimals = 1): number | null => {
  const num = toBigInt(numerator);
  const den = toBigInt(denominator);
  if (num === null || den === null) {
    const value = Number(numerator) / Number(denominator);
    if (!Number.isFinite(value)) return null;
    const factor = 10 ** decimals;
    return Math.round(value * 100 * factor) / factor;
  }
  if (den === 0n) return null;
  const negative = num < 0n !== den < 0n && num !== 0n;
  const absNum = num < 0n ? -num : num;
  const absDen = den < 0n ? -den : den;
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * absNum * 100n * scale + absDen) / (2n * absDen);
  const value = Number(scaled) / Number(scale);
  return negative && value !== 0 ? -value : value;
};

/** Percentage points between two shares a/b and c/d: (a·d − c·b) / (b·d) × 100, exact. */
export const roundedPointChange = (
  votes: number,
  base: number,
  previousVotes: number,
  previousBase: number,
  decimals = 1,
): number | null => {
  if (base === 0 || previousBase === 0) return null;
  const a = BigInt(votes);
  const b = BigInt(base);
  const c = BigInt(previousVotes);
  const d = BigInt(previousBase);
  return roundedPercent(a * d - c * b, b * d, decimals);
};

/** `1500` → `1.500`, as read back on the phone and printed on German forms. */
export const formatCount = (value: number | null | undefined): string => {
  if (value === null || value === undefined) return 'leer';
  if (!Number.isInteger(value)) return String(value).replace('.', ',');
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return value < 0 ? `-${digits}` : digits;
};

/** `72` → `72,0 %`. */
export const formatPercent = (value: number | null, decimals = 1): string =>
  value === null ? '–' : `${value.toFixed(decimals).replace('.', ',')} %`;
