import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import {
  artifactPath,
  browserAvailable,
  elementsPastRightEdge,
  ensureWebAppBuilt,
  focusedId,
  launchBrowser,
  noticeIfNoBrowser,
} from '../support/browser';
import { BOARD_PIN } from '../support/election-night';
import { createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { seedPollWorkerSeats, type SeededSeat } from '../support/poll-worker-seats';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The poll workers' letters and refreshment money on a phone (390 px): a wrong IBAN refused at its
// field in German, the amounts saved, the letters printed by the background run and downloaded, the
// SEPA file downloaded and checked against the ISO 20022 schema; a member's IBAN refused as typed,
// then stored; a member invited to a training and the attendance recorded; the board's attendance on
// the polling day prefilled with its appointed members; axe finds nothing.

noticeIfNoBrowser('office poll-worker duties e2e');

const XSD = readFileSync(resolve('test/fixtures/sepa/pain.001.001.09.xsd'), 'utf8');

describe.skipIf(!browserAvailable)('office web app: poll workers letters and refreshment money at 390 px', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let office: OfficeWithStaff;
  let electionId: string;
  let seats: SeededSeat[];

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp({ PUBLIC_BASE_URL: 'https://wahl.example' });
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, '08999101', 'Kleinhausen');
    const created = await office.clerk.post('/api/elections', JSON.parse(readFileSync('test/fixtures/election-small.json', 'utf8')));
    electionId = created.body.id;
    seats = await seedPollWorkerSeats(testApp, electionId, office.officeId, [
      { familyName: 'Müller', givenNames: 'Erika', districtNumber: '001', function: 'chair' },
      { familyName: 'Özdemir', givenNames: 'Ayşe', districtNumber: '001', function: 'secretary' },
      { familyName: 'Weber', givenNames: 'Lena', districtNumber: '002', function: 'assessor' },
    ]);
    for (const seat of seats.slice(0, 2)) {
      await office.clerk.put(`/api/elections/${electionId}/poll-workers/people/${seat.personId}/bank-account`, {
        iban: 'DE89370400440532013000',
      });
    }
    page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', acceptDownloads: true })).newPage();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should open the screen from the election card, without sideways scrolling and axe clean', async () => {
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', 'u08999101-office-admin');
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.click(`[data-election="${electionId}"] >> text=Wahlhelfer: Schreiben und Geld`);
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/${electionId}/wahlhelfer/schreiben-und-geld`);
    await page.locator('#letters-status >> text=Noch keine Berufungsschreiben').waitFor();
    expect(await page.inputValue('#rate-chair')).toBe('35,00');
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('should refuse a wrong IBAN at its field in German, then save amounts and account', async () => {
    await page.fill('#rate-chair', '50');
    await page.fill('#debtor-name', 'Gemeinde Kleinhausen');
    await page.fill('#debtor-iban', 'DE75 5121 0800 1245 1261 98');
    await page.click('#payments-save');
    await page.locator('#debtor-iban[aria-invalid="true"]').waitFor();
    expect(await page.locator('#debtor-iban-problem').textContent()).toBe(
      'Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie die Eingabe auf Tippfehler.',
    );
    await page.fill('#debtor-iban', 'DE75 5121 0800 1245 1261 99');
    await page.click('#payments-save');
    await page.locator('#payments-output >> text=Beträge und Konto gespeichert.').waitFor();
    expect(await page.inputValue('#debtor-iban')).toBe('DE75512108001245126199');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('should print the letters in a background run and download the PDF', async () => {
    await page.click('#letters-start');
    await page.locator('#letters-download').waitFor({ timeout: 60_000 });
    expect(await page.locator('#letters-status').textContent()).toBe('Fertig: 3 Schreiben.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#letters-download')]);
    const file = artifactPath('berufungsschreiben.pdf');
    await download.saveAs(file);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    if (!spawnSync('pdftotext', ['-v']).error) {
      expect(text).toContain('Erika Müller');
      expect(text).toContain('Lena Weber');
      expect(text).toContain('Zugangscode');
    }
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('should prefill the board’s attendance with its appointed members, to tick who is present and add a substitute', async () => {
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    const code = generated.body.codes.find((entry: { districts: { number: string }[] }) => entry.districts[0]!.number === '001');
    const link = new URL(code.signInUrl);
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' })).newPage();
    await phone.goto(`${testApp.baseUrl}${link.pathname}${link.search}`);
    await phone.getByLabel('Ihr Name').fill('Erika Müller');
    await phone.getByLabel('PIN', { exact: true }).fill(BOARD_PIN);
    await phone.click('#board-sign-in');
    await phone.locator('#board-pin-repeat').waitFor({ state: 'visible' });
    await phone.getByLabel('PIN wiederholen').fill(BOARD_PIN);
    await phone.click('#board-sign-in');
    await phone.waitForURL('**/office/board');

    // District 001's appointed chair and secretary stand in the form, not yet ticked (district 002's assessor does not).
    await phone.locator('#member-present-1').waitFor();
    expect(await phone.locator('#attendance-form .attendance-member legend').allTextContents()).toEqual([
      'Müller, Erika, Wahlvorsteher/in',
      'Özdemir, Ayşe, Schriftführer/in',
    ]);
    expect(await phone.isChecked('#member-present-0')).toBe(false);
    expect(await phone.locator('#quorum-status [data-quorum="missing"]').textContent()).toContain('0 von mindestens 3');
    await phone.getByLabel('Anwesend', { exact: true }).first().check();
    await phone.check('#member-present-1');
    await phone.click('#attendance-add');
    await phone.fill('#member-name-2', 'Tom Ersatz');
    await phone.check('#member-substitute-2');
    expect(await phone.locator('#quorum-status [data-quorum="met"]').textContent()).toContain('Beschlussfähig: 3 Mitglieder anwesend');
    expect(await elementsPastRightEdge(phone)).toEqual([]);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: artifactPath('polling-day-roster-390.png'), fullPage: true });

    await phone.click('#attendance-send');
    const sent = async () =>
      (
        await testApp.dataSource.query(`SELECT entry FROM polling_day_entries WHERE election_id = $1 AND kind = 'attendance'`, [electionId])
      ).map((row: { entry: { members: { name: string; role: string; substitute: boolean }[] } }) =>
        row.entry.members.map(({ name, role, substitute }) => ({ name, role, substitute })),
      );
    await expect.poll(sent, { timeout: 15_000 }).toEqual([
      [
        { name: 'Müller, Erika', role: 'chair', substitute: false },
        { name: 'Özdemir, Ayşe', role: 'secretary', substitute: false },
        { name: 'Tom Ersatz', role: 'assessor', substitute: true },
      ],
    ]);
    await phone.context().close();
  }, 90_000);

  it('should list the appointed members and download a schema-valid SEPA file', async () => {
    await page.reload();
    await page.locator('#payments-summary').waitFor();
    expect((await page.locator('#payments-summary').textContent())?.replace(/\u00a0/g, ' ')).toBe(
      'Summe 100,00 €: 2 Überweisungen über 75,00 €, 1 bar.',
    );
    await page.fill('#sepa-date', '2025-03-05');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#sepa-download')]);
    expect(download.suggestedFilename()).toBe('erfrischungsgeld-2025-02-23-pain.001.001.09.xml');
    const file = artifactPath('erfrischungsgeld.xml');
    await download.saveAs(file);
    const xml = readFileSync(file, 'utf8');
    const result = await validateXML({
      xml: [{ fileName: 'transfer.xml', contents: xml }],
      schema: [{ fileName: 'pain.001.001.09.xsd', contents: XSD }],
    });
    expect(result.errors).toEqual([]);
    expect(xml).toContain('<CtrlSum>75.00</CtrlSum>');
    await page.locator('#payments-output >> text=SEPA-Datei (pain.001.001.09) wurde erstellt').waitFor();
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-poll-worker-duties-390.png'), fullPage: true });
  }, 60_000);
  it('should refuse a member’s wrong IBAN as it is typed, then store the account', async () => {
    const weber = seats[2]!;
    const paymentOf = async (): Promise<{ method: string; ibanMasked: string | null }> => {
      const list = await office.clerk.get(`/api/elections/${electionId}/poll-workers/payments`);
      return list.body.lines.find((line: { personId: string }) => line.personId === weber.personId);
    };
    await page.locator(`#bank-person option[value="${weber.personId}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#bank-person', weber.personId);
    await page.locator('#bank-iban').pressSequentially('DE89 3704 0044 0532 0130 01');
    await page.locator('#bank-iban[aria-invalid="true"]').waitFor();
    expect(await page.locator('#bank-iban-problem').textContent()).toBe(
      'Die Prüfziffer der IBAN stimmt nicht. Bitte prüfen Sie die Eingabe auf Tippfehler.',
    );
    await page.click('#bank-save');
    expect(await focusedId(page)).toBe('bank-iban');
    expect(await paymentOf()).toMatchObject({ method: 'cash', ibanMasked: null });

    await page.fill('#bank-iban', 'DE89 3704 0044 0532 0130 00');
    expect(await page.locator('#bank-iban-problem').textContent()).toBe('');
    await page.click('#bank-save');
    await page.locator('#bank-output >> text=Bankverbindung gespeichert').waitFor();
    expect(await paymentOf()).toMatchObject({ method: 'transfer' });
    expect((await paymentOf()).ibanMasked).toMatch(/3000$/);
    await expect
      .poll(async () => (await page.locator('#payments-summary').textContent())?.replace(/\u00a0/g, ' '))
      .toBe('Summe 100,00 €: 3 Überweisungen über 100,00 €, 0 bar.');
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('should invite a member to a training and record the attendance', async () => {
    const erika = seats[0]!;
    const created = await office.clerk.post(`/api/elections/${electionId}/poll-workers/trainings`, {
      startsAt: '2025-02-12T18:00:00+01:00',
      durationMinutes: 90,
      place: 'Rathaus, Sitzungssaal',
      capacity: 20,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const detailOf = async () => (await office.clerk.get(`/api/elections/${electionId}/poll-workers/trainings/${created.body.id}`)).body;
    await page.reload();
    await page
      .locator('#trainings-table')
      .getByRole('button', { name: /Teilnehmende der Schulung/ })
      .click();
    await page.locator('#training-participants-none').waitFor();
    await page.locator(`#training-invite-person option[value="${erika.personId}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#training-invite-person', erika.personId);
    await page.click('#training-invite');
    await page.locator(`#attended-${erika.personId}`).waitFor();
    expect((await detailOf()).participants).toEqual([expect.objectContaining({ personId: erika.personId, attended: null })]);

    await page.getByLabel(/Erika.*hat teilgenommen|Müller.*hat teilgenommen/).check();
    await expect.poll(async () => (await detailOf()).participants[0].attended).toBe(true);
    await expect.poll(() => page.locator('#trainings-table tbody tr td.num').last().textContent()).toBe('1');
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-poll-worker-training-390.png'), fullPage: true });
  }, 60_000);

  it('should invite a whole board with one click, then everyone on a board without a training, at 390 and 1280 px', async () => {
    const [erika, ayse, lena] = seats;
    const created = await office.clerk.post(`/api/elections/${electionId}/poll-workers/trainings`, {
      startsAt: '2025-02-19T18:00:00+01:00',
      durationMinutes: 90,
      place: 'Bürgerhaus',
      capacity: 20,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const invitedTo = async (): Promise<string[]> =>
      (await office.clerk.get(`/api/elections/${electionId}/poll-workers/trainings/${created.body.id}`)).body.participants
        .map((participant: { personId: string }) => participant.personId)
        .sort();
    await page.reload();
    await page
      .locator('#trainings-table')
      .getByRole('button', { name: /Teilnehmende der Schulung.*Bürgerhaus/ })
      .click();
    await page.locator('#training-participants-none').waitFor();
    await page.locator('#training-invite-board option', { hasText: 'Wahlvorstand 001' }).waitFor({ state: 'attached' });

    // Board 001 (Erika Müller, who moves here from the first session, and Ayşe Özdemir) in one step.
    await page.getByLabel('Ganzer Wahlvorstand').selectOption({ label: 'Wahlvorstand 001' });
    await page.click('#training-invite-board-send');
    await page.locator('#training-detail-output >> text=Eingeladen: 2. Die Schulung hat jetzt 2 Teilnehmende.').waitFor();
    expect(await invitedTo()).toEqual([erika!.personId, ayse!.personId].sort());

    // Everyone on a board without a session: only Lena Weber is left.
    await page.getByLabel('Ganzer Wahlvorstand').selectOption({ label: 'Alle Eingeteilten ohne Schulung' });
    await page.click('#training-invite-board-send');
    await page.locator('#training-detail-output >> text=Eingeladen: 1. Die Schulung hat jetzt 3 Teilnehmende.').waitFor();
    expect(await invitedTo()).toEqual([erika!.personId, ayse!.personId, lena!.personId].sort());
    await page.click('#training-invite-board-send');
    await page.locator('text=Niemand mehr einzuladen.').waitFor();
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await elementsPastRightEdge(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-poll-worker-training-board-1280.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
  }, 60_000);
});
