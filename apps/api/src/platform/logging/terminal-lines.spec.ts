import { createServer, type Server } from 'node:http';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, PinoNestLogger, requestLogger } from './logger';
import { terminalDestination, terminalLine } from './terminal-lines';

/** A server that logs each request to `destination` and answers 404 under /missing, else 200. */
function loggedServer(destination: DestinationStream): { readonly baseUrl: () => string } {
  let server: Server;
  let baseUrl = '';
  beforeAll(async () => {
    const log = requestLogger(createLogger('info', destination));
    server = createServer((request, response) => {
      log(request, response);
      response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
      response.end('ok');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  return { baseUrl: () => baseUrl };
}

describe('terminal log lines', () => {
  const lines: string[] = [];
  const server = loggedServer(terminalDestination({ write: (text: string) => lines.push(text) }));

  it('should write one short line per request: time, level, method, path without the query, status, duration', async () => {
    await fetch(`${server.baseUrl()}/api/health`);
    await fetch(`${server.baseUrl()}/missing?token=geheim`);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/api\/health 200 \d+ ms\n$/);
    expect(lines[1]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: GET \/missing 404 \d+ ms\n$/);
  });

  it('should show the message, its context and fields, and an error with its stack', () => {
    const time = new Date(2026, 11, 6, 20, 15, 3).getTime();
    const line = terminalLine();
    const entry = (fields: Record<string, unknown>): string => JSON.stringify({ time, ...fields });
    expect(line(entry({ level: 40, msg: 'migrations applied', applied: ['A1', 'B2'] }))).toBe(
      '[20:15:03] WARN: migrations applied {"applied":["A1","B2"]}\n',
    );
    expect(line(entry({ level: 30, msg: 'Nest application successfully started', context: 'NestApplication' }))).toBe(
      '[20:15:03] INFO: [NestApplication] Nest application successfully started\n',
    );
    expect(line(entry({ level: 50, msg: 'failed', err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x' } }))).toMatch(
      /^\[20:15:03\] ERROR: failed.*Error: boom\n\s+at x/s,
    );
  });

  it("should leave Nest's start-up report (modules, routes) to the debug level", () => {
    const written: string[] = [];
    const nest = new PinoNestLogger(createLogger('info', terminalDestination({ write: (text: string) => written.push(text) })));
    nest.log('Mapped {/api/health, GET} route', 'RouterExplorer');
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('Nest application successfully started', 'NestApplication');
    expect(written).toEqual([expect.stringMatching(/INFO: \[NestApplication\] Nest application successfully started\n$/)]);
  });
});

// The JSON access line as a log shipper receives it: request id, method and path (no query, no token
// of a postal card's link), status and duration; never a header, cookie or address.
describe('JSON access log line', () => {
  const lines: Record<string, unknown>[] = [];
  const server = loggedServer({ write: (text: string) => lines.push(JSON.parse(text)) });

  it('should hold the id, method, path and status only', async () => {
    const answer = await fetch(`${server.baseUrl()}/missing?token=geheim`, {
      headers: { authorization: 'Bearer geheim', cookie: 'wahl_session=geheim', 'x-request-id': 'anfrage-1' },
    });
    expect(answer.headers.get('x-request-id')).toBe('anfrage-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, req: { id: 'anfrage-1', method: 'GET', path: '/missing' }, res: { statusCode: 404 } });
    expect(Object.keys(lines[0]!['req'] as object).sort()).toEqual(['id', 'method', 'path']);
    expect(Object.keys(lines[0]!['res'] as object)).toEqual(['statusCode']);
    expect(lines[0]!['responseTime']).toEqual(expect.any(Number));
    expect(JSON.stringify(lines[0])).not.toContain('geheim');
  });

  it("should name a postal card's link without its token", async () => {
    await fetch(`${server.baseUrl()}/b/Xk3-token-of-a-card`, { method: 'POST' });
    expect(lines.at(-1)).toMatchObject({ req: { method: 'POST', path: '/b/[token]' }, res: { statusCode: 200 } });
  });
});
