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
import { createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { createPostalElection, hasPdftotext, pdftotext, rollVoters, startPostalTestApp, type PostalElection } from '../support/postal';
import { axeViolations } from '../support/results-page';
import { DEMO_AGS, demoDefinition, registerCsv, uploadRegister } from '../support/roll';
import type { TestApp } from '../support/test-app';

// Issue #12, roll and cards: a clerk finds a voter on the roll page (the search and the look at the
// entry's history are both in the roll's log), prints one district's roll, sees "Veraltet: neu
// erstellen" after a newer register import instead of the old figures under a green "Gebaut", and
// rebuilds; on the cards page a replacement card is made for a voter found by name, not by number.

noticeIfNoBrowser('office roll search e2e');

const germanDate = (iso: string): string => iso.split('-').reverse().join('.');

describe.skipIf(!browserAvailable)('office web app: voter search, history, outdated roll, replacement card by search', () => {
  let testApp: TestApp;
  let browser: Browser;
  let office: OfficeWithStaff;
  let electionId: string;
  let postal: PostalElection;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startPostalTestApp();
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, DEMO_AGS, 'Stadt Wahlingen');
    const definition = demoDefinition();
    const created = await office.clerk.post('/api/elections', definition);
    expect(created.status).toBe(201);
    electionId = created.body.id;
    expect((await uploadRegister(office.clerk, electionId, registerCsv(definition, 150, 'roll-search-1'))).body.status).toBe('succeeded');
    expect((await office.clerk.post(`/api/elections/${electionId}/roll/build`)).status).toBe(200);
    postal = await createPostalElection(testApp, { residents: 60, seed: 'roll-search-cards', office });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  async function signedIn(ags: string, width: number): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${ags}-clerk`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    return page;
  }

  it('should find a voter with the history, print a district, and call the roll outdated after a newer import until rebuilt', async () => {
    const [voter] = await rollVoters(testApp, electionId);
    const page = await signedIn(office.ags, 390);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${electionId}/waehlerverzeichnis`);
    await expect.poll(() => page.locator('#roll-status').textContent()).toMatch(/^Gebaut/);

    await page.fill('#roll-search-family', voter!.familyName);
    await page.fill('#roll-search-birth', germanDate(voter!.birthDate));
    await page.click('#roll-search-submit');
    const card = page.locator(`#roll-search-results [data-voter="${voter!.voterId}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: `Verlauf ${voter!.familyName}, ${voter!.givenNames}` }).click();
    await card.locator('.history-list >> text=In der Wählersuche angezeigt').waitFor();
    const lookups = await testApp.dataSource.query(
      `SELECT details FROM roll_audit_entries WHERE election_id = $1 AND action = 'voter-lookup' ORDER BY at`,
      [electionId],
    );
    expect(lookups.map((l: { details: Record<string, unknown> }) => l.details['shownVoterIds'])).toEqual([
      [voter!.voterId],
      [voter!.voterId],
    ]);
    expect(lookups[1].details.historyOf).toBe(voter!.voterId);
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);

    await page.selectOption('#roll-print-district', voter!.districtId);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.click('#roll-print-pdf')]);
    if (hasPdftotext) expect(pdftotext(readFileSync((await pdf.path())!))).toContain(voter!.familyName);

    // A newer, different register export: the roll is outdated until it is built again.
    const newer = await uploadRegister(office.clerk, electionId, registerCsv(demoDefinition(), 160, 'roll-search-2'));
    expect(newer.body.status).toBe('succeeded');
    await page.reload();
    await expect.poll(() => page.locator('#roll-status').textContent()).toMatch(/^Veraltet: neu erstellen/);
    await page.locator('#roll-outdated').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-roll-outdated-390.png'), fullPage: true });
    await page.click('#roll-build');
    await expect.poll(() => page.locator('#roll-status').textContent()).toMatch(/^Gebaut/);
    expect(await page.locator('#roll-outdated').count()).toBe(0);
    await page.context().close();
  }, 150_000);

  it('should make a replacement polling card for a voter found by name and birth date', async () => {
    const [voter] = await rollVoters(testApp, postal.electionId);
    const page = await signedIn(postal.office.ags, 1280);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${postal.electionId}/wahlbenachrichtigungen`);
    await page.fill('#cards-replacement-reason', 'Karte verloren');
    await page.fill('#cards-replacement-family', voter!.familyName);
    await page.fill('#cards-replacement-birth', germanDate(voter!.birthDate));
    await page.click('#cards-replacement-submit');
    const card = page.locator(`#cards-replacement-results [data-voter="${voter!.voterId}"]`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: `Ersatzkarte drucken ${voter!.familyName}, ${voter!.givenNames}` }).click(),
    ]);
    await card.locator('.alert-success').waitFor();
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const [row] = await testApp.dataSource.query(
      `SELECT count(*)::int AS n FROM polling_card_tokens WHERE election_id = $1 AND voter_id = $2`,
      [postal.electionId, voter!.voterId],
    );
    expect(row.n).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
