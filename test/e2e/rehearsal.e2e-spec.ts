import type { Browser } from 'playwright-core';
import type { WebhookResultsPublished } from '@wahl/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { reportingBoards } from '../support/confirmed-reports';
import { POLLING_0101, workedExampleElection } from '../support/election-night';
import type { HttpClient } from '../support/http';
import { anonymous, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { AggregationRepository } from '../../apps/api/src/modules/aggregation/aggregation.repository';

// Rehearsal mode (Probe) end to end: the office switches an empty election to a rehearsal; every
// public output says "PROBE – keine echten Ergebnisse" (results JSON, page in a real browser, open
// data, webhook); the live night cannot start over rehearsal results; the reset removes reports,
// publications and releases and is audited; then the real night starts empty and unmarked.

const WATERMARK = 'PROBE – keine echten Ergebnisse';

noticeIfNoBrowser('rehearsal watermark on the results page');

describe('rehearsal mode (Probe)', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let publicApi: HttpClient;
  let electionId: string;
  let confirm: (number: string, report: object) => Promise<void>;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let browser: Browser | undefined;
  const phase = () => `/api/elections/${electionId}/results-phase`;
  // The revision sum the totals compare at each publication, read over the counted rows only (issue
  // 16), against the sum over every district row: a reset sets revisions back to 0.
  const revisionSums = async () => {
    const [{ every }] = await testApp.dataSource.query(
      `SELECT coalesce(sum(counted_revision), 0)::int AS every FROM election_night_districts WHERE election_id = $1`,
      [electionId],
    );
    return { every, counted: await testApp.app.get(AggregationRepository).revisionSum(electionId) };
  };
  const town = async () => {
    const snapshot = await publicApi.get(`/api/public/elections/${electionId}`);
    return { snapshot: snapshot.body, town: snapshot.body.results.find((result: { areaId: string }) => result.areaId === 'municipality') };
  };

  beforeAll(async () => {
    if (browserAvailable) await ensureWebAppBuilt('results-web');
    testApp = await startTestApp({ WAHL_WEBHOOK_ALLOW_PRIVATE: 'true', WAHL_WEBHOOK_RETRY_SECONDS: '1' });
    publicApi = anonymous(testApp);
    receiver = await startWebhookReceiver();
    office = await createOfficeWithStaff(testApp, '08999305', 'Probstadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999305', 'Probstadt'));
    expect(imported.status).toBe(201);
    electionId = imported.body.id;
    ({ confirm } = await reportingBoards(testApp, office.officeAdmin, electionId));
    expect((await office.officeAdmin.post(`/api/elections/${electionId}/webhooks`, { name: 'Presse', url: receiver.url })).status).toBe(
      201,
    );
    if (browserAvailable) browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await testApp?.close();
  });

  it('should switch an empty election to a rehearsal (office admin only) and mark the public results', async () => {
    expect((await office.clerk.get(phase())).body).toEqual({ electionId, phase: 'live', storedResults: 0 });
    expect((await office.clerk.put(phase(), { phase: 'rehearsal' })).status).toBe(403);
    const bad = await office.officeAdmin.put(phase(), { phase: 'probe' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('$.phase');
    expect((await office.officeAdmin.put(phase(), { phase: 'rehearsal' })).body).toMatchObject({ phase: 'rehearsal' });
    expect((await town()).snapshot.rehearsal).toBe(true);
    const list = await publicApi.get('/api/public/elections');
    expect(list.body.find((entry: { electionId: string }) => entry.electionId === electionId).rehearsal).toBe(true);
  });

  it('should watermark the open data, the webhook and the reports of the rehearsal', async () => {
    await confirm('0101', POLLING_0101);
    await receiver.until(1);
    const hook = JSON.parse(receiver.received.at(-1)!.body) as WebhookResultsPublished;
    expect(hook).toMatchObject({ rehearsal: true, watermark: WATERMARK });
    const csv = await publicApi.get(`/api/public/elections/${electionId}/open-data/wahlbezirk.csv`);
    expect(csv.headers.get('content-disposition')).toContain('filename="PROBE-Open-Data-08999305-Bundestagswahl-Wahlbezirk.csv"');
    const rows = (csv.body as string).trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(';')[1]).toBe(`${WATERMARK}: Bundestagswahl`);
    const lists = await publicApi.get(`/api/public/elections/${electionId}/open-data/listen.json`);
    expect(lists.body).toMatchObject({ rehearsal: true, wahl: `${WATERMARK}: Bundestagswahl` });
    // The polling rooms too: every row and the JSON say it is a rehearsal.
    const rooms = await publicApi.get(`/api/public/elections/${electionId}/open-data/wahllokale.csv`);
    expect(rooms.headers.get('content-disposition')).toContain('filename="PROBE-Open-Data-08999305-Bundestagswahl-Wahllokale.csv"');
    for (const row of (rooms.body as string).trim().split('\n').slice(1)) expect(row.split(';')[1]).toBe(`${WATERMARK}: Bundestagswahl`);
    const roomsJson = await publicApi.get(`/api/public/elections/${electionId}/open-data/wahllokale.json`);
    expect(roomsJson.body).toMatchObject({ rehearsal: true, wahl: `${WATERMARK}: Bundestagswahl` });
    const phases = await testApp.dataSource.query(`SELECT DISTINCT phase FROM election_night_reports WHERE election_id = $1`, [electionId]);
    expect(phases).toEqual([{ phase: 'rehearsal' }]);
  });

  it.skipIf(!browserAvailable)(
    'should show the watermark on the results page, accessible, at 1280 and 390 px',
    async () => {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
      await page.goto(`${testApp.baseUrl}/wahl/${electionId}`);
      await page.locator('#rehearsal-watermark:visible').waitFor();
      expect(await page.locator('#rehearsal-watermark').textContent()).toBe(WATERMARK);
      expect(await page.title()).toMatch(/^PROBE – /);
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.locator('#rehearsal-watermark').isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: artifactPath('rehearsal-watermark-390.png') });
      await page.close();
    },
    90_000,
  );

  it('should refuse the switch to the live night while rehearsal results exist', async () => {
    const refused = await office.officeAdmin.put(phase(), { phase: 'live' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RESULTS_PHASE_NOT_EMPTY');
    expect((await town()).town.voters).toBe(820);
  });

  it('should reset the rehearsal: reports, publications and releases gone, the version still rising, audited', async () => {
    const before = await town();
    expect((await office.clerk.post(`${phase()}/reset`)).status).toBe(403);
    const reset = await office.officeAdmin.post(`${phase()}/reset`);
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.deleted).toMatchObject({ reports: 1, webhookDeliveries: 1 });
    expect(reset.body.deleted.releases).toBeGreaterThan(0);
    const after = await town();
    expect(after.snapshot.version).toBeGreaterThan(before.snapshot.version);
    expect(after.town).toMatchObject({ reported: 0, voters: 0 });
    const status = await office.clerk.get(`/api/elections/${electionId}/districts/status`);
    expect(status.body.districts.every((district: { state: string }) => district.state === 'missing')).toBe(true);
    const left = await testApp.dataSource.query(
      `SELECT (SELECT count(*) FROM election_night_reports WHERE election_id = $1)::int AS reports,
              (SELECT count(*) FROM publication_releases WHERE election_id = $1)::int AS releases`,
      [electionId],
    );
    expect(left).toEqual([{ reports: 0, releases: 0 }]);
    expect(await revisionSums()).toEqual({ every: 0, counted: 0 });
    await expect
      .poll(async () => JSON.stringify((await office.clerk.get(`/api/elections/${electionId}/audit`)).body), { timeout: 10_000 })
      .toContain('rehearsal.reset');
    expect((await office.clerk.get(`/api/elections/${electionId}/audit/verify`)).body.valid).toBe(true);
  });

  it('should start the real night empty and unmarked, and never reset it', async () => {
    expect((await office.officeAdmin.put(phase(), { phase: 'live' })).body).toEqual({ electionId, phase: 'live', storedResults: 0 });
    expect((await town()).snapshot.rehearsal).toBe(false);
    await confirm('0101', POLLING_0101);
    await expect.poll(async () => (await town()).town.voters, { timeout: 10_000 }).toBe(820);
    expect(await revisionSums()).toEqual({ every: 1, counted: 1 });
    const csv = await publicApi.get(`/api/public/elections/${electionId}/open-data/gemeinde.csv`);
    expect(csv.body).not.toContain('PROBE');
    const refused = await office.officeAdmin.post(`${phase()}/reset`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REHEARSAL_NOT_ACTIVE');
    expect((await office.officeAdmin.put(phase(), { phase: 'rehearsal' })).body.code).toBe('RESULTS_PHASE_NOT_EMPTY');
    const phases = await testApp.dataSource.query(`SELECT DISTINCT phase FROM election_night_reports WHERE election_id = $1`, [electionId]);
    expect(phases).toEqual([{ phase: 'live' }]);
  });
});
