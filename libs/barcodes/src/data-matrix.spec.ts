import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDataMatrixWithDmtx, encodeWithDmtxwrite, hasCommand } from '../test-support/module-png';
import { dataMatrixCodewords, encodeDataMatrix } from './data-matrix';
import { DATA_MATRIX_SYMBOLS } from './data-matrix-symbols';

// The sheet code of a mailing: job id, piece sequence, sheet n of m, check digit.
const sheetCode = fc
  .record({
    job: fc.integer({ min: 0, max: 999_999 }),
    piece: fc.integer({ min: 0, max: 9_999_999 }),
    sheets: fc.integer({ min: 1, max: 12 }),
    check: fc.integer({ min: 0, max: 9 }),
  })
  .chain(({ job, piece, sheets, check }) =>
    fc
      .integer({ min: 1, max: sheets })
      .map((sheet) => `J${String(job).padStart(6, '0')}P${String(piece).padStart(7, '0')}S${sheet}/${sheets}C${check}`),
  );

describe('Data Matrix codewords', () => {
  it('should give the codewords of the ISO/IEC 16022 example "123456" (10×10)', () => {
    // Digit pairs 12, 34, 56 → 130 + pair; then 5 error correction codewords.
    expect(Array.from(dataMatrixCodewords('123456'))).toEqual([142, 164, 186, 114, 25, 5, 88, 102]);
  });

  it('should compact digit pairs, shift bytes above 127 and randomise pads (worked sheet code)', () => {
    const codewords = dataMatrixCodewords('J000123P0004567S1/2C7');
    // J=74+1, 00, 01, 23, P, 00, 04, 56, 7, S, 1, /, 2, C, 7: 15 codewords → 18×18 (18 data codewords).
    // Pads: 129, then 129 + ((149·P mod 253) + 1) wrapped at 254 for positions P = 17, 18 → 133, 28.
    expect(Array.from(codewords.subarray(0, 18))).toEqual([75, 130, 131, 153, 81, 130, 134, 186, 56, 84, 50, 48, 51, 68, 56, 129, 133, 28]);
    expect(codewords).toHaveLength(18 + 14);
    expect(Array.from(dataMatrixCodewords('é\u00c8')).slice(0, 4)).toEqual([235, 0xe9 - 127, 235, 0xc8 - 127]);
    expect(Array.from(dataMatrixCodewords(new Uint8Array([0, 255]))).slice(0, 3)).toEqual([1, 235, 128]);
  });

  it('should match the symbol sizes of ISO/IEC 16022 Table 7', () => {
    for (const s of DATA_MATRIX_SYMBOLS) {
      const side = s.regionSize * s.regionsPerSide;
      expect(s.size).toBe(side + 2 * s.regionsPerSide);
      expect(s.dataCodewords + s.ecCodewords).toBe(Math.floor((side * side) / 8));
      expect(s.ecCodewords % s.blocks).toBe(0);
    }
  });
});

describe('encodeDataMatrix', () => {
  it('should choose the smallest square symbol that holds the data', () => {
    for (const [index, symbol] of DATA_MATRIX_SYMBOLS.entries()) {
      // n digit pairs are n codewords.
      const full = '42'.repeat(symbol.dataCodewords);
      expect(encodeDataMatrix(full)).toMatchObject({
        rows: symbol.size,
        cols: symbol.size,
        usedCodewords: symbol.dataCodewords,
        capacityCodewords: symbol.dataCodewords,
      });
      const next = DATA_MATRIX_SYMBOLS[index + 1];
      if (next) expect(encodeDataMatrix(full + '7').rows).toBe(next.size);
      else expect(() => encodeDataMatrix(full + '7')).toThrow(RangeError);
    }
  });

  it('should frame every data region with its finder and timing edges', () => {
    const { rows, cols, modules } = encodeDataMatrix('x'.repeat(50)); // 32×32: 2×2 regions of 14
    expect([rows, cols]).toEqual([32, 32]);
    for (const top of [0, 16]) {
      for (const left of [0, 16]) {
        for (let i = 0; i < 16; i++) {
          expect(modules[(top + i) * cols + left]).toBe(1); // left: solid
          expect(modules[(top + 15) * cols + left + i]).toBe(1); // bottom: solid
          expect(modules[top * cols + left + i]).toBe(i % 2 === 0 ? 1 : 0); // top: alternating
          expect(modules[(top + i) * cols + left + 15]).toBe(i % 2 === 1 ? 1 : 0); // right: alternating
        }
      }
    }
  });

  it('should reject characters outside Latin-1', () => {
    expect(() => encodeDataMatrix('€')).toThrow(/U\+20AC/);
  });
});

const dmtxwrite = hasCommand('dmtxwrite');
const dmtxread = hasCommand('dmtxread');
if (!dmtxwrite || !dmtxread) console.warn('dmtxwrite/dmtxread not found (Debian package dmtx-utils): Data Matrix reference tests skipped');

describe.skipIf(!dmtxwrite)('encodeDataMatrix against libdmtx', () => {
  it('should produce exactly the symbol of libdmtx (ASCII encodation) for any data up to 80×80', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 450 }).map((s) => Buffer.from(s, 'latin1')),
          fc.string({ unit: fc.constantFrom(...'0123456789AZ/'), minLength: 1, maxLength: 600 }).map((s) => Buffer.from(s, 'latin1')),
          fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b)),
        ),
        (data) => {
          const mine = encodeDataMatrix(new Uint8Array(data));
          const reference = encodeWithDmtxwrite(data);
          expect([mine.rows, mine.cols]).toEqual([reference.rows, reference.cols]);
          expect(mine.modules).toEqual(reference.modules);
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);

  it('should match libdmtx for the largest symbols, 144×144 with its uneven blocks included', () => {
    for (const length of [900, 1300, 1556]) {
      const data = Buffer.from('ab'.repeat(length).slice(0, length), 'latin1');
      const mine = encodeDataMatrix(new Uint8Array(data));
      const reference = encodeWithDmtxwrite(data);
      expect([mine.rows, mine.cols]).toEqual([reference.rows, reference.cols]);
      expect(mine.modules).toEqual(reference.modules);
    }
  }, 60_000);
});

describe.skipIf(!dmtxread)('encodeDataMatrix read back by dmtxread', () => {
  it('should read sheet codes', () => {
    fc.assert(
      fc.property(sheetCode, (code) => {
        expect(decodeDataMatrixWithDmtx(encodeDataMatrix(code)).toString('latin1')).toBe(code);
      }),
      { numRuns: 50 },
    );
  }, 300_000);

  it('should read any Latin-1 text, multi-block symbols included', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'binary', minLength: 1, maxLength: 200 })
          .map((s) => Array.from(s, (c) => (c.charCodeAt(0) > 0xff ? '?' : c)).join('')),
        (text) => {
          expect(decodeDataMatrixWithDmtx(encodeDataMatrix(text)).equals(Buffer.from(text, 'latin1'))).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  }, 300_000);
});
