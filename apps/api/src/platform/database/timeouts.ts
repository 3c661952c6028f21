/**
 * Bounds on waiting for the database (issue #17, 6: a frozen database made requests hang 17 s): a
 * connection (new, or a free one of the pool) within 10 s; a statement ends after 2 minutes on the
 * server (the longest, a roll build of a big city, takes well under one; a register import lifts it
 * for its COPY, which waits for the upload); TCP keepalive notices a peer that is gone.
 * `Database.query` also gives up on the client side shortly after (QUERY_TIMEOUT_MS), for a server
 * that does not answer at all.
 */
export const STATEMENT_TIMEOUT_MS = 120_000;
export const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 5_000;
export const POOL_TIMEOUTS = {
  connectionTimeoutMillis: 10_000,
  statement_timeout: STATEMENT_TIMEOUT_MS,
  keepAlive: true,
} as const;
