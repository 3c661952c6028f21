import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { httpClient } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #12, administration: an office admin resets a user's password with a one-time code shown
// once (no e-mail); the user sets a new password with it, which ends the old sessions. Wrong codes
// are refused in German and change nothing; other offices and clerks cannot make codes.
describe('password reset by the office admin', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let intruder: OfficeWithStaff;
  let clerkId: string;
  const clerkName = () => `u${office.ags}-clerk`;
  const signIn = (password: string) => httpClient(testApp.baseUrl).post('/api/auth/login', { username: clerkName(), password });
  const reset = () => `/api/offices/${office.officeId}/users/${clerkId}/password-reset`;

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08999501', 'Resetstadt');
    intruder = await createOfficeWithStaff(testApp, '08999502', 'Nachbarort');
    const users = await office.officeAdmin.get(`/api/offices/${office.officeId}/users`);
    clerkId = users.body.find((u: { username: string }) => u.username === clerkName()).id;
  }, 120_000);
  afterAll(async () => {
    await testApp?.close();
  });

  it('should let only the own office admin make a code', async () => {
    expect((await intruder.officeAdmin.post(reset())).status).toBe(404);
    expect((await office.clerk.post(reset())).status).toBe(403);
    const [none] = await testApp.dataSource.query('SELECT count(*)::int AS n FROM password_resets');
    expect(none.n).toBe(0);
  });

  it('should set a new password with the code once, end the old sessions and refuse wrong codes', async () => {
    const issued = await office.officeAdmin.post(reset());
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const public_ = anonymous(testApp);

    const short = await public_.post('/api/auth/password-reset', { username: clerkName(), code: issued.body.code, newPassword: 'kurz' });
    expect(short.status).toBe(422);
    expect(short.body.errors[0]).toMatchObject({ path: '$.newPassword', message: 'Das Passwort braucht mindestens 12 Zeichen.' });
    const wrong = await public_.post('/api/auth/password-reset', {
      username: clerkName(),
      code: 'AAAA-BBBB-CCCC',
      newPassword: 'ein-neues-passwort-2029',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).toBe('Benutzername oder Einmalcode ist falsch, oder der Code ist abgelaufen oder schon benutzt.');
    expect((await signIn(STAFF_PASSWORD)).status).toBe(200);

    const done = await public_.post('/api/auth/password-reset', {
      username: clerkName(),
      code: issued.body.code.toLowerCase(),
      newPassword: 'ein-neues-passwort-2029',
    });
    expect(done.status).toBe(204);
    expect((await office.clerk.get('/api/auth/me')).status).toBe(401);
    expect((await signIn(STAFF_PASSWORD)).status).toBe(401);
    expect((await signIn('ein-neues-passwort-2029')).status).toBe(200);
    const again = await public_.post('/api/auth/password-reset', {
      username: clerkName(),
      code: issued.body.code,
      newPassword: 'noch-ein-passwort-2029',
    });
    expect(again.status).toBe(401);
    const [row] = await testApp.dataSource.query('SELECT created_by_name, used_at FROM password_resets WHERE user_id = $1', [clerkId]);
    expect(row.created_by_name).toBe(`u${office.ags}-office-admin`);
    expect(row.used_at).not.toBeNull();
  });
});
