import { Inject } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ConnectedSocket, MessageBody, type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  isUuid,
  PUBLIC_NAMESPACE,
  type PublicClientToServerEvents,
  type PublicInterServerEvents,
  type PublicJoin,
  type PublicJoinAck,
  type PublicServerToClientEvents,
  type PublisherMessage,
} from '@wahl/contracts';
import type { PublicElectionDelta } from '@wahl/domain';
import type { Namespace, Socket } from 'socket.io';
import { ElectionReloaded, ResultsCaughtUp, ResultsPublished } from '../../modules/publication/publication.events';
import type { ElectionPublication } from '../../modules/publication/publisher/election-publication';
import { PublisherService } from '../../modules/publication/publisher/publisher.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const ROOM_PREFIX = 'public:election:';
/** Server-side messages between the publishers of the API processes (socket.io adapter, Redis). */
const PUBLISHER_EVENT = 'public:publisher';

/** One room per election: every client of the whole election gets the same delta, serialised once per broadcast. */
export const publicElectionRoom = (electionId: string): string => `${ROOM_PREFIX}${electionId}`;

/** One room per followed area of an election: its clients get the delta narrowed to the area's view. */
const publicAreaRoom = (electionId: string, areaId: string): string => `${ROOM_PREFIX}${electionId}/area:${areaId}`;

const roomOf = ({ electionId, areaId }: PublicJoin): string =>
  areaId === undefined ? publicElectionRoom(electionId) : publicAreaRoom(electionId, areaId);

export type { PublicJoinAck };

type PublicSocketData = { publicView?: PublicJoin };
type PublicNamespace = Namespace<PublicClientToServerEvents, PublicServerToClientEvents, PublicInterServerEvents, PublicSocketData>;
type PublicSocket = Socket<PublicClientToServerEvents, PublicServerToClientEvents, PublicInterServerEvents, PublicSocketData>;

const parseJoin = (body: unknown): PublicJoin | null => {
  if (typeof body !== 'object' || body === null) return null;
  const { electionId, areaId } = body as Record<string, unknown>;
  if (!isUuid(electionId)) return null;
  if (areaId !== undefined && (typeof areaId !== 'string' || areaId.length === 0 || areaId.length > 100)) return null;
  return areaId === undefined ? { electionId } : { electionId, areaId };
};

/**
 * The public namespace (`/public`, issue 6): anonymous. `join` → the room of the election and a
 * snapshot of the whole election, or with `areaId` the area's room and only that area's view (the
 * path from the root, the area and everything below it; the root: its children); then `delta`s of
 * that view, sent when the publisher announces `ResultsPublished` or `ResultsCaughtUp`.
 * `request-snapshot` after a gap in the versions or a reconnect. Only published, aggregated results
 * travel here (R8.5).
 */
@WebSocketGateway({ path: '/socket.io', namespace: PUBLIC_NAMESPACE })
export class PublicGateway implements OnGatewayInit {
  @WebSocketServer()
  server!: PublicNamespace;

  /** Per election, the areas followed here; a view whose room has emptied is dropped on the next delta. */
  private readonly areaViews = new Map<string, Set<string>>();

  constructor(
    private readonly publisher: PublisherService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: PublicNamespace): void {
    if (this.config.redisUrl) namespace.on(PUBLISHER_EVENT, (message: PublisherMessage) => this.publisher.receive(message));
  }

  // A version of this process: to the other processes first (their publishers pass it on to their
  // clients once, see PublisherService.receive), then to the clients here.
  @OnEvent(ResultsPublished.event)
  onPublished({ delta, here }: ResultsPublished): void {
    this.tellOtherProcesses({ type: 'delta', delta });
    this.sendHere(here);
  }

  /** A version of another process or a catch-up: to the clients of this process only. */
  @OnEvent(ResultsCaughtUp.event)
  onCaughtUp({ delta }: ResultsCaughtUp): void {
    this.sendHere(delta);
  }

  @OnEvent(ElectionReloaded.event)
  onReloaded({ electionId }: ElectionReloaded): void {
    this.tellOtherProcesses({ type: 'reload', electionId });
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: PublicSocket, @MessageBody() body: unknown): Promise<PublicJoinAck> {
    const request = parseJoin(body);
    if (!request) return { ok: false, message: 'Bitte geben Sie die Wahl an (electionId) und optional ein Gebiet (areaId).' };
    return this.follow(socket, request);
  }

  @SubscribeMessage('request-snapshot')
  async requestSnapshot(@ConnectedSocket() socket: PublicSocket, @MessageBody() body: unknown): Promise<PublicJoinAck> {
    const request = parseJoin(body);
    if (!request) return { ok: false, message: 'Bitte geben Sie die Wahl an (electionId).' };
    const view = socket.data.publicView;
    // The view the client joined with, unless it asks for another election.
    return this.follow(socket, view?.electionId === request.electionId ? view : request);
  }

  @SubscribeMessage('leave')
  leave(@ConnectedSocket() socket: PublicSocket): { ok: true } {
    for (const room of socket.rooms) if (room.startsWith(ROOM_PREFIX)) void socket.leave(room);
    socket.data.publicView = undefined;
    return { ok: true };
  }

  // Encoded once, the same WebSocket frame written to every socket of the room. Never through the
  // adapter's Redis broadcast: it would reach the other processes' clients beside their publishers'
  // catch-up, and a version could arrive twice.
  // A client following one area gets only its view's results (a village of a Land, not the Land's
  // every changed district); versions unchanged, even with no result left, so its chain has no gap.
  private sendHere(delta: PublicElectionDelta): void {
    if (!this.server) return;
    this.server.local.to(publicElectionRoom(delta.electionId)).emit('delta', delta);
    const views = this.areaViews.get(delta.electionId);
    if (!views) return;
    const publication = this.publisher.peek(delta.electionId);
    const rooms = this.server.adapter.rooms;
    // Rooms whose view this process cannot narrow (no publication at hand, or the definition changed):
    // the whole delta, more than the view needs but never less, in one broadcast encoded once – not
    // one whole copy per room (a Land's catch-up delta × a thousand towns).
    const unscoped: string[] = [];
    for (const areaId of views) {
      const room = publicAreaRoom(delta.electionId, areaId);
      if (!rooms.has(room)) views.delete(areaId);
      else if (publication?.hasArea(areaId)) this.server.local.to(room).emit('delta', publication.scopedDelta(delta, areaId));
      else unscoped.push(room);
    }
    if (unscoped.length > 0) this.server.local.to(unscoped).emit('delta', delta);
    if (views.size === 0) this.areaViews.delete(delta.electionId);
  }

  private followedAreas(electionId: string): Set<string> {
    let areas = this.areaViews.get(electionId);
    if (!areas) {
      areas = new Set();
      this.areaViews.set(electionId, areas);
    }
    return areas;
  }

  private tellOtherProcesses(message: PublisherMessage): void {
    if (this.config.redisUrl) this.server?.serverSideEmit(PUBLISHER_EVENT, message);
  }

  private async follow(socket: PublicSocket, view: PublicJoin): Promise<PublicJoinAck> {
    const publication = await this.publisher.get(view.electionId);
    if (!publication) return { ok: false, message: 'Die Wahl wurde nicht gefunden.' };
    if (view.areaId !== undefined && !publication.hasArea(view.areaId)) return { ok: false, message: 'Das Gebiet wurde nicht gefunden.' };
    // Join and snapshot in the same tick: every later version reaches the socket as a delta.
    const room = roomOf(view);
    for (const joined of socket.rooms) if (joined.startsWith(ROOM_PREFIX) && joined !== room) void socket.leave(joined);
    void socket.join(room);
    if (view.areaId !== undefined) this.followedAreas(view.electionId).add(view.areaId);
    socket.data.publicView = view;
    sendSnapshot(socket, publication, view.areaId);
    return { ok: true, version: publication.version };
  }
}

type PacketWriter = { _packet?: (packets: string[], options: { preEncoded: boolean }) => void };

// The snapshot text is built once per version; socket.io's client accepts pre-encoded packets
// (what its adapter uses for broadcasts), so a join costs no JSON serialisation.
function sendSnapshot(socket: PublicSocket, publication: ElectionPublication, areaId: string | undefined): void {
  const client = socket.client as unknown as PacketWriter;
  if (socket.nsp.name === PUBLIC_NAMESPACE && typeof client._packet === 'function')
    client._packet([publication.snapshotPacket(PUBLIC_NAMESPACE, areaId)], { preEncoded: true });
  else socket.emit('snapshot', publication.snapshot(areaId));
}
