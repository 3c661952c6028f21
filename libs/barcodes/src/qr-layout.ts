// Everything about a QR symbol that depends only on its version (and level and mask), computed once
// and cached: function patterns, the codeword placement order and the mask overlays, as packed bit
// rows and columns (see wordsPerLine) so that encoding and mask scoring work on many modules at a time.
import { toWindows, windowsPerLine, wordsPerLine } from './qr-penalty';
import { QR_EC_FORMAT_BITS, type QrEcLevel, qrAlignmentPositions, qrRawDataModules, qrSize } from './qr-tables';

// The mask pattern over the data area plus the dark format modules of one level and mask: packed
// rows, and row and column windows for the penalty score.
export type QrOverlay = { readonly rows: Int32Array; readonly rowWindows: Int32Array; readonly colWindows: Int32Array };

export type QrLayout = {
  readonly version: number;
  readonly size: number;
  readonly words: number;
  // Function patterns with the format area still light.
  readonly baseRows: Int32Array;
  readonly baseCols: Int32Array;
  // For data bit i (codeword i >> 3, most significant bit first): its bit index in the row and column vectors.
  readonly rowBit: Int32Array;
  readonly colBit: Int32Array;
  readonly isFunction: Uint8Array;
  // overlays[level][mask]: the mask pattern over the data area plus the dark format modules.
  readonly overlays: Map<QrEcLevel, QrOverlay[]>;
};

const layouts: (QrLayout | undefined)[] = [];

export const qrLayout = (version: number): QrLayout => {
  const cached = layouts[version];
  if (cached) return cached;
  const layout = buildLayout(version);
  layouts[version] = layout;
  return layout;
};

// Format information modules: [x, y] of bit i (bit 0 = least significant) in both copies (§7.9.1, Figure 25).
const formatPositions = (size: number): { first: [number, number][]; second: [number, number][] } => {
  const first: [number, number][] = [];
  const second: [number, number][] = [];
  for (let i = 0; i < 15; i++) {
    if (i <= 5) first.push([8, i]);
    else if (i === 6) first.push([8, 7]);
    else if (i === 7) first.push([8, 8]);
    else if (i === 8) first.push([7, 8]);
    else first.push([14 - i, 8]);
    second.push(i < 8 ? [size - 1 - i, 8] : [8, size - 15 + i]);
  }
  return { first, second };
};

// 15-bit format word: level and mask, BCH(15,5) with generator 0x537, XOR 0x5412 (§7.9.1, Annex C).
export const qrFormatBits = (ecLevel: QrEcLevel, mask: number): number => {
  const data = (QR_EC_FORMAT_BITS[ecLevel] << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
};

// 18-bit version word: version and BCH(18,6) with generator 0x1F25 (§7.10, Annex D).
export const qrVersionBits = (version: number): number => {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  return (version << 12) | rem;
};

// Data mask conditions of Table 10 (i = row, j = column).
export const qrMaskBit = (mask: number, x: number, y: number): boolean => {
  switch (mask) {
    case 0:
      return (x + y) % 2 === 0;
    case 1:
      return y % 2 === 0;
    case 2:
      return x % 3 === 0;
    case 3:
      return (x + y) % 3 === 0;
    case 4:
      return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
    case 5:
      return ((x * y) % 2) + ((x * y) % 3) === 0;
    case 6:
      return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
    default:
      return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
  }
};

const buildLayout = (version: number): QrLayout => {
  const size = qrSize(version);
  const dark = new Uint8Array(size * size);
  const isFunction = new Uint8Array(size * size);
  const set = (x: number, y: number, isDark: boolean): void => {
    dark[y * size + x] = isDark ? 1 : 0;
    isFunction[y * size + x] = 1;
  };

  // Timing patterns (§6.3.5), then finders with separators (§6.3.3) drawn over their ends.
  for (let i = 0; i < size; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || x >= size || y < 0 || y >= size) continue;
        const ring = Math.max(Math.abs(dx), Math.abs(dy));
        set(x, y, ring !== 2 && ring !== 4);
      }
    }
  }
  // Alignment patterns (§6.3.6), except where they would overlap a finder.
  const align = qrAlignmentPositions(version);
  const last = align.length - 1;
  for (let i = 0; i <= last; i++) {
    for (let j = 0; j <= last; j++) {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) continue;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(align[i] + dx, align[j] + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  // Format area reserved (light here, filled per level and mask by the overlay) and the dark module.
  const format = formatPositions(size);
  for (const [x, y] of [...format.first, ...format.second]) set(x, y, false);
  set(8, size - 8, true);
  // Version information for version 7 and up (§7.10): two 6×3 blocks.
  if (version >= 7) {
    const bits = qrVersionBits(version);
    for (let i = 0; i < 18; i++) {
      const bit = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, bit);
      set(b, a, bit);
    }
  }

  const words = wordsPerLine(size);
  const lineBits = words * 32;
  const rowBitOf = (x: number, y: number): number => y * lineBits + x;
  const colBitOf = (x: number, y: number): number => x * lineBits + y;
  const baseRows = new Int32Array(size * words);
  const baseCols = new Int32Array(size * words);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!dark[y * size + x]) continue;
      setBit(baseRows, rowBitOf(x, y));
      setBit(baseCols, colBitOf(x, y));
    }
  }

  // Codeword placement (§7.7.3): two-module columns from the right, alternating upwards and
  // downwards, skipping function modules and the vertical timing column.
  const dataBits = (qrRawDataModules(version) >> 3) * 8;
  const rowBit = new Int32Array(dataBits);
  const colBit = new Int32Array(dataBits);
  let n = 0;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let vert = 0; vert < size; vert++) {
      const y = upward ? size - 1 - vert : vert;
      for (let j = 0; j < 2; j++) {
        const x = right - j;
        if (isFunction[y * size + x] || n >= dataBits) continue;
        rowBit[n] = rowBitOf(x, y);
        colBit[n] = colBitOf(x, y);
        n++;
      }
    }
  }

  return { version, size, words, baseRows, baseCols, rowBit, colBit, isFunction, overlays: new Map() };
};

const setBit = (vector: Int32Array, bit: number): void => {
  vector[bit >>> 5] |= 1 << (bit & 31);
};

export const qrOverlays = (layout: QrLayout, ecLevel: QrEcLevel): QrOverlay[] => {
  const cached = layout.overlays.get(ecLevel);
  if (cached) return cached;
  const { size, words, isFunction } = layout;
  const lineBits = words * 32;
  const format = formatPositions(size);
  const overlays: QrOverlay[] = [];
  for (let mask = 0; mask < 8; mask++) {
    const rows = new Int32Array(size * words);
    const cols = new Int32Array(size * words);
    const mark = (x: number, y: number): void => {
      setBit(rows, y * lineBits + x);
      setBit(cols, x * lineBits + y);
    };
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) if (!isFunction[y * size + x] && qrMaskBit(mask, x, y)) mark(x, y);
    }
    const bits = qrFormatBits(ecLevel, mask);
    for (let i = 0; i < 15; i++) {
      if (((bits >>> i) & 1) === 0) continue;
      mark(...format.first[i]);
      mark(...format.second[i]);
    }
    const rowWindows = new Int32Array(size * windowsPerLine(size));
    const colWindows = new Int32Array(size * windowsPerLine(size));
    toWindows(rows, size, words, rowWindows);
    toWindows(cols, size, words, colWindows);
    overlays.push({ rows, rowWindows, colWindows });
  }
  layout.overlays.set(ecLevel, overlays);
  return overlays;
};
