import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../support/http';
import { adminClient, createOfficeWithStaff } from '../support/offices';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

describe('sign-in, sessions and offices', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should return a token and set an HTTP-only session cookie when the password is right', async () => {
    const response = await fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; user: { role: string } };
    expect(body.token.length).toBeGreaterThanOrEqual(40);
    expect(body.user.role).toBe('provider-admin');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^wahl_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);

    // The cookie alone authenticates the web apps.
    const me = await fetch(`${testApp.baseUrl}/api/auth/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('admin');
  });

  it('should answer a wrong password with a German problem and no token', async () => {
    const result = await httpClient(testApp.baseUrl).post('/api/auth/login', { username: 'admin', password: 'falsch' });
    expect(result.status).toBe(401);
    expect(result.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(result.body.detail).toBe('Benutzername oder Passwort ist falsch.');
    expect(result.body.token).toBeUndefined();
  });

  it('should list every missing field when the login body is malformed', async () => {
    const result = await httpClient(testApp.baseUrl).post('/api/auth/login', {});
    expect(result.status).toBe(422);
    expect(result.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['$.password', '$.username']);
  });

  it('should end the session on logout', async () => {
    const login = await httpClient(testApp.baseUrl).post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    const client = httpClient(testApp.baseUrl, login.body.token);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  // Issue #17 changed this on purpose: five failures now slow down that client (account + address) with a
  // short block, instead of locking the account for everyone for 15 minutes.
  it('should rate-limit sign-in per account and client after five failures, even with the right password', async () => {
    const admin = await adminClient(testApp);
    const office = await admin.post('/api/offices', { name: 'Drosselheim', ags: '08999981', level: 'municipality' });
    await admin.post(`/api/offices/${office.body.id}/users`, {
      username: 'drossel',
      displayName: 'Drossel',
      password: 'richtiges-passwort',
      role: 'clerk',
    });
    const anonymous = httpClient(testApp.baseUrl);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await anonymous.post('/api/auth/login', { username: 'drossel', password: 'falsch' })).status).toBe(401);
    }
    const blocked = await anonymous.post('/api/auth/login', { username: 'drossel', password: 'richtiges-passwort' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(blocked.body.code).toBe('SIGN_IN_THROTTLED');
    expect(blocked.body.detail).toMatch(/Zu viele fehlgeschlagene Anmeldungen/);
    // Another account from the same address is not affected.
    expect((await anonymous.post('/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD })).status).toBe(200);
  });

  it('should let only the provider admin create offices, and office admins add users only to their own office', async () => {
    const north = await createOfficeWithStaff(testApp, '08999982', 'Nordheim');
    const south = await createOfficeWithStaff(testApp, '08999983', 'Südheim');
    expect((await north.officeAdmin.post('/api/offices', { name: 'X', ags: '08999984', level: 'municipality' })).status).toBe(403);
    const user = { username: 'neu.nord', displayName: 'Neu', password: 'ein-langes-passwort', role: 'clerk' };
    expect((await north.officeAdmin.post(`/api/offices/${north.officeId}/users`, user)).status).toBe(201);
    expect((await north.officeAdmin.post(`/api/offices/${south.officeId}/users`, { ...user, username: 'neu.sued' })).status).toBe(404);
    expect((await north.officeAdmin.get(`/api/offices/${south.officeId}/users`)).status).toBe(404);
    const duplicate = await (await adminClient(testApp)).post('/api/offices', { name: 'Y', ags: '08999982', level: 'municipality' });
    expect(duplicate.status).toBe(409);
  });
});
