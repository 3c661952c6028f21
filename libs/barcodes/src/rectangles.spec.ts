import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDataMatrix } from './data-matrix';
import { encodeQr } from './qr-code';
import { type ModuleMatrix, toRectangles } from './rectangles';

const matrixFrom = (picture: string[]): ModuleMatrix => ({
  rows: picture.length,
  cols: picture[0].length,
  modules: Uint8Array.from(picture.join(''), (c) => (c === '#' ? 1 : 0)),
});

// Paints the rectangles and counts how often each module is covered.
const coverage = (matrix: ModuleMatrix): Uint8Array => {
  const painted = new Uint8Array(matrix.rows * matrix.cols);
  for (const [x, y, w, h] of toRectangles(matrix)) {
    for (let dy = 0; dy < h; dy++) for (let dx = 0; dx < w; dx++) painted[(y + dy) * matrix.cols + x + dx]++;
  }
  return painted;
};

describe('toRectangles', () => {
  it('should merge runs per row and identical runs of consecutive rows', () => {
    const matrix = matrixFrom([
      '##.###', //
      '##.###',
      '##..#.',
      '......',
      '.#####',
    ]);
    expect(toRectangles(matrix)).toEqual([
      [0, 0, 2, 3], // the 2-wide run continues for three rows
      [3, 0, 3, 2],
      [4, 2, 1, 1], // narrower run below: a new rectangle
      [1, 4, 5, 1],
    ]);
  });

  it('should cover every dark module exactly once and no light module', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((rows) =>
            fc
              .integer({ min: 1, max: 40 })
              .chain((cols) =>
                fc
                  .uint8Array({ min: 0, max: 1, minLength: rows * cols, maxLength: rows * cols })
                  .map((modules) => ({ rows, cols, modules })),
              ),
          ),
        (matrix) => {
          expect(coverage(matrix)).toEqual(matrix.modules);
        },
      ),
    );
  });

  it('should draw a polling-card QR code and a sheet Data Matrix with far fewer rectangles than dark modules', () => {
    const qr = encodeQr('https://wahl.example.de/b/AbCdEfGhIjKlMnOpQrStUv', { ecLevel: 'M' });
    const dm = encodeDataMatrix('J000123P0004567S1/2C7');
    for (const matrix of [qr, dm]) {
      const dark = matrix.modules.reduce((sum, m) => sum + m, 0);
      expect(coverage(matrix)).toEqual(matrix.modules);
      expect(toRectangles(matrix).length).toBeLessThan(dark / 2);
    }
  });
});
