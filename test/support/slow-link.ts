import { createConnection, createServer, type Server, type Socket } from 'node:net';

// A TCP relay in front of a server (e.g. Redis) whose answers can be held back: with `delayMs` set,
// every chunk from the server reaches the client that much later, in order, as a message in flight
// on a slow or congested link would; between `pause()` and `resume()` they wait for `resume()`. What
// the client sends passes at once.

export type SlowLink = {
  /** The address to connect to instead of the server's, e.g. `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Holds back what the server sends by this many milliseconds from now on (0: none). */
  delayMs: number;
  /** Holds back every chunk from the server from now on until `resume()`. */
  pause(): void;
  /** Passes on what `pause()` held back, in order, and lets the rest through as `delayMs` says. */
  resume(): void;
  /** Resolves once every held-back chunk has been passed on. */
  drained(): Promise<void>;
  close(): Promise<void>;
};

export async function startSlowLink(target: string): Promise<SlowLink> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  let held = 0;
  let waiters: (() => void)[] = [];
  let paused: (() => void)[] | null = null;
  const release = () => {
    if (held > 0) return;
    for (const waiter of waiters) waiter();
    waiters = [];
  };
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port) });
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (link.delayMs === 0 && !paused) return void client.write(chunk);
      held += 1;
      const pass = () => {
        if (!client.destroyed) client.write(chunk);
        held -= 1;
        release();
      };
      // Equal delays fire in the order they were set: the stream keeps its order.
      if (paused) paused.push(pass);
      else setTimeout(pass, link.delayMs);
    });
    for (const socket of [client, upstream])
      socket.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const link: SlowLink = {
    url: `redis://127.0.0.1:${(server.address() as { port: number }).port}`,
    delayMs: 0,
    pause: () => {
      paused ??= [];
    },
    resume: () => {
      const passes = paused ?? [];
      paused = null;
      for (const pass of passes) pass();
    },
    drained: () => new Promise((done) => (held === 0 ? done() : waiters.push(done))),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((closed) => server.close(() => closed()));
    },
  };
  return link;
}
