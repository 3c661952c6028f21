import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REGISTER_COLUMNS, splitCsvLine, type ElectionDefinition } from '@wahl/domain';
import { formatRegisterLine, generateResidents } from '@wahl/register-generator';

// A stand-in for a municipal register service speaking the pull interface of docs/REGISTER-PULL.md:
// GET /residents?cursor=…&limit=… → { residents: [...], nextCursor }. Serves generated residents and
// misbehaves on request: slow answers, HTTP 500, a body cut off mid-way.

export type Fault = 'slow' | 'error' | 'cut-off';

export type FakeRegisterService = {
  readonly url: string;
  /** Faults to apply to the next requests of a page (1-based page number), in order. */
  readonly faults: Map<number, Fault[]>;
  /** Every request as `page <n>` and what was done, in order. */
  readonly log: string[];
  /** Milliseconds a slow answer waits before it starts. */
  slowMs: number;
  close(): Promise<void>;
};

/** Generated residents as the pull interface sends them: the CSV's columns as keys, values as strings. */
export function residentsAsJson(definition: ElectionDefinition, count: number, seed: string): Record<string, string>[] {
  const residents: Record<string, string>[] = [];
  for (const resident of generateResidents(definition, { residents: count, seed })) {
    const fields = splitCsvLine(formatRegisterLine(resident), REGISTER_COLUMNS.length);
    if (!fields.ok) throw new Error('generated line does not split');
    residents.push(Object.fromEntries(REGISTER_COLUMNS.map((column, i) => [column, fields.value[i] ?? ''])));
  }
  return residents;
}

const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');
const decodeCursor = (cursor: string): number =>
  Number(
    Buffer.from(cursor, 'base64url')
      .toString()
      .replace(/^offset:/, ''),
  );

export async function startFakeRegisterService(residents: readonly Record<string, string>[]): Promise<FakeRegisterService> {
  const sockets = new Set<import('node:net').Socket>();
  const service: FakeRegisterService = {
    url: '',
    faults: new Map(),
    log: [],
    slowMs: 1000,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const send = (response: ServerResponse, status: number, body: string): void => {
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    if (url.pathname !== '/register/residents') return send(response, 404, '{"error":"not found"}');
    const limit = Number(url.searchParams.get('limit') ?? '100');
    const cursor = url.searchParams.get('cursor');
    const offset = cursor === null ? 0 : decodeCursor(cursor);
    if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(offset) || offset < 0)
      return send(response, 400, '{"error":"bad request"}');
    const page = Math.floor(offset / limit) + 1;
    const fault = service.faults.get(page)?.shift();
    service.log.push(`page ${page}${fault ? ` ${fault}` : ''}`);
    const slice = residents.slice(offset, offset + limit);
    const next = offset + limit < residents.length ? encodeCursor(offset + limit) : null;
    const body = JSON.stringify({ residents: slice, nextCursor: next });
    if (fault === 'error') return send(response, 500, '{"error":"internal"}');
    if (fault === 'cut-off') {
      // Promise the whole body, send half, then drop the connection.
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => response.socket?.destroy(), 20);
      return;
    }
    if (fault === 'slow') {
      const timer = setTimeout(() => send(response, 200, body), service.slowMs);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    send(response, 200, body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  (service as { url: string }).url = `http://127.0.0.1:${port}/register`;
  return service;
}
