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
import { adminClient } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { addElection, createDemoElection, csvLines, demoDefinition, registerCsv, uploadRegister, type DemoElection } from '../support/roll';
import { startTestApp, type TestApp } from '../support/test-app';

// The electoral roll screen in the browser: a generated register of the demo town uploaded with a
// visible progress bar (the upload is throttled so that the bar is seen moving), a broken date listed
// with line, column, value and reason, the rows left out downloadable, the roll built and its summary
// equal to the API's; then, for an election whose cut-off day has passed, the change proposals of a
// later import decided one by one, by selection and in bulk.

noticeIfNoBrowser('office roll e2e');

const RESIDENTS = 1500;
/** A Sunday after the demo's previous election (2025-02-23) whose cut-off day has passed. */
const PAST_ELECTION_DAY = '2025-09-28';
const german = (value: number): string => new Intl.NumberFormat('de-DE').format(value);

describe.skipIf(!browserAvailable)('office web app: electoral roll', () => {
  let testApp: TestApp;
  let browser: Browser;
  let demo: DemoElection;
  let csv: string;
  let brokenLine: number;
  let broken: string;
  const clerk = { username: 'register.wahlingen', password: 'register-wahlingen-2029' };

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    demo = await createDemoElection(testApp);
    const admin = await adminClient(testApp);
    expect(
      (await admin.post(`/api/offices/${demo.office.officeId}/users`, { ...clerk, displayName: 'Meldewesen', role: 'clerk' })).status,
    ).toBe(201);
    csv = registerCsv(demo.definition, RESIDENTS, 'office-roll');
    // One impossible birth date (31.02.) in the 11th record; the file line counts the header as 1.
    const lines = csvLines(csv);
    brokenLine = 12;
    const fields = lines[brokenLine - 1]!.split(';');
    fields[4] = '31.02.2000';
    lines[brokenLine - 1] = fields.join(';');
    broken = lines.join('\n') + '\n';
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const signedInPage = async (width: number): Promise<Page> => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE', acceptDownloads: true })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', clerk.username);
    await page.fill('#password', clerk.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    return page;
  };

  const chooseFile = (page: Page, content: string) =>
    page.setInputFiles('#register-file', { name: 'melderegister.csv', mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });

  it('should list a broken row with line, column, value and reason and import nothing', async () => {
    const page = await signedInPage(1280);
    await page.getByRole('link', { name: 'Wählerverzeichnis' }).click();
    await page.waitForURL(`**/office/wahlen/${demo.electionId}/waehlerverzeichnis`);
    await expect.poll(() => page.locator('#roll-status').textContent()).toMatch(/^Noch nicht gebaut · Stichtag /);
    await chooseFile(page, broken);
    await page.click('#register-start');
    await expect
      .poll(() => page.locator('#import-result .alert').first().textContent())
      .toMatch(/^Der Import ist gescheitert\. Es wurde nichts übernommen\./);
    const row = page.locator('#import-errors tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      String(brokenLine),
      'geburtsdatum',
      '31.02.2000',
      expect.stringMatching(/\S/),
    ]);
    const imports = (await demo.office.clerk.get(`/api/elections/${demo.electionId}/register-imports`)).body;
    expect(imports[0]).toMatchObject({ status: 'failed', rowsImported: 0 });
    await page.screenshot({ path: artifactPath('office-roll-import-errors-1280.png'), fullPage: true });
    await page.context().close();
  });

  it('should show the upload progress, leave the broken row out with a report, build the roll and show its summary', async () => {
    const page = await signedInPage(1280);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${demo.electionId}/waehlerverzeichnis`);
    // A slow line (about 2 s for the file), so that the bar is seen on its way.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: Math.round(Buffer.byteLength(broken) / 2),
    });
    await chooseFile(page, broken);
    await page.check('#register-skip');
    await page.click('#register-start');
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const value = await page
            .locator('#import-progress')
            .getAttribute('aria-valuenow')
            .catch(() => null);
          if (value !== null) seen.push(Number(value));
          return seen.some((percent) => percent > 0 && percent < 100);
        },
        { timeout: 15_000, interval: 100 },
      )
      .toBe(true);
    expect(await page.locator('#import-progress-text').textContent()).toMatch(/^\d{1,2} %/);
    await page.screenshot({ path: artifactPath('office-roll-import-progress-1280.png') });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    await expect
      .poll(() => page.locator('#import-result .alert').first().textContent(), { timeout: 20_000 })
      .toMatch(/^Der Import ist abgeschlossen; fehlerhafte Zeilen wurden ausgelassen\./);
    expect(await page.locator('#import-result .stat').allTextContents()).toEqual([
      `Datensätze gelesen${german(RESIDENTS)}`,
      `Übernommen${german(RESIDENTS - 1)}`,
      'Fehlerhaft1',
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rejected-download')]);
    const report = readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('31.02.2000');
    expect(report).toContain(`${brokenLine};geburtsdatum`);

    await page.click('#roll-build');
    await expect.poll(() => page.locator('#roll-status').textContent()).toMatch(/^Gebaut · Stichtag /);
    const summary = (await demo.office.clerk.get(`/api/elections/${demo.electionId}/roll/summary`)).body;
    await expect.poll(() => page.locator('#roll-voters').textContent()).toBe(`Wahlberechtigte${german(summary.totals.voters)}`);
    expect(await page.locator('#roll-residents').textContent()).toBe(`Einwohner${german(RESIDENTS - 1)}`);
    expect(await page.locator('#roll-districts tbody tr').count()).toBe(summary.districts.length);
    const perDistrict = await page.locator('#roll-districts tbody tr td:nth-child(3)').allTextContents();
    expect(perDistrict.reduce((total, text) => total + Number(text.replace(/\./g, '')), 0)).toBe(summary.totals.voters);
    expect(await page.locator('#roll-reasons tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-reason')))).toEqual(
      summary.notEntered.map((reason: any) => reason.reason),
    );
    const unmatched = (await demo.office.clerk.get(`/api/elections/${demo.electionId}/roll/unmatched`)).body;
    expect(unmatched.total).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#unmatched > li').count()).toBe(Math.min(unmatched.total, 1000));
    await page.screenshot({ path: artifactPath('office-roll-summary-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: artifactPath('office-roll-summary-360.png'), fullPage: true });
    // Nothing wider than the phone: tables scroll inside their own box.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('should let the clerk assign an address without a unique district by hand: audited, entered after the last number', async () => {
    const api = `/api/elections/${demo.electionId}/roll`;
    const before = (await demo.office.clerk.get(`${api}/unmatched`)).body;
    const summaryBefore = (await demo.office.clerk.get(`${api}/summary`)).body;
    const item = before.items[0] as { line: number; familyName: string; givenNames: string };
    const district = summaryBefore.districts[0] as { districtId: string; number: string; name: string; voters: number };
    const page = await signedInPage(390);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${demo.electionId}/waehlerverzeichnis`);
    const row = page.locator(`#unmatched > li[data-line="${item.line}"]`);
    await row.locator('summary').click();
    await row.locator('button[type=submit]').click();
    await row.locator('text=Bitte einen Wahlbezirk wählen.').waitFor();
    await row.getByLabel(`Wahlbezirk für ${item.givenNames} ${item.familyName}`).selectOption(district.districtId);
    await row.locator('button[type=submit]').click();
    await expect.poll(() => page.locator(`#unmatched > li[data-line="${item.line}"]`).count()).toBe(0);

    expect((await demo.office.clerk.get(`${api}/unmatched`)).body.total).toBe(before.total - 1);
    const summaryAfter = (await demo.office.clerk.get(`${api}/summary`)).body;
    expect(summaryAfter.totals.voters).toBe(summaryBefore.totals.voters + 1);
    expect(summaryAfter.districts[0].voters).toBe(district.voters + 1);
    const [entry] = await testApp.dataSource.query(
      `SELECT voter_number AS "voterNumber", added_after_build AS "added", remarks FROM roll_entries
       WHERE election_id = $1 AND district_id = $2 AND source_line_no = $3`,
      [demo.electionId, district.districtId, item.line],
    );
    expect(entry).toEqual({ voterNumber: district.voters + 1, added: true, remarks: `Wahlbezirk ${district.number} von Hand zugeordnet.` });
    const [audit] = await testApp.dataSource.query(
      `SELECT actor_username AS "actor", details->>'line' AS line FROM roll_audit_entries WHERE election_id = $1 AND action = 'address-assigned'`,
      [demo.electionId],
    );
    expect(audit).toEqual({ actor: clerk.username, line: String(item.line) });
    // The same line a second time: not unmatched any more, nothing changes.
    const again = await demo.office.clerk.post(`${api}/unmatched/${item.line}/district`, { districtId: district.districtId });
    expect(again.status).toBe(404);
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-roll-assign-390.png'), fullPage: true });
    await page.context().close();
  });

  it('should let the clerk decide the change proposals of a later import one by one, by selection and in bulk', async () => {
    // An election whose cut-off day has passed: built once, then frozen; a later register proposes changes.
    const electionId = await addElection(demo.office, demoDefinition(PAST_ELECTION_DAY));
    const definition = demoDefinition(PAST_ELECTION_DAY);
    const first = registerCsv(definition, 600, 'office-roll-proposals');
    expect((await uploadRegister(demo.office.clerk, electionId, first)).body.status).toBe('succeeded');
    expect((await demo.office.clerk.post(`/api/elections/${electionId}/roll/build`)).status).toBe(200);
    // Six residents are no longer in the register (moved away or died).
    const later =
      csvLines(first)
        .filter((_, index) => index === 0 || index > 40 || index % 7 !== 0)
        .join('\n') + '\n';
    const second = await uploadRegister(demo.office.clerk, electionId, later);
    expect(second.body.status, JSON.stringify(second.body)).toBe('succeeded');
    const open = async () => (await demo.office.clerk.get(`/api/elections/${electionId}/roll/change-proposals?status=open`)).body;
    const before = await open();
    expect(before.total).toBeGreaterThanOrEqual(3);

    const page = await signedInPage(1280);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${electionId}/waehlerverzeichnis`);
    await expect.poll(() => page.locator('#roll-status').textContent()).toMatch(/^Eingefroren · Stichtag /);
    await expect.poll(() => page.locator('#proposal-list > li').count()).toBe(before.total);
    expect(await page.locator('#roll-build').isDisabled()).toBe(true);
    await page.screenshot({ path: artifactPath('office-roll-proposals-1280.png'), fullPage: true });

    // One by one: without a reason nothing happens, with one the first proposal is accepted.
    const firstId = before.items[0].id;
    await page.click(`[data-proposal="${firstId}"] [data-action="accept"]`);
    expect(await page.locator('#proposal-message').textContent()).toBe('Bitte geben Sie eine Begründung an.');
    await page.fill('#proposal-reason', 'Abmeldung laut Melderegister bestätigt.');
    await page.click(`[data-proposal="${firstId}"] [data-action="accept"]`);
    await expect.poll(() => page.locator('#proposal-flash').textContent()).toBe('1 angenommen, 0 abgelehnt.');
    await expect.poll(() => page.locator('#proposal-list > li').count()).toBe(before.total - 1);

    // By selection: the next one rejected.
    const secondId = before.items[1].id;
    await page.check(`#proposal-${secondId}`);
    await page.click('#proposals-reject-selected');
    await expect.poll(() => page.locator('#proposal-flash').textContent()).toBe('0 angenommen, 1 abgelehnt.');

    // In bulk: all the rest.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#proposals-accept-all');
    await expect.poll(() => page.locator('#proposals-empty').textContent()).toBe('Keine offenen Änderungsvorschläge.');
    expect((await open()).total).toBe(0);
    const accepted = (await demo.office.clerk.get(`/api/elections/${electionId}/roll/change-proposals?status=accepted`)).body;
    const rejected = (await demo.office.clerk.get(`/api/elections/${electionId}/roll/change-proposals?status=rejected`)).body;
    expect([accepted.total, rejected.total]).toEqual([before.total - 1, 1]);
    expect(rejected.items[0]).toMatchObject({ id: secondId, decisionReason: 'Abmeldung laut Melderegister bestätigt.' });
    await page.context().close();
  });
});
