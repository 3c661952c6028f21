import { ModuleRef } from '@nestjs/core';
import { ConnectedSocket, MessageBody, type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { OFFICE_STAFF, type Actor } from '../auth/roles';
import { REALTIME_AUTHENTICATOR, type RealtimeAuthenticator } from './realtime-authenticator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The room of one election's office staff; the office id in the name keeps tenants apart by construction. */
export const officeElectionRoom = (officeId: string, electionId: string): string => `office:${officeId}:election:${electionId}`;

export type RoomJoinAck = { readonly ok: true; readonly room: string } | { readonly ok: false; readonly message: string };

/** The one place that talks to socket.io; services publish through it after their transaction commits. */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true } })
export class RealtimeGateway implements OnGatewayInit {
  @WebSocketServer()
  server!: Server;

  constructor(private readonly moduleRef: ModuleRef) {}

  // Every socket is resolved to its signed-in caller (or none) before its first message, from the
  // same session as HTTP. Anonymous sockets stay connected for public rooms but join no office room.
  afterInit(server: Server): void {
    server.use((socket, next) => {
      const authenticator = this.authenticator();
      if (!authenticator) {
        socket.data.actor = null;
        next();
        return;
      }
      authenticator
        .authenticate({ headers: socket.handshake.headers, auth: socket.handshake.auth ?? {} })
        .then((actor) => {
          socket.data.actor = actor;
          next();
        })
        .catch(() => next(new Error('Anmeldung fehlgeschlagen.')));
    });
  }

  /** Office staff follow one election of their own office, e.g. the election-night dashboard. */
  @SubscribeMessage('office:join-election')
  joinElection(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): RoomJoinAck {
    const actor = socket.data.actor as Actor | null | undefined;
    if (!actor?.officeId || !OFFICE_STAFF.includes(actor.role))
      return { ok: false, message: 'Nur angemeldete Mitarbeitende des Wahlamts können diese Wahl verfolgen.' };
    const electionId = typeof body === 'object' && body !== null ? (body as { electionId?: unknown }).electionId : undefined;
    if (typeof electionId !== 'string' || !UUID.test(electionId)) return { ok: false, message: 'Die Wahl wurde nicht gefunden.' };
    const room = officeElectionRoom(actor.officeId, electionId);
    void socket.join(room);
    return { ok: true, room };
  }

  @SubscribeMessage('office:leave-election')
  leaveElection(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): { ok: true } {
    const actor = socket.data.actor as Actor | null | undefined;
    const electionId = typeof body === 'object' && body !== null ? (body as { electionId?: unknown }).electionId : undefined;
    if (actor?.officeId && typeof electionId === 'string') void socket.leave(officeElectionRoom(actor.officeId, electionId));
    return { ok: true };
  }

  /** Sends to the office staff following an election. Call only after the transaction has committed. */
  emitToOfficeElection(officeId: string, electionId: string, event: string, payload: unknown): void {
    this.server?.to(officeElectionRoom(officeId, electionId)).emit(event, payload);
  }

  private authenticator(): RealtimeAuthenticator | null {
    try {
      return this.moduleRef.get<RealtimeAuthenticator>(REALTIME_AUTHENTICATOR, { strict: false });
    } catch {
      return null;
    }
  }
}
