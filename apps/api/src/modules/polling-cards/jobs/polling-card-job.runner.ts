import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitIntoLots, type MailPiece, type PrintLot } from '@wahl/domain';
import type { CardJob } from '../rendering/card-document';
import { loadCardTemplate } from '../rendering/card-template.loader';
import { compileLayout } from '../rendering/card-layout.compiler';
import { renderLotToFile, type LotResult } from '../rendering/lot-renderer';
import { buildManifest, manifestCsv, piecesCsv, piecesFileName, type PrintManifest } from '../rendering/print-manifest';
import { CardRenderPool } from '../rendering/render-pool';
import { deriveCardToken } from './card-tokens';
import type { JobRow, LotRow, PieceRow, PollingCardJobRepository } from './polling-card-job.repository';

// Runs a prepared polling-card job, resumably: the pieces were fixed when the job was prepared; a
// lot counts as done once its row exists (written after the file was complete and renamed) and its
// file still has the recorded SHA-256. A run after a crash, a cancel, a failure or a hand-over (the
// job queue's runs are bounded, see platform/jobs) therefore starts at the first unfinished lot and
// prints the very bytes an undisturbed run would.

export type JobProgress = {
  readonly jobId: string;
  readonly piecesDone: number;
  readonly pieces: number;
  readonly lotsDone: number;
  readonly lots: number;
  /** Pieces per second of this run so far; null at the start. */
  readonly piecesPerSecond: number | null;
  readonly etaSeconds: number | null;
};

export type JobOutcome =
  | { readonly status: 'succeeded'; readonly manifest: PrintManifest; readonly lotsRendered: number }
  /** The run handed over before the last lot; the job stays `running` and the next run goes on. */
  | { readonly status: 'paused'; readonly lotsRendered: number }
  | { readonly status: 'cancelled' | 'failed'; readonly message: string; readonly lotsRendered: number };

export type RunnerOptions = {
  readonly store: PollingCardJobRepository;
  readonly templatesDir: string;
  /** Key the QR tokens are derived with (see card-tokens.ts). */
  readonly tokenKey: string;
  /** Worker threads; default one per core. */
  readonly threads?: number;
  /** Jobs with at most this many pieces left render on the calling thread (default 200). */
  readonly inProcessMax?: number;
};

export type RunHooks = {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: JobProgress) => void;
  /** How often the progress is stored and a cancel request from another process is looked for. */
  readonly progressMs?: number;
  /** True when the run should start no further lot and hand over (the lots under way are finished). */
  readonly handOver?: () => boolean;
};

class Cancelled extends Error {}

/** By default up to this many pieces are rendered on the calling thread. */
const IN_PROCESS_MAX = 200;

/** The job's pieces as the renderer takes them: the stored record plus the QR link. */
export function mailPieces(job: JobRow, rows: readonly PieceRow[], tokenKey: string): MailPiece[] {
  return rows.map((row) => ({
    piece: row.piece,
    record: {
      ...row.record,
      applicationUrl: `${job.application_url_base}${deriveCardToken(tokenKey, job.election_id, row.voter_id, row.token_issue)}`,
    },
  }));
}

export const cardJobOf = (job: JobRow): CardJob => ({ jobNumber: job.job_number, election: job.election, createdAt: job.document_date });

const toLotResult = (row: LotRow): LotResult => ({
  lot: row.lot,
  fileName: row.file_name,
  sha256: row.sha256,
  bytes: Number(row.bytes),
  firstPiece: row.first_piece,
  lastPiece: row.last_piece,
  pieces: row.pieces,
  sheets: row.sheets,
  pages: row.pages,
  leitregionen: row.leitregionen,
  postalCodes: row.postal_codes,
  warnings: row.warnings as LotResult['warnings'],
});

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Writes via a temporary name, so a file that exists is complete. */
async function writeAtomically(path: string, content: string): Promise<void> {
  await writeFile(`${path}.partial`, content);
  await rename(`${path}.partial`, path);
}

export class PollingCardJobRunner {
  constructor(private readonly options: RunnerOptions) {}

  async run(jobId: string, hooks: RunHooks = {}): Promise<JobOutcome> {
    const { store } = this.options;
    const job = await store.find(jobId);
    if (!job) throw new Error(`polling-card job ${jobId} not found`);
    if (job.status === 'cancel-requested') {
      // Cancelled between two runs: nothing is rendering it.
      await store.finish(jobId, 'cancelled', 'Abgebrochen.');
      return { status: 'cancelled', message: 'Abgebrochen.', lotsRendered: 0 };
    }
    if (job.status !== 'running') throw new Error(`polling-card job ${jobId} is ${job.status} and cannot run`);
    try {
      return await this.render(job, hooks);
    } catch (error) {
      const cancelled = error instanceof Cancelled;
      const message = cancelled ? 'Abgebrochen.' : `Fehler beim Drucken: ${error instanceof Error ? error.message : String(error)}`;
      await store.finish(jobId, cancelled ? 'cancelled' : 'failed', message);
      return { status: cancelled ? 'cancelled' : 'failed', message, lotsRendered: 0 };
    }
  }

  private async render(job: JobRow, hooks: RunHooks): Promise<JobOutcome> {
    const { store } = this.options;
    const template = loadCardTemplate({ templatesDir: this.options.templatesDir, electionKind: job.election.kind, layout: job.layout });
    if (template.fingerprint !== job.template_fingerprint) {
      throw new Error(
        'Die Vorlagen wurden geändert, seit der Auftrag angelegt wurde; er kann so nicht fortgesetzt werden. Bitte einen neuen Auftrag anlegen.',
      );
    }
    const lots = splitIntoLots(mailPieces(job, await store.pieces(job.id), this.options.tokenKey), job.lot_size);
    const sheetsPerPiece = template.layout.sheets.length;
    await mkdir(job.out_dir, { recursive: true });
    for (const name of await readdir(job.out_dir)) if (name.endsWith('.partial')) await unlink(join(job.out_dir, name));

    const finished = new Map<number, LotResult>();
    for (const row of await store.lots(job.id)) {
      const path = join(job.out_dir, row.file_name);
      if (existsSync(path) && (await sha256OfFile(path)) === row.sha256) finished.set(row.lot, toLotResult(row));
      else await store.forgetLot(job.id, row.lot);
    }
    for (const lot of lots) {
      const result = finished.get(lot.lot);
      if (result && !existsSync(join(job.out_dir, piecesFileName(result.fileName))))
        await this.writePieces(job, lot, result, sheetsPerPiece);
    }

    const remaining = lots.filter((lot) => !finished.has(lot.lot));
    const startedWith = [...finished.values()].reduce((sum, lot) => sum + lot.pieces, 0);
    const inFlight = new Map<number, number>();
    const started = Date.now();
    const progress = (): JobProgress => {
      const done = [...finished.values()].reduce((sum, lot) => sum + lot.pieces, 0) + [...inFlight.values()].reduce((a, b) => a + b, 0);
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0.5 && done > startedWith ? (done - startedWith) / seconds : null;
      return {
        jobId: job.id,
        piecesDone: done,
        pieces: job.pieces,
        lotsDone: finished.size,
        lots: lots.length,
        piecesPerSecond: rate === null ? null : Math.round(rate),
        etaSeconds: rate === null ? null : Math.ceil((job.pieces - done) / rate),
      };
    };

    const remainingPieces = remaining.reduce((sum, lot) => sum + lot.pieces.length, 0);
    const handOver = hooks.handOver ?? (() => false);
    if (remaining.length > 0 && remainingPieces <= (this.options.inProcessMax ?? IN_PROCESS_MAX)) {
      // A replacement card or a short follow-up: starting worker threads would take longer.
      const layout = compileLayout(template);
      for (const lot of remaining) {
        if (hooks.signal?.aborted) throw new Cancelled();
        const result = await renderLotToFile(template, layout, cardJobOf(job), lot, job.out_dir);
        await this.writePieces(job, lot, result, sheetsPerPiece);
        await store.recordLot(job.id, result);
        finished.set(lot.lot, result);
        hooks.onProgress?.(progress());
        if (handOver()) break;
      }
    } else if (remaining.length > 0) {
      const pool = CardRenderPool.start(template, cardJobOf(job), { threads: this.options.threads, piecesPerLot: job.lot_size });
      let cancelled = false;
      const cancel = (): void => {
        if (cancelled) return;
        cancelled = true;
        void pool.close();
      };
      hooks.signal?.addEventListener('abort', cancel);
      if (hooks.signal?.aborted) cancel();
      const saving = setInterval(() => {
        const now = progress();
        store.saveProgress(job.id, now.piecesDone, now.piecesPerSecond).then(
          (status) => {
            if (status === 'cancel-requested') cancel();
          },
          () => undefined,
        );
      }, hooks.progressMs ?? 2000);
      // One lane per worker thread takes the next lot until none is left or the run hands over (after
      // at least one lot, so that every run gets on).
      const queue = [...remaining];
      const lane = async (): Promise<void> => {
        for (let lot = queue.shift(); lot; lot = handOver() ? undefined : queue.shift()) {
          const current = lot;
          const result = await pool.render(current, job.out_dir, (done) => {
            inFlight.set(current.lot, done);
            hooks.onProgress?.(progress());
          });
          await this.writePieces(job, current, result, sheetsPerPiece);
          await store.recordLot(job.id, result);
          inFlight.delete(current.lot);
          finished.set(current.lot, result);
          hooks.onProgress?.(progress());
        }
      };
      try {
        await Promise.all(Array.from({ length: pool.threads }, lane));
      } catch (error) {
        if (cancelled) throw new Cancelled();
        throw error;
      } finally {
        clearInterval(saving);
        hooks.signal?.removeEventListener('abort', cancel);
        await pool.close();
      }
    }

    const lotsRendered = finished.size - (lots.length - remaining.length);
    if (finished.size < lots.length) {
      const now = progress();
      await store.saveProgress(job.id, now.piecesDone, now.piecesPerSecond);
      return { status: 'paused', lotsRendered };
    }
    const manifest = buildManifest({
      jobNumber: job.job_number,
      election: job.election,
      template: { id: template.id, fingerprint: template.fingerprint },
      createdAt: job.document_date,
      lotSize: job.lot_size,
      sheetsPerPiece,
      lots: [...finished.values()],
    });
    await writeAtomically(join(job.out_dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeAtomically(join(job.out_dir, 'manifest.csv'), manifestCsv(manifest));
    const final = progress();
    await store.saveProgress(job.id, final.piecesDone, final.piecesPerSecond);
    await store.finish(job.id, 'succeeded', null);
    hooks.onProgress?.(final);
    return { status: 'succeeded', manifest, lotsRendered };
  }

  private async writePieces(job: JobRow, lot: PrintLot, result: LotResult, sheetsPerPiece: number): Promise<void> {
    await writeAtomically(join(job.out_dir, piecesFileName(result.fileName)), piecesCsv(job.job_number, lot, sheetsPerPiece));
  }
}
