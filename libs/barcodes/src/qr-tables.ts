// Capacity tables of ISO/IEC 18004:2015 Table 9 (error correction characteristics), versions 1–40.

export type QrEcLevel = 'L' | 'M' | 'Q' | 'H';

export const QR_MIN_VERSION = 1;
export const QR_MAX_VERSION = 40;

const EC_LEVEL_INDEX: Record<QrEcLevel, number> = { L: 0, M: 1, Q: 2, H: 3 };

// Format information encodes the level as L=01, M=00, Q=11, H=10 (§7.9.1, Table 12).
export const QR_EC_FORMAT_BITS: Record<QrEcLevel, number> = { L: 1, M: 0, Q: 3, H: 2 };

// Error correction codewords per block, index = version (index 0 unused).
// prettier-ignore
const EC_CODEWORDS_PER_BLOCK: readonly (readonly number[])[] = [
  [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
];

// Number of error correction blocks, index = version (index 0 unused).
// prettier-ignore
const EC_BLOCKS: readonly (readonly number[])[] = [
  [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
];

export const qrSize = (version: number): number => 17 + 4 * version;

// Modules left for codewords once all function patterns and format/version areas are taken (§7.4.9, Table 1).
export const qrRawDataModules = (version: number): number => {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignmentCount = Math.floor(version / 7) + 2;
    modules -= (25 * alignmentCount - 10) * alignmentCount - 55;
    if (version >= 7) modules -= 36;
  }
  return modules;
};

export type QrBlockLayout = {
  readonly totalCodewords: number;
  readonly dataCodewords: number;
  readonly blocks: number;
  readonly ecPerBlock: number;
  // The first shortBlocks blocks carry one data codeword less than the rest (§7.5.2).
  readonly shortBlocks: number;
  readonly shortBlockData: number;
};

const blockLayouts = new Map<number, QrBlockLayout>();

export const qrBlockLayout = (version: number, ecLevel: QrEcLevel): QrBlockLayout => {
  const key = version * 4 + EC_LEVEL_INDEX[ecLevel];
  let layout = blockLayouts.get(key);
  if (!layout) {
    layout = computeBlockLayout(version, ecLevel);
    blockLayouts.set(key, layout);
  }
  return layout;
};

const computeBlockLayout = (version: number, ecLevel: QrEcLevel): QrBlockLayout => {
  const level = EC_LEVEL_INDEX[ecLevel];
  const blocks = EC_BLOCKS[level][version];
  const ecPerBlock = EC_CODEWORDS_PER_BLOCK[level][version];
  const totalCodewords = qrRawDataModules(version) >> 3;
  const shortBlocks = blocks - (totalCodewords % blocks);
  const shortBlockData = Math.floor(totalCodewords / blocks) - ecPerBlock;
  return {
    totalCodewords,
    dataCodewords: totalCodewords - blocks * ecPerBlock,
    blocks,
    ecPerBlock,
    shortBlocks,
    shortBlockData,
  };
};

// Row/column centres of the alignment patterns (Annex E, Table E.1), derived from the even spacing rule.
export const qrAlignmentPositions = (version: number): number[] => {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const positions = [6];
  for (let pos = qrSize(version) - 7; positions.length < count; pos -= step) positions.splice(1, 0, pos);
  return positions;
};
