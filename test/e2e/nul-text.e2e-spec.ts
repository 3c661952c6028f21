import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../support/http';
import { adminClient } from '../support/offices';
import { createDemoElection, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #17, finding 5: a NUL character in free text was a 500 (PostgreSQL stores no NUL in text or
// jsonb); every request schema refuses it with 422 and the field's path.
describe('NUL in free-text fields', () => {
  let testApp: TestApp;
  let demo: DemoElection;

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const expectRefused = (result: { status: number; body: unknown }, path: string): void => {
    expect(result.status).toBe(422);
    const body = result.body as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining('Steuerzeichen') }));
  };

  it('should refuse NUL in the office name, a user name and the sign-in', async () => {
    const admin = await adminClient(testApp);
    expectRefused(await admin.post('/api/offices', { name: 'Nul\u0000dorf', ags: '08999177', level: 'municipality' }), '$.name');
    expectRefused(
      await admin.post(`/api/offices/${demo.office.officeId}/users`, {
        username: 'nul-user',
        displayName: 'Nul\u0000',
        password: 'correct-horse-battery',
        role: 'clerk',
      }),
      '$.displayName',
    );
    const anonymous = httpClient(testApp.baseUrl);
    expectRefused(await anonymous.post('/api/auth/login', { username: 'admin\u0000', password: 'x' }), '$.username');
  });

  it('should refuse NUL in the roll search, a decision reason and a card replacement reason', async () => {
    const roll = `/api/elections/${demo.electionId}/roll`;
    expectRefused(await demo.office.clerk.post(`${roll}/search`, { familyName: 'M\u0000', birthDate: '01.01.1970' }), '$.familyName');
    expectRefused(
      await demo.office.clerk.post(`${roll}/change-proposals/decisions`, { decision: 'accept', reason: 'ok\u0000' }),
      '$.reason',
    );
    expectRefused(
      await demo.office.clerk.post(`/api/elections/${demo.electionId}/polling-cards/replacements`, {
        voterId: 1,
        reason: 'verloren\u0000',
      }),
      '$.reason',
    );
  });

  it('should refuse NUL in a public postal application', async () => {
    const anonymous = httpClient(testApp.baseUrl);
    expectRefused(
      await anonymous.post('/api/public/postal-voting/applications', {
        electionId: demo.electionId,
        familyName: 'Muster\u0000',
        givenNames: 'Max',
        birthDate: '1970-01-01',
        street: 'Ackerstraße',
        houseNumber: '5',
        postalCode: '71994',
        delivery: { kind: 'home' },
      }),
      '$.familyName',
    );
  });
});
