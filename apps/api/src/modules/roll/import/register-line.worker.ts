import { parentPort, workerData } from 'node:worker_threads';
import { RegisterLinePass, type LineBatch, type LineBatchResult, type LinePassSetup } from './register-line-pass';

// Worker thread of the register import: receives the election's facts and the header's columns once,
// then turns each batch of lines into COPY rows. Register data arrives only as message payload and
// leaves only as the reply to the import that sent it; nothing is logged.

export type LineRequest = { readonly id: number; readonly batch: LineBatch };
export type LineReply =
  | { readonly id: number; readonly kind: 'done'; readonly result: LineBatchResult }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

const pass = new RegisterLinePass(workerData as LinePassSetup);

/** The result's own buffers move to the import's thread instead of being copied. */
function transferable(result: LineBatchResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>([result.personIds.buffer as ArrayBuffer]);
  // Small buffers may share Node's allocation pool, which must stay here.
  for (const rows of result.rows) if (rows.buffer.byteLength > Buffer.poolSize) buffers.add(rows.buffer as ArrayBuffer);
  return [...buffers];
}

parentPort!.on('message', ({ id, batch }: LineRequest) => {
  let reply: LineReply;
  try {
    const result = pass.run(batch);
    reply = { id, kind: 'done', result };
    parentPort!.postMessage(reply, transferable(result));
  } catch (error) {
    // The message names the failure of the code, never a register value.
    reply = { id, kind: 'failed', message: error instanceof Error ? error.name : 'unknown' };
    parentPort!.postMessage(reply);
  }
});
