import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { reportingBoards } from '../support/confirmed-reports';
import { POLLING_0101, workedExampleElection } from '../support/election-night';
import { anonymous, createOfficeWithStaff, STAFF_PASSWORD } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';
import { startWebhookReceiver, verifySignature } from '../support/webhook-receiver';

// The "Webhooks für Presse und Partner" screen in the browser: a wrong address refused at the field,
// a recipient added with its secret shown once, a delivery in the log after a confirmed report,
// switching the recipient off; axe clean at 1280 and 390 px.

noticeIfNoBrowser('office webhooks e2e');

describe.skipIf(!browserAvailable)('office web app: webhooks', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let electionId: string;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let confirm: (number: string, report: object) => Promise<void>;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp({ WAHL_WEBHOOK_ALLOW_PRIVATE: 'true', WAHL_WEBHOOK_RETRY_SECONDS: '1' });
    receiver = await startWebhookReceiver();
    const office = await createOfficeWithStaff(testApp, '08999304', 'Presseburg');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999304', 'Presseburg'));
    expect(imported.status).toBe(201);
    electionId = imported.body.id;
    ({ confirm } = await reportingBoards(testApp, office.officeAdmin, electionId));
    await anonymous(testApp).get(`/api/public/elections/${electionId}`);
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await testApp?.close();
  });

  it('should refuse a wrong address at the field, then add a recipient and show its secret once', async () => {
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', 'u08999304-office-admin');
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.click(`[data-election="${electionId}"] >> text=Webhooks`);
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/${electionId}/webhooks`);
    await page.fill('#webhook-name', 'Stadtanzeiger');
    await page.fill('#webhook-url', 'ftp://stadtanzeiger.example/hook');
    await page.click('#webhook-add');
    await page.locator('#webhook-url[aria-invalid="true"]').waitFor();
    expect(await page.locator('#webhook-url-problem').textContent()).toContain('http- oder https-Adresse');

    await page.fill('#webhook-url', receiver.url);
    await page.click('#webhook-add');
    await page.locator('#webhook-secret').waitFor();
    const secret = (await page.locator('#webhook-secret code').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.locator('#webhooks-list tr[data-webhook]').waitFor();
    expect(await page.locator('#webhooks-list tbody').textContent()).toContain('aktiv');
    expect(await axeViolations(page)).toEqual([]);

    await confirm('0101', POLLING_0101);
    await receiver.until(1);
    expect(verifySignature(secret, receiver.received[0]!.headers['wahl-signature'] as string, receiver.received[0]!.body)).toBe(true);
  }, 120_000);

  it('should show the delivery in the log and switch the recipient off', async () => {
    await page.click('#webhooks-refresh');
    await page.locator('#webhooks-log tr[data-state="delivered"]').waitFor();
    expect(await page.locator('#webhooks-log tbody').textContent()).toContain('zugestellt');
    await page.click('#webhooks-list button[data-toggle]');
    await page.locator('#webhooks-list tbody >> text=ausgeschaltet').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifactPath('office-webhooks-390.png'), fullPage: true });
  }, 60_000);

  it('should refuse a rehearsal over real results on the Probe screen, accessible at 390 px', async () => {
    await page.goto(`${testApp.baseUrl}/office/wahlen/${electionId}/probe`);
    await page.locator('#rehearsal-phase[data-phase="live"]').waitFor();
    expect(await page.locator('#rehearsal-phase').textContent()).toContain('Gespeicherte Ergebnisse: 1');
    // A report of the real night is stored: the switch to a rehearsal is not offered.
    expect(await page.locator('#rehearsal-switch').isDisabled()).toBe(true);
    expect(await page.locator('#rehearsal-reset').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
