import { err, ok, type Result } from '../result';
import type { Fraction } from './seat-allocation.types';

// DOMAIN.md 6: quotient comparisons are exact. a/b vs c/d (b, d > 0) is decided by a·d vs c·b in bigint.
export function compareRatios(a: bigint, b: bigint, c: bigint, d: bigint): -1 | 0 | 1 {
  const left = a * d;
  const right = c * b;
  return left > right ? 1 : left < right ? -1 : 0;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function reducedFraction(numerator: bigint, denominator: bigint): Fraction {
  const divisor = gcd(numerator, denominator) || 1n;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
// Bounds the size of 10^n so a hostile "1e999999999" cannot exhaust memory.
const MAX_EXPONENT = 400;

/**
 * Reads a non-negative decimal such as "0.05", "5e-2" or "1" as an exact fraction.
 * For a JSON number, pass `String(value)`: JavaScript prints the shortest decimal that round-trips,
 * i.e. the literal the client wrote, so 0.05 becomes exactly 5/100, not the binary float near it.
 */
export function parseDecimalFraction(text: string): Result<Fraction, string> {
  const match = DECIMAL.exec(text.trim());
  if (!match) return err(`„${text}“ ist keine Dezimalzahl.`);
  const [, whole, decimals = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - decimals.length;
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_EXPONENT)
    return err(`„${text}“ liegt außerhalb des zulässigen Bereichs.`);
  const digits = BigInt(whole + decimals);
  return exponent >= 0 ? ok(reducedFraction(digits * 10n ** BigInt(exponent), 1n)) : ok(reducedFraction(digits, 10n ** BigInt(-exponent)));
}
