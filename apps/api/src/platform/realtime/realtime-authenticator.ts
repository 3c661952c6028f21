import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../auth/roles';

/** What a socket presents at connection: the handshake's headers (cookie, Authorization) and `auth` payload. */
export type SocketHandshake = {
  readonly headers: IncomingHttpHeaders;
  readonly auth: Readonly<Record<string, unknown>>;
};

/**
 * Resolves the caller of a socket connection from its session, like the HTTP access guard does.
 * Provided by the identity module; the realtime platform only depends on this shape.
 */
export type RealtimeAuthenticator = {
  readonly authenticate: (handshake: SocketHandshake) => Promise<Actor | null>;
};

export const REALTIME_AUTHENTICATOR = Symbol('REALTIME_AUTHENTICATOR');
