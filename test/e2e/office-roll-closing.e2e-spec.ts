import { readFileSync } from 'node:fs';
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
import { STAFF_PASSWORD } from '../support/offices';
import {
  createPostalElection,
  daysAgo,
  hasPdftotext,
  pdftotext,
  rollVoters,
  startPostalTestApp,
  type PostalElection,
} from '../support/postal';
import { axeViolations } from '../support/results-page';
import type { TestApp } from '../support/test-app';

// Issue #12, closing the roll on the roll page: the office head sees today's A1/A2/A3 per district,
// is told in German what is missing, closes with name and function, and downloads the stored
// certificate (read back). At 390 px, axe clean, nothing past the right edge.

noticeIfNoBrowser('office roll closing e2e');

describe.skipIf(!browserAvailable)('office web app: closing the roll', () => {
  let testApp: TestApp;
  let browser: Browser;
  let election: PostalElection;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    election = await createPostalElection(testApp, {
      residents: 80,
      seed: 'office-closing',
      deadlines: { rollClosingEarliest: daysAgo(1) },
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function signedInAsHead(width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${election.office.ags}-office-admin`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    return page;
  }

  it('should close the roll with name and function and download the certificate', async () => {
    const voters = await rollVoters(testApp, election.electionId);
    const page = await signedInAsHead(390);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${election.electionId}/waehlerverzeichnis`);
    const total = page.locator('#roll-closing-table tfoot td');
    await total.first().waitFor();
    expect(await total.allTextContents()).toEqual([String(voters.length), '0', String(voters.length), '0', String(voters.length)]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);

    await page.fill('#closing-signer-name', 'Erika Mustermann');
    await page.click('#roll-close');
    await expect
      .poll(() => page.locator('#closing-signer-function-problem').textContent())
      .toBe('Bitte die Funktion angeben (z. B. Leiterin des Wahlamts).');
    const [stillOpen] = await testApp.dataSource.query('SELECT closed_at FROM rolls WHERE election_id = $1', [election.electionId]);
    expect(stillOpen.closed_at).toBeNull();

    await page.fill('#closing-signer-function', 'Leiterin des Wahlamts');
    await page.click('#roll-close');
    await expect
      .poll(() => page.locator('#roll-closed-note').textContent())
      .toContain('bescheinigt von Erika Mustermann (Leiterin des Wahlamts)');
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-roll-closing-390.png'), fullPage: true });

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('#roll-closing-pdf')]);
    expect(pdf.suggestedFilename()).toBe('abschlussbescheinigung.pdf');
    if (hasPdftotext) {
      const text = pdftotext(readFileSync((await pdf.path())!));
      expect(text).toContain('Abschlussbescheinigung des Wählerverzeichnisses');
      expect(text).toContain('Erika Mustermann');
    }
    await page.context().close();
  }, 150_000);
});
