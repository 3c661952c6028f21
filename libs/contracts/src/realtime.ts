import type { PublicElectionDelta, PublicElectionSnapshot } from '@wahl/domain';
import type { ProgressEvent } from './aggregation/totals';
import type { PollingCardsOfficeEvents } from './polling-cards/polling-cards.events';
import type { PollingDayOfficeEvents } from './polling-day/polling-day-responses';
import type { DistrictStatusEvent } from './quick-reports/report-responses';
import type { RollOfficeEvents } from './roll/roll.events';

// The two socket.io namespaces (one server, path `/socket.io`) and their event maps. Both the
// gateways (`Namespace<ClientToServer, ServerToClient>`) and the clients (`Socket<ServerToClient,
// ClientToServer>`) are typed by them. Type-only imports: this file adds no zod to a bundle.

export const PUBLIC_NAMESPACE = '/public';
export const OFFICE_NAMESPACE = '/office';

// ---- public namespace: anonymous, published aggregated results only (R8.5) ----

/**
 * `join`: an election's room, optionally narrowed to one area's view: the path from the root, the
 * area and everything below it (the root's view: its children only).
 */
export type PublicJoin = { readonly electionId: string; readonly areaId?: string };
/** Ack of `join` and `request-snapshot`: the version of the snapshot that follows, or why not. */
export type PublicJoinAck = { readonly ok: true; readonly version: number } | { readonly ok: false; readonly message: string };

export type PublicClientToServerEvents = {
  /** → the room of the election and a `snapshot`; then `delta`s. */
  join: (body: PublicJoin, ack: (answer: PublicJoinAck) => void) => void;
  /** After a gap in the versions or a reconnect: a fresh `snapshot` of the joined view. */
  'request-snapshot': (body: PublicJoin, ack?: (answer: PublicJoinAck) => void) => void;
  leave: (ack?: (answer: { readonly ok: true }) => void) => void;
};

export type PublicServerToClientEvents = {
  /** On join and on request. */
  snapshot: (snapshot: PublicElectionSnapshot) => void;
  /** At most one per second per room. */
  delta: (delta: PublicElectionDelta) => void;
};

/** Between the publishers of the API processes (server-side, through the Redis adapter). */
export type PublisherMessage =
  { readonly type: 'delta'; readonly delta: PublicElectionDelta } | { readonly type: 'reload'; readonly electionId: string };

export type PublicInterServerEvents = { 'public:publisher': (message: PublisherMessage) => void };

// ---- office namespace: signed-in office staff, one room per election of their own office ----

export type OfficeElectionBody = { readonly electionId: string };
export type OfficeJoinAck = { readonly ok: true; readonly room: string } | { readonly ok: false; readonly message: string };

export type OfficeClientToServerEvents = {
  'office:join-election': (body: OfficeElectionBody, ack: (answer: OfficeJoinAck) => void) => void;
  'office:leave-election': (body: OfficeElectionBody, ack?: (answer: { readonly ok: true }) => void) => void;
};

/** Events of the election-night modules (quick reports, aggregation). */
export type ElectionNightOfficeEvents = {
  /** A district's report changed state: state and versions only, never numbers. */
  'election-night:district': (event: DistrictStatusEvent) => void;
  /** Counted districts of the whole election. */
  'election-night:progress': (event: ProgressEvent) => void;
};

export type OfficeServerToClientEvents = ElectionNightOfficeEvents & RollOfficeEvents & PollingCardsOfficeEvents & PollingDayOfficeEvents;
export type OfficeEventName = keyof OfficeServerToClientEvents;
