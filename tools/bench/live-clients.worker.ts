// A child process of `npm run bench:live` and `npm run bench:land` holding many public clients of
// the live channel. Each joins the election with the area of its group (none: the overview) and
// stamps the arrival of every delta with a clock all processes share (performance.timeOrigin +
// performance.now()); the parent asks for the stamps by group label and version, and for the areas
// each version changed. IPC with the parent only; connects to 127.0.0.1 only.
//
// Two kinds of client (BENCH_LIVE_CLIENT):
// - `protocol` (default): the socket.io protocol (Engine.IO v4 over WebSocket) spoken directly with
//   `ws`. A delta is stamped when its frame has arrived; the version is read from the frame's head,
//   and one client per process decodes the whole delta. A browser decodes its one copy in well under
//   a millisecond; 10,000 socket.io-client instances decoding 10,000 copies on the bench's own two
//   cores would measure the load generator, not the server.
// - `socket.io-client`: the real client library; the stamp is taken in its `delta` handler, after
//   decoding, so every other client's decoding in the same process adds to the figure.
import { performance } from 'node:perf_hooks';
import { PUBLIC_NAMESPACE, type PublicClientToServerEvents, type PublicServerToClientEvents } from '@wahl/contracts';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

/** `count` clients that join with `areaId`; their stamps are kept under `label`. */
export type ClientGroup = { readonly label: string; readonly count: number; readonly areaId?: string };
type Start = {
  readonly type: 'start';
  readonly url: string;
  readonly electionId: string;
  readonly groups: readonly ClientGroup[];
};
type Message = Start | { readonly type: 'collect' } | { readonly type: 'stop' };

const KIND = process.env['BENCH_LIVE_CLIENT'] === 'socket.io-client' ? 'socket.io-client' : 'protocol';
const now = (): number => performance.timeOrigin + performance.now();
const arrivals = new Map<string, Map<number, number[]>>();
/** Per version, arrivals at a client that held it already (stamped once per client, counted here). */
const duplicates = new Map<number, number>();
const sizes = new Map<number, number>();
const changedAreas = new Map<number, string[]>();
const closers: (() => void)[] = [];
let connected = 0;
let errors = 0;

const send = (message: object): void => {
  process.send?.(message);
};

type Delta = { readonly fromVersion: number; readonly version: number; readonly results: readonly { readonly areaId: string }[] };
type Decode = () => { delta: Delta; bytes: number };

/**
 * One client's view: a delta of a version it holds (or an older one) is a duplicate, as the page
 * ignores it. A delta from an older version than the one before it (a catch-up of several versions
 * at once) brings each version in between too; versions before its `fromVersion` stay missing (the
 * page would fetch a snapshot for them).
 */
const holder = (label: string): ((fromVersion: number, version: number, at: number, decode: Decode) => void) => {
  let held = 0;
  return (fromVersion, version, at, decode) => {
    if (version <= held) {
      duplicates.set(version, (duplicates.get(version) ?? 0) + 1);
      return;
    }
    for (let covered = Math.max(held, fromVersion) + 1; covered < version; covered++) arrive(label, covered, at);
    held = version;
    stamp(label, version, at, decode);
  };
};

/** The first client of the process to receive a version decodes it in full (valid JSON, size, areas). */
const stamp = (label: string, version: number, at: number, decode: Decode): void => {
  if (!sizes.has(version)) {
    const { delta, bytes } = decode();
    sizes.set(version, bytes);
    changedAreas.set(
      version,
      delta.results.map((result) => result.areaId),
    );
  }
  arrive(label, version, at);
};

const arrive = (label: string, version: number, at: number): void => {
  let byVersion = arrivals.get(label);
  if (!byVersion) arrivals.set(label, (byVersion = new Map()));
  let list = byVersion.get(version);
  if (!list) byVersion.set(version, (list = []));
  list.push(at);
};

function joinWithLibrary(url: string, electionId: string, { label, areaId }: ClientGroup): Promise<void> {
  const socket: Socket<PublicServerToClientEvents, PublicClientToServerEvents> = io(`${url}${PUBLIC_NAMESPACE}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
  });
  closers.push(() => socket.close());
  const arrived = holder(label);
  socket.on('delta', (delta: Delta) =>
    arrived(delta.fromVersion, delta.version, now(), () => ({ delta, bytes: Buffer.byteLength(JSON.stringify(delta)) })),
  );
  socket.on('disconnect', () => (connected -= 1));
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('snapshot', () => {
      connected += 1;
      resolve();
    });
    socket.once('connect', () => socket.emit('join', areaId ? { electionId, areaId } : { electionId }, () => undefined));
  });
}

const VERSION = /"version":(\d+)/;
const FROM_VERSION = /"fromVersion":(\d+)/;
// Packets of the public namespace carry its name: `42/public,["delta",…]`.
const NSP = `${PUBLIC_NAMESPACE},`;
const DELTA_PREFIX = `42${NSP}["delta",`;

function joinWithProtocol(url: string, electionId: string, { label, areaId }: ClientGroup): Promise<void> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
  closers.push(() => socket.close());
  const arrived = holder(label);
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.on('close', () => (connected -= 1));
    socket.on('message', (data: Buffer) => {
      const at = now();
      const head = data.toString('latin1', 0, Math.min(data.length, 160));
      if (head.startsWith(DELTA_PREFIX)) {
        const version = Number(VERSION.exec(head)?.[1]);
        const fromVersion = Number(FROM_VERSION.exec(head)?.[1] ?? version - 1);
        arrived(fromVersion, version, at, () => {
          const text = data.toString('utf8').slice(DELTA_PREFIX.length, -1);
          return { delta: JSON.parse(text) as Delta, bytes: Buffer.byteLength(text) };
        });
      } else if (head === '2') {
        socket.send('3'); // Engine.IO ping → pong
      } else if (head.startsWith('0{')) {
        socket.send(`40${NSP}`); // connect to the public namespace
      } else if (head.startsWith(`40${NSP}`)) {
        socket.send(`42${NSP}1${JSON.stringify(['join', areaId ? { electionId, areaId } : { electionId }])}`);
      } else if (head.startsWith(`42${NSP}["snapshot",`)) {
        connected += 1;
        resolve();
      }
    });
  });
}

async function start(message: Start): Promise<void> {
  const join = KIND === 'protocol' ? joinWithProtocol : joinWithLibrary;
  const batch = 100;
  const clients = message.groups.flatMap((group) => Array.from({ length: group.count }, () => group));
  for (let offset = 0; offset < clients.length; offset += batch) {
    const results = await Promise.allSettled(
      clients.slice(offset, offset + batch).map((group) => join(message.url, message.electionId, group)),
    );
    errors += results.filter((result) => result.status === 'rejected').length;
  }
  send({ type: 'ready', connected, errors, kind: KIND });
}

process.on('message', (message: Message) => {
  if (message.type === 'start') {
    start(message).catch((error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }));
  } else if (message.type === 'collect') {
    const byLabel = Object.fromEntries([...arrivals].map(([label, byVersion]) => [label, Object.fromEntries(byVersion)]));
    send({
      type: 'arrivals',
      arrivals: byLabel,
      duplicates: Object.fromEntries(duplicates),
      sizes: Object.fromEntries(sizes),
      changedAreas: Object.fromEntries(changedAreas),
      connected,
    });
  } else {
    for (const close of closers) close();
    setTimeout(() => process.exit(0), 200);
  }
});
