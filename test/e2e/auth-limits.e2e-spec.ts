import type { OfficeUserListEntry } from '@wahl/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../apps/api/src/create-app';
import { ACCOUNT_ATTEMPTS, CLIENT_ATTEMPTS } from '../../apps/api/src/modules/identity/sign-in-limits';
import { loadAppConfig } from '../../apps/api/src/platform/config/app-config';
import { createLogger } from '../../apps/api/src/platform/logging/logger';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

// Issue #17, findings 2 and 3: sign-in attempts are reserved before the password is checked, per
// account and client; strangers can block an account only for devices it never signed in from.
// Optional: with a Redis server (REDIS_URL, as publication-scale-out uses) the Redis store is tested too.
const REDIS_URL = process.env['REDIS_URL'];

describe('sign-in limits: atomic, per account and client, no lockout of the owner', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  const PASSWORD = 'das-richtige-passwort';

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08999971', 'Limitstadt');
  });
  afterAll(async () => {
    await testApp.close();
  });

  async function createUser(username: string): Promise<string> {
    const created = await office.officeAdmin.post(`/api/offices/${office.officeId}/users`, {
      username,
      displayName: username,
      password: PASSWORD,
      role: 'clerk',
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  type Attempt = { status: number; code: string | undefined; retryAfter: string | null; deviceCookie: string | undefined };
  async function signIn(username: string, password: string, from: { address: string; device?: string }): Promise<Attempt> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': from.address };
    if (from.device) headers['cookie'] = `wahl_device=${from.device}`;
    const response = await fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { code?: string };
    const device = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('wahl_device='))
      ?.split(';')[0]
      ?.slice('wahl_device='.length);
    return { status: response.status, code: body.code, retryAfter: response.headers.get('retry-after'), deviceCookie: device };
  }

  /** The account as the office admin's user list shows it, with its current sign-in state. */
  const signInStateOf = async (username: string): Promise<OfficeUserListEntry> => {
    const users = await office.officeAdmin.get(`/api/offices/${office.officeId}/users`);
    expect(users.status).toBe(200);
    return (users.body as OfficeUserListEntry[]).find((user) => user.username === username)!;
  };

  const failuresOf = async (username: string): Promise<number> =>
    (await testApp.dataSource.query('SELECT count(*)::int AS n FROM login_failures WHERE username = $1', [username]))[0].n;

  it('should evaluate at most the limit of 40 parallel wrong passwords and then refuse even the right one', async () => {
    await createUser('parallel.eins');
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn('parallel.eins', `falsch-${i}`, { address: '203.0.113.10' })),
    );
    const evaluated = attempts.filter((a) => a.status === 401).length;
    expect(evaluated).toBeGreaterThan(0);
    expect(evaluated).toBeLessThanOrEqual(CLIENT_ATTEMPTS);
    expect(attempts.filter((a) => a.status === 429).length).toBe(40 - evaluated);
    expect(await failuresOf('parallel.eins')).toBe(evaluated);
    const right = await signIn('parallel.eins', PASSWORD, { address: '203.0.113.10' });
    expect(right.status).toBe(429);
    expect(right.code).toBe('SIGN_IN_THROTTLED');
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
  });

  it('should evaluate at most the limit when the right password is hidden among 39 wrong ones in parallel', async () => {
    await createUser('parallel.zwei');
    const passwords = Array.from({ length: 40 }, (_, i) => (i === 23 ? PASSWORD : `falsch-${i}`));
    const attempts = await Promise.all(passwords.map((password) => signIn('parallel.zwei', password, { address: '203.0.113.11' })));
    const evaluated = attempts.filter((a) => a.status === 401 || a.status === 200);
    expect(evaluated.length).toBeLessThanOrEqual(CLIENT_ATTEMPTS);
    expect(attempts.filter((a) => a.status === 429).length).toBe(40 - evaluated.length);
    // Accepted only if it was among the evaluated ones, i.e. within the limit.
    if (attempts[23]!.status === 200) expect(evaluated).toContain(attempts[23]);
  });

  it('should slow one client down with growing blocks but not stop the owner at another address', async () => {
    await createUser('langsam');
    for (let i = 0; i < CLIENT_ATTEMPTS; i++) expect((await signIn('langsam', 'falsch', { address: '203.0.113.20' })).status).toBe(401);
    const blocked = await signIn('langsam', PASSWORD, { address: '203.0.113.20' });
    expect(blocked.status).toBe(429);
    expect(blocked.code).toBe('SIGN_IN_THROTTLED');
    expect(blocked.retryAfter).toBe('60');
    // The office sees the account slowed down for one address, not locked.
    expect((await signInStateOf('langsam')).signIn).toEqual({
      state: 'slowed',
      recentFailures: CLIENT_ATTEMPTS,
      slowedClients: 1,
      lockedForSeconds: null,
    });
    // The owner elsewhere is not affected by the guesser's client limit.
    expect((await signIn('langsam', PASSWORD, { address: '203.0.113.21' })).status).toBe(200);
    // When the block has run out (moved into the past here), the next run of failures blocks twice as long.
    await testApp.dataSource.query(`UPDATE rate_limits SET expire = $1 WHERE key LIKE 'sign-in:account-client:%'`, [Date.now() - 1]);
    for (let i = 0; i < CLIENT_ATTEMPTS; i++) expect((await signIn('langsam', 'falsch', { address: '203.0.113.20' })).status).toBe(401);
    const longer = await signIn('langsam', PASSWORD, { address: '203.0.113.20' });
    expect(longer.status).toBe(429);
    expect(longer.retryAfter).toBe('120');
  });

  it('should keep the right password working on a known device while strangers have blocked the account', async () => {
    const userId = await createUser('wahlvorstand.nat');
    // The owner signed in once from this browser: it gets a device cookie.
    const first = await signIn('wahlvorstand.nat', PASSWORD, { address: '198.51.100.1' });
    expect(first.status).toBe(200);
    expect(first.deviceCookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Strangers from several addresses (one of them the town hall's NAT) use up the account's limit.
    const strangers = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];
    for (const address of strangers) {
      for (let i = 0; i < CLIENT_ATTEMPTS; i++) await signIn('wahlvorstand.nat', `geraten-${i}`, { address });
    }
    expect(await failuresOf('wahlvorstand.nat')).toBeGreaterThanOrEqual(ACCOUNT_ATTEMPTS);
    const newDevice = await signIn('wahlvorstand.nat', PASSWORD, { address: '198.51.100.9' });
    expect(newDevice.status).toBe(429);
    expect(newDevice.code).toBe('ACCOUNT_LOCKED');
    // The owner's browser behind the same NAT as a stranger still signs in.
    const known = await signIn('wahlvorstand.nat', PASSWORD, { address: '198.51.100.1', device: first.deviceCookie! });
    expect(known.status).toBe(200);

    const locked = await signInStateOf('wahlvorstand.nat');
    expect(locked.signIn).toMatchObject({ state: 'locked', slowedClients: 0 });
    expect(locked.signIn.recentFailures).toBeGreaterThanOrEqual(ACCOUNT_ATTEMPTS);
    expect(locked.signIn.lockedForSeconds).toBeGreaterThan(0);
    expect((await office.clerk.get(`/api/offices/${office.officeId}/users`)).status).toBe(403);

    // The office unlocks the account; a clerk may not, nor another office's admin.
    expect((await office.clerk.post(`/api/offices/${office.officeId}/users/${userId}/unlock`)).status).toBe(403);
    const other = await createOfficeWithStaff(testApp, '08999972', 'Anderstadt');
    expect((await other.officeAdmin.post(`/api/offices/${office.officeId}/users/${userId}/unlock`)).status).toBe(404);
    expect((await other.officeAdmin.post(`/api/offices/${other.officeId}/users/${userId}/unlock`)).status).toBe(404);
    expect((await office.officeAdmin.post(`/api/offices/${office.officeId}/users/${userId}/unlock`)).status).toBe(204);
    expect((await signInStateOf('wahlvorstand.nat')).signIn).toMatchObject({ state: 'normal', lockedForSeconds: null });
    expect((await signIn('wahlvorstand.nat', PASSWORD, { address: '198.51.100.9' })).status).toBe(200);
    const unlocks = await testApp.dataSource.query('SELECT unlocked_by_name FROM account_unlocks WHERE user_id = $1', [userId]);
    expect(unlocks).toEqual([{ unlocked_by_name: 'u08999971-office-admin' }]);
  });

  it('should not let failures on other accounts from one address (a NAT) stop the other users there', async () => {
    for (let i = 0; i < 30; i++) expect((await signIn(`unbekannt-${i}`, 'falsch', { address: '192.0.2.200' })).status).toBe(401);
    const admin = await signIn('admin', TEST_ADMIN_PASSWORD, { address: '192.0.2.200' });
    expect(admin.status).toBe(200);
  });

  async function secondProcess(env: Record<string, string> = {}) {
    const config = loadAppConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: testApp.database.url, ...env });
    const app = await createApp(config, testApp.database.url, createLogger(config.logLevel));
    await app.listen(0, '127.0.0.1');
    return { app, baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}` };
  }

  async function parallelFromTwoProcesses(first: string, second: string, username: string, address: string): Promise<number[]> {
    await createUser(username);
    return Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${i % 2 ? second : first}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ username, password: `falsch-${i}` }),
        }).then((r) => r.status),
      ),
    );
  }

  it('should share the counters between API processes (PostgreSQL store)', async () => {
    const second = await secondProcess();
    try {
      const statuses = await parallelFromTwoProcesses(testApp.baseUrl, second.baseUrl, 'zwei.prozesse', '203.0.113.30');
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(CLIENT_ATTEMPTS);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20 - CLIENT_ATTEMPTS);
    } finally {
      await second.app.close();
    }
  });

  it.skipIf(!REDIS_URL)('should share the counters between API processes through Redis when REDIS_URL is set', async () => {
    const [one, two] = [await secondProcess({ REDIS_URL: REDIS_URL! }), await secondProcess({ REDIS_URL: REDIS_URL! })];
    try {
      const before = (await testApp.dataSource.query('SELECT count(*)::int AS n FROM rate_limits'))[0].n;
      const address = `203.0.113.${40 + Math.floor(Math.random() * 200)}`;
      const statuses = await parallelFromTwoProcesses(one.baseUrl, two.baseUrl, `redis.${Date.now()}`, address);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(CLIENT_ATTEMPTS);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20 - CLIENT_ATTEMPTS);
      // The counters went to Redis, not to the table.
      expect((await testApp.dataSource.query('SELECT count(*)::int AS n FROM rate_limits'))[0].n).toBe(before);
    } finally {
      await Promise.all([one.app.close(), two.app.close()]);
    }
  });
});
