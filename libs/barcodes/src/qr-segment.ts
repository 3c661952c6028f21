// One data segment per symbol, in the most compact mode every character allows (ISO/IEC 18004 §7.4).
import { utf8Encode } from './utf8';

export type QrMode = 'numeric' | 'alphanumeric' | 'byte';

export type QrSegment = {
  readonly mode: QrMode;
  // Character values: digits 0–9, alphanumeric values 0–44 (Table 5), or bytes.
  readonly values: Uint8Array;
};

const MODE_INDICATOR: Record<QrMode, number> = { numeric: 0b0001, alphanumeric: 0b0010, byte: 0b0100 };

// Character count indicator widths for versions 1–9, 10–26, 27–40 (Table 3).
const COUNT_BITS: Record<QrMode, readonly [number, number, number]> = {
  numeric: [10, 12, 14],
  alphanumeric: [9, 11, 13],
  byte: [8, 16, 16],
};

const ALPHANUMERIC_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const ALPHANUMERIC_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHANUMERIC_CHARSET.length; i++) ALPHANUMERIC_VALUE[ALPHANUMERIC_CHARSET.charCodeAt(i)] = i;

export const qrSegmentFor = (data: string | Uint8Array): QrSegment => {
  if (typeof data !== 'string') return { mode: 'byte', values: data };
  let numeric = true;
  let alphanumeric = true;
  for (let i = 0; i < data.length && alphanumeric; i++) {
    const c = data.charCodeAt(i);
    if (c < 0x30 || c > 0x39) numeric = false;
    if (c >= 128 || ALPHANUMERIC_VALUE[c] < 0) alphanumeric = false;
  }
  if (!alphanumeric) return { mode: 'byte', values: utf8Encode(data) };
  const values = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) values[i] = ALPHANUMERIC_VALUE[data.charCodeAt(i)];
  return { mode: numeric ? 'numeric' : 'alphanumeric', values };
};

const countBits = (mode: QrMode, version: number): number => COUNT_BITS[mode][version <= 9 ? 0 : version <= 26 ? 1 : 2];

// Bits of mode indicator, character count and data (§7.4.3–7.4.5).
export const qrSegmentBitLength = (segment: QrSegment, version: number): number => {
  const n = segment.values.length;
  let dataBits: number;
  if (segment.mode === 'numeric') dataBits = 10 * Math.floor(n / 3) + [0, 4, 7][n % 3];
  else if (segment.mode === 'alphanumeric') dataBits = 11 * Math.floor(n / 2) + 6 * (n % 2);
  else dataBits = 8 * n;
  return 4 + countBits(segment.mode, version) + dataBits;
};

export const qrSegmentFitsCount = (segment: QrSegment, version: number): boolean =>
  segment.values.length < 1 << countBits(segment.mode, version);

// ORs `bits` (≤ 16) bits of value, most significant first, into out at bit position pos (a
// big-endian bit stream); returns the next position.
const putBits = (out: Uint8Array, pos: number, value: number, bits: number): number => {
  const offset = pos & 7;
  const aligned = value << (24 - bits - offset);
  const i = pos >>> 3;
  out[i] |= aligned >>> 16;
  if (bits + offset > 8) out[i + 1] |= (aligned >>> 8) & 0xff;
  if (bits + offset > 16) out[i + 2] |= aligned & 0xff;
  return pos + bits;
};

// Writes the segment, the terminator, bit padding and the 0xEC/0x11 pad codewords (§7.4.9, §7.4.10)
// into out[0…dataCodewords), which must be zeroed.
export const qrWriteDataCodewords = (segment: QrSegment, version: number, out: Uint8Array, dataCodewords: number): void => {
  const { mode, values } = segment;
  const n = values.length;
  let pos = putBits(out, 0, MODE_INDICATOR[mode], 4);
  pos = putBits(out, pos, n, countBits(mode, version));
  if (mode === 'byte') {
    for (let i = 0; i < n; i++) pos = putBits(out, pos, values[i], 8);
  } else if (mode === 'alphanumeric') {
    let i = 0;
    for (; i + 1 < n; i += 2) pos = putBits(out, pos, values[i] * 45 + values[i + 1], 11);
    if (i < n) pos = putBits(out, pos, values[i], 6);
  } else {
    let i = 0;
    for (; i + 2 < n; i += 3) pos = putBits(out, pos, values[i] * 100 + values[i + 1] * 10 + values[i + 2], 10);
    if (n - i === 2) pos = putBits(out, pos, values[i] * 10 + values[i + 1], 7);
    else if (n - i === 1) pos = putBits(out, pos, values[i], 4);
  }
  // The terminator (up to four zero bits) and the zero bits to the codeword boundary are already
  // zero; then alternate the pad codewords.
  let next = Math.min(dataCodewords * 8, pos + 4);
  next = (next + 7) >>> 3;
  for (let pad = 0xec; next < dataCodewords; pad ^= 0xec ^ 0x11) out[next++] = pad;
};
