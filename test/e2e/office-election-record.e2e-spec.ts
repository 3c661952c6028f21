import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { BOARD_PIN, POLLING_0101, signInBoard, workedExampleElection } from '../support/election-night';
import { adminClient, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { hasTools, pdfTextLayout } from '../support/poppler';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The Wahlniederschrift on a 390 px phone (issue 13): after the quick report is confirmed, the
// Schriftführerin finds the record prefilled (members and incident from the day, counts from the
// quick report), corrects a count with an explanation, confirms the P7 warning (BWO § 68(1)) with its
// reason, saves and signs; signing twice is refused; a second member signs on their own phone and the
// result becomes vorläufig; the PDF, read back, names the confirmed warning.

noticeIfNoBrowser('office election record e2e');

const MAX_PIN = '1357';
const P7_REASON = 'Zwei Stimmabgabevermerke fehlen; Stimmzettel zweimal gezählt.';
const WATCHER = { username: 'protokoll.lage', password: 'protokoll-lage-2025' };
const MEMBERS = [
  { name: 'Erika Vorsteher', role: 'chair', since: '07:45' },
  { name: 'Max Schreiber', role: 'secretary', since: '07:45' },
  { name: 'Tom Ersatz', role: 'assessor', substitute: true, since: '08:10' },
];

describe.skipIf(!browserAvailable)('office web app: the Wahlniederschrift', () => {
  let testApp: TestApp;
  let browser: Browser;
  let office: OfficeWithStaff;
  let electionId: string;
  let districtId: string;
  let signInLink: string;

  const phoneSignedIn = async (name: string, pin: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(signInLink);
    await page.getByLabel('Ihr Name').fill(name);
    await page.getByLabel('PIN', { exact: true }).fill(pin);
    await page.click('#board-sign-in');
    await page.waitForURL('**/office/board');
    return page;
  };

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp({ PUBLIC_BASE_URL: 'https://wahl.musterstadt.example' });
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, '08999611', 'Protokollheim');
    const admin = await adminClient(testApp);
    expect(
      (await admin.post(`/api/offices/${office.officeId}/users`, { ...WATCHER, displayName: 'Lagezentrum', role: 'clerk' })).status,
    ).toBe(201);
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999611', 'Protokollheim'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    const code = generated.body.codes.find((entry: { districts: { number: string }[] }) => entry.districts[0]!.number === '0101');
    const link = new URL(code.signInUrl);
    signInLink = `${testApp.baseUrl}${link.pathname}${link.search}`;
    districtId = code.districts[0].id;

    // The day so far and the confirmed quick report, through the API (the day's screens have tests of their own).
    const erika = await signInBoard(testApp.baseUrl, code.code, 'Erika Vorsteher');
    const max = await signInBoard(testApp.baseUrl, code.code, 'Max Schreiber', MAX_PIN);
    const day = `/api/elections/${electionId}/districts/${districtId}`;
    const entry = (body: object) =>
      erika.client.post(`${day}/polling-day/entries`, { id: randomUUID(), savedAt: new Date().toISOString(), entry: body });
    expect((await entry({ kind: 'attendance', phase: 'count', members: MEMBERS })).status).toBe(201);
    expect((await entry({ kind: 'opening', openedAt: '08:00', ballotBoxEmptyAndSealed: true, materialComplete: true })).status).toBe(201);
    expect((await entry({ kind: 'incident', occurredAt: '11:20', text: 'Wähler ohne Ausweis zurückgewiesen' })).status).toBe(201);
    // 818 Vermerke + Wahlscheine against 820 ballots (P7, BWO § 68(1)): confirmed in the quick report, the record asks again.
    const quickReport = { ...POLLING_0101, markedCount: 818, confirmations: [{ rule: 'P7', comment: P7_REASON }], expectedVersion: 0 };
    expect((await erika.client.post(`${day}/reports`, quickReport)).status).toBe(201);
    expect((await max.client.post(`${day}/reports/1/approve`)).status).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should let two different members sign the record on their phones, refusing a second signature of the same', async () => {
    const erika = await phoneSignedIn('Erika Vorsteher', BOARD_PIN);
    // A message of the office read while the phone is offline: the receipt waits on the device.
    const sent = await office.clerk.post(`/api/elections/${electionId}/polling-day/messages`, {
      id: randomUUID(),
      districtId,
      text: 'Bitte die Niederschrift heute noch abgeben.',
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const message = erika.locator('#day-messages .day-message');
    await message.waitFor({ timeout: 60_000 });
    await erika.context().setOffline(true);
    await erika.locator('#day-messages .day-message button').click();
    await expect.poll(() => erika.locator('#day-messages .day-message').count()).toBe(0);
    const receipt = erika.locator('#day-outbox li', { hasText: 'Lesebestätigung' });
    expect(await receipt.getAttribute('data-state')).toBe('saved');
    const readBy = async () =>
      (await office.clerk.get(`/api/elections/${electionId}/polling-day/monitor`)).body.messages[0].readBy as string[];
    expect(await readBy()).toEqual([]);
    await erika.context().setOffline(false);
    await expect.poll(() => receipt.getAttribute('data-state'), { timeout: 30_000 }).toBe('confirmed');
    expect(await readBy()).toEqual(['0101']);

    const form = erika.locator('#record-form');
    await form.waitFor();
    expect(await erika.locator('#record-status').textContent()).toContain('Zwischenergebnis');
    expect(await erika.locator('#record-members li').allTextContents()).toEqual([
      'Erika Vorsteher – Wahlvorsteher/in',
      'Max Schreiber – Schriftführer/in',
      'Tom Ersatz – Beisitzer/in',
    ]);
    expect(await form.locator('#record-opened').inputValue()).toBe('08:00');
    expect(await form.locator('#field-D1').inputValue()).toBe('310');
    expect(await axeViolations(erika)).toEqual([]);

    // One Erststimme was on the wrong stack. The prefilled 818 Vermerke: P7 first wants the board's confirmation.
    await form.locator('#field-D1').fill('311');
    await form.locator('#field-D2').fill('239');
    await form.getByLabel('Beschluss zu 11:20 Uhr: Wähler ohne Ausweis zurückgewiesen').fill('Zurückweisung nach § 56 Abs. 6 BWO');
    await erika.click('#record-save');
    const p7 = form.locator('#record-confirm [data-rule="P7"]');
    await p7.waitFor();
    expect(await p7.textContent()).toContain('B (820 Stimmzettel) weicht von Stimmabgabevermerken + Wahlscheinen (818) ab');
    expect(await p7.textContent()).toContain('§ 68 Abs. 1 BWO');
    expect(await erika.locator('#record-problem').textContent()).toContain('P7');
    expect(await axeViolations(erika)).toEqual([]);
    await form.locator('#confirm-P7').check();
    await form.locator('#confirm-comment-P7').fill(P7_REASON);
    // Confirmed, the difference unexplained: the office's answer names it.
    await erika.click('#record-save');
    await expect
      .poll(() => erika.locator('#record-status [role=alert]').textContent())
      .toContain('D1: Schnellmeldung 310, Niederschrift 311');
    await form.locator('#record-explanation').fill('Bei der Nachzählung lag ein Stimmzettel im falschen Stapel.');
    await erika.click('#record-save');
    await erika.locator('#record-sign').waitFor();
    expect(await erika.locator('#board-record').textContent()).toContain('Fassung 1: 0 von mindestens 2 Unterschriften');

    await erika.click('#record-sign');
    await expect.poll(() => erika.locator('#record-signatures li').allTextContents()).toEqual(['Unterschrieben von Erika Vorsteher']);
    await erika.click('#record-sign');
    await expect.poll(() => erika.locator('#record-status [role=alert]').textContent()).toContain('schon unterschrieben');
    expect(await axeViolations(erika)).toEqual([]);

    const max = await phoneSignedIn('Max Schreiber', MAX_PIN);
    await max.locator('#record-sign').waitFor();
    await max.click('#record-sign');
    await expect.poll(() => max.locator('#record-status').textContent()).toContain('vorläufiges Ergebnis');
    expect(await max.locator('#record-signatures li').allTextContents()).toEqual([
      'Unterschrieben von Erika Vorsteher',
      'Unterschrieben von Max Schreiber',
    ]);
    expect(await axeViolations(max)).toEqual([]);
  }, 180_000);

  it.skipIf(!hasTools('pdftotext'))(
    'should print the confirmed P7 with its paragraph and reason in the PDF of the record',
    async () => {
      const erika = await phoneSignedIn('Erika Vorsteher', BOARD_PIN);
      await erika.locator('#record-pdf').waitFor();
      const [download] = await Promise.all([erika.waitForEvent('download'), erika.click('#record-pdf')]);
      const dir = mkdtempSync(join(tmpdir(), 'record-pdf-'));
      try {
        const file = join(dir, 'record.pdf');
        await download.saveAs(file);
        const text = pdfTextLayout(file)
          .flatMap((page) => page.lines.map((line) => line.text))
          .join(' ')
          .replace(/\s+/gu, ' ');
        expect(text).toContain(
          `Auffälligkeit P7 (Stimmzettel weichen von Stimmabgabevermerken und Wahlscheinen ab, § 68 Abs. 1 BWO) – vom Wahlvorstand geprüft und bestätigt: ${P7_REASON}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await erika.context().close();
    },
    60_000,
  );

  it('should show the office the differences per district and make the district endgültig once checked', async () => {
    const monitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await monitor.goto(`${testApp.baseUrl}/office/`);
    await monitor.waitForURL('**/office/anmelden');
    await monitor.fill('#username', WATCHER.username);
    await monitor.fill('#password', WATCHER.password);
    await monitor.click('button[type=submit]');
    await monitor.getByRole('link', { name: 'Wahltag' }).click();
    await monitor.waitForURL(`**/office/wahlen/${electionId}/wahltag`);
    const row = monitor.locator('#monitor-records tr[data-district="0101"]');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('provisional');
    expect(await row.locator('li').allTextContents()).toEqual(['D1: 310 → 311', 'D2: 240 → 239']);
    expect(await row.textContent()).toContain('im falschen Stapel');
    expect(await monitor.locator('#monitor-records caption').textContent()).toContain('Stand der Wahl: Zwischenergebnis');
    expect(await axeViolations(monitor)).toEqual([]);
    await monitor.getByRole('button', { name: 'Niederschrift von Wahlbezirk 0101 als geprüft vermerken' }).click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('final');
    expect(await row.textContent()).toContain('endgültiges Ergebnis');
  }, 120_000);
});
