import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { PrintLot } from '@wahl/domain';
import { startWorker } from '../../../platform/workers/start-worker';
import type { CardJob } from './card-document';
import type { RenderReply, RenderRequest, RenderWorkerData } from './card-render.worker';
import type { CardTemplate } from './card-template.loader';
import type { LotResult } from './lot-renderer';

// Renders lots on all cores: one worker thread per core, each rendering whole lots (a lot is the
// unit of work, of output and of a restart), fed from a queue so a slow lot does not idle the rest.

/** The worker next to this file (compiled in a build, from sources in scripts and tests). */
const createWorker = (workerData: RenderWorkerData, resourceLimits: ResourceLimits): Worker =>
  startWorker(__dirname, 'card-render.worker', { workerData, resourceLimits });

/**
 * Heap limits per worker. Rendering allocates fast but keeps little: about 1 KB per piece of a lot
 * (pdfkit's page tree and offsets) plus fonts and forms. Left alone, V8 lets such a heap grow to
 * several times the live data before collecting; a bound keeps every worker's footprint small.
 */
function limitsFor(piecesPerLot: number): ResourceLimits {
  return { maxOldGenerationSizeMb: 64 + Math.ceil((piecesPerLot * 3) / 1024), maxYoungGenerationSizeMb: 16 };
}

type Pending = {
  readonly request: RenderRequest;
  readonly resolve: (result: LotResult) => void;
  readonly reject: (error: Error) => void;
  readonly onProgress: ((piecesDone: number) => void) | undefined;
};

export type PoolStatistics = {
  readonly threads: number;
  /** Highest V8 heap use seen in each worker, bytes. */
  readonly workerHeapPeaks: readonly number[];
};

export class CardRenderPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly heapPeaks = new Map<Worker, number>();
  private readonly alive = new Set<Worker>();
  private nextId = 1;
  private closed = false;

  private constructor(private readonly workers: readonly Worker[]) {
    for (const worker of workers) {
      this.heapPeaks.set(worker, 0);
      this.alive.add(worker);
      worker.on('message', (reply: RenderReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(worker, new Error(`Render-Worker unerwartet beendet (Code ${code})`));
      });
      this.idle.push(worker);
    }
  }

  /** Starts `threads` workers (default: one per core) that share the template and job. */
  static start(
    template: CardTemplate,
    job: CardJob,
    options: { readonly threads?: number; readonly piecesPerLot: number },
  ): CardRenderPool {
    const workerData: RenderWorkerData = { template, job };
    const threads = Math.max(1, options.threads ?? availableParallelism());
    const limits = limitsFor(options.piecesPerLot);
    return new CardRenderPool(Array.from({ length: threads }, () => createWorker(workerData, limits)));
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Renders one lot into `outDir`; resolves with its file name, hash and counts. */
  render(lot: PrintLot, outDir: string, onProgress?: (piecesDone: number) => void): Promise<LotResult> {
    if (this.closed || this.alive.size === 0) return Promise.reject(new Error('Render-Pool ist geschlossen'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, lot, outDir }, resolve, reject, onProgress });
      this.dispatch();
    });
  }

  /** Stops the workers; a lot being rendered is abandoned (its file stays `.partial`). */
  async close(): Promise<PoolStatistics> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('Render-Pool wurde geschlossen'));
    for (const [, pending] of this.running) pending.reject(new Error('Render-Pool wurde geschlossen'));
    this.running.clear();
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    return { threads: this.workers.length, workerHeapPeaks: this.workers.map((worker) => this.heapPeaks.get(worker) ?? 0) };
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      worker.postMessage(pending.request);
    }
  }

  private settle(worker: Worker, reply: RenderReply): void {
    const pending = this.running.get(worker);
    if (!pending || pending.request.id !== reply.id) return;
    if (reply.kind === 'progress') {
      pending.onProgress?.(reply.piecesDone);
      return;
    }
    this.running.delete(worker);
    this.idle.push(worker);
    if (reply.kind === 'done') {
      this.heapPeaks.set(worker, Math.max(this.heapPeaks.get(worker) ?? 0, reply.heapUsedPeak));
      pending.resolve(reply.result);
    } else {
      pending.reject(new Error(reply.message));
    }
    this.dispatch();
  }

  private fail(worker: Worker, error: Error): void {
    if (!this.alive.delete(worker)) return;
    const pending = this.running.get(worker);
    this.running.delete(worker);
    pending?.reject(error);
    // A broken worker is not reused; the others carry on with the queue, and without any left the
    // queue fails.
    const idleIndex = this.idle.indexOf(worker);
    if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
    if (this.alive.size === 0) for (const queued of this.queue.splice(0)) queued.reject(error);
  }
}
