// Public entry point of the barcode library: pure encoders, no I/O.
export { encodeQr, qrCodewords, type QrCode, type QrEcLevel, type QrMode, type QrOptions } from './qr-code';
export { qrPenaltyOfModules } from './qr-penalty';
export { encodeDataMatrix, dataMatrixCodewords, type DataMatrix } from './data-matrix';
export { toRectangles, type ModuleMatrix, type ModuleRectangle } from './rectangles';
