// Module placement of ECC200 (ISO/IEC 16022:2006 Annex F): the codewords' 8-bit "utah" shapes swept
// diagonally over the mapping matrix, with the four corner cases, then the mapping matrix split into
// data regions framed by their finder (solid L) and timing (alternating) edges. Computed once per size.
import type { DataMatrixSymbol } from './data-matrix-symbols';

export type DataMatrixLayout = {
  readonly symbol: DataMatrixSymbol;
  // Finder and timing patterns and the fixed corner pattern; copy it and add the data bits.
  readonly template: Uint8Array;
  // Symbol module index of bit b (0 = most significant) of codeword k, at k * 8 + b.
  readonly bitModule: Int32Array;
};

const layouts = new Map<number, DataMatrixLayout>();

export const dataMatrixLayout = (symbol: DataMatrixSymbol): DataMatrixLayout => {
  let layout = layouts.get(symbol.size);
  if (!layout) {
    layout = buildLayout(symbol);
    layouts.set(symbol.size, layout);
  }
  return layout;
};

const buildLayout = (symbol: DataMatrixSymbol): DataMatrixLayout => {
  const { size, regionSize, regionsPerSide } = symbol;
  const nrow = regionSize * regionsPerSide;
  const ncol = nrow;
  // Mapping matrix cell → codeword * 8 + bit + 1 (0 = not yet placed).
  const mapping = new Int32Array(nrow * ncol);
  const fixedDark = new Uint8Array(nrow * ncol);

  const place = (row: number, col: number, chr: number, bit: number): void => {
    // Annex F.2: wrap shapes that cross the edge of the mapping matrix.
    if (row < 0) {
      row += nrow;
      col += 4 - ((nrow + 4) % 8);
    }
    if (col < 0) {
      col += ncol;
      row += 4 - ((ncol + 4) % 8);
    }
    mapping[row * ncol + col] = chr * 8 + bit + 1;
  };
  const utah = (row: number, col: number, chr: number): void => {
    place(row - 2, col - 2, chr, 0);
    place(row - 2, col - 1, chr, 1);
    place(row - 1, col - 2, chr, 2);
    place(row - 1, col - 1, chr, 3);
    place(row - 1, col, chr, 4);
    place(row, col - 2, chr, 5);
    place(row, col - 1, chr, 6);
    place(row, col, chr, 7);
  };
  const corner = (chr: number, cells: readonly (readonly [number, number])[]): void => {
    cells.forEach(([row, col], bit) => place(row, col, chr, bit));
  };
  const corner1 = (chr: number): void =>
    corner(chr, [
      [nrow - 1, 0],
      [nrow - 1, 1],
      [nrow - 1, 2],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 1],
      [2, ncol - 1],
      [3, ncol - 1],
    ]);
  const corner2 = (chr: number): void =>
    corner(chr, [
      [nrow - 3, 0],
      [nrow - 2, 0],
      [nrow - 1, 0],
      [0, ncol - 4],
      [0, ncol - 3],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 1],
    ]);
  const corner3 = (chr: number): void =>
    corner(chr, [
      [nrow - 3, 0],
      [nrow - 2, 0],
      [nrow - 1, 0],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 1],
      [2, ncol - 1],
      [3, ncol - 1],
    ]);
  const corner4 = (chr: number): void =>
    corner(chr, [
      [nrow - 1, 0],
      [nrow - 1, ncol - 1],
      [0, ncol - 3],
      [0, ncol - 2],
      [0, ncol - 1],
      [1, ncol - 3],
      [1, ncol - 2],
      [1, ncol - 1],
    ]);

  let chr = 0;
  let row = 4;
  let col = 0;
  do {
    if (row === nrow && col === 0) corner1(chr++);
    if (row === nrow - 2 && col === 0 && ncol % 4 !== 0) corner2(chr++);
    if (row === nrow - 2 && col === 0 && ncol % 8 === 4) corner3(chr++);
    if (row === nrow + 4 && col === 2 && ncol % 8 === 0) corner4(chr++);
    // Sweep up and to the right…
    do {
      if (row < nrow && col >= 0 && mapping[row * ncol + col] === 0) utah(row, col, chr++);
      row -= 2;
      col += 2;
    } while (row >= 0 && col < ncol);
    row += 1;
    col += 3;
    // …then down and to the left.
    do {
      if (row >= 0 && col < ncol && mapping[row * ncol + col] === 0) utah(row, col, chr++);
      row += 2;
      col -= 2;
    } while (row < nrow && col >= 0);
    row += 3;
    col += 1;
  } while (row < nrow || col < ncol);
  // Annex F.3: an untouched lower right corner gets a fixed checkerboard.
  if (mapping[nrow * ncol - 1] === 0) {
    fixedDark[nrow * ncol - 1] = 1;
    fixedDark[(nrow - 1) * ncol - 2] = 1;
  }

  // Mapping cell (r, c) lies in region (⌊r/rs⌋, ⌊c/rs⌋), one module inside that region's border.
  const symbolIndex = (r: number, c: number): number =>
    (r + 2 * Math.floor(r / regionSize) + 1) * size + (c + 2 * Math.floor(c / regionSize) + 1);

  const template = new Uint8Array(size * size);
  const step = regionSize + 2;
  for (let top = 0; top < size; top += step) {
    for (let y = 0; y < step; y++) {
      for (let left = 0; left < size; left += step) {
        for (let x = 0; x < step; x++) {
          // §5.5: left and bottom edge solid; top edge and right edge alternate, dark at the
          // top-left and the bottom-right.
          let isDark = false;
          if (x === 0 || y === step - 1) isDark = true;
          else if (y === 0) isDark = x % 2 === 0;
          else if (x === step - 1) isDark = y % 2 === 1;
          if (isDark) template[(top + y) * size + left + x] = 1;
        }
      }
    }
  }

  const totalCodewords = symbol.dataCodewords + symbol.ecCodewords;
  const bitModule = new Int32Array(totalCodewords * 8);
  for (let r = 0; r < nrow; r++) {
    for (let c = 0; c < ncol; c++) {
      const target = symbolIndex(r, c);
      const value = mapping[r * ncol + c];
      if (value > 0) bitModule[value - 1] = target;
      else if (fixedDark[r * ncol + c]) template[target] = 1;
    }
  }
  return { symbol, template, bitModule };
};
