import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGaloisField, createRsGenerator, gfMultiply, rsEncodeInto, type GaloisField } from './reed-solomon';

// Evaluates the codeword polynomial (first byte = highest degree) at x with Horner's rule.
const evaluate = (field: GaloisField, codeword: Uint8Array, x: number): number => {
  let y = 0;
  for (const c of codeword) y = gfMultiply(field, y, x) ^ c;
  return y;
};

describe('GF(256)', () => {
  it('should generate all 255 non-zero elements from α = 2 for both field polynomials', () => {
    for (const primitive of [0x11d, 0x12d]) {
      const field = createGaloisField(primitive);
      expect(new Set(field.exp.subarray(0, 255)).size).toBe(255);
      // α^8 = the polynomial without x^8: 0x1D for QR, 0x2D for Data Matrix.
      expect(field.exp[8]).toBe(primitive & 0xff);
    }
  });

  it('should multiply by shift-and-reduce the same as by tables', () => {
    const field = createGaloisField(0x12d);
    const slow = (a: number, b: number): number => {
      let r = 0;
      for (; b > 0; b >>= 1) {
        if (b & 1) r ^= a;
        a <<= 1;
        if (a & 0x100) a ^= 0x12d;
      }
      return r;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (a, b) => {
        expect(gfMultiply(field, a, b)).toBe(slow(a, b));
      }),
    );
  });
});

describe('Reed–Solomon', () => {
  // A codeword is a multiple of the generator, so it vanishes at every generator root.
  it.each([
    ['QR', 0x11d, 0],
    ['Data Matrix', 0x12d, 1],
  ])('should make %s codewords vanish at all generator roots', (_name, primitive, firstRoot) => {
    const field = createGaloisField(primitive);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 120 }), fc.integer({ min: 2, max: 68 }), (data, degree) => {
        const generator = createRsGenerator(field, degree, firstRoot);
        const codeword = new Uint8Array(data.length + degree);
        codeword.set(data);
        rsEncodeInto(generator, data, 0, data.length, codeword, data.length);
        for (let i = 0; i < degree; i++) {
          expect(evaluate(field, codeword, field.exp[firstRoot + i])).toBe(0);
        }
      }),
    );
  });
});
