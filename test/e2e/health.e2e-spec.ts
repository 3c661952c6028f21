import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/health', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should answer 200 with database and migration state when the database is up', async () => {
    const result = await httpClient(testApp.baseUrl).get('/api/health');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ok', database: 'up', migrations: { pending: 0 } });
    expect(result.body.migrations.applied).toBeGreaterThan(0);
  });

  it('should answer 503 when the database is away', async () => {
    // Dropping the database terminates the pool's connections and refuses new ones.
    await testApp.database.drop();
    const result = await httpClient(testApp.baseUrl).get('/api/health');
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ database: 'down' });
  });
});
