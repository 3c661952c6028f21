import { OFFICE_NAMESPACE, type OfficeClientToServerEvents, type OfficeServerToClientEvents } from '@wahl/contracts';
import { io, type Socket } from 'socket.io-client';
import type { DistrictStatusEvent, ProgressEvent } from './election-night.types';
import type { PollingCardJob } from './polling-cards.types';
import type { PollingDayEntryEvent, PollingDayMessageReadEvent } from './polling-day.types';
import type { RegisterImportStatus } from './roll.types';

// The socket of the office screens. It signs in with the same HTTP-only session cookie as fetch
// (same origin), joins the office room of one election and rejoins after every reconnect; the caller
// refetches its REST snapshot on `live`, so nothing missed while offline is lost.

export type LiveConnection = 'connecting' | 'live' | 'offline' | 'refused';

/** Events of an election's office room and their payloads (counts and states only, never voter data). */
export type OfficeEvents = {
  readonly 'election-night:district': DistrictStatusEvent;
  readonly 'election-night:progress': ProgressEvent;
  readonly 'roll:import': RegisterImportStatus;
  readonly 'roll:changed': { readonly electionId: string; readonly reason: string; readonly voters: number | null };
  readonly 'cards:job': PollingCardJob;
  readonly 'polling-day:entry': PollingDayEntryEvent;
  readonly 'polling-day:message-read': PollingDayMessageReadEvent;
};

export type OfficeListeners = { readonly [K in keyof OfficeEvents]?: (event: OfficeEvents[K]) => void };

export function followElection(
  electionId: string,
  listeners: OfficeListeners,
  onConnection: (state: LiveConnection) => void,
): { close: () => void } {
  const socket: Socket<OfficeServerToClientEvents, OfficeClientToServerEvents> = io(OFFICE_NAMESPACE, {
    path: '/socket.io',
    transports: ['websocket'],
    withCredentials: true,
  });
  onConnection('connecting');
  socket.on('connect', () => {
    socket
      .timeout(10_000)
      .emitWithAck('office:join-election', { electionId })
      .then((ack) => onConnection(ack.ok ? 'live' : 'refused'))
      .catch(() => onConnection('offline'));
  });
  socket.on('disconnect', () => onConnection('offline'));
  socket.on('connect_error', () => onConnection('offline'));
  // The office namespace's payloads all carry the election; the contract types them (OfficeServerToClientEvents).
  const untyped = socket as unknown as Socket<Record<keyof OfficeEvents, (event: { electionId: string }) => void>>;
  for (const [name, listener] of Object.entries(listeners) as [keyof OfficeEvents, (event: { electionId: string }) => void][]) {
    untyped.on(name, (event) => {
      if (event?.electionId === electionId) listener(event);
    });
  }
  return { close: () => void socket.close() };
}
