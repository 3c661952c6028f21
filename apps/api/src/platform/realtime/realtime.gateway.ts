import { type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OnEvent } from '@nestjs/event-emitter';
import { ConnectedSocket, MessageBody, type OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  ELECTION_NIGHT_EVENTS,
  isUuid,
  OFFICE_NAMESPACE,
  type OfficeClientToServerEvents,
  type OfficeEventName,
  type OfficeJoinAck,
  type OfficeServerToClientEvents,
} from '@wahl/contracts';
import type { Namespace, Socket } from 'socket.io';
import { ProgressChanged } from '../../modules/aggregation/aggregation.events';
import { SessionEnded } from '../../modules/identity/identity.events';
import { ReportStateChanged } from '../../modules/quick-reports/quick-reports.events';
import { OFFICE_STAFF, type Actor } from '../auth/roles';
import { REALTIME_AUTHENTICATOR, type RealtimeAuthenticator } from './realtime-authenticator';

/** The room of one election's office staff; the office id in the name keeps tenants apart by construction. */
export const officeElectionRoom = (officeId: string, electionId: string): string => `office:${officeId}:election:${electionId}`;

export type RoomJoinAck = OfficeJoinAck;

type OfficeSocketData = { actor: Actor | null; session: string | null };

/** How often the sessions of signed-in sockets are checked again (expiry, deactivation, sign-out elsewhere). */
export const SESSION_RECHECK_MS = 30_000;
type OfficeNamespace = Namespace<OfficeClientToServerEvents, OfficeServerToClientEvents, Record<string, never>, OfficeSocketData>;
type OfficeSocket = Socket<OfficeClientToServerEvents, OfficeServerToClientEvents, Record<string, never>, OfficeSocketData>;

const electionIdOf = (body: unknown): unknown =>
  typeof body === 'object' && body !== null ? (body as { electionId?: unknown }).electionId : undefined;

/**
 * The office namespace (`/office`): signed-in office staff follow one election of their own office.
 * Modules send to it after their transaction commits – election night through its events, the
 * roll and the polling cards through `emitToOfficeElection`.
 */
@WebSocketGateway({ path: '/socket.io', namespace: OFFICE_NAMESPACE })
export class RealtimeGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer()
  server!: OfficeNamespace;

  private recheck: NodeJS.Timeout | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  // Every socket is resolved to its signed-in caller (or none) before its first message, from the
  // same session as HTTP. Sockets without a caller stay connected but join no room.
  afterInit(namespace: OfficeNamespace): void {
    namespace.use((socket, next) => {
      const authenticator = this.authenticator();
      socket.data.actor = null;
      socket.data.session = null;
      if (!authenticator) {
        next();
        return;
      }
      authenticator
        .authenticate({ headers: socket.handshake.headers, auth: socket.handshake.auth ?? {} })
        .then((signedIn) => {
          socket.data.actor = signedIn?.actor ?? null;
          socket.data.session = signedIn?.session ?? null;
          next();
        })
        .catch(() => next(new Error('Anmeldung fehlgeschlagen.')));
    });
    this.recheck = setInterval(() => void this.recheckSessions(), SESSION_RECHECK_MS);
    this.recheck.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.recheck);
  }

  /** Sign-out closes the session's sockets at once (issue 17, finding 8). */
  @OnEvent(SessionEnded.event)
  onSessionEnded({ session }: SessionEnded): void {
    for (const socket of this.server?.sockets.values() ?? []) if (socket.data.session === session) socket.disconnect(true);
  }

  /**
   * A signed-in socket whose session has expired or ended (another process's sign-out, a deactivated
   * account) is closed; run every SESSION_RECHECK_MS (issue 17, finding 8).
   */
  async recheckSessions(): Promise<void> {
    const authenticator = this.authenticator();
    if (!authenticator || !this.server) return;
    const signedIn = [...this.server.sockets.values()].filter((socket) => socket.data.session !== null);
    await Promise.all(
      signedIn.map(async (socket) => {
        const current = await authenticator
          .authenticate({ headers: socket.handshake.headers, auth: socket.handshake.auth ?? {} })
          .catch(() => undefined);
        if (current === undefined) return; // database unreachable: decide on the next round
        if (current?.session !== socket.data.session || current.actor.userId !== socket.data.actor?.userId) socket.disconnect(true);
      }),
    );
  }

  /** Office staff follow one election of their own office, e.g. the election-night dashboard. */
  @SubscribeMessage('office:join-election')
  joinElection(@ConnectedSocket() socket: OfficeSocket, @MessageBody() body: unknown): OfficeJoinAck {
    const actor = socket.data.actor;
    if (!actor?.officeId || !OFFICE_STAFF.includes(actor.role))
      return { ok: false, message: 'Nur angemeldete Mitarbeitende des Wahlamts können diese Wahl verfolgen.' };
    const electionId = electionIdOf(body);
    if (typeof electionId !== 'string' || !isUuid(electionId)) return { ok: false, message: 'Die Wahl wurde nicht gefunden.' };
    const room = officeElectionRoom(actor.officeId, electionId);
    void socket.join(room);
    return { ok: true, room };
  }

  @SubscribeMessage('office:leave-election')
  leaveElection(@ConnectedSocket() socket: OfficeSocket, @MessageBody() body: unknown): { ok: true } {
    const actor = socket.data.actor;
    const electionId = electionIdOf(body);
    if (actor?.officeId && typeof electionId === 'string') void socket.leave(officeElectionRoom(actor.officeId, electionId));
    return { ok: true };
  }

  /** Sends to the office staff following an election. Call only after the transaction has committed. */
  emitToOfficeElection<E extends OfficeEventName>(
    officeId: string,
    electionId: string,
    event: E,
    ...payload: Parameters<OfficeServerToClientEvents[E]>
  ): void {
    this.server?.to(officeElectionRoom(officeId, electionId)).emit(event, ...payload);
  }

  /** Quick reports: a district's new state (no numbers). */
  @OnEvent(ReportStateChanged.event)
  onReportStateChanged({ context, result, updatedAt }: ReportStateChanged): void {
    this.emitToOfficeElection(context.officeId, context.electionId, ELECTION_NIGHT_EVENTS.district, {
      electionId: context.electionId,
      districtId: result.districtId,
      districtNumber: result.districtNumber,
      state: result.state,
      currentVersion: result.currentVersion,
      countedVersion: result.countedVersion,
      updatedAt,
    });
  }

  /** Aggregation: counted districts of the election. */
  @OnEvent(ProgressChanged.event)
  onProgressChanged({ officeId, electionId, reported, expected }: ProgressChanged): void {
    this.emitToOfficeElection(officeId, electionId, ELECTION_NIGHT_EVENTS.progress, { electionId, reported, expected });
  }

  private authenticator(): RealtimeAuthenticator | null {
    try {
      return this.moduleRef.get<RealtimeAuthenticator>(REALTIME_AUTHENTICATOR, { strict: false });
    } catch {
      return null;
    }
  }
}
