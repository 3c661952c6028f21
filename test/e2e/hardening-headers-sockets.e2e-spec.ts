import { randomUUID } from 'node:crypto';
import { OFFICE_NAMESPACE, type OfficeClientToServerEvents, type OfficeServerToClientEvents } from '@wahl/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../apps/api/src/modules/identity/auth.service';
import { RealtimeGateway } from '../../apps/api/src/platform/realtime/realtime.gateway';
import { ensureWebAppBuilt } from '../support/browser';
import { createOfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

type OfficeSocket = Socket<OfficeServerToClientEvents, OfficeClientToServerEvents>;

const ALLOWED = 'https://wahlen.example.de';

// Issue 17, finding 8: security headers on every page and the API (only the embed view may be
// framed), sockets only from allowed origins, and an office socket ends with its session.
describe('security headers and socket hardening', () => {
  let testApp: TestApp;
  const sockets: OfficeSocket[] = [];

  beforeAll(async () => {
    for (const app of ['results-web', 'office-web', 'postal-web'] as const) await ensureWebAppBuilt(app);
    testApp = await startTestApp({ WAHL_ALLOWED_ORIGINS: ALLOWED });
  }, 300_000);
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await testApp.close();
  });

  const connect = (options: { token?: string; origin?: string }): Promise<{ socket: OfficeSocket; error?: Error }> => {
    const socket: OfficeSocket = io(`${testApp.baseUrl}${OFFICE_NAMESPACE}`, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      auth: options.token ? { token: options.token } : {},
      ...(options.origin ? { extraHeaders: { origin: options.origin } } : {}),
    });
    sockets.push(socket);
    return new Promise((resolve) => {
      socket.once('connect', () => resolve({ socket }));
      socket.once('connect_error', (error) => resolve({ socket, error }));
    });
  };

  const signIn = async (username: string): Promise<string> => {
    const response = await fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'correct-horse-battery' }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };

  const disconnected = (socket: OfficeSocket): Promise<string> => new Promise((resolve) => socket.once('disconnect', resolve));

  it('should send CSP, frame protection, nosniff and Referrer-Policy on the pages and the API; only the embed view may be framed', async () => {
    for (const path of ['/', '/wahl/x', '/office/', '/briefwahl/', '/b/abcdefghijklmnopqrstuvwxyz', '/api/health', '/api/gibt-es-nicht']) {
      const response = await fetch(testApp.baseUrl + path, { headers: { accept: 'text/html' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("default-src 'self'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    // The public results JSON, answered from memory before Express, is not sniffed either.
    const results = await fetch(`${testApp.baseUrl}/api/public/elections/${randomUUID()}`);
    expect(results.headers.get('x-content-type-options')).toBe('nosniff');
    expect(results.headers.get('referrer-policy')).toBe('no-referrer');

    const page = await fetch(testApp.baseUrl + '/office/', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');

    const embed = await fetch(testApp.baseUrl + '/embed/beispiel', { headers: { accept: 'text/html' } });
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('should refuse a socket from a foreign origin and accept its own origin, the configured ones and clients without an origin', async () => {
    const foreign = await connect({ origin: 'https://angreifer.example' });
    expect(foreign.error).toBeDefined();
    expect(foreign.socket.connected).toBe(false);

    for (const origin of [testApp.baseUrl, ALLOWED, undefined]) {
      const allowed = await connect({ origin });
      expect(allowed.error, String(origin)).toBeUndefined();
      allowed.socket.close();
    }
  });

  it('should close an office socket on sign-out and when its session expires', async () => {
    const office = await createOfficeWithStaff(testApp, '03241001', 'Sockelstadt');
    expect(office.officeId).toBeTruthy();
    const electionId = randomUUID();

    // Sign-out: the socket is closed by the server at once.
    const token = await signIn('u03241001-clerk');
    const { socket, error } = await connect({ token });
    expect(error).toBeUndefined();
    expect(await socket.emitWithAck('office:join-election', { electionId })).toMatchObject({ ok: true });
    const closed = disconnected(socket);
    const logout = await fetch(`${testApp.baseUrl}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(logout.status).toBe(204);
    expect(await closed).toBe('io server disconnect');

    // Expiry: the periodic check closes the socket of an expired session and keeps a live one.
    const expiring = await signIn('u03241001-office-admin');
    const live = await signIn('u03241001-clerk');
    const expiringSocket = (await connect({ token: expiring })).socket;
    const liveSocket = (await connect({ token: live })).socket;
    expect(expiringSocket.connected && liveSocket.connected).toBe(true);
    await testApp.dataSource.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1", [
      hashToken(expiring),
    ]);
    const expired = disconnected(expiringSocket);
    await testApp.app.get(RealtimeGateway).recheckSessions();
    expect(await expired).toBe('io server disconnect');
    expect(liveSocket.connected).toBe(true);
  });
});
