// ECC200 square symbol attributes (ISO/IEC 16022:2006 Table 7).
export type DataMatrixSymbol = {
  readonly size: number;
  // Side of one data region (without its finder and timing border) and regions per side.
  readonly regionSize: number;
  readonly regionsPerSide: number;
  readonly dataCodewords: number;
  readonly ecCodewords: number;
  // Interleaved blocks: codeword i belongs to block i mod blocks (§5.7.2).
  readonly blocks: number;
};

// [size, region size, regions per side, data codewords, error correction codewords, blocks]
// prettier-ignore
const TABLE: readonly (readonly [number, number, number, number, number, number])[] = [
  [10, 8, 1, 3, 5, 1],
  [12, 10, 1, 5, 7, 1],
  [14, 12, 1, 8, 10, 1],
  [16, 14, 1, 12, 12, 1],
  [18, 16, 1, 18, 14, 1],
  [20, 18, 1, 22, 18, 1],
  [22, 20, 1, 30, 20, 1],
  [24, 22, 1, 36, 24, 1],
  [26, 24, 1, 44, 28, 1],
  [32, 14, 2, 62, 36, 1],
  [36, 16, 2, 86, 42, 1],
  [40, 18, 2, 114, 48, 1],
  [44, 20, 2, 144, 56, 1],
  [48, 22, 2, 174, 68, 1],
  [52, 24, 2, 204, 84, 2],
  [64, 14, 4, 280, 112, 2],
  [72, 16, 4, 368, 144, 4],
  [80, 18, 4, 456, 192, 4],
  [88, 20, 4, 576, 224, 4],
  [96, 22, 4, 696, 272, 4],
  [104, 24, 4, 816, 336, 6],
  [120, 18, 6, 1050, 408, 6],
  [132, 20, 6, 1304, 496, 8],
  [144, 22, 6, 1558, 620, 10],
];

export const DATA_MATRIX_SYMBOLS: readonly DataMatrixSymbol[] = TABLE.map(
  ([size, regionSize, regionsPerSide, dataCodewords, ecCodewords, blocks]) => ({
    size,
    regionSize,
    regionsPerSide,
    dataCodewords,
    ecCodewords,
    blocks,
  }),
);
