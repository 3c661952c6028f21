import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { anonymous, createOfficeWithStaff, STAFF_PASSWORD } from '../support/offices';
import { createDemoElection, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #18: links on access-code sheets and polling cards use PUBLIC_BASE_URL; while it names the
// server itself (the default http://localhost:…), the office screens that print them say so.

const WARNING = 'Achtung: Gedruckte Links (QR-Codes auf Zugangscode-Bögen und Wahlbenachrichtigungen) führen auf http://localhost:';

describe('GET /api/installation', () => {
  let loopback: TestApp;
  let published: TestApp;

  beforeAll(async () => {
    loopback = await startTestApp();
    published = await startTestApp({ PUBLIC_BASE_URL: 'https://wahlen.example.de' });
  });
  afterAll(async () => {
    await loopback?.close();
    await published?.close();
  });

  it('should tell the office staff the public address and whether it is a loopback address', async () => {
    const clerk = (await createOfficeWithStaff(loopback, '08999101', 'Loopbackstadt')).clerk;
    expect((await clerk.get('/api/installation')).body).toEqual({ publicBaseUrl: 'http://localhost:0', publicBaseUrlIsLoopback: true });
    const other = (await createOfficeWithStaff(published, '08999102', 'Publikstadt')).officeAdmin;
    expect((await other.get('/api/installation')).body).toEqual({
      publicBaseUrl: 'https://wahlen.example.de',
      publicBaseUrlIsLoopback: false,
    });
  });

  it('should answer nobody who is not signed in as office staff', async () => {
    expect((await anonymous(loopback).get('/api/installation')).status).toBe(401);
    expect((await (await createOfficeWithStaff(loopback, '08999103', 'Vorstandsstadt')).boardMember.get('/api/installation')).status).toBe(
      403,
    );
  });
});

noticeIfNoBrowser('office public address warning e2e');

describe.skipIf(!browserAvailable)('office web app: the warning before printing links to localhost', () => {
  let testApp: TestApp;
  let browser: Browser;
  let demo: DemoElection;
  let page: Page;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    demo = await createDemoElection(testApp);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${demo.office.ags}-clerk`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should warn on the polling-card screen', async () => {
    await page.goto(`${testApp.baseUrl}/office/wahlen/${demo.electionId}/wahlbenachrichtigungen`);
    await expect.poll(() => page.locator('.cards .public-address-warning').textContent()).toContain(WARNING);
    await page.screenshot({ path: artifactPath('office-public-address-cards.png') });
  }, 60_000);

  it('should warn beside the access codes on the election-night dashboard', async () => {
    await page.goto(`${testApp.baseUrl}/office/wahlen/${demo.electionId}/wahlabend`);
    await expect.poll(() => page.locator('.codes .public-address-warning').textContent()).toContain(WARNING);
    await page.locator('.codes').screenshot({ path: artifactPath('office-public-address-codes.png') });
  }, 60_000);
});
