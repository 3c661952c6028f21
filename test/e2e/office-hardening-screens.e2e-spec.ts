import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ATTEMPTS } from '../../apps/api/src/modules/identity/sign-in-limits';
import { artifactPath, browserAvailable, ensureWebAppBuilt, focusedId, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { adminClient } from '../support/offices';
import { createPostalElection, publicClientFrom, rollVoters, startPostalTestApp, type PostalElection } from '../support/postal';
import { axeViolations } from '../support/results-page';
import { TEST_ADMIN_PASSWORD, type TestApp } from '../support/test-app';

// Issue #17's office screens in the browser at 360 px: the office admin sees who is locked out and
// unlocks them, the provider edits an office's register-pull allow-list (refused lines named before
// sending), and a clerk works through the voters to be told of a repeated postal application.

noticeIfNoBrowser('office hardening screens e2e');

describe.skipIf(!browserAvailable)('office web app: users, register pull allow-list, repeat notices', () => {
  let testApp: TestApp;
  let browser: Browser;
  let election: PostalElection;
  const officeAdmin = { username: 'leitung.wahlingen', password: 'leitung-wahlingen-2029' };
  const clerk = { username: 'briefwahl.wahlingen', password: 'briefwahl-wahlingen-2029' };

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    election = await createPostalElection(testApp, { residents: 120, seed: 'hardening-screens' });
    const admin = await adminClient(testApp);
    for (const [user, role] of [
      [officeAdmin, 'office-admin'],
      [clerk, 'clerk'],
    ] as const) {
      const created = await admin.post(`/api/offices/${election.office.officeId}/users`, { ...user, displayName: user.username, role });
      expect(created.status).toBe(201);
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function signedIn(user: { username: string; password: string }): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    return page;
  }

  /** Wrong passwords from strangers' addresses until the account is locked for unknown devices (the attempt after the limit). */
  async function lockOut(username: string): Promise<void> {
    for (let i = 0; i <= ACCOUNT_ATTEMPTS; i++) {
      await fetch(`${testApp.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
        body: JSON.stringify({ username, password: `geraten-${i}` }),
      });
    }
  }

  it('should let the office admin create an account, see it locked by strangers and unlock it', async () => {
    const page = await signedIn(officeAdmin);
    await page.click('a:has-text("Benutzer")');
    await page.waitForURL(`${testApp.baseUrl}/office/benutzer`);
    await page.waitForSelector(`[data-user="${clerk.username}"] >> text=Anmeldung normal`);

    // The server's German field error appears at its field; nothing is created.
    await page.fill('#new-user-username', 'wahlhelfer.nord');
    await page.fill('#new-user-name', 'Wahlhelfer Nord');
    await page.fill('#new-user-password', 'zu-kurz');
    await page.click('#create-user button[type=submit]');
    await page.waitForSelector('#new-user-password[aria-invalid="true"]');
    expect(await page.locator('#new-user-password-problem').textContent()).toBe('Das Passwort braucht mindestens 12 Zeichen.');
    await page.fill('#new-user-password', 'wahlhelfer-nord-2029');
    await page.click('#create-user button[type=submit]');
    await page.waitForSelector('#users-feedback >> text=wahlhelfer.nord ist angelegt.');
    await page.waitForSelector('[data-user="wahlhelfer.nord"] >> text=Sachbearbeitung');
    expect(await page.locator('#new-user-password').inputValue()).toBe('');

    await lockOut('wahlhelfer.nord');
    await page.reload();
    const card = page.locator('[data-user="wahlhelfer.nord"]');
    await card.locator('text=Für fremde Geräte gesperrt').waitFor();
    expect(await card.innerText()).toContain(`Fehlversuche in den letzten 15 Minuten: ${ACCOUNT_ATTEMPTS}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-users-locked-360.png'), fullPage: true });

    // Declining the confirmation changes nothing; accepting unlocks, with feedback.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Konto wahlhelfer.nord entsperren' }).click();
    expect(await page.locator('#users-feedback').textContent()).toBe('');
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Konto wahlhelfer.nord entsperren?');
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Konto wahlhelfer.nord entsperren' }).click();
    await page.waitForSelector('#users-feedback >> text=Das Konto wahlhelfer.nord ist entsperrt.');
    await card.locator('text=Anmeldung normal').waitFor();
    // The button left with the lock; the focus is on the feedback, not lost.
    expect(await focusedId(page)).toBe('users-feedback');
    const unlocks = await testApp.dataSource.query('SELECT unlocked_by_name FROM account_unlocks');
    expect(unlocks).toEqual([{ unlocked_by_name: officeAdmin.username }]);
    await page.context().close();
  }, 120_000);

  it('should show the users screen to office admins only', async () => {
    const page = await signedIn(clerk);
    await page.waitForSelector('#election-list');
    expect(await page.locator('a:has-text("Benutzer")').count()).toBe(0);
    await page.goto(`${testApp.baseUrl}/office/benutzer`);
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.goto(`${testApp.baseUrl}/office/aemter/${election.office.officeId}/registerabruf`);
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.context().close();
  }, 60_000);

  it("should let the provider edit an office's pull allow-list, naming a refused line before sending", async () => {
    const page = await signedIn({ username: 'admin', password: TEST_ADMIN_PASSWORD });
    await page.click(`[data-office="${election.office.ags}"] >> text=Registerabruf: erlaubte Quellen`);
    await page.waitForURL(`${testApp.baseUrl}/office/aemter/${election.office.officeId}/registerabruf`);
    const field = page.locator('#pull-sources');
    await field.waitFor();
    expect(await field.inputValue()).toBe('');

    let requests = 0;
    page.on('request', (request) => {
      if (request.method() === 'PUT') requests += 1;
    });
    await field.fill('https://register.wahlingen.example/api/\n\nftp://register.example/');
    await page.waitForSelector('#pull-sources[aria-invalid="true"]');
    expect(await page.locator('#pull-sources-problem').textContent()).toBe('Zeile 3: Bitte eine http- oder https-Adresse angeben.');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-pull-sources-invalid-360.png'), fullPage: true });
    await page.click('#pull-sources-form button[type=submit]');
    expect(requests).toBe(0);

    await field.fill('https://register.wahlingen.example/api/\nhttp://10.20.0.5:8080/melde');
    expect(await page.locator('#pull-sources[aria-invalid]').count()).toBe(0);
    await page.click('#pull-sources-form button[type=submit]');
    await page.waitForSelector('#pull-sources-status >> text=Gespeichert: 2 Adresse(n) freigegeben.');
    expect(requests).toBe(1);
    const stored = await (await adminClient(testApp)).get(`/api/offices/${election.office.officeId}/register-pull-sources`);
    expect(stored.body.urls).toEqual(['http://10.20.0.5:8080/melde', 'https://register.wahlingen.example/api']);
    expect((await field.inputValue()).split('\n')).toEqual(stored.body.urls);
    await page.context().close();
  }, 60_000);

  it('should list a repeated postal application with the letter to send and mark it done', async () => {
    const [voter] = await rollVoters(testApp, election.electionId);
    const application = {
      electionId: election.electionId,
      familyName: voter!.familyName,
      givenNames: voter!.givenNames,
      birthDate: voter!.birthDate,
      street: voter!.street,
      houseNumber: voter!.houseNumber,
      postalCode: voter!.postalCode,
      delivery: { kind: 'home' },
    };
    const web = publicClientFrom(testApp, '203.0.113.40');
    const first = await web.post('/api/public/postal-voting/applications', application);
    expect(first.status).toBe(201);
    const again = await web.post('/api/public/postal-voting/applications', { ...application, delivery: { kind: 'collection' } });
    expect(again.status).toBe(201);

    const page = await signedIn(clerk);
    await page.click(`[data-election="${election.electionId}"] >> text=Wiederholte Briefwahlanträge`);
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/${election.electionId}/briefwahl/wiederholte-antraege`);
    const notice = page.locator(`[data-notice="${again.body.reference}"]`);
    await notice.waitFor();
    expect(await page.locator('.count').textContent()).toBe('1 offen');
    const text = await notice.innerText();
    expect(text).toContain(`Bestehender Antrag ${first.body.reference}: `);
    expect(text).toContain('Zu senden: Brief an die Meldeanschrift');
    expect(text).toContain(voter!.familyName);
    expect(text).toContain(`${voter!.postalCode} `);
    expect(text).toContain(`ein weiterer Wahlscheinantrag auf Ihren Namen eingegangen (Nummer ${again.body.reference})`);
    expect(text).toContain(`Antragsnummer ${first.body.reference}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-repeat-notices-360.png'), fullPage: true });

    // The print style keeps only this letter (emulated print media).
    await page.evaluate('document.body.classList.add("printing-letter")');
    await page.evaluate(`document.querySelector('[data-notice="${again.body.reference}"]').classList.add('print-target')`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await notice.locator('.letter').isVisible()).toBe(true);
    expect(await notice.locator('button').first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate('document.body.classList.remove("printing-letter")');

    await page.getByRole('button', { name: `Benachrichtigung zu Antrag ${again.body.reference} als erledigt markieren` }).click();
    await page.waitForSelector(`#notices-feedback >> text=Antrag ${again.body.reference}: als erledigt markiert.`);
    await page.waitForSelector('text=Keine offenen Benachrichtigungen.');
    expect(await focusedId(page)).toBe('notices-feedback');
    expect(await page.locator('.count').textContent()).toBe('0 offen');
    const queue = await election.office.clerk.get(`/api/elections/${election.electionId}/postal-voting/repeat-notices?open=false`);
    expect(queue.body.items[0]).toMatchObject({ reference: again.body.reference, notifiedBy: clerk.username });
    await page.context().close();
  }, 90_000);
});
