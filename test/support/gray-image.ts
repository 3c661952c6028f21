import { deflateSync, inflateSync } from 'node:zlib';

// Tiny greyscale image helpers for rendering tests: read the PGM that `pdftoppm -gray` writes, read
// and write 8-bit PNGs (the committed reference images), and compare two images with a tolerance.

export type GrayImage = { readonly width: number; readonly height: number; readonly pixels: Uint8Array };

/** Binary PGM (P5, maxval 255). */
export function readPgm(data: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, pixels: new Uint8Array(data.subarray(offset, offset + width * height)) };
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An 8-bit greyscale PNG, every row with filter 0. */
export function writeGrayPng(image: GrayImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((image.width + 1) * image.height);
  for (let y = 0; y < image.height; y++) raw.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), y * (image.width + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** 8-bit non-interlaced PNG (grey, grey+alpha, RGB, RGBA) as grey (mean of the colour channels). */
export function readPng(data: Buffer): GrayImage {
  if (!data.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.subarray(offset + 4, offset + 8).toString('latin1');
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      if (depth !== 8 || interlace !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType!] ?? 0;
      if (channels === 0) throw new Error(`PNG colour type ${colorType} not supported`);
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const source = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? rows[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`PNG filter ${filter} unknown`);
      rows[y * stride + x] = (source[x]! + predictor) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  const colour = channels >= 3 ? 3 : 1;
  for (let i = 0; i < width * height; i++) {
    let sum = 0;
    for (let c = 0; c < colour; c++) sum += rows[i * channels + c]!;
    pixels[i] = Math.round(sum / colour);
  }
  return { width, height, pixels };
}

export type ImageDifference = {
  /** Mean absolute grey difference, 0–255. */
  readonly meanDifference: number;
  /** Share of pixels differing by more than `threshold`. */
  readonly differingShare: number;
};

export function compareGray(actual: GrayImage, expected: GrayImage, threshold = 64): ImageDifference {
  if (actual.width !== expected.width || actual.height !== expected.height) {
    throw new Error(`image size ${actual.width}×${actual.height} differs from the reference ${expected.width}×${expected.height}`);
  }
  let sum = 0;
  let differing = 0;
  for (let i = 0; i < actual.pixels.length; i++) {
    const difference = Math.abs(actual.pixels[i]! - expected.pixels[i]!);
    sum += difference;
    if (difference > threshold) differing++;
  }
  return { meanDifference: sum / actual.pixels.length, differingShare: differing / actual.pixels.length };
}
