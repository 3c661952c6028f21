import { encodeDataMatrix, encodeQr, toRectangles, type ModuleMatrix } from '@wahl/barcodes';
import { formatNumber, type PdfSurface } from './pdf-surface';

// 2D codes as vector rectangles: the encoder's dark modules merged into runs (`toRectangles`), all
// written in module units under one scaling matrix and filled ONCE. Small integers keep the stream
// short (≈ 8 bytes per rectangle before deflate) and one fill is one rasteriser pass.

function writeMatrix(surface: PdfSurface, matrix: ModuleMatrix, x: number, y: number, moduleSize: number): void {
  let ops = `q 0 g ${formatNumber(moduleSize)} 0 0 ${formatNumber(moduleSize)} ${formatNumber(x)} ${formatNumber(y)} cm\n`;
  for (const [rx, ry, rw, rh] of toRectangles(matrix)) ops += `${rx} ${ry} ${rw} ${rh} re\n`;
  surface.write(`${ops}f Q`);
}

/** Smallest module edge (points) scanners read reliably at 300 dpi print; ~0.33 mm. */
const MIN_MODULE = 0.93;

/**
 * A QR code (level M) filling a `size` × `size` square at (x, y) top-down, quiet zone not included:
 * the layout keeps 4 modules free around it. Returns the module count per side.
 */
export function writeQrCode(surface: PdfSurface, data: string, x: number, y: number, size: number): number {
  const qr = encodeQr(data, { ecLevel: 'M' });
  const moduleSize = size / qr.size;
  if (moduleSize < MIN_MODULE)
    throw new RangeError(`QR code of ${qr.size} modules does not fit ${size.toFixed(1)} pt with readable modules`);
  writeMatrix(surface, { rows: qr.size, cols: qr.size, modules: qr.modules }, x, y, moduleSize);
  return qr.size;
}

/** A Data Matrix (ECC200) with square modules of `moduleSize` points at (x, y) top-down. */
export function writeDataMatrix(surface: PdfSurface, data: string, x: number, y: number, moduleSize: number): number {
  const code = encodeDataMatrix(data);
  writeMatrix(surface, code, x, y, moduleSize);
  return code.cols;
}
