// QR Code model 2 encoder (ISO/IEC 18004:2015): one numeric, alphanumeric or byte segment, versions
// 1–40, all four error correction levels, automatic mask choice by the §7.8.3 penalty score.
import { qrLayout, qrOverlays } from './qr-layout';
import { qrPenalty, toWindows, windowsPerLine } from './qr-penalty';
import { type QrMode, qrSegmentBitLength, qrSegmentFitsCount, qrSegmentFor, qrWriteDataCodewords } from './qr-segment';
import { type QrEcLevel, QR_MAX_VERSION, QR_MIN_VERSION, qrBlockLayout, type QrBlockLayout } from './qr-tables';
import { createGaloisField, createRsGenerator, rsEncodeInto, type RsGenerator } from './reed-solomon';

export type { QrEcLevel } from './qr-tables';
export type { QrMode } from './qr-segment';

export type QrOptions = {
  readonly ecLevel: QrEcLevel;
  readonly minVersion?: number;
  readonly maxVersion?: number;
  // Forces one mask pattern (0–7) instead of the lowest-penalty one; for tests and diagnostics.
  readonly mask?: number;
};

export type QrCode = {
  readonly size: number;
  readonly rows: number;
  readonly cols: number;
  // size·size modules, row by row, 1 = dark. No quiet zone.
  readonly modules: Uint8Array;
  readonly version: number;
  readonly ecLevel: QrEcLevel;
  readonly mask: number;
  readonly mode: QrMode;
};

const field = createGaloisField(0x11d);
const generators: (RsGenerator | undefined)[] = [];
const generatorFor = (degree: number): RsGenerator => (generators[degree] ??= createRsGenerator(field, degree, 0));

// Reusable per-version buffers: encoding is synchronous, so one set per version is enough.
type Scratch = {
  readonly data: Uint8Array;
  readonly ec: Uint8Array;
  readonly codewords: Uint8Array;
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  readonly rowWindows: Int32Array;
  readonly colWindows: Int32Array;
};
const scratches: (Scratch | undefined)[] = [];
const scratchFor = (version: number, totalCodewords: number, size: number, words: number): Scratch => {
  const windows = size * windowsPerLine(size);
  return (scratches[version] ??= {
    data: new Uint8Array(totalCodewords),
    ec: new Uint8Array(totalCodewords),
    codewords: new Uint8Array(totalCodewords),
    rows: new Int32Array(size * words),
    cols: new Int32Array(size * words),
    rowWindows: new Int32Array(windows),
    colWindows: new Int32Array(windows),
  });
};

const checkVersion = (value: number, name: string): void => {
  if (!Number.isInteger(value) || value < QR_MIN_VERSION || value > QR_MAX_VERSION) {
    throw new RangeError(`${name} muss eine ganze Zahl von ${QR_MIN_VERSION} bis ${QR_MAX_VERSION} sein`);
  }
};

export const encodeQr = (data: string | Uint8Array, options: QrOptions): QrCode => {
  const { ecLevel, minVersion = QR_MIN_VERSION, maxVersion = QR_MAX_VERSION, mask: forcedMask } = options;
  checkVersion(minVersion, 'minVersion');
  checkVersion(maxVersion, 'maxVersion');
  if (forcedMask !== undefined && (!Number.isInteger(forcedMask) || forcedMask < 0 || forcedMask > 7)) {
    throw new RangeError('mask muss eine ganze Zahl von 0 bis 7 sein');
  }

  const segment = qrSegmentFor(data);
  let version = minVersion;
  let blocks = qrBlockLayout(version, ecLevel);
  while (!qrSegmentFitsCount(segment, version) || qrSegmentBitLength(segment, version) > blocks.dataCodewords * 8) {
    if (++version > maxVersion) {
      throw new RangeError(
        `Die Daten (${segment.values.length} Zeichen) passen in keinen QR-Code bis Version ${maxVersion} mit Fehlerkorrektur ${ecLevel}`,
      );
    }
    blocks = qrBlockLayout(version, ecLevel);
  }

  const layout = qrLayout(version);
  const { size, words } = layout;
  const scratch = scratchFor(version, blocks.totalCodewords, size, words);
  scratch.data.fill(0);
  qrWriteDataCodewords(segment, version, scratch.data, blocks.dataCodewords);
  interleave(blocks, scratch);

  // Unmasked symbol: function patterns plus the dark data bits.
  const { rows, cols, codewords } = scratch;
  rows.set(layout.baseRows);
  cols.set(layout.baseCols);
  const { rowBit, colBit } = layout;
  for (let k = 0; k < blocks.totalCodewords; k++) {
    const c = codewords[k];
    if (c === 0) continue;
    for (let b = 0; b < 8; b++) {
      if ((c & (0x80 >> b)) === 0) continue;
      const r = rowBit[k * 8 + b];
      const q = colBit[k * 8 + b];
      rows[r >>> 5] |= 1 << (r & 31);
      cols[q >>> 5] |= 1 << (q & 31);
    }
  }

  // Mask choice (§7.8.3): score every pattern, keep the first lowest.
  const overlays = qrOverlays(layout, ecLevel);
  let mask = forcedMask ?? 0;
  if (forcedMask === undefined) {
    const { rowWindows, colWindows } = scratch;
    toWindows(rows, size, words, rowWindows);
    toWindows(cols, size, words, colWindows);
    let best = Infinity;
    for (let m = 0; m < 8; m++) {
      const overlay = overlays[m];
      const penalty = qrPenalty(rowWindows, colWindows, overlay.rowWindows, overlay.colWindows, size, best);
      if (penalty < best) {
        best = penalty;
        mask = m;
      }
    }
  }

  const modules = new Uint8Array(size * size);
  const overlayRows = overlays[mask].rows;
  for (let y = 0, o = 0; y < size; y++) {
    for (let x = 0, i = y * words; x < size; x += 32, i++) {
      const bits = rows[i] ^ overlayRows[i];
      const end = Math.min(32, size - x);
      for (let b = 0; b < end; b++) modules[o++] = (bits >>> b) & 1;
    }
  }
  return { size, rows: size, cols: size, modules, version, ecLevel, mask, mode: segment.mode };
};

// Splits the data codewords into blocks, appends each block's error correction codewords and
// interleaves them column by column (§7.6, Figure 15).
const interleave = (blocks: QrBlockLayout, scratch: Scratch): void => {
  const { blocks: count, ecPerBlock, shortBlocks, shortBlockData } = blocks;
  const { data, ec, codewords } = scratch;
  const generator = generatorFor(ecPerBlock);
  for (let b = 0; b < count; b++) {
    const offset = b * shortBlockData + Math.max(0, b - shortBlocks);
    const length = shortBlockData + (b < shortBlocks ? 0 : 1);
    rsEncodeInto(generator, data, offset, length, ec, b * ecPerBlock);
  }
  let k = 0;
  for (let i = 0; i <= shortBlockData; i++) {
    for (let b = i < shortBlockData ? 0 : shortBlocks; b < count; b++) {
      codewords[k++] = data[b * shortBlockData + Math.max(0, b - shortBlocks) + i];
    }
  }
  for (let i = 0; i < ecPerBlock; i++) {
    for (let b = 0; b < count; b++) codewords[k++] = ec[i + b * ecPerBlock];
  }
};

// The data and error correction codewords in placement order, for known-answer tests.
export const qrCodewords = (data: string | Uint8Array, ecLevel: QrEcLevel, version: number): Uint8Array => {
  const blocks = qrBlockLayout(version, ecLevel);
  const segment = qrSegmentFor(data);
  if (qrSegmentBitLength(segment, version) > blocks.dataCodewords * 8) {
    throw new RangeError(`Die Daten passen nicht in Version ${version} mit Fehlerkorrektur ${ecLevel}`);
  }
  const layout = qrLayout(version);
  const scratch = scratchFor(version, blocks.totalCodewords, layout.size, layout.words);
  scratch.data.fill(0);
  qrWriteDataCodewords(segment, version, scratch.data, blocks.dataCodewords);
  interleave(blocks, scratch);
  return scratch.codewords.slice();
};
