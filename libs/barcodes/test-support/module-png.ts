// Test support: renders a module matrix as a greyscale PNG (node:zlib only) and runs the system
// barcode readers on it. Not part of the library, which stays free of I/O.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { ModuleMatrix } from '../src/rectangles';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Uint8Array): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

// 8-bit greyscale PNG: dark modules black, light modules and the quiet zone white.
export const renderModulePng = (matrix: ModuleMatrix, options: { quietZone: number; scale: number }): Buffer => {
  const { rows, cols, modules } = matrix;
  const { quietZone, scale } = options;
  const width = (cols + 2 * quietZone) * scale;
  const height = (rows + 2 * quietZone) * scale;
  const raw = Buffer.alloc((width + 1) * height, 0xff);
  for (let py = 0; py < height; py++) {
    raw[py * (width + 1)] = 0; // filter type: none
    const my = Math.floor(py / scale) - quietZone;
    if (my < 0 || my >= rows) continue;
    for (let px = 0; px < width; px++) {
      const mx = Math.floor(px / scale) - quietZone;
      if (mx >= 0 && mx < cols && modules[my * cols + mx]) raw[py * (width + 1) + 1 + px] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // colour type: greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
};

export const hasCommand = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

// Writes the image to a temporary file, runs the reader and returns its standard output as bytes.
const readWith = (png: Buffer, run: (file: string) => Buffer): Buffer => {
  const dir = mkdtempSync(join(tmpdir(), 'barcode-'));
  try {
    const file = join(dir, 'code.png');
    writeFileSync(file, png);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

// In binary mode zbarimg prints the payload bytes exactly, without charset guessing or newline.
export const decodeQrWithZbar = (matrix: ModuleMatrix): Buffer =>
  readWith(renderModulePng(matrix, { quietZone: 4, scale: 4 }), (file) =>
    execFileSync('zbarimg', ['--raw', '-q', '--nodbus', '-Sdisable', '-Sqrcode.enable', '-Sbinary', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

// dmtxread prints the payload without a trailing newline; -N1 stops after the first symbol.
export const decodeDataMatrixWithDmtx = (matrix: ModuleMatrix): Buffer =>
  readWith(renderModulePng(matrix, { quietZone: 2, scale: 4 }), (file) =>
    execFileSync('dmtxread', ['-N1', file], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );

// libdmtx's own encoder as a reference: `dmtxwrite -p` prints the symbol as ASCII art, two
// characters per module ("XX" dark), each row indented by four spaces.
export const encodeWithDmtxwrite = (data: Buffer, options: { symbolSize?: string } = {}): ModuleMatrix => {
  const args = ['-p', '-e', 'a', '-o', '/dev/null', ...(options.symbolSize ? ['-s', options.symbolSize] : [])];
  const preview = execFileSync('dmtxwrite', args, { input: data, stdio: ['pipe', 'pipe', 'pipe'] }).toString('latin1');
  const lines = preview.split('\n').filter((line) => /^ {4}[X ]+$/.test(line));
  const rows = lines.length;
  const cols = (lines[0].length - 4) / 2;
  const modules = new Uint8Array(rows * cols);
  lines.forEach((line, y) => {
    for (let x = 0; x < cols; x++) modules[y * cols + x] = line[4 + 2 * x] === 'X' ? 1 : 0;
  });
  return { rows, cols, modules };
};
