import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  browserAvailable,
  elementsPastRightEdge,
  ensureWebAppBuilt,
  launchBrowser,
  noticeIfNoBrowser,
} from '../support/browser';
import { createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

// Issue #12, administration on screens at 390 px: the office admin gives a clerk a name, a function
// and another role and deactivates the account (its live session ends), and is refused deactivating
// themself with the reason; the provider renames an office and gets a German field error for a bad
// key. Axe clean, nothing past the right edge.

noticeIfNoBrowser('office administration screens e2e');

describe.skipIf(!browserAvailable)('office web app: editing offices and accounts', () => {
  let testApp: TestApp;
  let browser: Browser;
  let office: OfficeWithStaff;
  const ADMIN = 'u08999460-office-admin';
  const CLERK = 'u08999460-clerk';

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, '08999460', 'Gemeinde Bildschirmdorf');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function signedIn(username: string, password: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    return page;
  }

  it("should change a clerk's name, function and role, deactivate the account and refuse deactivating oneself", async () => {
    const page = await signedIn(ADMIN, STAFF_PASSWORD);
    await page.goto(`${testApp.baseUrl}/office/benutzer`);
    const card = page.locator(`[data-user="${CLERK}"]`);
    await card.locator(`[data-edit="${CLERK}"] summary`).click();
    await card.getByLabel('Name', { exact: true }).fill('Erika Mustermann');
    await card.getByLabel('Funktion').fill('Stellvertretende Wahlleiterin');
    await card.getByLabel('Rolle').selectOption('office-admin');
    await card.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForSelector(`#users-feedback >> text=Das Konto ${CLERK} ist gespeichert.`);
    const saved = page.locator(`[data-user="${CLERK}"]`);
    await saved.locator('text=Stellvertretende Wahlleiterin').waitFor();
    expect(await saved.locator('.badge').textContent()).toBe('Wahlamt-Administration');
    expect(await axeViolations(page)).toEqual([]);

    await saved.locator(`[data-edit="${CLERK}"] summary`).click();
    await saved.getByLabel(/Konto aktiv/).uncheck();
    await saved.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForSelector(`#users-feedback >> text=Das Konto ${CLERK} ist gespeichert.`);
    await page.locator(`[data-user="${CLERK}"] >> text=deaktiviert`).waitFor();
    expect((await office.clerk.get('/api/auth/me')).status).toBe(401);

    const own = page.locator(`[data-user="${ADMIN}"]`);
    await own.locator(`[data-edit="${ADMIN}"] summary`).click();
    await own.getByLabel(/Konto aktiv/).uncheck();
    await own.getByRole('button', { name: 'Speichern' }).click();
    await own.locator('text=Die eigene Administratorrolle kann man nicht entfernen und das eigene Konto nicht deaktivieren.').waitFor();
    const [admin] = await testApp.dataSource.query('SELECT active FROM users WHERE username = $1', [ADMIN]);
    expect(admin.active).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-users-edit-390.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('should let the provider rename an office and name a bad key at its field', async () => {
    const page = await signedIn('admin', TEST_ADMIN_PASSWORD);
    const card = page.locator('[data-office="08999460"]');
    await card.locator('[data-edit="08999460"] summary').click();
    await card.getByLabel('Schlüssel').fill('08A');
    await card.getByRole('button', { name: 'Speichern' }).click();
    await card.locator('text=Der amtliche Schlüssel besteht aus 2 bis 12 Ziffern.').first().waitFor();
    await card.getByLabel('Schlüssel').fill('08999460');
    await card.getByLabel('Name').fill('Gemeinde Bildschirmstadt');
    await card.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('#office-setup-status').textContent()).toBe('Wahlamt Gemeinde Bildschirmstadt gespeichert.');
    await page.locator('[data-office="08999460"] .card-title >> text=Gemeinde Bildschirmstadt').waitFor();
    const changes = await testApp.dataSource.query('SELECT after FROM administration_changes WHERE user_id IS NULL');
    expect(changes).toEqual([{ after: { name: 'Gemeinde Bildschirmstadt', ags: '08999460', level: 'municipality' } }]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
