import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, DemoSeedService } from '../../apps/api/src/modules/demo/demo-seed.service';
import { DEMO_REGISTER } from '../../apps/api/src/modules/roll/demo/roll-demo.seeder';
import { login } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

// `npm start` on a fresh database: the demo town comes with a roll built from 50,000 generated
// residents, imported through the ordinary pipeline.
describe('demo roll', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
    await testApp.app.get(DemoSeedService).seedIfEmpty();
  }, 120_000);
  afterAll(async () => {
    await testApp.close();
  });

  it('should seed the demo election with its register imported and the roll built', async () => {
    const clerk = await login(testApp.baseUrl, 'sachbearbeitung', DEMO_USERS[1].password);
    const [election] = (await clerk.get('/api/elections')).body;
    const summary = (await clerk.get(`/api/elections/${election.id}/roll/summary`)).body;
    expect(summary.status).toBe('built');
    expect(summary.totals.residents).toBe(DEMO_REGISTER.residents);
    // A German town: roughly seven in ten residents may vote in a Bundestag election.
    expect(summary.totals.voters / DEMO_REGISTER.residents).toBeGreaterThan(0.6);
    expect(summary.totals.voters / DEMO_REGISTER.residents).toBeLessThan(0.8);
    expect(summary.totals.unassigned).toBeGreaterThan(0);
    const imports = (await clerk.get(`/api/elections/${election.id}/register-imports`)).body;
    expect(imports).toEqual([expect.objectContaining({ source: 'demo', status: 'succeeded', rowsImported: DEMO_REGISTER.residents })]);
  });
});
