import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializeBody, type SerializedBody } from '../publisher/election-publication';

// Every caching header of the API in one place (docs/NGINX.md): what a CDN or reverse proxy may keep,
// for how long, and how a client revalidates (ETag, Last-Modified → 304).

/**
 * Public results change at most once a second and live clients get deltas anyway; browsers and a CDN
 * may keep a copy for 5 s and serve it up to 30 s longer while they revalidate (a 304 costs the
 * origin almost nothing), and for a day while the origin fails (RFC 5861: degraded, never dark).
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, s-maxage=5, stale-while-revalidate=30, stale-if-error=86400';

/** The "current" pointer: tiny, asked often; a CDN edge asks the origin at most every 2 s per address. */
export const CURRENT_CACHE_CONTROL = 'public, max-age=2, s-maxage=2, stale-while-revalidate=30, stale-if-error=86400';

/** Data fixed before the election (street directory, district map, the office's pages): 5 minutes, revalidated by ETag. */
export const FIXED_CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=3600, stale-if-error=86400';

/** A published version under its own address never changes: kept for good by every cache. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Office, board and account answers: never kept by a browser, proxy or CDN. */
export const NO_STORE = 'no-store';

const GZIP_SUFFIX = '-gzip"';

// If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/` and our coding suffix do not matter.
const matches = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '').replace(GZIP_SUFFIX, '"') === etag);
};

// If-Modified-Since counts only without If-None-Match (RFC 9110 13.2.2); HTTP dates have whole seconds.
const notModifiedSince = (request: IncomingMessage, lastModified: string): boolean => {
  const since = request.headers['if-none-match'] === undefined ? request.headers['if-modified-since'] : undefined;
  return since !== undefined && Date.parse(lastModified) <= Date.parse(since);
};

const acceptsGzip = (request: IncomingMessage): boolean => /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');

/**
 * Sends bytes serialised once per version (plain Node response: also used before Express): 304 on a matching If-None-Match
 * (or, without one, an If-Modified-Since not older than the data), `Last-Modified` the data's time, gzip when the client
 * takes it (its own strong ETag, as RFC 9110 wants per content coding).
 */
export function sendCached(
  request: IncomingMessage,
  response: ServerResponse,
  body: SerializedBody,
  contentType = 'application/json; charset=utf-8',
  cacheControl = PUBLIC_CACHE_CONTROL,
): void {
  // Compressed only for a client that takes it, and only when a 200 is sent: a 304 needs the ETag alone.
  const gzip = acceptsGzip(request) && body.compressible;
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('ETag', gzip ? body.etag.replace(/"$/, GZIP_SUFFIX) : body.etag);
  response.setHeader('Last-Modified', body.lastModified);
  response.setHeader('Vary', 'Accept-Encoding');
  if (matches(request.headers['if-none-match'], body.etag) || notModifiedSince(request, body.lastModified)) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.setHeader('Content-Type', contentType);
  if (gzip) {
    response.setHeader('Content-Encoding', 'gzip');
    response.end(body.gzip);
  } else {
    response.end(body.text);
  }
}

/** Every API answer is `no-store` unless its route says otherwise: nothing of the office lands in a shared cache. */
export function noStoreByDefault(request: Request, response: Response, next: NextFunction): void {
  if (/^\/api(?:\/|$)/.test(request.path)) response.setHeader('Cache-Control', NO_STORE);
  next();
}

// Answers without a version of their own (turnout, about, council seats …) are versioned by their
// bytes; their "Stand" is when this process first sent those bytes. Bounded: the oldest are forgotten.
const FIRST_SENT_LIMIT = 5_000;
const firstSent = new Map<string, { readonly text: string; readonly body: SerializedBody }>();

const bodyOf = (key: string, text: string): SerializedBody => {
  const known = firstSent.get(key);
  if (known?.text === text) return known.body;
  if (firstSent.size >= FIRST_SENT_LIMIT) firstSent.delete(firstSent.keys().next().value!);
  const body = serializeBody(text, 0, new Date(Math.floor(Date.now() / 1000) * 1000));
  firstSent.set(key, { text, body });
  return body;
};

/**
 * A public JSON value that has no version of its own, sent like the published data: strong ETag, Last-Modified,
 * `cacheControl`, 304 when the client holds these bytes.
 */
export function sendJson(request: Request, response: Response, value: unknown, cacheControl = PUBLIC_CACHE_CONTROL): void {
  sendCached(request, response, bodyOf(request.originalUrl, JSON.stringify(value)), undefined, cacheControl);
}
