import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentsAsJson, startFakeRegisterService, type FakeRegisterService } from '../support/fake-register-service';
import type { HttpClient } from '../support/http';
import { adminClient, createOfficeWithStaff } from '../support/offices';
import { addElection, createDemoElection, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// The pull connector against a fake register service: retries with backoff ride out 500s, slow
// answers and cut-off bodies; a pull that gives up is resumed after its last stored page and
// ends with exactly the roll of an undisturbed pull.
describe('register pull', () => {
  let testApp: TestApp;
  let demo: DemoElection;
  let service: FakeRegisterService;
  const RESIDENTS = 3000;
  const PAGE = 500;

  const waitForJob = async (client: HttpClient, electionId: string, jobId: string): Promise<any> => {
    for (let i = 0; i < 300; i++) {
      const job = (await client.get(`/api/elections/${electionId}/register-imports/${jobId}`)).body;
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('pull did not end');
  };
  const rollOf = async (electionId: string): Promise<string[]> =>
    (
      await testApp.dataSource.query(
        `SELECT d.number || '/' || e.voter_number || ' ' || e.person_id || ' ' || e.family_name AS entry
         FROM roll_voters e JOIN districts d ON d.id = e.district_id WHERE e.election_id = $1 ORDER BY e.voter_id`,
        [electionId],
      )
    ).map((r: { entry: string }) => r.entry);

  beforeAll(async () => {
    testApp = await startTestApp();
    demo = await createDemoElection(testApp);
    service = await startFakeRegisterService(residentsAsJson(demo.definition, RESIDENTS, 'pull-spec'));
    // The provider allows the office's register service (issue 17, finding 8).
    const allowed = await (
      await adminClient(testApp)
    ).put(`/api/offices/${demo.office.officeId}/register-pull-sources`, { urls: [service.url] });
    expect(allowed.status).toBe(200);
  });
  afterAll(async () => {
    await service.close();
    await testApp.close();
  });

  it('should pull every page, import it in one pass and build the same roll as an interrupted pull resumed', async () => {
    const admin = demo.office.officeAdmin;
    // Undisturbed.
    const started = await admin.post(`/api/elections/${demo.electionId}/register-pulls`, { url: service.url, pageSize: PAGE });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ source: 'pull', status: 'running', progress: { unit: 'pages' } });
    const done = await waitForJob(admin, demo.electionId, started.body.id);
    expect(done).toMatchObject({ status: 'succeeded', recordsRead: RESIDENTS, rowsImported: RESIDENTS, progress: { done: 6 } });
    expect((await admin.post(`/api/elections/${demo.electionId}/roll/build`)).status).toBe(200);
    const undisturbed = await rollOf(demo.electionId);
    expect(undisturbed.length).toBeGreaterThan(RESIDENTS / 2);
    const stored = await testApp.dataSource.query('SELECT count(*)::int AS n FROM register_pull_pages WHERE import_id = $1', [
      started.body.id,
    ]);
    expect(stored[0].n).toBe(0); // pages are dropped once their rows are committed

    // Disturbed: page 2 fails twice (retried), page 3 answers too slowly once and is cut off once,
    // page 4 fails more often than the attempts allow, so the run gives up after 3 stored pages.
    const second = await addElection(demo.office, demo.definition);
    service.log.length = 0;
    service.slowMs = 800;
    service.faults.set(2, ['error', 'error']);
    service.faults.set(3, ['slow', 'cut-off']);
    service.faults.set(4, ['error', 'error', 'error', 'error']);
    const tuning = { timeoutMs: 300, maxAttempts: 3, retryDelayMs: 10 };
    const interrupted = await admin.post(`/api/elections/${second}/register-pulls`, { url: service.url, pageSize: PAGE, ...tuning });
    const failed = await waitForJob(admin, second, interrupted.body.id);
    expect(failed).toMatchObject({ status: 'failed', resumable: true, rowsImported: 0, progress: { done: 3 } });
    expect(failed.message).toBe(
      'Der Abruf ist bei Seite 4 abgebrochen: Die Seite konnte nach 3 Versuchen nicht geladen werden (zuletzt: HTTP 500). 3 Seiten sind gespeichert; der Abruf kann dort fortgesetzt werden.',
    );
    expect(service.log).toEqual([
      'page 1',
      'page 2 error',
      'page 2 error',
      'page 2',
      'page 3 slow',
      'page 3 cut-off',
      'page 3',
      'page 4 error',
      'page 4 error',
      'page 4 error',
    ]);
    expect(await rollOf(second)).toEqual([]);

    // Resumed: starts at page 4, not at page 1.
    service.log.length = 0;
    const resumed = await admin.post(`/api/elections/${second}/register-pulls/${interrupted.body.id}/resume`, tuning);
    expect(resumed.status).toBe(202);
    const finished = await waitForJob(admin, second, interrupted.body.id);
    expect(finished).toMatchObject({ status: 'succeeded', rowsImported: RESIDENTS, resumable: false, progress: { done: 6 } });
    expect(service.log).toEqual(['page 4 error', 'page 4', 'page 5', 'page 6']);
    expect((await admin.post(`/api/elections/${second}/roll/build`)).status).toBe(200);
    expect(await rollOf(second)).toEqual(undisturbed);

    // A finished pull cannot be resumed; the same register pulled again changes nothing.
    expect((await admin.post(`/api/elections/${second}/register-pulls/${interrupted.body.id}/resume`, {})).status).toBe(409);
    const repeat = await admin.post(`/api/elections/${second}/register-pulls`, { url: service.url, pageSize: PAGE });
    expect(await waitForJob(admin, second, repeat.body.id)).toMatchObject({ status: 'succeeded', unchanged: true });
  });

  it('should refuse a non-http address and a clerk (pull targets are set by the office head)', async () => {
    const bad = await demo.office.officeAdmin.post(`/api/elections/${demo.electionId}/register-pulls`, { url: 'file:///etc/passwd' });
    expect(bad.status).toBe(422);
    expect((await demo.office.clerk.post(`/api/elections/${demo.electionId}/register-pulls`, { url: service.url })).status).toBe(403);
  });

  it('should pull only from the addresses the provider allowed for the office (no probing of internal ports)', async () => {
    const admin = demo.office.officeAdmin;
    const probes = ['http://127.0.0.1:5432/', 'http://127.0.0.1:9/', 'http://169.254.169.254/latest/meta-data', `${service.url}/../admin`];
    const before = service.log.length;
    const jobCount = async (): Promise<number> => (await testApp.dataSource.query('SELECT count(*)::int AS n FROM register_imports'))[0].n;
    const jobsBefore = await jobCount();
    for (const url of probes) {
      const refused = await admin.post(`/api/elections/${demo.electionId}/register-pulls`, { url });
      expect(refused.status, url).toBe(422);
      expect(refused.body).toMatchObject({ code: 'REGISTER_PULL_URL_NOT_ALLOWED', errors: [{ path: '$.url' }] });
      expect(refused.body.detail).toMatch(/nicht freigegeben/);
    }
    expect(service.log.length).toBe(before);
    expect(await jobCount()).toBe(jobsBefore);

    // The office head sees the list but cannot change it; another office sees nothing of it.
    expect((await admin.get(`/api/offices/${demo.office.officeId}/register-pull-sources`)).body).toEqual({ urls: [service.url] });
    const widened = await admin.put(`/api/offices/${demo.office.officeId}/register-pull-sources`, { urls: ['http://127.0.0.1:5432/'] });
    expect(widened.status).toBe(403);
    const other = await createOfficeWithStaff(testApp, '03101000', 'Nachbarstadt');
    expect((await other.officeAdmin.get(`/api/offices/${demo.office.officeId}/register-pull-sources`)).status).toBe(404);
    expect((await other.officeAdmin.get(`/api/offices/${other.officeId}/register-pull-sources`)).body).toEqual({ urls: [] });
  });
});
