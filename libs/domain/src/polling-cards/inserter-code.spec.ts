import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInserterCode, luhnCheckDigit, parseInserterCode } from './inserter-code';

describe('inserter code (R3.14, R3.15)', () => {
  it('should compute the textbook Luhn check digit', () => {
    // The classic example: 7992739871 → 3 (7992739871 3 passes the Luhn test).
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(luhnCheckDigit('0')).toBe(0);
  });

  it('should write job, piece, sheet n of m and the check digit in 16 fixed-width digits', () => {
    // 004711 0012345 1 1 → Luhn over "004711001234511": 36 → 4.
    expect(formatInserterCode({ jobNumber: 4711, piece: 12345, sheet: 1, sheets: 1 })).toBe('0047110012345114');
    expect(parseInserterCode('0047110012345114')).toEqual({ ok: true, value: { jobNumber: 4711, piece: 12345, sheet: 1, sheets: 1 } });
  });

  it('should detect any single changed digit and reject malformed codes', () => {
    const code = formatInserterCode({ jobNumber: 12, piece: 9_999_999, sheet: 2, sheets: 3 });
    for (let position = 0; position < code.length; position++) {
      const digit = Number(code[position]);
      const changed = code.slice(0, position) + String((digit + 1) % 10) + code.slice(position + 1);
      expect(parseInserterCode(changed).ok).toBe(false);
    }
    expect(parseInserterCode('004711001234511')).toEqual({ ok: false, error: 'WRONG_FORMAT' });
    expect(() => formatInserterCode({ jobNumber: 1, piece: 1, sheet: 2, sheets: 1 })).toThrow(RangeError);
    expect(() => formatInserterCode({ jobNumber: 1_000_000, piece: 1, sheet: 1, sheets: 1 })).toThrow(RangeError);
  });

  it('should read back every code it writes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 1, max: 9 }),
        (jobNumber, piece, sheets) => {
          const sheet = 1 + (piece % sheets);
          const parsed = parseInserterCode(formatInserterCode({ jobNumber, piece, sheet, sheets }));
          return parsed.ok && parsed.value.jobNumber === jobNumber && parsed.value.piece === piece && parsed.value.sheet === sheet;
        },
      ),
    );
  });
});
