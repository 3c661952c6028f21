import type { IncomingHttpHeaders } from 'node:http';
import type { Actor } from '../auth/roles';

/** What a socket presents at connection: the handshake's headers (cookie, Authorization) and `auth` payload. */
export type SocketHandshake = {
  readonly headers: IncomingHttpHeaders;
  readonly auth: Readonly<Record<string, unknown>>;
};

/** A socket's caller and its session's key (the key `SessionEnded` names when the session ends). */
export type RealtimeSession = { readonly actor: Actor; readonly session: string };

/**
 * Resolves the caller of a socket connection from its session, like the HTTP access guard does;
 * null when the session does not exist or has ended. Provided by the identity module; the realtime
 * platform only depends on this shape.
 */
export type RealtimeAuthenticator = {
  readonly authenticate: (handshake: SocketHandshake) => Promise<RealtimeSession | null>;
};

export const REALTIME_AUTHENTICATOR = Symbol('REALTIME_AUTHENTICATOR');
