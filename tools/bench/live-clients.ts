import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { track } from './api-cluster';
import type { ClientGroup } from './live-clients.worker';

// The parent's side of live-clients.worker.ts: client processes, each connected to one API process.

export type { ClientGroup };

export type Arrivals = {
  /** Arrival stamps (ms, shared clock) by group label and version. */
  readonly arrivals: Record<string, Record<string, number[]>>;
  /** Per version, arrivals at a client that held it already (each version should arrive once). */
  readonly duplicates: Record<string, number>;
  /** Bytes of each version's delta. */
  readonly sizes: Record<string, number>;
  /** The area ids whose results each version's delta carried. */
  readonly changedAreas: Record<string, string[]>;
  readonly connected: number;
};

export type ClientProcess = { readonly worker: ChildProcess; readonly kind: string; readonly errors: number };

/** One client process per entry of `groupsPerProcess`, connected to `urls` in turn; resolves once all joined. */
export function startClients(
  urls: readonly string[],
  electionId: string,
  groupsPerProcess: readonly (readonly ClientGroup[])[],
): Promise<ClientProcess[]> {
  return Promise.all(
    groupsPerProcess.map((groups, index) => {
      const worker = track(
        fork(join(__dirname, 'live-clients.worker.ts'), [], {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      );
      return new Promise<ClientProcess>((done, fail) => {
        worker.on('message', (message: { type: string; errors?: number; message?: string; kind?: string }) => {
          if (message.type === 'ready') done({ worker, kind: message.kind ?? 'protocol', errors: message.errors ?? 0 });
          else if (message.type === 'failed') fail(new Error(message.message));
        });
        worker.send({ type: 'start', url: urls[index % urls.length], electionId, groups });
      });
    }),
  );
}

/** The stamps a client process has taken so far. */
export function collect(worker: ChildProcess): Promise<Arrivals> {
  return new Promise((done) => {
    const listener = (message: { type: string } & Arrivals) => {
      if (message.type !== 'arrivals') return;
      worker.off('message', listener);
      done(message);
    };
    worker.on('message', listener);
    worker.send({ type: 'collect' });
  });
}

/** Asks the client processes to close their sockets and waits for them to exit. */
export const closeClients = (workers: readonly ChildProcess[]): Promise<unknown> =>
  Promise.all(
    workers.map(async (worker) => {
      worker.send({ type: 'stop' });
      await new Promise((done) => worker.once('exit', done));
    }),
  );
