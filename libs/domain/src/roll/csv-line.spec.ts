import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvLine, splitCsvLine } from './csv-line';

const split = (line: string, maxFields = 100) => splitCsvLine(line, maxFields);

describe('splitCsvLine', () => {
  it('should split plain fields, keeping empty ones and whitespace', () => {
    expect(split('a;b;c')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(split('a;;c;')).toEqual({ ok: true, value: ['a', '', 'c', ''] });
    expect(split('')).toEqual({ ok: true, value: [''] });
    expect(split(' Müller ;x')).toEqual({ ok: true, value: [' Müller ', 'x'] });
  });

  it('should read quoted fields with semicolons and doubled quotes', () => {
    expect(split('"Meier; Anna";"Sag ""Hallo""";""')).toEqual({ ok: true, value: ['Meier; Anna', 'Sag "Hallo"', ''] });
    expect(split('1;"""";2')).toEqual({ ok: true, value: ['1', '"', '2'] });
    expect(split('"a";"b"')).toEqual({ ok: true, value: ['a', 'b'] });
  });

  it('should drop one trailing carriage return', () => {
    expect(split('a;b\r')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(split('a;"b"\r')).toEqual({ ok: true, value: ['a', 'b'] });
  });

  it('should report an unterminated quote with its field', () => {
    expect(split('a;"b;c')).toEqual({
      ok: false,
      error: { field: 2, reason: 'Ein Anführungszeichen wird nicht geschlossen (Felder dürfen keinen Zeilenumbruch enthalten).' },
    });
    expect(split('a;"b""')).toMatchObject({ ok: false, error: { field: 2 } });
  });

  it('should report a quote in the middle of an unquoted field', () => {
    expect(split('a;b"c;d')).toEqual({
      ok: false,
      error: { field: 2, reason: 'Ein Anführungszeichen steht mitten in einem Feld ohne Anführungszeichen.' },
    });
    expect(split('a;b;c"')).toMatchObject({ ok: false, error: { field: 3 } });
  });

  it('should report text after a closing quote', () => {
    expect(split('"a"b;c')).toEqual({
      ok: false,
      error: { field: 1, reason: 'Nach dem schließenden Anführungszeichen muss ein Semikolon oder das Zeilenende folgen.' },
    });
  });

  it('should stop at too many fields', () => {
    expect(splitCsvLine('a;b;c', 2)).toEqual({ ok: false, error: { field: 3, reason: 'Die Zeile hat mehr als 2 Felder.' } });
    expect(splitCsvLine('a;b', 2)).toEqual({ ok: true, value: ['a', 'b'] });
    expect(splitCsvLine('a;b;', 2)).toMatchObject({ ok: false, error: { field: 3 } });
  });

  it('should reuse the output array it is given', () => {
    const out: string[] = ['stale', 'stale', 'stale'];
    const result = splitCsvLine('x;y', 10, out);
    expect(result.ok && result.value).toBe(out);
    expect(out).toEqual(['x', 'y']);
  });

  it('should read back every line it formatted (round trip)', () => {
    const tricky = fc.string({ unit: fc.constantFrom('a', 'ß', '"', ';', ' ', ',', 'Ä', '\t') });
    const anyText = fc.string({ unit: 'grapheme' }).filter((value) => !/[\r\n]/.test(value));
    fc.assert(
      fc.property(fc.array(fc.oneof(tricky, anyText), { minLength: 1, maxLength: 25 }), (fields) => {
        expect(splitCsvLine(formatCsvLine(fields), fields.length)).toEqual({ ok: true, value: fields });
        if (fields.length > 1) expect(splitCsvLine(formatCsvLine(fields), fields.length - 1).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('should never throw on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', ';', '\r', ' ') }), (line) => {
        const result = splitCsvLine(line, 50);
        if (result.ok) expect(result.value.length).toBeGreaterThan(0);
        else expect(result.error.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it('should refuse to format a line break', () => {
    expect(() => formatCsvLine(['a\nb'])).toThrow(RangeError);
    expect(formatCsvLine(['Meier; Anna', 'Sag "Hallo"', 'x'])).toBe('"Meier; Anna";"Sag ""Hallo""";x');
  });
});
