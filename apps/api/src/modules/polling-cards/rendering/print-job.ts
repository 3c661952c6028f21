import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { orderForMailing, splitIntoLots, type CardRecord, type MailingOrderError } from '@wahl/domain';
import type { CardRecordSource } from '../card-record-source';
import type { CardJob } from './card-document';
import type { CardTemplate } from './card-template.loader';
import type { LotResult } from './lot-renderer';
import { buildManifest, manifestCsv, piecesCsv, piecesFileName, type PrintManifest } from './print-manifest';
import { CardRenderPool, type PoolStatistics } from './render-pool';

// A whole print job: read the records, sort them into mailing order and number them (R3.10), cut
// the lots (R3.15), render the lots on all cores, write each lot's piece list and, last, the
// manifest. Output files: <lot>.pdf, <lot>.stuecke.csv, manifest.json, manifest.csv.

export const DEFAULT_LOT_SIZE = 5000;

export type PrintJobOptions = {
  readonly template: CardTemplate;
  readonly job: CardJob;
  readonly outDir: string;
  readonly lotSize?: number;
  /** Worker threads; default one per core. */
  readonly threads?: number;
  /** Called after each finished lot (in completion order) for progress reporting. */
  readonly onLot?: (lot: LotResult, done: { readonly pieces: number; readonly total: number }) => void;
};

export type PrintJobResult = { readonly manifest: PrintManifest; readonly pool: PoolStatistics };

export class PrintJobInputError extends Error {
  constructor(readonly problems: readonly MailingOrderError[]) {
    super(`Druckauftrag: ${problems.length} fehlerhafte Datensätze, z. B. ${describe(problems[0]!)}`);
  }
}

function describe(problem: MailingOrderError): string {
  const who = `Wahlbezirk ${problem.district}, Wählerverzeichnis-Nr. ${problem.voterNumber}`;
  return problem.code === 'INVALID_POSTAL_CODE' ? `${who}: Postleitzahl "${problem.postalCode}" ungültig` : `${who}: doppelt`;
}

export async function runPrintJob(source: CardRecordSource, options: PrintJobOptions): Promise<PrintJobResult> {
  const records: CardRecord[] = [];
  for await (const record of source.records()) records.push(record);
  const ordered = orderForMailing(records);
  if (!ordered.ok) throw new PrintJobInputError(ordered.error);
  const lotSize = options.lotSize ?? DEFAULT_LOT_SIZE;
  const lots = splitIntoLots(ordered.value, lotSize);
  const sheetsPerPiece = options.template.layout.sheets.length;
  const { jobNumber } = options.job;
  await mkdir(options.outDir, { recursive: true });

  const pool = CardRenderPool.start(options.template, options.job, { threads: options.threads, piecesPerLot: lotSize });
  let results: LotResult[];
  let statistics: PoolStatistics;
  try {
    let donePieces = 0;
    results = await Promise.all(
      lots.map(async (lot) => {
        const result = await pool.render(lot, options.outDir);
        await writeFile(join(options.outDir, piecesFileName(result.fileName)), piecesCsv(jobNumber, lot, sheetsPerPiece));
        donePieces += result.pieces;
        options.onLot?.(result, { pieces: donePieces, total: ordered.value.length });
        return result;
      }),
    );
  } finally {
    statistics = await pool.close();
  }

  const manifest = buildManifest({
    jobNumber,
    election: options.job.election,
    template: { id: options.template.id, fingerprint: options.template.fingerprint },
    createdAt: options.job.createdAt,
    lotSize,
    sheetsPerPiece,
    lots: results,
  });
  await writeFile(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(options.outDir, 'manifest.csv'), manifestCsv(manifest));
  return { manifest, pool: statistics };
}
