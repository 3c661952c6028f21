import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  browserAvailable,
  elementsPastRightEdge,
  ensureWebAppBuilt,
  launchBrowser,
  noticeIfNoBrowser,
} from '../support/browser';
import { login } from '../support/http';
import { axeViolations } from '../support/results-page';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

// Issue #12, administration: the provider administrator creates an office and its first office
// administrator on screens (German field errors, nothing stored on a refusal), and that person can
// sign in; that office admin resets a clerk's password with a one-time code, which the clerk redeems
// on the sign-in page; the office admin sees that user's sign-ins (success, failure, new or known
// device, never a password). At 390 px, axe clean, nothing past the right edge.

noticeIfNoBrowser('office provider screens e2e');

describe.skipIf(!browserAvailable)('office web app: provider creates an office and its first user', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should create an office and its first office administrator, who can then sign in', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', 'admin');
    await page.fill('#password', TEST_ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.locator('#create-office').waitFor();

    await page.fill('#new-office-name', 'Gemeinde Musterau');
    await page.fill('#new-office-ags', '08A');
    await page.click('#create-office-submit');
    await expect
      .poll(() => page.locator('#new-office-ags-problem').textContent())
      .toBe('Der amtliche Schlüssel besteht aus 2 bis 12 Ziffern.');
    const [none] = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM offices WHERE name = 'Gemeinde Musterau'`);
    expect(none.n).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.fill('#new-office-ags', '08999401');
    await page.click('#create-office-submit');
    await expect
      .poll(() => page.locator('#office-setup-status').textContent())
      .toBe('Wahlamt Gemeinde Musterau angelegt. Legen Sie jetzt die ersten Benutzer an.');
    await page.locator('#office-list [data-office="08999401"]').waitFor();
    await page.fill('#new-user-username', 'musterau.leitung');
    await page.fill('#new-user-name', 'Erika Mustermann');
    await page.fill('#new-user-password', 'kurz');
    await page.selectOption('#new-user-role', 'office-admin');
    await page.click('#create-user button[type=submit]');
    await expect.poll(() => page.locator('#new-user-password-problem').textContent()).toBe('Das Passwort braucht mindestens 12 Zeichen.');
    await page.fill('#new-user-password', 'musterau-geheim-2029');
    await page.click('#create-user button[type=submit]');
    await expect
      .poll(() => page.locator('#office-setup-status').textContent())
      .toBe('Benutzer musterau.leitung für Gemeinde Musterau angelegt.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-provider-390.png'), fullPage: true });

    const head = await login(testApp.baseUrl, 'musterau.leitung', 'musterau-geheim-2029');
    const me = await head.get('/api/auth/me');
    expect(me.body).toMatchObject({ username: 'musterau.leitung', role: 'office-admin' });
    const offices = await head.get(`/api/offices/${me.body.officeId}`);
    expect(offices.body).toMatchObject({ name: 'Gemeinde Musterau', ags: '08999401' });
    await page.context().close();
  }, 150_000);

  it('should let the office admin make a one-time code with which the user sets a new password', async () => {
    const head = await login(testApp.baseUrl, 'musterau.leitung', 'musterau-geheim-2029');
    const officeId = (await head.get('/api/auth/me')).body.officeId as string;
    const clerk = await head.post(`/api/offices/${officeId}/users`, {
      username: 'musterau.sb',
      displayName: 'Max Muster',
      password: 'altes-passwort-2029',
      role: 'clerk',
    });
    expect(clerk.status).toBe(201);

    const admin = await (await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'de-DE' })).newPage();
    await admin.goto(`${testApp.baseUrl}/office/anmelden`);
    await admin.fill('#username', 'musterau.leitung');
    await admin.fill('#password', 'musterau-geheim-2029');
    await admin.click('button[type=submit]');
    await admin.waitForURL(`${testApp.baseUrl}/office/`);
    await admin.goto(`${testApp.baseUrl}/office/benutzer`);
    await admin.getByRole('button', { name: 'Passwort zurücksetzen für musterau.sb' }).click();
    await expect.poll(() => admin.locator('#users-feedback').textContent()).toContain('Einmalcode für musterau.sb:');
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec((await admin.locator('#users-feedback').textContent())!)![1]!;
    expect(await axeViolations(admin)).toEqual([]);
    expect(await elementsPastRightEdge(admin)).toEqual([]);
    await admin.context().close();

    const user = await (await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'de-DE' })).newPage();
    await user.goto(`${testApp.baseUrl}/office/anmelden`);
    await user.click('#reset-details summary');
    await user.fill('#reset-username', 'musterau.sb');
    await user.fill('#reset-code-input', 'ABCD-EFGH-JKLM');
    await user.fill('#reset-new-password', 'neues-passwort-2029');
    await user.click('#reset-submit');
    await expect
      .poll(() => user.locator('#reset-message').textContent())
      .toBe('Benutzername oder Einmalcode ist falsch, oder der Code ist abgelaufen oder schon benutzt.');
    await user.fill('#reset-code-input', code);
    await user.click('#reset-submit');
    await expect
      .poll(() => user.locator('#reset-message').textContent())
      .toBe('Das Passwort ist geändert. Melden Sie sich jetzt damit an.');
    expect(await axeViolations(user)).toEqual([]);
    expect(await elementsPastRightEdge(user)).toEqual([]);
    await user.fill('#username', 'musterau.sb');
    await user.fill('#password', 'neues-passwort-2029');
    await user.click('button[type=submit]');
    await user.waitForURL(`${testApp.baseUrl}/office/`);
    await user.context().close();
  }, 150_000);

  it("should show the office admin a user's sign-ins, failed and successful, with new and known devices", async () => {
    const head = await login(testApp.baseUrl, 'musterau.leitung', 'musterau-geheim-2029');
    const officeId = (await head.get('/api/auth/me')).body.officeId as string;
    const users = (await head.get(`/api/offices/${officeId}/users`)).body as { id: string; username: string }[];
    const clerkId = users.find((user) => user.username === 'musterau.sb')!.id;
    const wrong = await fetch(`${testApp.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'musterau.sb', password: 'falsch-geraten-2029' }),
    });
    expect(wrong.status).toBe(401);
    const clerk = await login(testApp.baseUrl, 'musterau.sb', 'neues-passwort-2029');
    expect((await clerk.get(`/api/offices/${officeId}/users/${clerkId}/sign-ins`)).status).toBe(403);

    const history = await head.get(`/api/offices/${officeId}/users/${clerkId}/sign-ins`);
    expect(history.status).toBe(200);
    // Newest first: this API sign-in, the wrong password, the browser sign-in of the test before,
    // and the wrong one-time code redeemed there (recorded like a sign-in).
    expect(history.body.map((r: { succeeded: boolean; knownDevice: boolean }) => [r.succeeded, r.knownDevice])).toEqual([
      [true, false],
      [false, false],
      [true, false],
      [false, false],
    ]);
    expect(JSON.stringify(history.body)).not.toMatch(/passwor|falsch-geraten/i);

    const admin = await (await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'de-DE' })).newPage();
    await admin.goto(`${testApp.baseUrl}/office/anmelden`);
    await admin.fill('#username', 'musterau.leitung');
    await admin.fill('#password', 'musterau-geheim-2029');
    await admin.click('button[type=submit]');
    await admin.waitForURL(`${testApp.baseUrl}/office/`);
    // A second sign-in in the same browser comes from a known device.
    await admin.evaluate(() =>
      fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'musterau.leitung', password: 'musterau-geheim-2029' }),
      }),
    );
    await admin.goto(`${testApp.baseUrl}/office/benutzer`);
    await admin.locator('[data-history="musterau.sb"] summary').click();
    const records = admin.locator('[data-history="musterau.sb"] .sign-in-record');
    await expect.poll(() => records.count()).toBe(4);
    expect(await records.nth(0).textContent()).toMatch(/angemeldet.*neues Gerät/);
    expect(await records.nth(1).textContent()).toMatch(/fehlgeschlagen.*neues Gerät/);
    await admin.locator('[data-history="musterau.leitung"] summary').click();
    await expect
      .poll(() => admin.locator('[data-history="musterau.leitung"] .sign-in-record').first().textContent())
      .toMatch(/angemeldet.*bekanntes Gerät/);
    expect(await axeViolations(admin)).toEqual([]);
    expect(await elementsPastRightEdge(admin)).toEqual([]);
    await admin.screenshot({ path: artifactPath('office-users-sign-ins-390.png'), fullPage: true });
    await admin.context().close();
  }, 150_000);
});
