import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server } from 'socket.io';

/** The one place that talks to socket.io; services publish through it after their transaction commits. */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true } })
export class RealtimeGateway {
  @WebSocketServer()
  server!: Server;
}
