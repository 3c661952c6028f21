import { PUBLIC_NAMESPACE, type PublicClientToServerEvents, type PublicServerToClientEvents } from '@wahl/contracts';
import type { PublicElectionSnapshot } from '@wahl/contracts';
import { io, type Socket } from 'socket.io-client';
import { applyDelta } from '../model/apply-delta';
import { nextPollDelay, POLL_MIN_MS, type ConnectionState } from '../model/freshness';
import { fetchNewerSnapshot, ResultsApiError } from './results-api';

// Follows one election: socket.io first (join → snapshot → deltas), the static JSON as fallback.
// - a delta that does not continue our version → ask for a fresh snapshot (once until it arrives);
// - every (re)connect joins again, which sends a fresh snapshot: nothing missed while away is lost;
// - no live snapshot soon after start, or the live channel down for a moment → the current pointer,
//   first every 5 s, backing off to once a minute while nothing changes or the server fails, back to
//   5 s with each new version (degraded, never dark: the last good version stays on screen meanwhile);
// - the live channel back → push again, polling stops.

export type LiveListener = {
  readonly snapshot: (snapshot: PublicElectionSnapshot) => void;
  readonly connection: (state: ConnectionState, lastContactAt: number | null) => void;
  /** The election does not exist or is not public (404). */
  readonly missing: () => void;
};

export type LiveOptions = {
  readonly electionId: string;
  /** Narrows the live room and the JSON fallback to one area's view: the path from the root, the area, everything below it. */
  readonly areaId?: string | null;
  readonly listener: LiveListener;
};

const FIRST_SNAPSHOT_WAIT_MS = 2_000;
const POLL_AFTER_DISCONNECT_MS = 2_000;

export type LiveResults = { readonly stop: () => void; readonly current: () => PublicElectionSnapshot | null };

export function followElection(options: LiveOptions): LiveResults {
  const { electionId, listener } = options;
  let snapshot: PublicElectionSnapshot | null = null;
  let connection: ConnectionState = 'connecting';
  let lastContactAt: number | null = null;
  let awaitingSnapshot = false;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let pollDelay = POLL_MIN_MS;
  let stopped = false;

  const setConnection = (state: ConnectionState): void => {
    connection = state;
    listener.connection(state, lastContactAt);
  };
  const contact = (): void => {
    lastContactAt = Date.now();
  };
  const accept = (next: PublicElectionSnapshot): void => {
    snapshot = next;
    listener.snapshot(next);
  };

  // The public namespace of the API's socket.io server (same origin); the server acknowledges `join`
  // with `ok: false` when it has no such (public) election or area.
  const socket: Socket<PublicServerToClientEvents, PublicClientToServerEvents> = io(PUBLIC_NAMESPACE, {
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 10_000,
  });

  const join = (): void => {
    awaitingSnapshot = true;
    socket.emit('join', options.areaId ? { electionId, areaId: options.areaId } : { electionId }, (answer) => {
      // Refused: the JSON tells at once whether the election exists at all (404 → not found).
      if (answer && answer.ok === false && !snapshot) {
        stopPolling();
        schedulePoll(0);
      }
    });
  };

  socket.on('connect', () => {
    join();
    // Keep the JSON fallback running until the live channel has proved itself with a snapshot.
  });
  socket.on('snapshot', (next) => {
    if (next.electionId !== electionId) return;
    contact();
    awaitingSnapshot = false;
    stopPolling();
    // The live server is the authority, even over a newer copy from a cache.
    accept(next);
    setConnection('live');
  });
  socket.on('delta', (delta) => {
    if (delta.electionId !== electionId) return;
    contact();
    if (!snapshot) return;
    const outcome = applyDelta(snapshot, delta);
    if (outcome.kind === 'applied') accept(outcome.snapshot);
    else if (outcome.kind === 'gap' && !awaitingSnapshot) {
      awaitingSnapshot = true;
      socket.emit('request-snapshot', { electionId });
    }
    if (connection !== 'live') setConnection('live');
  });
  socket.on('disconnect', () => {
    if (stopped) return;
    setConnection('reconnecting');
    pollDelay = POLL_MIN_MS;
    schedulePoll(POLL_AFTER_DISCONNECT_MS);
  });
  socket.on('connect_error', () => {
    if (connection === 'live') setConnection('reconnecting');
    schedulePoll(POLL_AFTER_DISCONNECT_MS);
  });

  async function poll(): Promise<void> {
    pollTimer = null;
    if (stopped || (connection === 'live' && !awaitingSnapshot)) return;
    let changed = false;
    try {
      const fetched = await fetchNewerSnapshot(electionId, snapshot?.version ?? null, options.areaId ?? null);
      if (stopped) return;
      if (fetched === null && !snapshot) {
        listener.missing();
        return;
      }
      contact();
      if (fetched !== null && fetched !== 'unchanged' && (!snapshot || fetched.version > snapshot.version)) {
        accept(fetched);
        changed = true;
      }
      if (!socket.connected || awaitingSnapshot) setConnection('polling');
    } catch (error) {
      if (!(error instanceof ResultsApiError)) throw error;
      if (connection !== 'live') setConnection('offline');
    }
    pollDelay = nextPollDelay(pollDelay, changed);
    schedulePoll(pollDelay);
  }

  function schedulePoll(delay: number): void {
    if (stopped || pollTimer !== null) return;
    pollTimer = setTimeout(() => void poll(), delay);
  }
  function stopPolling(): void {
    if (pollTimer !== null) clearTimeout(pollTimer);
    pollTimer = null;
  }

  // No live snapshot within two seconds (slow proxy, no WebSocket): the JSON gets the page going.
  schedulePoll(FIRST_SNAPSHOT_WAIT_MS);
  setConnection('connecting');

  return {
    stop() {
      stopped = true;
      stopPolling();
      socket.close();
    },
    current: () => snapshot,
  };
}
