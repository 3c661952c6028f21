// Data Matrix ECC200 encoder (ISO/IEC 16022:2006): ASCII encodation with digit-pair compaction,
// the smallest square symbol that holds the data, Reed–Solomon over GF(256) with 0x12D.
import { dataMatrixLayout } from './data-matrix-placement';
import { DATA_MATRIX_SYMBOLS, type DataMatrixSymbol } from './data-matrix-symbols';
import { createGaloisField, createRsGenerator, rsEncodeInto, type RsGenerator } from './reed-solomon';

export type DataMatrix = {
  readonly rows: number;
  readonly cols: number;
  // rows·cols modules, row by row, 1 = dark. No quiet zone.
  readonly modules: Uint8Array;
  // Data codewords the text needed (before padding) and the symbol's capacity.
  readonly usedCodewords: number;
  readonly capacityCodewords: number;
};

const field = createGaloisField(0x12d);
const generators = new Map<number, RsGenerator>();
const generatorFor = (degree: number): RsGenerator => {
  let generator = generators.get(degree);
  if (!generator) {
    generator = createRsGenerator(field, degree, 1);
    generators.set(degree, generator);
  }
  return generator;
};

const MAX_CODEWORDS = 1558 + 620;
const buffer = new Uint8Array(MAX_CODEWORDS * 2);
const blockData = new Uint8Array(1558);
const blockEc = new Uint8Array(620);

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

// ASCII encodation (§5.2.3): digit pairs 130–229, ASCII 0–127 as value + 1, bytes 128–255 behind
// the Upper Shift 235. Returns the number of codewords written.
const encodeAscii = (text: string | Uint8Array, out: Uint8Array): number => {
  const length = text.length;
  const at =
    typeof text === 'string'
      ? (i: number): number => {
          const c = text.charCodeAt(i);
          if (c > 0xff) throw new RangeError(`Zeichen U+${c.toString(16).toUpperCase()} ist in Data Matrix (ASCII) nicht darstellbar`);
          return c;
        }
      : (i: number): number => text[i];
  let n = 0;
  for (let i = 0; i < length; i++) {
    if (n + 2 > out.length) throw new RangeError('Die Daten sind für Data Matrix zu lang');
    const c = at(i);
    if (isDigit(c) && i + 1 < length && isDigit(at(i + 1))) {
      out[n++] = 130 + (c - 0x30) * 10 + (at(i + 1) - 0x30);
      i++;
    } else if (c < 128) {
      out[n++] = c + 1;
    } else {
      out[n++] = 235;
      out[n++] = c - 127;
    }
  }
  return n;
};

export const encodeDataMatrix = (text: string | Uint8Array): DataMatrix => {
  const used = encodeAscii(text, buffer);
  const symbol = DATA_MATRIX_SYMBOLS.find((s) => s.dataCodewords >= used);
  if (!symbol) throw new RangeError(`Die Daten (${used} Codewörter) passen in kein Data-Matrix-Symbol`);
  padAndProtect(symbol, used);

  const { template, bitModule } = dataMatrixLayout(symbol);
  const modules = template.slice();
  const total = symbol.dataCodewords + symbol.ecCodewords;
  for (let k = 0; k < total; k++) {
    const c = buffer[k];
    if (c === 0) continue;
    for (let b = 0; b < 8; b++) if ((c & (0x80 >> b)) !== 0) modules[bitModule[k * 8 + b]] = 1;
  }
  return { rows: symbol.size, cols: symbol.size, modules, usedCodewords: used, capacityCodewords: symbol.dataCodewords };
};

// Pads buffer[used…dataCodewords) and appends the error correction codewords (§5.2.3, §5.7).
const padAndProtect = (symbol: DataMatrixSymbol, used: number): void => {
  const { dataCodewords, ecCodewords, blocks } = symbol;
  for (let i = used; i < dataCodewords; i++) {
    if (i === used) {
      buffer[i] = 129;
      continue;
    }
    // 253-state randomisation of the further pads; position is 1-based (Annex H.1).
    const position = i + 1;
    const value = 129 + (((149 * position) % 253) + 1);
    buffer[i] = value <= 254 ? value : value - 254;
  }
  const ecPerBlock = ecCodewords / blocks;
  const generator = generatorFor(ecPerBlock);
  if (blocks === 1) {
    rsEncodeInto(generator, buffer, 0, dataCodewords, buffer, dataCodewords);
    return;
  }
  // Interleaving: data codeword i and error correction codeword i belong to block i mod blocks.
  for (let b = 0; b < blocks; b++) {
    let length = 0;
    for (let i = b; i < dataCodewords; i += blocks) blockData[length++] = buffer[i];
    rsEncodeInto(generator, blockData, 0, length, blockEc, 0);
    for (let j = 0; j < ecPerBlock; j++) buffer[dataCodewords + b + j * blocks] = blockEc[j];
  }
};

// The data and error correction codewords in symbol order, for known-answer tests.
export const dataMatrixCodewords = (text: string | Uint8Array): Uint8Array => {
  const used = encodeAscii(text, buffer);
  const symbol = DATA_MATRIX_SYMBOLS.find((s) => s.dataCodewords >= used);
  if (!symbol) throw new RangeError(`Die Daten (${used} Codewörter) passen in kein Data-Matrix-Symbol`);
  padAndProtect(symbol, used);
  return buffer.slice(0, symbol.dataCodewords + symbol.ecCodewords);
};
