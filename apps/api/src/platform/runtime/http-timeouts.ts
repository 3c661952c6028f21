import type { Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open. Longer than the idle time of the proxy's pooled
 * upstream connections (nginx `keepalive_timeout 60s` in tools/nginx/wahlsystem.conf), so the origin
 * never closes a connection the proxy is about to reuse (a reset request and a 502). Node's 5 s default
 * also resets the connections of a client whose request arrived while the process was busy for longer
 * (the socket's idle timer fires before its data is read).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The whole request head must arrive within this; kept above the keep-alive time, as Node requires. */
export const HEADERS_TIMEOUT_MS = KEEP_ALIVE_TIMEOUT_MS + 1_000;

/** Sets the keep-alive and header timeouts of the API's HTTP server (see docs/NGINX.md). */
export function applyHttpTimeouts(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
}
