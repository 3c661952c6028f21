// Barcode encoder benchmark: 20,000 polling-card QR codes (token URL, level M) and 20,000 sheet
// Data Matrix codes, timed after a warm-up. Prints µs per code, the rectangles a PDF path would
// draw, and one closing JSON line for tooling.
import { encodeDataMatrix, encodeQr, toRectangles } from '@wahl/barcodes';

const COUNT = 20_000;
const WARM_UP = 2_000;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// Deterministic inputs so that runs are comparable (xorshift32).
let state = 0x2545f491;
const random = (): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
};
const urls = Array.from({ length: COUNT }, () => {
  let token = '';
  for (let i = 0; i < 22; i++) token += BASE64URL[Math.floor(random() * 64)];
  return `https://wahl.example.de/b/${token}`;
});
const sheetCodes = Array.from({ length: COUNT }, (_, i) => {
  const sheets = 1 + (i % 3);
  const sheet = 1 + (i % sheets);
  return `J${String(4711).padStart(6, '0')}P${String(i).padStart(7, '0')}S${sheet}/${sheets}C${i % 10}`;
});

// Wall-clock and CPU time per code; CPU time stays meaningful on a busy shared machine.
const timePerCode = (encode: (i: number) => unknown): { wall: number; cpu: number } => {
  for (let i = 0; i < WARM_UP; i++) encode(i);
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) encode(i);
  const wall = Number(process.hrtime.bigint() - start) / 1000 / COUNT;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / COUNT };
};

const qrTime = timePerCode((i) => encodeQr(urls[i], { ecLevel: 'M' }));
const dataMatrixTime = timePerCode((i) => encodeDataMatrix(sheetCodes[i]));

const averageRectangles = (encode: (i: number) => Parameters<typeof toRectangles>[0]): number => {
  let total = 0;
  for (let i = 0; i < 1000; i++) total += toRectangles(encode(i)).length;
  return total / 1000;
};
const sampleQr = encodeQr(urls[0], { ecLevel: 'M' });
const sampleDataMatrix = encodeDataMatrix(sheetCodes[0]);
const qrRectangles = averageRectangles((i) => encodeQr(urls[i], { ecLevel: 'M' }));
const dataMatrixRectangles = averageRectangles((i) => encodeDataMatrix(sheetCodes[i]));

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const describe = (time: { wall: number; cpu: number }): string => `${time.wall.toFixed(2)} µs per code (CPU ${time.cpu.toFixed(2)} µs)`;
console.log(
  `QR (version ${sampleQr.version}-M, ${sampleQr.size}×${sampleQr.size}, ${urls[0].length} bytes): ${describe(qrTime)}, ${qrRectangles.toFixed(1)} rectangles on average`,
);
console.log(
  `Data Matrix (${sampleDataMatrix.rows}×${sampleDataMatrix.cols}, "${sheetCodes[0]}"): ${describe(dataMatrixTime)}, ${dataMatrixRectangles.toFixed(1)} rectangles on average`,
);
console.log(
  JSON.stringify({
    bench: 'codes',
    qrMicrosPerCode: round(qrTime.wall, 2),
    dataMatrixMicrosPerCode: round(dataMatrixTime.wall, 2),
    qrRectangles: round(qrRectangles, 1),
    dataMatrixRectangles: round(dataMatrixRectangles, 1),
    qrCpuMicrosPerCode: round(qrTime.cpu, 2),
    dataMatrixCpuMicrosPerCode: round(dataMatrixTime.cpu, 2),
  }),
);
