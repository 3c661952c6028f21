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
import { setOfficeAdminSignature, STAFF_PASSWORD } from '../support/offices';
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
// is told in German where to set the missing function of the account, then sees it signs with the
// account's name and function (read-only), closes, and downloads the stored
// certificate (read back); in the Briefwahlstelle an A3 Wahlschein (BWO § 25(2)) is recorded and
// issued, and the Nachtragsliste W shown and printed. At 390 px, axe clean, nothing past the edge.

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

  it("should close the roll signed with the account's name and function and download the certificate", async () => {
    const voters = await rollVoters(testApp, election.electionId);
    const page = await signedInAsHead(390);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${election.electionId}/waehlerverzeichnis`);
    const total = page.locator('#roll-closing-table tfoot td');
    await total.first().waitFor();
    expect(await total.allTextContents()).toEqual([String(voters.length), '0', String(voters.length), '0', String(voters.length)]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);

    // The account has no function yet: the refusal says where to set it, and closing is not offered.
    await expect
      .poll(() => page.locator('#closing-signer').textContent())
      .toBe(
        'Für Ihr Konto ist keine Funktion hinterlegt, mit der Sie unterzeichnen. Eine Administratorin oder ein Administrator des Wahlamts trägt sie unter „Benutzer“ bei Ihrem Konto ein („Bearbeiten“, Feld „Funktion“).',
      );
    expect(await page.locator('#roll-close').isDisabled()).toBe(true);
    const [stillOpen] = await testApp.dataSource.query('SELECT closed_at FROM rolls WHERE election_id = $1', [election.electionId]);
    expect(stillOpen.closed_at).toBeNull();

    await setOfficeAdminSignature(election.office, { displayName: 'Erika Mustermann', function: 'Leiterin des Wahlamts' });
    await page.reload();
    await expect
      .poll(() => page.locator('#closing-signer strong').textContent())
      .toBe('Unterzeichnet von Erika Mustermann (Leiterin des Wahlamts)');
    expect(await page.locator('#closing-signer-name, #closing-signer-function').count()).toBe(0);
    await page.fill('#closing-place', 'Wahlingen');
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

  it('should record and issue an A3 Wahlschein and show the Nachtragsliste W in the Briefwahlstelle', async () => {
    const [voter] = await rollVoters(testApp, election.electionId);
    const page = await signedInAsHead(390);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${election.electionId}/briefwahl`);
    await page.locator('#a3-districtId option').first().waitFor({ state: 'attached' });
    await page.fill('#a3-familyName', 'Neumann');
    await page.fill('#a3-givenNames', 'Lea');
    await page.fill('#a3-birthDate', '2007-03-02');
    await page.fill('#a3-street', 'Hauptstraße');
    await page.fill('#a3-houseNumber', '3');
    await page.fill('#a3-postalCode', '691');
    await page.fill('#a3-city', 'Wahlingen');
    await page.selectOption('#a3-districtId', voter!.districtId);
    await page.selectOption('#a3-reason', 'right-arose-later');
    await page.click('#a3-submit');
    await expect.poll(() => page.locator('#a3-postalCode-problem').textContent()).toBe('Eine deutsche Postleitzahl hat fünf Ziffern.');
    expect(await page.locator('#a3-reasonNote-problem').textContent()).toBe('Bitte den Nachweis bzw. die Begründung angeben.');
    await page.fill('#a3-postalCode', '69117');
    await page.fill('#a3-reasonNote', 'Eingebürgert am 20.02.; Urkunde vorgelegt.');
    await page.click('#a3-submit');
    // The open A3 application stands in the A3 panel and in the work queue; issued here from the panel.
    const issue = page.locator('#postal-a3').getByRole('button', { name: 'Wahlschein erteilen für Lea Neumann' });
    await issue.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    const [certificate] = await Promise.all([page.waitForEvent('download'), issue.click()]);
    const number = `${voter!.districtNumber}-A3-0001`;
    expect(certificate.suggestedFilename()).toBe(`wahlschein-${number}.pdf`);
    if (hasPdftotext) expect(pdftotext(readFileSync((await certificate.path())!))).toContain('Lea Neumann');
    await page.locator(`#a3-list >> text=Wahlschein-Nr. ${number}`).waitFor();
    const counts = await election.office.clerk.get(`/api/elections/${election.electionId}/roll/closing-counts`);
    expect(counts.body.A3).toBe(1);

    await page.selectOption('#supplementary-district', voter!.districtId);
    await page.locator(`#supplementary-body[data-district="${voter!.districtNumber}"] #supplementary-counts`).waitFor();
    const [list] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Nachtragsliste (PDF)' }).click()]);
    if (hasPdftotext)
      expect(pdftotext(readFileSync((await list.path())!))).toContain(`Nachtragsliste „W“ – Wahlbezirk ${voter!.districtNumber}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-postal-a3-390.png'), fullPage: true });
    await page.context().close();
  }, 150_000);
});
