import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeQrWithZbar, hasCommand } from '../test-support/module-png';
import { encodeQr, qrCodewords, type QrEcLevel } from './qr-code';
import { qrFormatBits, qrVersionBits } from './qr-layout';
import { qrPenaltyOfModules } from './qr-penalty';
import { qrAlignmentPositions, qrBlockLayout } from './qr-tables';

const LEVELS: QrEcLevel[] = ['L', 'M', 'Q', 'H'];
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const tokenUrl = fc
  .string({ unit: fc.constantFrom(...BASE64URL), minLength: 22, maxLength: 22 })
  .map((token) => `https://wahl.example.de/b/${token}`);

// The penalty rules of ISO/IEC 18004 §7.8.3.1 module by module, as the reference for the
// bit-parallel scorer (same reading of N3 as the scorer: outside the symbol is light).
const naivePenalty = (modules: Uint8Array, size: number): number => {
  let penalty = 0;
  for (const horizontal of [true, false]) {
    const at = (line: number, i: number): number => (horizontal ? modules[line * size + i] : modules[i * size + line]);
    const light = (line: number, i: number): boolean => i < 0 || i >= size || at(line, i) === 0;
    for (let line = 0; line < size; line++) {
      let run = 1;
      for (let i = 1; i <= size; i++) {
        if (i < size && at(line, i) === at(line, i - 1)) run++;
        else {
          if (run >= 5) penalty += 3 + (run - 5);
          run = 1;
        }
      }
      for (let i = 0; i + 7 <= size; i++) {
        const core = [1, 0, 1, 1, 1, 0, 1].every((bit, k) => at(line, i + k) === bit);
        const before = [1, 2, 3, 4].every((k) => light(line, i - k));
        const after = [7, 8, 9, 10].every((k) => light(line, i + k));
        if (core && (before || after)) penalty += 40;
      }
    }
  }
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = modules[y * size + x];
      if (modules[y * size + x + 1] === c && modules[(y + 1) * size + x] === c && modules[(y + 1) * size + x + 1] === c) {
        penalty += 3;
      }
    }
  }
  const dark = modules.reduce((sum, m) => sum + m, 0);
  const total = size * size;
  return penalty + 10 * Math.floor((Math.abs(dark * 2 - total) * 10) / total);
};

describe('QR code tables', () => {
  it('should give the codewords of the ISO/IEC 18004 Annex I example "01234567", version 1-M', () => {
    expect(Array.from(qrCodewords('01234567', 'M', 1))).toEqual([
      // Numeric mode 0001, count 0000001000, 012 3456 7, terminator, pad codewords 0xEC 0x11 …
      16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17,
      // … and the 10 error correction codewords of the standard's worked example.
      165, 36, 212, 193, 237, 54, 199, 135, 44, 85,
    ]);
  });

  it('should give the codewords of "HELLO WORLD", version 1-Q (alphanumeric)', () => {
    // "HE" = 17·45+14 = 779, "LL" = 21·45+21 = 966, …, "D" = 13 in 6 bits.
    expect(Array.from(qrCodewords('HELLO WORLD', 'Q', 1))).toEqual([
      32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 168, 72, 22, 82, 217, 54, 156, 0, 46, 15, 180, 122, 16,
    ]);
  });

  it('should hold exactly the byte capacities of ISO/IEC 18004 Table 7', () => {
    const capacities: [number, QrEcLevel, number][] = [
      [1, 'L', 17],
      [1, 'M', 14],
      [1, 'Q', 11],
      [1, 'H', 7],
      [4, 'M', 62],
      [5, 'Q', 60],
      [7, 'H', 64],
      [10, 'M', 213],
      [15, 'L', 520],
      [27, 'Q', 805],
      [40, 'L', 2953],
      [40, 'H', 1273],
    ];
    for (const [version, ecLevel, bytes] of capacities) {
      expect(encodeQr('x'.repeat(bytes), { ecLevel, minVersion: version }).version).toBe(version);
      const oneMore = (): number => encodeQr('x'.repeat(bytes + 1), { ecLevel, minVersion: version }).version;
      if (version < 40) expect(oneMore()).toBe(version + 1);
      else expect(oneMore).toThrow(RangeError);
    }
  });

  it('should split versions into the blocks of Table 9', () => {
    // 5-Q: 2 blocks of 15 and 2 of 16 data codewords, 18 EC codewords each; 40-H: 20×15 + 61×16, 30 each.
    expect(qrBlockLayout(5, 'Q')).toMatchObject({ blocks: 4, shortBlocks: 2, shortBlockData: 15, ecPerBlock: 18, dataCodewords: 62 });
    expect(qrBlockLayout(40, 'H')).toMatchObject({ blocks: 81, shortBlocks: 20, shortBlockData: 15, ecPerBlock: 30, dataCodewords: 1276 });
  });

  it('should place alignment patterns as in Annex E', () => {
    expect(qrAlignmentPositions(1)).toEqual([]);
    expect(qrAlignmentPositions(2)).toEqual([6, 18]);
    expect(qrAlignmentPositions(7)).toEqual([6, 22, 38]);
    expect(qrAlignmentPositions(32)).toEqual([6, 34, 60, 86, 112, 138]);
    expect(qrAlignmentPositions(40)).toEqual([6, 30, 58, 86, 114, 142, 170]);
  });

  it('should produce the format and version words of Annex C and D', () => {
    expect(qrFormatBits('L', 0).toString(2).padStart(15, '0')).toBe('111011111000100');
    expect(qrFormatBits('M', 0).toString(2).padStart(15, '0')).toBe('101010000010010');
    expect(qrFormatBits('Q', 0).toString(2).padStart(15, '0')).toBe('011010101011111');
    expect(qrFormatBits('H', 7).toString(2).padStart(15, '0')).toBe('000100000111011');
    expect(qrVersionBits(7).toString(2).padStart(18, '0')).toBe('000111110010010100');
    expect(qrVersionBits(40).toString(2).padStart(18, '0')).toBe('101000110001101001');
  });
});

describe('encodeQr', () => {
  it('should pick the smallest mode and version: the polling-card URL in byte mode, version 4-M', () => {
    const code = encodeQr('https://wahl.example.de/b/AbCdEfGhIjKlMnOpQrStUv', { ecLevel: 'M' });
    expect(code).toMatchObject({ version: 4, size: 33, rows: 33, cols: 33, mode: 'byte' });
    expect(encodeQr('HTTPS://WAHL.EXAMPLE.DE/B/0123', { ecLevel: 'M' }).mode).toBe('alphanumeric');
    expect(encodeQr('0123456789', { ecLevel: 'M' }).mode).toBe('numeric');
    expect(encodeQr('abc', { ecLevel: 'M', minVersion: 9 }).version).toBe(9);
  });

  it('should draw finders, timing, the dark module and both format copies', () => {
    const code = encodeQr('https://wahl.example.de/b/AbCdEfGhIjKlMnOpQrStUv', { ecLevel: 'M' });
    const { size, modules, mask } = code;
    const at = (x: number, y: number): number => modules[y * size + x];
    for (const [ox, oy] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ]) {
      for (let dy = 0; dy < 7; dy++) {
        for (let dx = 0; dx < 7; dx++) {
          const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
          expect(at(ox + dx, oy + dy)).toBe(ring === 2 ? 0 : 1);
        }
      }
    }
    for (let i = 8; i < size - 8; i++) {
      expect(at(i, 6)).toBe(i % 2 === 0 ? 1 : 0);
      expect(at(6, i)).toBe(i % 2 === 0 ? 1 : 0);
    }
    expect(at(8, size - 8)).toBe(1);
    // Format bits 14…0: first copy along row 8 then up column 8 (skipping timing), second copy
    // up column 8 at the bottom left, then along row 8 at the top right (Figure 25).
    const first = [
      [0, 8],
      [1, 8],
      [2, 8],
      [3, 8],
      [4, 8],
      [5, 8],
      [7, 8],
      [8, 8],
      [8, 7],
      [8, 5],
      [8, 4],
      [8, 3],
      [8, 2],
      [8, 1],
      [8, 0],
    ];
    const second = [...Array.from({ length: 7 }, (_, i) => [8, size - 1 - i]), ...Array.from({ length: 8 }, (_, i) => [size - 8 + i, 8])];
    const expected = qrFormatBits('M', mask).toString(2).padStart(15, '0');
    expect(first.map(([x, y]) => at(x, y)).join('')).toBe(expected);
    expect(second.map(([x, y]) => at(x, y)).join('')).toBe(expected);
  });

  it('should score masks exactly like the module-by-module penalty rules', () => {
    fc.assert(
      fc.property(fc.integer({ min: 21, max: 80 }), fc.integer(), (size, seed) => {
        let state = seed >>> 0;
        const modules = new Uint8Array(size * size).map(() => {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          return state >>> 31;
        });
        expect(qrPenaltyOfModules(modules, size)).toBe(naivePenalty(modules, size));
      }),
      { numRuns: 200 },
    );
    // Long runs, blocks and finder-like patterns are rare in noise: check real symbols too.
    for (const version of [1, 4, 10, 25]) {
      const code = encodeQr('WAHL 2026', { ecLevel: 'H', minVersion: version });
      expect(qrPenaltyOfModules(code.modules, code.size)).toBe(naivePenalty(code.modules, code.size));
    }
  });

  it('should choose the mask with the lowest penalty (first one on ties)', () => {
    fc.assert(
      fc.property(tokenUrl, fc.constantFrom(...LEVELS), (url, ecLevel) => {
        const chosen = encodeQr(url, { ecLevel });
        const scores = Array.from({ length: 8 }, (_, mask) => {
          const forced = encodeQr(url, { ecLevel, mask });
          return naivePenalty(forced.modules, forced.size);
        });
        expect(chosen.mask).toBe(scores.indexOf(Math.min(...scores)));
        expect(chosen.modules).toEqual(encodeQr(url, { ecLevel, mask: chosen.mask }).modules);
      }),
      { numRuns: 30 },
    );
  });

  it('should reject data that fits no allowed version and invalid options', () => {
    expect(() => encodeQr('x'.repeat(2954), { ecLevel: 'L' })).toThrow(RangeError);
    expect(() => encodeQr('x'.repeat(100), { ecLevel: 'M', maxVersion: 4 })).toThrow(/Version 4/);
    expect(() => encodeQr('x', { ecLevel: 'M', minVersion: 41 })).toThrow(RangeError);
    expect(() => encodeQr('x', { ecLevel: 'M', mask: 8 })).toThrow(RangeError);
  });
});

const zbar = hasCommand('zbarimg');
if (!zbar) console.warn('zbarimg not found (Debian package zbar-tools): QR decoding tests skipped');

describe.skipIf(!zbar)('encodeQr read back by zbarimg', () => {
  const roundTrip = (data: string | Uint8Array, code: ReturnType<typeof encodeQr>): void => {
    const expected = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    expect(decodeQrWithZbar(code).equals(expected)).toBe(true);
  };

  it('should read polling-card URLs at level M', () => {
    fc.assert(
      fc.property(tokenUrl, (url) => roundTrip(url, encodeQr(url, { ecLevel: 'M' }))),
      { numRuns: 50 },
    );
  }, 300_000);

  it('should read any Unicode text at every level and version 1–40', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
        fc.constantFrom(...LEVELS),
        fc.integer({ min: 1, max: 40 }),
        (text, ecLevel, minVersion) => roundTrip(text, encodeQr(text, { ecLevel, minVersion })),
      ),
      { numRuns: 50 },
    );
  }, 300_000);

  it('should read alphanumeric, numeric and binary payloads with every forced mask', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...ALPHANUMERIC), minLength: 1, maxLength: 300 }),
          fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 500 }),
          fc.uint8Array({ minLength: 1, maxLength: 300 }),
        ),
        fc.constantFrom(...LEVELS),
        fc.integer({ min: 0, max: 7 }),
        (data, ecLevel, mask) => {
          const code = encodeQr(data, { ecLevel, mask });
          roundTrip(data, code);
        },
      ),
      { numRuns: 50 },
    );
  }, 300_000);
});
