import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../../platform/workers/start-worker';
import type { LineBatch, LineBatchResult, LinePassSetup } from './register-line-pass';
import type { LineReply, LineRequest } from './register-line.worker';

type Pending = { readonly resolve: (result: LineBatchResult) => void; readonly reject: (error: Error) => void };

/**
 * Bounds per worker: the street index, the order key's name cache (at most 200,000 names) and the
 * batches in flight. A young generation larger than the default lets most of a batch's short-lived
 * strings die without being copied.
 */
const LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 32 };

/**
 * The register import's line passes on all cores: one worker thread per core (by default), batches
 * handed out in turn. Each worker answers its batches in the order it got them; the caller applies
 * the results in file order.
 */
export class RegisterLinePool {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private turn = 0;
  private broken: Error | null = null;
  private closed = false;

  private constructor(private readonly workers: readonly Worker[]) {
    for (const worker of workers) {
      worker.on('message', (reply: LineReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`register line worker exited (code ${code})`));
      });
    }
  }

  static start(setup: LinePassSetup, threads = availableParallelism()): RegisterLinePool {
    const count = Math.max(1, threads);
    return new RegisterLinePool(
      Array.from({ length: count }, () => startWorker(__dirname, 'register-line.worker', { workerData: setup, resourceLimits: LIMITS })),
    );
  }

  run(batch: LineBatch): Promise<LineBatchResult> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new Error('register line pool is closed'));
    const worker = this.workers[this.turn++ % this.workers.length]!;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, batch } satisfies LineRequest);
    });
  }

  /** Stops the workers; batches still running are abandoned. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fail(new Error('register line pool is closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(reply: LineReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.kind === 'done') pending.resolve(reply.result);
    else pending.reject(new Error(`register line worker failed (${reply.message})`));
  }

  /** A broken worker fails every batch in flight and the import with them: it is one transaction. */
  private fail(error: Error): void {
    this.broken ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
