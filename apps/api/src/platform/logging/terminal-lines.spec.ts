import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, PinoNestLogger, requestLogger } from './logger';
import { terminalDestination, terminalLine } from './terminal-lines';

describe('terminal log lines', () => {
  const lines: string[] = [];
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    const log = requestLogger(createLogger('info', terminalDestination({ write: (text: string) => lines.push(text) })));
    server = createServer((request, response) => {
      log(request, response);
      response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
      response.end('ok');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('should write one short line per request: time, level, method, path without the query, status, duration', async () => {
    await fetch(`${baseUrl}/api/health`);
    await fetch(`${baseUrl}/missing?token=geheim`);
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
