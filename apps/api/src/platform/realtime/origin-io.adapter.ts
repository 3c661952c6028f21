import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { IncomingMessage } from 'node:http';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Whether a socket's handshake may proceed (issue 17, finding 8): a browser always sends its page's
 * Origin, so a page of another site cannot open a socket with the visitor's session cookie. Allowed:
 * the API's own origin (same host), the public base URL and the configured origins
 * (WAHL_ALLOWED_ORIGINS). Clients that are no browser send no Origin and are let through; they
 * authenticate with a token like any API client.
 */
export function originAllowed(request: IncomingMessage, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowedOrigins.has(parsed.origin)) return true;
  return parsed.host === request.headers.host && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

/** The socket.io server of the API with the Origin check on every handshake (polling and WebSocket). */
export class OriginCheckingIoAdapter extends IoAdapter {
  private readonly allowedOrigins: ReadonlySet<string>;

  constructor(app: INestApplicationContext, allowedOrigins: readonly string[]) {
    super(app);
    this.allowedOrigins = new Set(allowedOrigins);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowedOrigins = this.allowedOrigins;
    return super.createIOServer(port, {
      ...options,
      // Cross-origin polling only for the listed origins; the handshake check below covers WebSocket too.
      cors: { origin: [...allowedOrigins], credentials: true },
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) => {
        if (originAllowed(request, allowedOrigins)) callback(null, true);
        else callback('Origin not allowed', false);
      },
    }) as Server;
  }
}
