import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, focusedId, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { httpClient, login } from '../support/http';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

noticeIfNoBrowser('office-web e2e');

describe.skipIf(!browserAvailable)('office web app in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;
  const clerkPassword = 'sachbearbeitung-2026';

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    const admin = await login(testApp.baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    const office = await admin.post('/api/offices', { name: 'Stadt Karlsruhe', ags: '08212000', level: 'municipality' });
    expect(office.status).toBe(201);
    await admin.post('/api/offices', { name: 'Universitätsstadt Göttingen', ags: '03159016', level: 'municipality' });
    const clerk = await admin.post(`/api/offices/${office.body.id}/users`, {
      username: 'wahlamt.ka',
      displayName: 'Wahlamt Karlsruhe',
      password: clerkPassword,
      role: 'clerk',
    });
    expect(clerk.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const openPage = async (width: number): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 760 }, locale: 'de-DE' });
    return context.newPage();
  };

  const signIn = async (page: Page, username: string, password: string): Promise<void> => {
    await page.goto(`${testApp.baseUrl}/office/`);
    await page.waitForURL('**/office/anmelden');
    // Keyboard only: the username field has the focus, Tab reaches the password, Enter submits.
    await expect.poll(() => focusedId(page)).toBe('username');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
  };

  it('should show the German error and keep the user on the sign-in page when the password is wrong', async () => {
    const page = await openPage(360);
    await signIn(page, 'admin', 'falsches-passwort');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Benutzername oder Passwort ist falsch.');
    expect(await page.inputValue('#password')).toBe('');
    expect(await focusedId(page)).toBe('password');
    expect(await page.getAttribute('#password', 'aria-invalid')).not.toBeNull();
    expect(new URL(page.url()).pathname).toBe('/office/anmelden');
    await page.screenshot({ path: artifactPath('office-web-sign-in-error-360.png'), fullPage: true });
    await page.context().close();
  });

  it('should show the wait and lock the button after too many failed sign-ins', async () => {
    // Five failures within 15 minutes block the account name for this client for a minute at first
    // (identity/sign-in-limits.ts, issue #17: slow down instead of locking the owner out).
    const client = httpClient(testApp.baseUrl);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await client.post('/api/auth/login', { username: 'niemand', password: 'falsch' })).status).toBe(401);
    }
    const page = await openPage(360);
    await signIn(page, 'niemand', 'falsch');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^Zu viele fehlgeschlagene Anmeldungen für dieses Konto von diesem Gerät\. Bitte warten Sie /);
    const submit = page.locator('#sign-in-form button[type=submit]');
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.textContent()).toMatch(/^Erneut möglich in (?:0:[0-5]\d|1:00)$/);
    expect(await page.locator('#sign-in-form .form-hint').textContent()).toMatch(/^Nächster Versuch ab \d\d:\d\d Uhr möglich\.$/);
    await page.screenshot({ path: artifactPath('office-web-sign-in-locked-360.png'), fullPage: true });
    await page.context().close();
  });

  it('should sign the provider admin in, list the offices and sign out again', async () => {
    const page = await openPage(360);
    await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wahlämter');
    const items = page.locator('#office-list > li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().innerText()).toMatch(/Stadt Karlsruhe\s+Schlüssel 08212000\s+Gemeinde/);
    expect(await page.locator('.count').textContent()).toBe('2 Wahlämter');
    expect(await page.title()).toBe('Wahlämter – Wahlsystem');
    await page.screenshot({ path: artifactPath('office-web-offices-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.screenshot({ path: artifactPath('office-web-offices-1280.png'), fullPage: true });

    // The session survives a reload of a deep link: the sign-in address forwards to the overview.
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await expect.poll(() => page.locator('#office-list > li').count()).toBe(2);

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL('**/office/anmelden');
    const me = await page.evaluate(async () => (await fetch('/api/auth/me', { credentials: 'same-origin' })).status);
    expect(me).toBe(401);
    await page.context().close();
  });

  it('should show an office clerk the elections of the office, in English after the switch', async () => {
    const page = await openPage(360);
    await signIn(page, 'wahlamt.ka', clerkPassword);
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wahlen');
    expect(await page.locator('.brand-area').textContent()).toBe('Stadt Karlsruhe');
    expect(await page.locator('.user-role').textContent()).toBe('Sachbearbeitung');
    // No election exists yet; the same empty state also stands in while GET /api/elections is missing.
    await expect.poll(() => page.locator('.empty-title').textContent()).toBe('Noch keine Wahlen angelegt.');
    await page.screenshot({ path: artifactPath('office-web-elections-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 760 });
    await page.screenshot({ path: artifactPath('office-web-elections-1280.png'), fullPage: true });

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Elections');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await focusedId(page)).toBe('language-toggle');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Elections');
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wahlen');
    await page.context().close();
  });

  it('should list the elections newest first with kind and German election day', async () => {
    const page = await openPage(360);
    // A fixed answer of GET /api/elections, so that the list view is checked whatever elections exist.
    await page.route('**/api/elections', (route) =>
      route.fulfill({
        json: [
          { id: 'e1', name: 'Europawahl 2024', kind: 'europawahl', electionDay: '2024-06-09' },
          { id: 'e2', name: 'Bundestagswahl 2025', kind: 'bundestag', electionDay: '2025-02-23' },
          { id: 'e3', name: 'Gemeinderatswahl 2024', kind: 'gemeinderat-bw', electionDay: '2024-06-09' },
        ],
      }),
    );
    await signIn(page, 'wahlamt.ka', clerkPassword);
    const items = page.locator('#election-list > li');
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.locator('.card-title').allTextContents()).toEqual([
      'Bundestagswahl 2025',
      'Europawahl 2024',
      'Gemeinderatswahl 2024',
    ]);
    expect(await items.locator('.card-meta').allTextContents()).toEqual([
      'Wahltag: Sonntag, 23. Februar 2025',
      'Wahltag: Sonntag, 9. Juni 2024',
      'Wahltag: Sonntag, 9. Juni 2024',
    ]);
    expect(await items.locator('.badge').allTextContents()).toEqual(['Bundestagswahl', 'Europawahl', 'Gemeinderatswahl']);
    expect(await page.locator('.count').textContent()).toBe('3 Wahlen');
    await page.screenshot({ path: artifactPath('office-web-election-list-360.png'), fullPage: true });
    await page.context().close();
  });

  it('should answer deep links under /office/ with the app and unknown files with 404', async () => {
    const client = httpClient(testApp.baseUrl);
    const deepLink = await client.get('/office/wahlen/2026/bezirke', { accept: 'text/html' });
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('content-type')).toMatch(/text\/html/);
    expect(deepLink.body).toContain('<div id="app"');
    expect((await client.get('/office/assets/gibt-es-nicht.js')).status).toBe(404);
    expect((await client.get('/api/gibt-es-nicht', { accept: 'text/html' })).status).toBe(404);

    const page = await openPage(360);
    await page.goto(`${testApp.baseUrl}/office/gibt-es-nicht`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Seite nicht gefunden');
    await page.context().close();
  });
});
