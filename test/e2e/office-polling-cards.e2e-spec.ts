import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { adminClient } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { createDemoElection, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// The polling-card screen in the browser: the main run started with a click, its progress bar moved
// by the server's socket events up to 100 %, the files of the finished job offered for download.

noticeIfNoBrowser('office polling cards e2e');

describe.skipIf(!browserAvailable)('office web app: polling cards', () => {
  let testApp: TestApp;
  let browser: Browser;
  let demo: DemoElection;
  const clerk = { username: 'druck.wahlingen', password: 'druck-wahlingen-2029' };

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    demo = await createDemoElection(testApp);
    const admin = await adminClient(testApp);
    expect((await admin.post(`/api/offices/${demo.office.officeId}/users`, { ...clerk, displayName: 'Druck', role: 'clerk' })).status).toBe(
      201,
    );
    expect((await uploadRegister(demo.office.clerk, demo.electionId, registerCsv(demo.definition, 3000, 'office-cards'))).body.status).toBe(
      'succeeded',
    );
    expect((await demo.office.clerk.post(`/api/elections/${demo.electionId}/roll/build`)).status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should start the main run and follow it on the progress bar to the finished files', async () => {
    const voters = (await demo.office.clerk.get(`/api/elections/${demo.electionId}/roll/summary`)).body.totals.voters as number;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', clerk.username);
    await page.fill('#password', clerk.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.click(`[data-election="${demo.electionId}"] >> text=Wahlbenachrichtigungen`);
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/${demo.electionId}/wahlbenachrichtigungen`);
    await page.waitForSelector('text=Noch kein Druckauftrag.');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#cards-start-main');
    const bar = page.locator('#cards-progress');
    await bar.waitFor();
    // The bar is moved by the socket events; it must reach 100 % and say the job is done.
    // A locator wait, not a string predicate: the page's CSP forbids eval.
    await page.locator('#cards-progress[aria-valuenow="100"]').waitFor({ timeout: 120_000 });
    await page.waitForSelector('text=fertig', { timeout: 30_000 });
    expect(await page.locator('#cards-progress-text').textContent()).toContain(
      `${new Intl.NumberFormat('de-DE').format(voters)} von ${new Intl.NumberFormat('de-DE').format(voters)} Stück`,
    );
    await page.waitForSelector('#cards-files >> text=manifest.json');
    const files = await page.locator('#cards-files button').allTextContents();
    expect(files).toEqual([
      expect.stringMatching(/-los-0001\.pdf$/),
      expect.stringMatching(/-los-0001\.stuecke\.csv$/),
      'manifest.json',
      'manifest.csv',
    ]);
    expect(await page.locator('#cards-jobs tbody tr').count()).toBe(1);
    // The progress bar has a name (issue #12: axe found it nameless).
    expect(await page.getByRole('progressbar', { name: /^Druckfortschritt von Auftrag Nr\. \d+$/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-polling-cards.png'), fullPage: true });
  }, 180_000);
});
