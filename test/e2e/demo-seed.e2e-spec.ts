import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, DemoSeedService, type DemoSeedOutcome } from '../../apps/api/src/modules/demo/demo-seed.service';
import { login } from '../support/http';
import { TEST_ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

const demoDocument = JSON.parse(readFileSync(resolve('examples/demo-election.json'), 'utf8'));

describe('demo seed', () => {
  let testApp: TestApp;
  let first: DemoSeedOutcome;
  let second: DemoSeedOutcome;

  beforeAll(async () => {
    testApp = await startTestApp();
    const seeder = testApp.app.get(DemoSeedService);
    first = await seeder.seedIfEmpty();
    second = await seeder.seedIfEmpty();
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
  });

  it('should create the demo town on the first run and nothing on the second', () => {
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.town).toBe('Stadt Wahlingen');
    expect(second.signIns.map((s) => s.username)).toEqual(['wahlamt', 'sachbearbeitung']);
  });

  it('should leave one office with two users after seeding twice', async () => {
    const admin = await login(testApp.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    const offices = await admin.get('/api/offices');
    expect(offices.status).toBe(200);
    expect(offices.body).toEqual([expect.objectContaining({ name: 'Stadt Wahlingen', ags: '08199001', level: 'municipality' })]);
    const users = await admin.get(`/api/offices/${offices.body[0].id}/users`);
    expect(users.body.map((u: { username: string; role: string }) => [u.username, u.role])).toEqual([
      ['sachbearbeitung', 'clerk'],
      ['wahlamt', 'office-admin'],
    ]);
  });

  it('should hold one election whose exported definition equals the example document', async () => {
    const office = await login(testApp.baseUrl, 'wahlamt', DEMO_USERS[0].password);
    const elections = await office.get('/api/elections');
    expect(elections.status).toBe(200);
    expect(elections.body).toHaveLength(1);
    const exported = await office.get(`/api/elections/${elections.body[0].id}/definition`);
    expect(exported.status).toBe(200);
    expect(exported.body).toEqual(demoDocument);
  });

  it('should let the clerk sign in with the demo password', async () => {
    const clerk = await login(testApp.baseUrl, 'sachbearbeitung', DEMO_USERS[1].password);
    expect((await clerk.get('/api/elections')).body).toHaveLength(1);
  });
});
