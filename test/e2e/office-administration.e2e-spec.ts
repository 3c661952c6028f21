import { OFFICE_NAMESPACE, type OfficeClientToServerEvents, type OfficeServerToClientEvents } from '@wahl/contracts';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type HttpClient } from '../support/http';
import { adminClient, anonymous, createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { createDemoElection, DEMO_AGS } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #12, administration: the provider admin edits an office (the official key stays fixed once
// the office has an election); an office admin changes a user's role, display name and function and
// deactivates an account. A role change takes effect in the live session, deactivation ends it at
// once, and the office always keeps one active office admin. Every edit is in administration_changes.

/** A signed-in socket of the office namespace, connected. */
async function officeSocket(testApp: TestApp, token: string): Promise<Socket<OfficeServerToClientEvents, OfficeClientToServerEvents>> {
  const socket: Socket<OfficeServerToClientEvents, OfficeClientToServerEvents> = io(`${testApp.baseUrl}${OFFICE_NAMESPACE}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    auth: { token },
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('administration of offices and accounts', () => {
  let testApp: TestApp;
  let provider: HttpClient;
  let office: OfficeWithStaff;
  let electionOffice: OfficeWithStaff;

  const usersOf = async (of: OfficeWithStaff) => (await of.officeAdmin.get(`/api/offices/${of.officeId}/users`)).body as any[];
  const userNamed = async (of: OfficeWithStaff, username: string) => (await usersOf(of)).find((u) => u.username === username);

  const tokenOf = async (username: string): Promise<string> =>
    (await anonymous(testApp).post('/api/auth/login', { username, password: STAFF_PASSWORD })).body.token as string;

  beforeAll(async () => {
    testApp = await startTestApp();
    provider = await adminClient(testApp);
    office = await createOfficeWithStaff(testApp, '08999450', 'Gemeinde Verwaltungsdorf');
    electionOffice = (await createDemoElection(testApp)).office;
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  it('should rename an office and change its key while it has no election, and record who did it', async () => {
    const renamed = await provider.patch(`/api/offices/${office.officeId}`, { name: 'Gemeinde Verwaltungsstadt', ags: '08999451' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Gemeinde Verwaltungsstadt', ags: '08999451', level: 'municipality' });
    const [change] = await testApp.dataSource.query(
      'SELECT changed_by_name, before, after FROM administration_changes WHERE user_id IS NULL',
    );
    expect(change).toEqual({
      changed_by_name: 'admin',
      before: { name: 'Gemeinde Verwaltungsdorf', ags: '08999450', level: 'municipality' },
      after: { name: 'Gemeinde Verwaltungsstadt', ags: '08999451', level: 'municipality' },
    });
  });

  it('should keep the key of an office with an election fixed, with the reason, and store nothing', async () => {
    const refused = await provider.patch(`/api/offices/${electionOffice.officeId}`, { name: 'Neu', ags: '08999452' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'OFFICE_KEY_FIXED',
      detail: `Der amtliche Schlüssel ${DEMO_AGS} bleibt fest: Das Wahlamt hat bereits Wahlen.`,
    });
    expect((await provider.get(`/api/offices/${electionOffice.officeId}`)).body).toMatchObject({ name: 'Stadt Wahlingen', ags: DEMO_AGS });
    const renamed = await provider.patch(`/api/offices/${electionOffice.officeId}`, { name: 'Stadt Wahlingen am See' });
    expect(renamed.body.name).toBe('Stadt Wahlingen am See');
  });

  it('should refuse a bad key and an unknown field in German, and office admins editing the office', async () => {
    const bad = await provider.patch(`/api/offices/${office.officeId}`, { ags: '08A', kind: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string; message: string }) => [e.path, e.message])).toContainEqual([
      '$.ags',
      'Der amtliche Schlüssel besteht aus 2 bis 12 Ziffern.',
    ]);
    expect((await office.officeAdmin.patch(`/api/offices/${office.officeId}`, { name: 'X' })).status).toBe(403);
  });

  it('should change display name and function and make a role change count in the live session', async () => {
    const clerk = await userNamed(office, 'u08999450-clerk');
    const promoted = await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${clerk.id}`, {
      displayName: 'Erika Mustermann',
      function: 'Stellvertretende Wahlleiterin',
      role: 'office-admin',
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({
      displayName: 'Erika Mustermann',
      function: 'Stellvertretende Wahlleiterin',
      role: 'office-admin',
    });
    expect((await office.clerk.get(`/api/offices/${office.officeId}/users`)).status).toBe(200);

    const demoted = await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${clerk.id}`, { role: 'clerk' });
    expect(demoted.body.role).toBe('clerk');
    const refused = await office.clerk.post(`/api/offices/${office.officeId}/users`, {
      username: 'neu.person',
      displayName: 'Neue Person',
      password: 'ein-langes-passwort',
      role: 'clerk',
    });
    expect(refused.status).toBe(403);
    const changes = await testApp.dataSource.query('SELECT after FROM administration_changes WHERE user_id = $1 ORDER BY id', [clerk.id]);
    expect(changes.map((c: { after: { role: string } }) => c.after.role)).toEqual(['office-admin', 'clerk']);
  });

  it('should end the sessions and sockets of a deactivated account at once and refuse its sign-in like a wrong password', async () => {
    const clerk = await userNamed(office, 'u08999450-clerk');
    expect((await office.clerk.get('/api/auth/me')).status).toBe(200);
    const socket = await officeSocket(testApp, await tokenOf('u08999450-clerk'));
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const off = await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${clerk.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect((await office.clerk.get('/api/auth/me')).status).toBe(401);
    // Closed by the event, long before the periodic recheck would.
    expect(await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve('still open'), 5_000))])).toBe(
      'io server disconnect',
    );
    const [{ n }] = await testApp.dataSource.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [clerk.id]);
    expect(n).toBe(0);
    const signIn = await anonymous(testApp).post('/api/auth/login', { username: 'u08999450-clerk', password: STAFF_PASSWORD });
    expect(signIn.status).toBe(401);
    expect(signIn.body).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: 'Benutzername oder Passwort ist falsch.' });

    await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${clerk.id}`, { active: true });
    const back = await login(testApp.baseUrl, 'u08999450-clerk', STAFF_PASSWORD);
    expect((await back.get('/api/auth/me')).body.username).toBe('u08999450-clerk');
  });

  it('should refuse removing the own admin role, deactivating oneself and losing the last active admin, changing nothing', async () => {
    const admin = await userNamed(office, 'u08999450-office-admin');
    const own = await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${admin.id}`, { role: 'clerk' });
    expect(own.status).toBe(409);
    expect(own.body.code).toBe('OWN_ACCOUNT_PROTECTED');
    expect((await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${admin.id}`, { active: false })).body.code).toBe(
      'OWN_ACCOUNT_PROTECTED',
    );
    const last = await provider.patch(`/api/offices/${office.officeId}/users/${admin.id}`, { active: false });
    expect(last.status).toBe(409);
    expect(last.body).toMatchObject({
      code: 'LAST_OFFICE_ADMIN',
      detail: 'Ein Wahlamt braucht mindestens ein aktives Konto mit der Rolle Wahlamt-Administration.',
    });
    expect(await userNamed(office, 'u08999450-office-admin')).toMatchObject({ role: 'office-admin', active: true });
  });

  it('should store a function given when an account is created, and an empty one when none is', async () => {
    const created = await office.officeAdmin.post(`/api/offices/${office.officeId}/users`, {
      username: 'wahlleitung.verwaltung',
      displayName: 'Max Muster',
      function: 'Wahlleiter',
      password: 'ein-langes-passwort',
      role: 'clerk',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Max Muster', function: 'Wahlleiter' });
    expect(await userNamed(office, 'u08999450-office-admin')).toMatchObject({ function: '' });
  });

  it("should answer 404 for another office's account and refuse clerks", async () => {
    const foreign = await userNamed(electionOffice, `u${DEMO_AGS}-clerk`);
    expect((await office.officeAdmin.patch(`/api/offices/${office.officeId}/users/${foreign.id}`, { role: 'office-admin' })).status).toBe(
      404,
    );
    expect(
      (await office.officeAdmin.patch(`/api/offices/${electionOffice.officeId}/users/${foreign.id}`, { role: 'office-admin' })).status,
    ).toBe(404);
    expect(
      (await electionOffice.clerk.patch(`/api/offices/${electionOffice.officeId}/users/${foreign.id}`, { active: false })).status,
    ).toBe(403);
    expect(await userNamed(electionOffice, `u${DEMO_AGS}-clerk`)).toMatchObject({ role: 'clerk', active: true });
  });
});
