import { describe, expect, it } from 'vitest';
import { compareRatios, parseDecimalFraction } from './exact-fraction';

describe('parseDecimalFraction', () => {
  it.each([
    ['0.05', 1n, 20n],
    ['5e-2', 1n, 20n],
    ['0.1', 1n, 10n],
    ['1', 1n, 1n],
    ['0', 0n, 1n],
    ['0.333', 333n, 1000n],
    [String(0.0000001), 1n, 10_000_000n],
  ])('should read %s exactly as %d/%d', (text, numerator, denominator) => {
    expect(parseDecimalFraction(text)).toEqual({ ok: true, value: { numerator, denominator } });
  });

  it.each(['', '-0.05', '0,05', 'abc', '1e999999'])('should refuse %j', (text) => {
    expect(parseDecimalFraction(text).ok).toBe(false);
  });
});

describe('compareRatios', () => {
  it('should tell 1/3 from 0.3333333333333333 where doubles cannot', () => {
    expect(compareRatios(1n, 3n, 3333333333333333n, 10n ** 16n)).toBe(1);
    expect(compareRatios(100n, 3n, 200n, 6n)).toBe(0);
    expect(compareRatios(1n, 5n, 1n, 4n)).toBe(-1);
  });
});
