import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SerializedBody } from '../publisher/election-publication';

/**
 * Public results change at most once a second and live clients get deltas anyway; pollers and a
 * CDN may keep a copy for 5 s, and serve it up to 30 s longer while they revalidate (a 304 costs the
 * origin almost nothing). So a CDN edge asks the origin at most once per 5 s per address, however
 * many people look.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';

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
  const gzip = body.gzip !== null && acceptsGzip(request);
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
