import { Injectable } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { RealtimeAuthenticator, RealtimeSession, SocketHandshake } from '../../platform/realtime/realtime-authenticator';
import { SESSION_COOKIE } from './access.guard';
import { AuthService, hashToken } from './auth.service';

/** Sockets sign in with the same session as HTTP: `auth.token`, a bearer header or the session cookie. */
@Injectable()
export class SocketAuthenticator implements RealtimeAuthenticator {
  constructor(private readonly auth: AuthService) {}

  readonly authenticate = async (handshake: SocketHandshake): Promise<RealtimeSession | null> => {
    const token = tokenOfHandshake(handshake);
    const actor = token ? await this.auth.resolve(token) : null;
    return token && actor ? { actor, session: hashToken(token) } : null;
  };
}

function tokenOfHandshake(handshake: SocketHandshake): string | undefined {
  const fromAuth = handshake.auth['token'];
  if (typeof fromAuth === 'string' && fromAuth) return fromAuth;
  const header = handshake.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const cookies = handshake.headers.cookie ? parseCookies(handshake.headers.cookie) : {};
  return cookies[SESSION_COOKIE];
}
