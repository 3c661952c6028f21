import { createServer, request, Agent, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { applyHttpTimeouts, HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS } from './http-timeouts';

const NODE_DEFAULT_KEEP_ALIVE_MS = 5_000;

describe('applyHttpTimeouts', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  it('should keep idle connections longer than nginx keeps its upstream ones (60 s) and the header limit above that', () => {
    server = createServer();
    applyHttpTimeouts(server);
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBe(66_000);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.requestTimeout).toBeGreaterThan(HEADERS_TIMEOUT_MS);
  });

  it('should reuse a keep-alive connection that sat idle longer than Node’s 5 s default', async () => {
    const sockets = new Set<Socket>();
    server = createServer((_req, res) => res.end('ok'));
    server.on('connection', (socket) => sockets.add(socket));
    applyHttpTimeouts(server);
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = (): Promise<string> =>
      new Promise((resolve, reject) => {
        request({ port, host: '127.0.0.1', agent }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
        })
          .on('error', reject)
          .end();
      });

    expect(await get()).toBe('ok');
    await new Promise((wait) => setTimeout(wait, NODE_DEFAULT_KEEP_ALIVE_MS + 500));
    expect(await get()).toBe('ok');

    expect(sockets.size).toBe(1);
    agent.destroy();
    for (const socket of sockets) socket.destroy();
  }, 15_000);
});
