// Mask scoring with the four penalty rules of ISO/IEC 18004:2015 §7.8.3.1 (Table 11), bit-parallel.
//   N1: a run of k ≥ 5 same-coloured modules in a row or column scores 3 + (k − 5).
//   N2: every 2×2 block of one colour scores 3 (overlapping blocks count separately).
//   N3: dark-light-dark-dark-dark-light-dark with 4 light modules before or after it, in a row or
//       column, scores 40; the area outside the symbol counts as light (it is the quiet zone).
//   N4: 10 points for every full 5 % that the dark share deviates from 50 %.
// Each line (row or column) is cut into windows: window j holds modules 21j … 21j+31 in bits 0…31
// (zero beyond the line), so every rule is checked for 21 positions at once with shifts and ANDs,
// the 11-module finder-like pattern included.
export const CHUNK = 21;
const CHUNK_MASK = (1 << CHUNK) - 1;

export const windowsPerLine = (size: number): number => Math.ceil(size / CHUNK);

// Packed lines: line i occupies `words` 32-bit words from i·words, module x at bit x.
export const wordsPerLine = (size: number): number => ((size - 1) >> 5) + 2;

// Cuts packed lines into windows (out[line · windowsPerLine + j]).
export const toWindows = (packed: Int32Array, size: number, words: number, out: Int32Array): void => {
  const perLine = windowsPerLine(size);
  for (let line = 0, o = 0; line < size; line++) {
    const base = line * words;
    for (let p = 0; p < size; p += CHUNK) {
      const i = base + (p >>> 5);
      const s = p & 31;
      out[o++] = s === 0 ? packed[i] : (packed[i] >>> s) | (packed[i + 1] << (32 - s));
    }
    o = (line + 1) * perLine;
  }
};

const popcount = (v: number): number => {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
};

const lowBits = (count: number): number => (count >= CHUNK ? CHUNK_MASK : (1 << count) - 1);

// Valid start positions per window: masks[2j] for five-module runs, masks[2j+1] for the 7-module
// finder core (positions whose window would run past the line end are cleared).
const startMasks = (size: number, perLine: number): Int32Array => {
  const masks = new Int32Array(2 * perLine);
  for (let j = 0; j < perLine; j++) {
    masks[2 * j] = lowBits(Math.max(0, size - 4 - j * CHUNK));
    masks[2 * j + 1] = lowBits(Math.max(0, size - 6 - j * CHUNK));
  }
  return masks;
};
const startMasksBySize: (Int32Array | undefined)[] = [];

// N1 points plus 40 × the N3 count of all lines of one direction (windows XOR mask overlay).
const scoreLines = (windows: Int32Array, overlay: Int32Array, size: number, perLine: number): number => {
  const masks = (startMasksBySize[size] ??= startMasks(size, perLine));
  let runs = 0;
  let finders = 0;
  for (let line = 0, w = 0; line < size; line++) {
    let carry = 0; // the previous window shifted so that bit 0…3 are the 4 modules before this window
    for (let j = 0; j < perLine; j++, w++) {
      const v = windows[w] ^ overlay[w];
      const same = ~(v ^ (v >>> 1)); // bit k: modules p+k and p+k+1 agree
      const run5 = same & (same >>> 1) & (same >>> 2) & (same >>> 3) & masks[2 * j];
      if (run5 !== 0) {
        // A run of k ≥ 5 has k − 4 windows of five; the first of them (no agreeing module before
        // it) adds the remaining 2 points of 3 + (k − 5). Before the line start all is light.
        let continues = ~(((v << 1) | ((carry >>> 3) & 1)) ^ v);
        if (j === 0) continues &= ~1;
        runs += popcount(run5) + 2 * popcount(run5 & ~continues);
      }
      const core = v & ~(v >>> 1) & (v >>> 2) & (v >>> 3) & (v >>> 4) & ~(v >>> 5) & (v >>> 6) & masks[2 * j + 1];
      if (core !== 0) {
        const before = (v << 4) | (carry & 0xf);
        const lightBefore = ~(before | (before >>> 1) | (before >>> 2) | (before >>> 3));
        const lightAfter = ~((v >>> 7) | (v >>> 8) | (v >>> 9) | (v >>> 10));
        finders += popcount(core & (lightBefore | lightAfter));
      }
      carry = v >>> (CHUNK - 4);
    }
  }
  return runs + 40 * finders;
};

// N2 points and the dark module count, from the row windows, into counts[0] and counts[1].
const counts = new Int32Array(2);
const scoreBlocksAndDark = (rows: Int32Array, overlay: Int32Array, size: number, perLine: number): void => {
  let blocks = 0;
  let dark = 0;
  for (let y = 0; y < size; y++) {
    for (let j = 0, p = 0; j < perLine; j++, p += CHUNK) {
      const a = rows[y * perLine + j] ^ overlay[y * perLine + j];
      dark += popcount(a & CHUNK_MASK);
      if (y + 1 === size || p >= size - 1) continue;
      const vertical = ~(a ^ rows[(y + 1) * perLine + j] ^ overlay[(y + 1) * perLine + j]);
      blocks += popcount(vertical & (vertical >>> 1) & ~(a ^ (a >>> 1)) & lowBits(size - 1 - p));
    }
  }
  counts[0] = blocks;
  counts[1] = dark;
};

// Total penalty of a size×size symbol from its row and column windows, each XOR the windows of a
// mask overlay. Stops early and returns Infinity once the score cannot beat `bound`.
export const qrPenalty = (
  rows: Int32Array,
  cols: Int32Array,
  overlayRows: Int32Array,
  overlayCols: Int32Array,
  size: number,
  bound = Infinity,
): number => {
  const perLine = windowsPerLine(size);
  let score = scoreLines(rows, overlayRows, size, perLine);
  if (score >= bound) return Infinity;
  scoreBlocksAndDark(rows, overlayRows, size, perLine);
  const dark = counts[1];
  score += 3 * counts[0];
  if (score >= bound) return Infinity;
  score += scoreLines(cols, overlayCols, size, perLine);
  const total = size * size;
  return score + 10 * Math.floor((Math.abs(dark * 2 - total) * 10) / total);
};

// The same score for a plain matrix (1 = dark). For tests and diagnostics.
export const qrPenaltyOfModules = (modules: Uint8Array, size: number): number => {
  const words = wordsPerLine(size);
  const rows = new Int32Array(size * words);
  const cols = new Int32Array(size * words);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules[y * size + x]) continue;
      rows[y * words + (x >>> 5)] |= 1 << (x & 31);
      cols[x * words + (y >>> 5)] |= 1 << (y & 31);
    }
  }
  const perLine = windowsPerLine(size);
  const rowWindows = new Int32Array(size * perLine);
  const colWindows = new Int32Array(size * perLine);
  toWindows(rows, size, words, rowWindows);
  toWindows(cols, size, words, colWindows);
  const none = new Int32Array(size * perLine);
  return qrPenalty(rowWindows, colWindows, none, none, size);
};
