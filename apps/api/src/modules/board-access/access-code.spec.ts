import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, generateAccessCode, hashAccessCode, normalizeAccessCode } from './access-code';

describe('board access codes', () => {
  it('should generate grouped codes of 12 unambiguous characters', () => {
    const codes = Array.from({ length: 200 }, generateAccessCode);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(normalizeAccessCode(code)).toHaveLength(CODE_LENGTH);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('should accept what a person types: lower case, spaces, missing dashes', () => {
    expect(normalizeAccessCode(' k7qm 2xwd-9hta ')).toBe('K7QM2XWD9HTA');
    expect(normalizeAccessCode('K7QM2XWD9HTA')).toBe('K7QM2XWD9HTA');
  });

  it('should refuse inputs that cannot be a code', () => {
    expect(normalizeAccessCode('K7QM-2XWD-9HT')).toBeNull();
    expect(normalizeAccessCode('K7QM-2XWD-9HT0')).toBeNull();
    expect(normalizeAccessCode('')).toBeNull();
  });

  it('should hash the normalized code, so that formatting does not matter', () => {
    const a = normalizeAccessCode('abcd-efgh-jkmn')!;
    const b = normalizeAccessCode('ABCDEFGHJKMN')!;
    expect(hashAccessCode(a)).toBe(hashAccessCode(b));
    expect(hashAccessCode(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(CODE_ALPHABET).toHaveLength(31);
  });
});
