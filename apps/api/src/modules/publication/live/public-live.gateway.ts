import { Inject } from '@nestjs/common';
import { ConnectedSocket, MessageBody, type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { PublicLiveEvents } from '@wahl/domain';
import type { Server, Socket } from 'socket.io';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import type { ElectionPublication } from '../publisher/election-publication';
import { PublisherService, type PublisherMessage } from '../publisher/publisher.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROOM_PREFIX = 'public:election:';
/** Server-side messages between the publishers of the API processes (socket.io adapter, Redis). */
const PUBLISHER_EVENT = 'public:publisher';

/** One room per election: every client of it gets the same delta, serialised once per broadcast. */
export const publicElectionRoom = (electionId: string): string => `${ROOM_PREFIX}${electionId}`;

export type PublicJoinAck = { readonly ok: true; readonly version: number } | { readonly ok: false; readonly message: string };

type View = { readonly electionId: string; readonly areaId?: string };

const parseJoin = (body: unknown): PublicLiveEvents['join'] | null => {
  if (typeof body !== 'object' || body === null) return null;
  const { electionId, areaId } = body as Record<string, unknown>;
  if (typeof electionId !== 'string' || !UUID.test(electionId)) return null;
  if (areaId !== undefined && (typeof areaId !== 'string' || areaId.length === 0 || areaId.length > 100)) return null;
  return areaId === undefined ? { electionId } : { electionId, areaId };
};

/**
 * The public live channel (issue 6, `PublicLiveEvents`), anonymous, on the same socket.io server
 * as the office rooms. `join` → the room of the election and a snapshot (the whole election, or
 * with `areaId` only that area's view: the path from the root, the area and its children); then
 * `delta`s. `request-snapshot` after a gap in the versions or a reconnect. Only published, aggregated
 * results travel here (R8.5).
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true } })
export class PublicLiveGateway implements OnGatewayInit {
  @WebSocketServer()
  server!: Server;

  constructor(
    private readonly publisher: PublisherService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: Server): void {
    // The adapter encodes a broadcast once and writes the same WebSocket frame to every socket of
    // the room; with Redis it is published once and each process does the same for its sockets.
    this.publisher.attach({
      broadcast: (delta) => server.to(publicElectionRoom(delta.electionId)).emit('delta', delta),
      broadcastLocally: (delta) => server.local.to(publicElectionRoom(delta.electionId)).emit('delta', delta),
      tellOtherProcesses: (message) => {
        if (this.config.redisUrl) server.serverSideEmit(PUBLISHER_EVENT, message);
      },
    });
    if (this.config.redisUrl) server.on(PUBLISHER_EVENT, (message: PublisherMessage) => this.publisher.receive(message));
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<PublicJoinAck> {
    const request = parseJoin(body);
    if (!request) return { ok: false, message: 'Bitte geben Sie die Wahl an (electionId) und optional ein Gebiet (areaId).' };
    return this.follow(socket, request);
  }

  @SubscribeMessage('request-snapshot')
  async requestSnapshot(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<PublicJoinAck> {
    const request = parseJoin(body);
    if (!request) return { ok: false, message: 'Bitte geben Sie die Wahl an (electionId).' };
    const view = socket.data.publicView as View | undefined;
    // The view the client joined with, unless it asks for another election.
    return this.follow(socket, view?.electionId === request.electionId ? view : request);
  }

  @SubscribeMessage('leave')
  leave(@ConnectedSocket() socket: Socket): { ok: true } {
    for (const room of socket.rooms) if (room.startsWith(ROOM_PREFIX)) void socket.leave(room);
    socket.data.publicView = undefined;
    return { ok: true };
  }

  private async follow(socket: Socket, view: View): Promise<PublicJoinAck> {
    const publication = await this.publisher.get(view.electionId);
    if (!publication) return { ok: false, message: 'Die Wahl wurde nicht gefunden.' };
    if (view.areaId !== undefined && !publication.hasArea(view.areaId)) return { ok: false, message: 'Das Gebiet wurde nicht gefunden.' };
    // Join and snapshot in the same tick: every later version reaches the socket as a delta.
    const room = publicElectionRoom(view.electionId);
    for (const joined of socket.rooms) if (joined.startsWith(ROOM_PREFIX) && joined !== room) void socket.leave(joined);
    void socket.join(room);
    socket.data.publicView = view;
    sendSnapshot(socket, publication, view.areaId);
    return { ok: true, version: publication.version };
  }
}

type PacketWriter = { _packet?: (packets: string[], options: { preEncoded: boolean }) => void };

// The snapshot text is built once per version; socket.io's client accepts pre-encoded packets
// (what its adapter uses for broadcasts), so a join costs no JSON serialisation.
function sendSnapshot(socket: Socket, publication: ElectionPublication, areaId: string | undefined): void {
  const client = socket.client as unknown as PacketWriter;
  if (socket.nsp.name === '/' && typeof client._packet === 'function')
    client._packet([publication.snapshotPacket(areaId)], { preEncoded: true });
  else socket.emit('snapshot', publication.snapshot(areaId));
}
