import { PUBLIC_NAMESPACE, type PublicClientToServerEvents, type PublicServerToClientEvents } from '@wahl/contracts';
import type { PublicElectionDelta, PublicElectionSnapshot } from '@wahl/domain';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';

export type PublicSocket = Socket<PublicServerToClientEvents, PublicClientToServerEvents>;

// A public client of the live channel as the results page would use it: join an election (or one
// area), keep the snapshot, collect deltas, and wait for the one the test expects.

export type LiveClient = {
  readonly socket: PublicSocket;
  readonly snapshots: PublicElectionSnapshot[];
  readonly deltas: PublicElectionDelta[];
  /** Every event text as received: for checks that something never appears. */
  readonly raw: string[];
  join(electionId: string, areaId?: string): Promise<PublicElectionSnapshot>;
  requestSnapshot(electionId: string): Promise<PublicElectionSnapshot>;
  nextDelta(predicate: (delta: PublicElectionDelta) => boolean, timeoutMs?: number): Promise<PublicElectionDelta>;
  close(): void;
};

export async function connectLiveClient(baseUrl: string): Promise<LiveClient> {
  const socket: PublicSocket = io(`${baseUrl}${PUBLIC_NAMESPACE}`, { path: '/socket.io', transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const snapshots: PublicElectionSnapshot[] = [];
  const deltas: PublicElectionDelta[] = [];
  const raw: string[] = [];
  const waiters: { predicate: (delta: PublicElectionDelta) => boolean; resolve: (delta: PublicElectionDelta) => void }[] = [];
  socket.on('snapshot', (snapshot: PublicElectionSnapshot) => {
    snapshots.push(snapshot);
    raw.push(JSON.stringify(snapshot));
  });
  socket.on('delta', (delta: PublicElectionDelta) => {
    deltas.push(delta);
    raw.push(JSON.stringify(delta));
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(delta)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(delta);
    }
  });
  const nextSnapshot = (): Promise<PublicElectionSnapshot> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no snapshot within 5 s')), 5000);
      socket.once('snapshot', (snapshot: PublicElectionSnapshot) => {
        clearTimeout(timer);
        resolve(snapshot);
      });
    });
  return {
    socket,
    snapshots,
    deltas,
    raw,
    async join(electionId, areaId) {
      const snapshot = nextSnapshot();
      const ack = await socket.emitWithAck('join', areaId === undefined ? { electionId } : { electionId, areaId });
      if (!ack.ok) throw new Error(`join refused: ${ack.message}`);
      return snapshot;
    },
    async requestSnapshot(electionId) {
      const snapshot = nextSnapshot();
      const ack = await socket.emitWithAck('request-snapshot', { electionId });
      if (!ack.ok) throw new Error(`request-snapshot refused: ${ack.message}`);
      return snapshot;
    },
    nextDelta(predicate, timeoutMs = 2000) {
      const seen = deltas.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index === -1) return;
          waiters.splice(index, 1);
          reject(new Error(`no matching delta within ${timeoutMs} ms (got versions ${deltas.map((d) => d.version).join(', ') || 'none'})`));
        }, timeoutMs);
      });
    },
    close() {
      socket.close();
    },
  };
}

/** What a browser page's sockets received and sent: socket.io event frames of the public namespace, decoded. */
export type PageFrames = { snapshots: PublicElectionSnapshot[]; deltas: PublicElectionDelta[]; joins: unknown[] };

const EVENT_FRAME = /^42\/public,(?:\d+)?(\[.*\])$/s;

/** Records the page's public socket frames from now on (the results page's own live channel, as sent). */
export function recordPageFrames(page: Page): PageFrames {
  const frames: PageFrames = { snapshots: [], deltas: [], joins: [] };
  const decode = (payload: string | Buffer): [string, unknown] | null => {
    const match = typeof payload === 'string' ? EVENT_FRAME.exec(payload) : null;
    return match ? (JSON.parse(match[1]!) as [string, unknown]) : null;
  };
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => {
      const [event, body] = decode(payload) ?? [];
      if (event === 'snapshot') frames.snapshots.push(body as PublicElectionSnapshot);
      if (event === 'delta') frames.deltas.push(body as PublicElectionDelta);
    });
    socket.on('framesent', ({ payload }) => {
      const [event, body] = decode(payload) ?? [];
      if (event === 'join') frames.joins.push(body);
    });
  });
  return frames;
}
