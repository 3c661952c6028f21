import type { INestApplicationContext } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { OriginCheckingIoAdapter } from './origin-io.adapter';

/**
 * With REDIS_URL set, several API processes exchange their publishers' server-side messages through
 * Redis: a report confirmed on one process reaches clients connected to another (each process sends
 * the delta to its own clients, PublicGateway).
 */
export class RedisIoAdapter extends OriginCheckingIoAdapter {
  private adapter: ReturnType<typeof createAdapter> | undefined;
  private readonly clients: ReturnType<typeof createClient>[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string,
    allowedOrigins: readonly string[],
  ) {
    super(app, allowedOrigins);
  }

  async connect(): Promise<void> {
    const publisher = createClient({ url: this.redisUrl });
    const subscriber = publisher.duplicate();
    this.clients.push(publisher, subscriber);
    await Promise.all([publisher.connect(), subscriber.connect()]);
    this.adapter = createAdapter(publisher, subscriber);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.adapter) server.adapter(this.adapter);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
  }
}
