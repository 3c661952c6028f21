import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PUBLIC_NAMESPACE } from '@wahl/contracts';
import type { Page, WebSocketRoute } from 'playwright-core';

// Helpers for the browser tests of the public results page: an axe-core audit, the compressed size
// of what a view loaded, and a stand-in for the socket.io server that speaks just enough of the
// Engine.IO 4 / Socket.IO 5 wire format to drive the page's live client deterministically.

// Resolved from the repository root, where the tests run.
const requireFromRoot = createRequire(resolve('package.json'));

export type AxeViolation = {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
};

let axeSource: string | undefined;
const AXE_SOURCE = (): string => (axeSource ??= readFileSync(requireFromRoot.resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; an empty list means no violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the pages' CSP (script-src 'self') refuses an inline script tag.
  await page.evaluate(AXE_SOURCE());
  return page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })))`);
}

/** Records the built JS and CSS files a page requests (paths under /assets/). */
export function recordAssets(page: Page): string[] {
  const assets: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/assets\/.+\.(?:js|css)$/.test(path) && !assets.includes(path)) assets.push(path);
  });
  return assets;
}

/** gzip -9 size of the given built assets, in bytes. */
export function gzippedSize(assets: readonly string[], dist = resolve('dist/apps/results-web')): number {
  return assets.reduce((sum, asset) => sum + gzipSync(readFileSync(resolve(dist, `.${asset}`)), { level: 9 }).length, 0);
}

export type LiveMessage = { readonly event: string; readonly payload: any };
/** Answers an event the page emitted with an acknowledgement callback. */
export type LiveAck = (answer: unknown) => void;

/** A fake socket.io server for one page: what the page emitted, and a way to push events or drop the line. */
export type FakeLiveServer = {
  readonly received: LiveMessage[];
  readonly connections: () => number;
  readonly send: (event: string, payload: unknown) => void;
  /** Closes the current connection as a server going away would. */
  readonly drop: () => void;
  /** While refusing, new connections are closed at once. */
  refuse: boolean;
  /** Called for every event the page emits; `ack` when the page waits for an answer. */
  onEvent: (message: LiveMessage, server: FakeLiveServer, ack: LiveAck | null) => void;
};

// Every Socket.IO packet of the public namespace carries its name after the type: `42/public,[…]`.
const NSP = `${PUBLIC_NAMESPACE},`;

const OPEN = JSON.stringify({ sid: 'fake', upgrades: [], pingInterval: 600_000, pingTimeout: 600_000, maxPayload: 10_000_000 });

export async function fakeLiveServer(page: Page): Promise<FakeLiveServer> {
  let current: WebSocketRoute | null = null;
  let count = 0;
  const server: FakeLiveServer = {
    received: [],
    connections: () => count,
    refuse: false,
    onEvent: () => undefined,
    send(event, payload) {
      current?.send(`42${NSP}${JSON.stringify([event, payload])}`);
    },
    drop() {
      void current?.close({ code: 1001 });
      current = null;
    },
  };
  // Long-polling is the fallback transport; the tests keep to the WebSocket.
  await page.route('**/socket.io/**', (route) => route.abort());
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (server.refuse) {
      void ws.close({ code: 1011 });
      return;
    }
    count += 1;
    current = ws;
    // Engine.IO open packet, then Socket.IO in the public namespace: "40/public," connect,
    // "42/public,[…]" events ("42/public,<id>[…]" with an acknowledgement, answered by
    // "43/public,<id>[…]"), "2"/"3" ping/pong.
    ws.send(`0${OPEN}`);
    ws.onMessage((data) => {
      const text = typeof data === 'string' ? data : data.toString();
      if (text === '2') ws.send('3');
      else if (text.startsWith(`40${NSP}`)) ws.send(`40${NSP}{"sid":"fake-socket"}`);
      else {
        const event = /^42\/public,(\d*)(\[[\s\S]*)$/.exec(text);
        if (!event) return;
        const [name, payload] = JSON.parse(event[2]!) as [string, unknown];
        const message = { event: name, payload };
        const id = event[1];
        server.received.push(message);
        server.onEvent(message, server, id ? (answer) => ws.send(`43${NSP}${id}${JSON.stringify([answer])}`) : null);
      }
    });
  });
  return server;
}
