import { parentPort, workerData } from 'node:worker_threads';
import type { PrintLot } from '@wahl/domain';
import type { CardJob } from './card-document';
import { compileLayout } from './card-layout.compiler';
import type { CardTemplate } from './card-template.loader';
import { renderLotToFile, type LotResult } from './lot-renderer';

// Worker thread of the render pool: receives the template and job once, then renders one lot per
// message into its file. Voter data arrives only as message payload and leaves only as PDF files.

export type RenderWorkerData = { readonly template: CardTemplate; readonly job: CardJob };
export type RenderRequest = { readonly id: number; readonly lot: PrintLot; readonly outDir: string };
export type RenderReply =
  | { readonly id: number; readonly kind: 'progress'; readonly piecesDone: number }
  | { readonly id: number; readonly kind: 'done'; readonly result: LotResult; readonly heapUsedPeak: number }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

const { template, job } = workerData as RenderWorkerData;
const layout = compileLayout(template);
let heapUsedPeak = 0;

parentPort!.on('message', (request: RenderRequest) => {
  const sample = setInterval(() => (heapUsedPeak = Math.max(heapUsedPeak, process.memoryUsage().heapUsed)), 100);
  const progress = (piecesDone: number): void =>
    parentPort!.postMessage({ id: request.id, kind: 'progress', piecesDone } satisfies RenderReply);
  renderLotToFile(template, layout, job, request.lot, request.outDir, progress).then(
    (result) => {
      clearInterval(sample);
      heapUsedPeak = Math.max(heapUsedPeak, process.memoryUsage().heapUsed);
      parentPort!.postMessage({ id: request.id, kind: 'done', result, heapUsedPeak } satisfies RenderReply);
    },
    (error: unknown) => {
      clearInterval(sample);
      parentPort!.postMessage({
        id: request.id,
        kind: 'failed',
        message: error instanceof Error ? error.message : String(error),
      } satisfies RenderReply);
    },
  );
});
