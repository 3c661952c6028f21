import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { BOARD_PIN, POLLING_0101, signInBoard, workedExampleElection } from '../support/election-night';
import { axeViolations } from '../support/results-page';
import { createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// The second channel of DOMAIN.md R7.16 in the browser: the office requires the check code on its
// plan of the day, two board members confirm the worked example 0101 (DOMAIN.md 4.3), the second on
// a 390 px phone, and the phone shows the code to read out: 3812 (the worked example of libs/domain
// check-code.spec.ts). The report waits; the clerk types a wrong code (refused in German, with the
// figures received to read back), then the right one, and the district counts; a retry of the right
// code after a lost answer gets the same success.

noticeIfNoBrowser('office check-code e2e');

const WORKED_CODE = '3812';

describe.skipIf(!browserAvailable)('check code of the quick report (second channel)', () => {
  let testApp: TestApp;
  let browser: Browser;
  let office: OfficeWithStaff;
  let electionId: string;
  let districtId: string;
  let signInLink: string;
  let dashboard: Page;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp({ PUBLIC_BASE_URL: 'https://wahl.musterstadt.example' });
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, '08999303', 'Musterstadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999303', 'Musterstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    [{ id: districtId }] = await testApp.dataSource.query(`SELECT id FROM districts WHERE election_id = $1 AND number = '0101'`, [
      electionId,
    ]);
    // The office admin issues the codes; the clerk, who issued none, enters the check code.
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    const code = generated.body.codes.find((entry: any) => entry.districts[0].number === '0101');
    const link = new URL(code.signInUrl);
    signInLink = `${testApp.baseUrl}${link.pathname}${link.search}`;
    const erika = await signInBoard(testApp.baseUrl, code.code, 'Erika Muster');
    const entered = await erika.client.post(`/api/elections/${electionId}/districts/${districtId}/reports`, {
      ...POLLING_0101,
      expectedVersion: 0,
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const path = () => `/api/elections/${electionId}/districts/${districtId}`;

  it('should let the office require the check code on the plan of the day', async () => {
    dashboard = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await dashboard.goto(`${testApp.baseUrl}/office/`);
    await dashboard.waitForURL('**/office/anmelden');
    await dashboard.fill('#username', 'u08999303-clerk');
    await dashboard.fill('#password', STAFF_PASSWORD);
    await dashboard.click('button[type=submit]');
    await dashboard.getByRole('link', { name: 'Wahltag' }).click();
    await dashboard.waitForURL(`**/office/wahlen/${electionId}/wahltag`);
    await dashboard.getByRole('heading', { name: 'Plan des Tages' }).waitFor();
    const checkCode = dashboard.getByLabel('Prüfcode verlangen', { exact: false });
    expect(await checkCode.isChecked()).toBe(false);
    await checkCode.check();
    await dashboard.click('#settings-save');
    await expect.poll(() => dashboard.locator('#settings-status').textContent()).toBe('Plan gespeichert.');
    expect((await office.clerk.get(`/api/elections/${electionId}/polling-day/monitor`)).body.settings.checkCodeRequired).toBe(true);
  });

  it('should show the second board member the code to read out once confirmed, while the report does not count', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', hasTouch: true, isMobile: true })
    ).newPage();
    await page.goto(signInLink);
    await page.getByLabel('Ihr Name').fill('Max Beispiel');
    await page.getByLabel('PIN', { exact: true }).fill(BOARD_PIN);
    await page.click('#board-sign-in');
    await page.getByLabel('PIN wiederholen').fill(BOARD_PIN);
    await page.click('#board-sign-in');
    await page.waitForURL('**/office/board');
    await page.click('#choose-approve');
    await page.getByRole('button', { name: 'Version 1 bestätigen' }).click();
    await expect.poll(() => page.locator('.board-report h2').first().textContent()).toBe('☎ Bestätigt – bitte Prüfcode durchgeben');
    expect(await page.locator('#check-code').textContent()).toBe(WORKED_CODE);
    expect(await page.locator('#district-state').textContent()).toBe('☎Prüfcode ausstehend');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-board-check-code-390.png'), fullPage: true });
    await page.context().close();

    const reports = (await office.clerk.get(`${path()}/reports`)).body;
    expect(reports).toMatchObject({ state: 'awaiting-code', countedVersion: null, codeVersion: 1 });
    // The office never receives the code: it must come by phone.
    expect(reports.checkCode).toBeNull();
    const totals = (await office.clerk.get(`/api/elections/${electionId}/totals?area=municipality`)).body;
    expect(totals.reported).toBe(0);
  });

  it('should refuse the code from whoever issued the district’s codes', async () => {
    const refused = await office.officeAdmin.post(`${path()}/reports/check-code`, { code: WORKED_CODE });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FOUR_EYES_CODE_ISSUER');
    expect((await office.clerk.get(`${path()}/reports`)).body.state).toBe('awaiting-code');
  });

  it('should refuse a wrong code with the figures to read back, then count the report with the right one', async () => {
    await dashboard.goto(`${testApp.baseUrl}/office/`);
    await dashboard.getByRole('link', { name: 'Wahlabend' }).click();
    await dashboard.waitForURL(`**/office/wahlen/${electionId}/wahlabend`);
    const tile = dashboard.locator('#district-tiles [data-district="0101"]');
    await expect.poll(() => tile.getAttribute('data-state')).toBe('awaiting-code');
    expect(await dashboard.locator('#progress-figure').textContent()).toBe('0 von 3 Wahlbezirken gezählt0,0 %');
    await tile.click();
    await dashboard.locator('#check-code-input').waitFor();
    // The report is confirmed: no further entry is offered, only the code (or a rejection).
    expect(await dashboard.locator('#action-enter').count()).toBe(0);
    await expect.poll(() => dashboard.locator('.detail-check-code .numbers-table tr[data-field="D1"] td').textContent()).toBe('310');

    await dashboard.fill('#check-code-input', '3821');
    await dashboard.click('#check-code-submit');
    const problem = dashboard.locator('.detail-check-code .entry-problem');
    await expect.poll(() => problem.textContent()).toContain('Der Prüfcode 3821 passt nicht zu den empfangenen Zahlen von Wahlbezirk 0101');
    expect(await problem.textContent()).toContain('A1 1200, A2 300, A3 0, A 1500, B 820, B1 15, C 12, D 808, D1 310');
    expect(await tile.getAttribute('data-state')).toBe('awaiting-code');
    expect((await office.clerk.get(`/api/elections/${electionId}/totals?area=municipality`)).body.reported).toBe(0);
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: artifactPath('office-check-code-mismatch-1280.png'), fullPage: true });

    await dashboard.fill('#check-code-input', '38 12');
    await dashboard.click('#check-code-submit');
    await expect.poll(() => tile.getAttribute('data-state')).toBe('confirmed');
    await expect.poll(() => dashboard.locator('#progress-figure').textContent()).toBe('1 von 3 Wahlbezirken gezählt33,3 %');
    await expect.poll(() => dashboard.locator('#totals .stat').nth(1).textContent()).toBe('Wählerinnen und Wähler820');

    // Both attempts stand in the audit log, with the code typed.
    await expect
      .poll(async () =>
        (await office.clerk.get(`/api/elections/${electionId}/audit?limit=1000`)).body.entries
          .filter((entry: any) => entry.action.startsWith('report.check-code'))
          .map((entry: any) => `${entry.action} ${entry.newValue.code}`),
      )
      .toEqual(['report.check-code-mismatch 3821', `report.check-code-matched ${WORKED_CODE}`]);
  }, 120_000);

  it('should answer a retried right code like the first success (lost answer) and still refuse a wrong one', async () => {
    const retried = await office.clerk.post(`${path()}/reports/check-code`, { code: WORKED_CODE });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({
      outcome: 'code-confirmed',
      version: 1,
      state: 'confirmed',
      currentVersion: 1,
      countedVersion: 1,
      message: 'Der Prüfcode stimmt: Version 1 für Wahlbezirk 0101 ist bestätigt und zählt.',
    });
    const wrong = await office.clerk.post(`${path()}/reports/check-code`, { code: '3821' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('REPORT_NOT_AWAITING_CODE');
    // Counted once: the retry moves neither the totals nor the audit log.
    const totals = (await office.clerk.get(`/api/elections/${electionId}/totals?area=municipality`)).body;
    expect(totals.reported).toBe(1);
    const audited = (await office.clerk.get(`/api/elections/${electionId}/audit?limit=1000`)).body.entries.filter((entry: any) =>
      entry.action.startsWith('report.check-code'),
    );
    expect(audited.map((entry: any) => entry.action)).toEqual(['report.check-code-mismatch', 'report.check-code-matched']);
  });
});
