import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElectionReadModel } from '../../apps/api/src/modules/elections/read-model/election-read-model.service';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { STAFF_PASSWORD } from '../support/offices';
import { createPostalElection, startPostalTestApp, type PostalElection } from '../support/postal';
import { axeViolations } from '../support/results-page';
import { DEMO_AGS } from '../support/roll';
import type { TestApp } from '../support/test-app';

// The "Aufbewahrung und Löschung" screen in the browser (R8.4): the plan, a legal hold with a
// refused empty note, lifting it, the dry run that deletes nothing and the run after the confirmation.
// The election is moved a year into the past (its day in the database), so every category is due.

noticeIfNoBrowser('office retention e2e');

describe.skipIf(!browserAvailable)('office web app: retention', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let election: PostalElection;
  const rollRows = async (): Promise<number> =>
    Number((await testApp.dataSource.query('SELECT count(*) AS n FROM roll_entries WHERE election_id = $1', [election.electionId]))[0].n);
  const wouldDelete = (category: string) => page.locator(`#retention-plan tr[data-category="${category}"] td[data-would-delete]`);

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    election = await createPostalElection(testApp, { residents: 120, seed: 'office-retention' });
    const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    await testApp.dataSource.query('UPDATE elections SET election_day = $2 WHERE id = $1', [election.electionId, yearAgo]);
    testApp.app.get(ElectionReadModel).forget(election.electionId);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should show the plan with every category due, reached from the election card', async () => {
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${DEMO_AGS}-office-admin`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.click(`[data-election="${election.electionId}"] >> text=Aufbewahrung`);
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/${election.electionId}/aufbewahrung`);
    await page.locator('#retention-plan tbody tr').first().waitFor();
    expect(await page.locator('#retention-plan tbody th').allTextContents()).toEqual([
      'Daten der Wahlbenachrichtigungen',
      'Zugriffsversuche und Anmeldungen der Wahlvorstände',
      'Wahlscheinanträge und Wahlscheine',
      'Wählerverzeichnis und Melderegister-Importe',
      'Wahlhelferinnen und Wahlhelfer ohne Einwilligung für künftige Wahlen',
      'Meldungen des Wahltags (Anwesenheit, Vorkommnisse, Lesebestätigungen)',
    ]);
    const rows = await rollRows();
    expect(rows).toBeGreaterThan(0);
    expect(Number(await wouldDelete('roll').getAttribute('data-would-delete'))).toBeGreaterThan(rows);
    expect(await page.locator('#retention-plan tr[data-category="roll"]').textContent()).toContain('fällig');
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('should refuse a hold without a file number at the field, then set it and stop every deletion', async () => {
    await page.click('#retention-set-hold');
    await page.locator('#retention-hold-note[aria-invalid="true"]').waitFor();
    expect(await page.locator('#retention-hold-note-problem').textContent()).toContain('mindestens 3 Zeichen');
    await page.selectOption('#retention-hold-reason', 'strafverfahren');
    await page.fill('#retention-hold-note', 'StA Wahlingen 12 Js 345/29');
    await page.click('#retention-set-hold');
    await page.locator('#retention-hold-active').waitFor();
    expect(await page.locator('#retention-hold-active').textContent()).toContain('Löschsperre wegen Strafverfahren');
    expect(await page.locator('#retention-hold-active').textContent()).toContain('StA Wahlingen 12 Js 345/29');
    expect(await wouldDelete('roll').getAttribute('data-would-delete')).toBe('0');
    expect(await page.locator('#retention-run').isDisabled()).toBe(true);
    expect(await page.locator('#retention-run-title + p').textContent()).toBe('Wegen der Löschsperre wird nichts gelöscht.');
    expect(await page.locator('#retention-plan tr[data-category="roll"]').textContent()).toContain('gesperrt');
    await page.screenshot({ path: artifactPath('office-retention-hold.png'), fullPage: true });
  }, 60_000);

  it('should lift the hold, delete nothing in the dry run and delete the due data after the confirmation', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#retention-lift-hold');
    await page.locator('#retention-set-hold').waitFor();
    const before = await rollRows();
    await page.click('#retention-dry-run');
    await page.locator('#retention-output >> text=Probelauf').waitFor();
    expect(await page.locator('#retention-output').textContent()).toContain('Es wurde nichts gelöscht.');
    expect(await rollRows()).toBe(before);

    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.click('#retention-run');
    await page.locator('#retention-output >> text=Datensätze gelöscht').waitFor();
    expect(question).toContain('endgültig löschen');
    expect(await rollRows()).toBe(0);
    expect(await wouldDelete('roll').getAttribute('data-would-delete')).toBe('0');
    expect(await page.locator('#retention-plan tr[data-category="roll"]').textContent()).toContain('keine Daten');
    expect(await page.locator('#retention-run').isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-retention-done.png'), fullPage: true });
  }, 60_000);
});
