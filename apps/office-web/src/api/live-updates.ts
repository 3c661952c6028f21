import { io, type Socket } from 'socket.io-client';
import type { DistrictStatusEvent, ProgressEvent } from './election-night.types';

// The socket of the election-night dashboard. It signs in with the same HTTP-only session cookie
// as fetch (same origin), joins the office room of one election and rejoins after every reconnect;
// the caller refetches its REST snapshot on `connected`, so nothing missed while offline is lost.

export type LiveConnection = 'connecting' | 'live' | 'offline' | 'refused';

export type ElectionNightListener = {
  readonly onDistrict: (event: DistrictStatusEvent) => void;
  readonly onProgress: (event: ProgressEvent) => void;
  /** `live` after each (re)join; the caller reloads its snapshot then. */
  readonly onConnection: (state: LiveConnection, message?: string) => void;
};

type JoinAck = { readonly ok: true } | { readonly ok: false; readonly message: string };

export function followElectionNight(electionId: string, listener: ElectionNightListener): { close: () => void } {
  const socket: Socket = io({ path: '/socket.io', transports: ['websocket'], withCredentials: true });
  listener.onConnection('connecting');
  socket.on('connect', () => {
    socket
      .timeout(10_000)
      .emitWithAck('office:join-election', { electionId })
      .then((ack: JoinAck) => {
        if (ack.ok) listener.onConnection('live');
        else listener.onConnection('refused', ack.message);
      })
      .catch(() => listener.onConnection('offline'));
  });
  socket.on('disconnect', () => listener.onConnection('offline'));
  socket.on('connect_error', () => listener.onConnection('offline'));
  socket.on('election-night:district', (event: DistrictStatusEvent) => {
    if (event.electionId === electionId) listener.onDistrict(event);
  });
  socket.on('election-night:progress', (event: ProgressEvent) => {
    if (event.electionId === electionId) listener.onProgress(event);
  });
  return { close: () => void socket.close() };
}
