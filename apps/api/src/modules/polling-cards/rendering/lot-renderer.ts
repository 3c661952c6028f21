import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { countByPostalCode, type MailPiece, type PostalCounts, type PrintLot } from '@wahl/domain';
import { CardDocument, type CardJob, type CardWarning } from './card-document';
import type { CompiledLayout } from './card-layout.compiler';
import type { CardTemplate } from './card-template.loader';

// Renders one print lot into one PDF file (R3.15) and reports what the manifest needs. The file is
// written under a temporary name and renamed when complete, so a lot file that exists is whole: a
// job restarted after a crash can trust every lot file it finds (and checks its hash).

export type LotResult = PostalCounts & {
  readonly lot: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly firstPiece: number;
  readonly lastPiece: number;
  readonly pieces: number;
  readonly sheets: number;
  readonly pages: number;
  readonly warnings: readonly CardWarning[];
};

/** How often the render loop lets the event loop flush the PDF stream to its destination. */
const YIELD_EVERY = 250;
const WRITE_BUFFER = 256 * 1024;

export function lotFileName(jobNumber: number, lot: number): string {
  return `wahlbenachrichtigungen-${String(jobNumber).padStart(6, '0')}-los-${String(lot).padStart(4, '0')}.pdf`;
}

function documentInfo(job: CardJob, lot: PrintLot): { title: string; subject: string } {
  return {
    title: `Wahlbenachrichtigungen – ${job.election.name} – Los ${lot.lot}`,
    subject: `Druckauftrag ${job.jobNumber}, Los ${lot.lot}, Stück ${lot.firstPiece} bis ${lot.lastPiece}`,
  };
}

async function renderPieces(
  template: CardTemplate,
  layout: CompiledLayout,
  job: CardJob,
  lot: PrintLot,
  onChunk: (chunk: Buffer) => void,
  /** Awaited every few pieces with the count so far: progress, and the output drains (back-pressure). */
  pause: (piecesDone: number) => Promise<unknown> = () => new Promise((resolve) => setImmediate(resolve)),
): Promise<{ pages: number; warnings: readonly CardWarning[] }> {
  const card = new CardDocument(template, layout, job, documentInfo(job, lot));
  const ended = new Promise<void>((resolve, reject) => {
    card.doc.on('data', onChunk);
    card.doc.on('end', resolve);
    card.doc.on('error', reject);
  });
  let done = 0;
  for (const piece of lot.pieces) {
    card.addPiece(piece);
    if (++done % YIELD_EVERY === 0) await pause(done);
  }
  card.end();
  await ended;
  return { pages: card.pageTotal, warnings: card.warnings };
}

/** Renders `lot` into `<outDir>/<fileName>`; the hash is computed while writing. */
export async function renderLotToFile(
  template: CardTemplate,
  layout: CompiledLayout,
  job: CardJob,
  lot: PrintLot,
  outDir: string,
  onProgress?: (piecesDone: number) => void,
): Promise<LotResult> {
  const fileName = lotFileName(job.jobNumber, lot.lot);
  const finalPath = join(outDir, fileName);
  const partialPath = `${finalPath}.partial`;
  const file = createWriteStream(partialPath, { highWaterMark: 4 * 1024 * 1024 });
  const fileDone = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
  });
  const hash = createHash('sha256');
  let bytes = 0;
  // pdfkit emits a chunk per token; hand the file stream fewer, larger buffers.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pendingBytes === 0) return;
    file.write(Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  const { pages, warnings } = await renderPieces(
    template,
    layout,
    job,
    lot,
    (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= WRITE_BUFFER) flush();
    },
    (done) => {
      onProgress?.(done);
      return file.writableNeedDrain ? once(file, 'drain') : new Promise((resolve) => setImmediate(resolve));
    },
  );
  flush();
  file.end();
  await fileDone;
  await rename(partialPath, finalPath);
  const sheets = lot.pieces.length * template.layout.sheets.length;
  return {
    lot: lot.lot,
    fileName,
    sha256: hash.digest('hex'),
    bytes,
    firstPiece: lot.firstPiece,
    lastPiece: lot.lastPiece,
    pieces: lot.pieces.length,
    sheets,
    pages,
    warnings,
    ...countByPostalCode(lot.pieces),
  };
}

/** Renders pieces into memory: previews and tests. */
export async function renderLotToBuffer(
  template: CardTemplate,
  layout: CompiledLayout,
  job: CardJob,
  pieces: readonly MailPiece[],
  lotNumber = 1,
): Promise<Buffer> {
  const lot: PrintLot = { lot: lotNumber, firstPiece: pieces[0]?.piece ?? 0, lastPiece: pieces[pieces.length - 1]?.piece ?? 0, pieces };
  const chunks: Buffer[] = [];
  await renderPieces(template, layout, job, lot, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}
