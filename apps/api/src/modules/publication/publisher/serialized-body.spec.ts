import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveTotals } from '../../aggregation/live-totals';
import { sendCached } from '../http/cached-response';
import { ElectionPublication, serializeBody, type SerializedBody } from './election-publication';
import { buildPublicResults } from './public-results.builder';
import { context, reportOf, source } from './publisher-town.fixture';
import { decideRelease, emptyLedger } from './release-decisions';

// A serialised body is compressed when an HTTP client that takes gzip first asks for it, once: a
// snapshot that only goes out over the socket (a page joining at 18:00) is never compressed.

const zlib = vi.hoisted(() => ({ compressed: 0 }));
vi.mock('node:zlib', async (original) => {
  const actual = await original<typeof import('node:zlib')>();
  return {
    ...actual,
    gzipSync: (...args: Parameters<typeof actual.gzipSync>) => {
      zlib.compressed += 1;
      return actual.gzipSync(...args);
    },
  };
});

const UPDATED_AT = '2025-02-23T18:30:00.000Z';
const large = JSON.stringify({ areas: Array.from({ length: 100 }, (_, index) => ({ id: `d${index}`, name: `Bezirk ${index}` })) });

type Sent = { status: number; headers: Record<string, string>; bytes: Buffer };

function send(accept: string | undefined, body: SerializedBody, ifNoneMatch?: string): Sent {
  const sent: Sent = { status: 200, headers: {}, bytes: Buffer.alloc(0) };
  const headers = {
    ...(accept === undefined ? {} : { 'accept-encoding': accept }),
    ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
  };
  const response = {
    set statusCode(status: number) {
      sent.status = status;
    },
    setHeader: (name: string, value: string) => {
      sent.headers[name.toLowerCase()] = value;
    },
    end: (chunk?: string | Buffer) => {
      sent.bytes = chunk === undefined ? Buffer.alloc(0) : Buffer.from(chunk);
    },
  } as unknown as ServerResponse;
  sendCached({ headers } as IncomingMessage, response, body);
  return sent;
}

describe('serializeBody: gzip only when a client takes it', () => {
  beforeEach(() => {
    zlib.compressed = 0;
  });

  it('should compress a large body at the first read of its gzip form only, and keep it', () => {
    const body = serializeBody(large, 7, UPDATED_AT);
    expect(zlib.compressed).toBe(0);
    const gzip = body.gzip;
    expect(gzip).not.toBeNull();
    expect(gunzipSync(gzip!).toString()).toBe(large);
    expect(body.gzip).toBe(gzip);
    expect(zlib.compressed).toBe(1);
  });

  it('should never compress a body under 1 KB', () => {
    const body = serializeBody('{"version":7}', 7, UPDATED_AT);
    expect(body.gzip).toBeNull();
    expect(zlib.compressed).toBe(0);
  });

  it('should answer a client without gzip with the text and compress nothing, one with gzip with the gzip form', () => {
    const body = serializeBody(large, 7, UPDATED_AT);
    const plain = send(undefined, body);
    expect(plain.bytes.toString()).toBe(large);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['etag']).toBe(body.etag);
    expect(zlib.compressed).toBe(0);
    const packed = send('gzip, deflate, br', body);
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers['etag']).not.toBe(body.etag);
    expect(gunzipSync(packed.bytes).toString()).toBe(large);
    send('gzip', body);
    expect(zlib.compressed).toBe(1);
  });

  it('should answer a gzip client revalidating a body with 304 and the gzip ETag, compressing nothing', () => {
    const etag = send('gzip', serializeBody(large, 7, UPDATED_AT)).headers['etag']!;
    zlib.compressed = 0;
    const revalidated = send('gzip', serializeBody(large, 7, UPDATED_AT), etag);
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers['etag']).toBe(etag);
    expect(zlib.compressed).toBe(0);
  });

  it('should not compress the snapshot a page joins with over the socket', () => {
    const live = LiveTotals.build(context.tree, []);
    live.apply({ districtId: 'p5', revision: 1, next: reportOf('p5', { eligible: 300, x: 120, y: 80 }) });
    const { released } = decideRelease(source, live.state, { releases: [], record: [] }, emptyLedger());
    const publication = new ElectionPublication(
      source.election,
      source.contests,
      source.areas,
      1,
      UPDATED_AT,
      buildPublicResults(source, live.state, released),
    );
    const packet = publication.snapshotPacket('/public');
    expect(packet.length).toBeGreaterThan(1024);
    expect(packet).toContain(publication.body().text);
    expect(zlib.compressed).toBe(0);
  });
});
