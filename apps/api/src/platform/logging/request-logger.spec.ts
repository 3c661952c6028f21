import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, requestLogger } from './logger';

// The JSON access line as a log shipper receives it: request id, method and path (no query, no token
// of a postal card's link), status and duration; never a header, cookie or address.

describe('JSON access log line', () => {
  const lines: Record<string, unknown>[] = [];
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const log = requestLogger(createLogger('info', { write: (text: string) => lines.push(JSON.parse(text)) }));
    server = createServer((request, response) => {
      log(request, response);
      response.statusCode = request.url?.startsWith('/api/fehlt') ? 404 : 200;
      response.end('ok');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('should hold the id, method, path and status only', async () => {
    const answer = await fetch(`${baseUrl}/api/fehlt?token=geheim`, {
      headers: { authorization: 'Bearer geheim', cookie: 'wahl_session=geheim', 'x-request-id': 'anfrage-1' },
    });
    expect(answer.headers.get('x-request-id')).toBe('anfrage-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, req: { id: 'anfrage-1', method: 'GET', path: '/api/fehlt' }, res: { statusCode: 404 } });
    expect(Object.keys(lines[0]!['req'] as object).sort()).toEqual(['id', 'method', 'path']);
    expect(Object.keys(lines[0]!['res'] as object)).toEqual(['statusCode']);
    expect(lines[0]!['responseTime']).toEqual(expect.any(Number));
    expect(JSON.stringify(lines[0])).not.toContain('geheim');
  });

  it("should name a postal card's link without its token", async () => {
    await fetch(`${baseUrl}/b/Xk3-token-of-a-card`, { method: 'POST' });
    expect(lines.at(-1)).toMatchObject({ req: { method: 'POST', path: '/b/[token]' }, res: { statusCode: 200 } });
  });
});
