import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { BOARD_PIN, signInBoard, workedExampleElection } from '../support/election-night';
import { httpClient } from '../support/http';
import { adminClient, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The polling station's day in the browser (issue 13): a board member on a 390 px phone signs in,
// the app is installed as a service worker, the attendance shows the quorum warning of BWO § 6,
// an incident typed half-way survives going offline and a reload, is saved on the device and sent
// when the connection is back; a turnout report reaches the office's monitor live and is published;
// the office's message appears on the phone and its read receipt on the monitor.

noticeIfNoBrowser('office polling day e2e');

describe.skipIf(!browserAvailable)('office web app: the polling station day', () => {
  let testApp: TestApp;
  let browser: Browser;
  let office: OfficeWithStaff;
  let electionId: string;
  let signInLink: string;
  let code0102: string;
  let phoneContext: BrowserContext;
  let phone: Page;
  let monitor: Page;
  const watcher = { username: 'wahltag.lage', password: 'wahltag-lage-2025' };

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    await ensureWebAppBuilt('results-web');
    testApp = await startTestApp({ PUBLIC_BASE_URL: 'https://wahl.musterstadt.example' });
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, '08999601', 'Musterstadt');
    const admin = await adminClient(testApp);
    expect(
      (await admin.post(`/api/offices/${office.officeId}/users`, { ...watcher, displayName: 'Lagezentrum', role: 'clerk' })).status,
    ).toBe(201);
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999601', 'Musterstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    const code = generated.body.codes.find((entry: { districts: { number: string }[] }) => entry.districts[0]!.number === '0101');
    const link = new URL(code.signInUrl);
    signInLink = `${testApp.baseUrl}${link.pathname}${link.search}`;
    code0102 = generated.body.codes.find((entry: { districts: { number: string }[] }) => entry.districts[0]!.number === '0102').code;
    // The previous election's turnout at 10 Uhr, entered by the office beside its report times.
    const settings = await office.clerk.put(`/api/elections/${electionId}/polling-day/settings`, {
      turnoutSlots: ['10:00', '12:00', '14:00', '16:00'],
      silentAfterMinutes: 60,
      previousTurnout: [{ slot: '10:00', percent: 11.9 }],
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const districtIdOf = async (number: string): Promise<string> =>
    (await testApp.dataSource.query(`SELECT id FROM districts WHERE election_id = $1 AND number = $2`, [electionId, number]))[0].id;

  const outboxStates = () =>
    phone.locator('#day-outbox [data-state]').evaluateAll((items) => items.map((item) => item.getAttribute('data-state')));

  it('should open the office monitor with every station silent', async () => {
    monitor = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await monitor.goto(`${testApp.baseUrl}/office/`);
    await monitor.waitForURL('**/office/anmelden');
    await monitor.fill('#username', watcher.username);
    await monitor.fill('#password', watcher.password);
    await monitor.click('button[type=submit]');
    await monitor.getByRole('link', { name: 'Wahltag' }).click();
    await monitor.waitForURL(`**/office/wahlen/${electionId}/wahltag`);
    await expect.poll(() => monitor.locator('#monitor-live').getAttribute('data-state')).toBe('live');
    await monitor.locator('#monitor-stations tr[data-district="0101"]').waitFor();
    expect(await monitor.locator('#monitor-stations tbody tr[data-silent="true"]').count()).toBe(3);
    expect(await axeViolations(monitor)).toEqual([]);
    // The plan of the day: a malformed time is refused at the field, the plan stays as it was.
    await monitor.fill('#settings-slots', '10:00, 14 Uhr');
    await monitor.click('#settings-save');
    await monitor.locator('#settings-slots[aria-invalid="true"]').waitFor();
    expect(await monitor.locator('#settings-slots-problem').textContent()).toBe('Erwartet wird eine Uhrzeit wie 08:00.');
    await monitor.fill('#settings-slots', '16:00, 10:00, 12:00, 14:00');
    await monitor.click('#settings-save');
    await expect.poll(() => monitor.locator('#settings-status').textContent()).toBe('Plan gespeichert.');
    expect(await monitor.inputValue('#settings-slots')).toBe('10:00, 12:00, 14:00, 16:00');
  }, 60_000);

  it('should sign a board member in on a 390 px phone, install the app and warn while the quorum is not met', async () => {
    phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', hasTouch: true, isMobile: true });
    phone = await phoneContext.newPage();
    await phone.goto(signInLink);
    await phone.getByLabel('Ihr Name').fill('Erika Vorsteher');
    await phone.getByLabel('PIN', { exact: true }).fill(BOARD_PIN);
    await phone.click('#board-sign-in');
    await phone.locator('#board-pin-repeat').waitFor({ state: 'visible' });
    await phone.getByLabel('PIN wiederholen').fill(BOARD_PIN);
    await phone.click('#board-sign-in');
    await phone.waitForURL('**/office/board');
    // The service worker (Workbox, precached app shell) takes control of the page.
    await expect.poll(() => phone.evaluate('navigator.serviceWorker.controller !== null'), { timeout: 20_000 }).toBe(true);

    // The signed-in member stands in the first row as chair: one of three.
    expect(await phone.inputValue('#member-name-0')).toBe('Erika Vorsteher');
    expect(await phone.locator('#quorum-status [data-quorum="missing"]').textContent()).toContain(
      '1 von mindestens 3 Mitgliedern während der Wahlhandlung',
    );
    await phone.click('#attendance-add');
    await phone.fill('#member-name-1', 'Max Schreiber');
    await phone.selectOption('#member-role-1', 'secretary');
    const warning = await phone.locator('#quorum-status [data-quorum="missing"]').textContent();
    expect(warning).toContain('2 von mindestens 3');
    expect(warning).toContain('Es fehlen Mitglieder');
    await phone.click('#attendance-add');
    await phone.fill('#member-name-2', 'Tom Ersatz');
    await phone.check('#member-substitute-2');
    expect(await phone.locator('#quorum-status [data-quorum="met"]').textContent()).toContain('Beschlussfähig: 3 Mitglieder anwesend');
    // The count needs five (BWO § 6(9)).
    await phone.selectOption('#attendance-phase', 'count');
    expect(await phone.locator('#quorum-status [data-quorum="missing"]').textContent()).toContain(
      '3 von mindestens 5 Mitgliedern während der Auszählung (§ 6 Abs. 9 BWO)',
    );
    await phone.screenshot({ path: artifactPath('polling-day-quorum-390.png'), fullPage: true });
    expect(await axeViolations(phone)).toEqual([]);
    await phone.selectOption('#attendance-phase', 'voting');
    await phone.click('#attendance-send');
    await expect.poll(outboxStates).toEqual(['confirmed']);
    await expect
      .poll(() => monitor.locator('#monitor-stations tr[data-district="0101"] [data-quorum]').getAttribute('data-quorum'))
      .toBe('true');
    expect(await monitor.locator('#monitor-stations tr[data-district="0101"]').textContent()).toContain(
      '3 anwesend (Während der Wahlhandlung), 1 ersatzweise berufen',
    );
    expect(await monitor.locator('#monitor-stations tr[data-district="0101"]').getAttribute('data-silent')).toBe('false');
  }, 120_000);

  it('should keep an incident typed while offline over a reload, save it on the device and send it once the connection is back', async () => {
    await phone.fill('#incident-text', 'Stromausfall im');
    await phoneContext.setOffline(true);
    await phone.reload();
    // The app shell comes from the service worker; the typed text from the device.
    await phone.locator('#incident-text').waitFor();
    expect(await phone.inputValue('#incident-text')).toBe('Stromausfall im');
    await expect.poll(() => phone.locator('#day-connection').textContent()).toContain('Keine Verbindung zum Wahlamt');
    await phone.fill('#incident-text', 'Stromausfall im Flur, Wahlhandlung mit Taschenlampen fortgesetzt');
    await phone.click('#incident-send');
    expect(await phone.locator('#incident-status').textContent()).toContain('Auf dem Gerät gespeichert');
    await expect.poll(outboxStates).toEqual(['saved', 'confirmed']);
    expect(await phone.locator('#day-outbox [data-state="saved"]').textContent()).toContain('auf dem Gerät gespeichert');
    await phone.screenshot({ path: artifactPath('polling-day-offline-390.png'), fullPage: true });
    // Reloading again offline loses nothing: the entry waits in the outbox.
    await phone.reload();
    await expect.poll(outboxStates).toEqual(['saved', 'confirmed']);

    await phoneContext.setOffline(false);
    await expect.poll(outboxStates, { timeout: 20_000 }).toEqual(['confirmed', 'confirmed']);
    await expect
      .poll(() => monitor.locator('#monitor-incidents').textContent())
      .toContain('Stromausfall im Flur, Wahlhandlung mit Taschenlampen fortgesetzt');
    const stored = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM polling_day_entries WHERE kind = 'incident' AND election_id = $1`,
      [electionId],
    );
    expect(stored).toEqual([{ count: 1 }]);
  }, 120_000);

  it('should bring a turnout report to the monitor at once and let the office publish it on the public page', async () => {
    await phone.selectOption('#turnout-slot', '10:00');
    await phone.fill('#turnout-marked', '180');
    await phone.fill('#turnout-certificates', '4');
    await phone.click('#turnout-send');
    await expect.poll(outboxStates).toEqual(['confirmed', 'confirmed', 'confirmed']);
    const row = monitor.locator('#monitor-turnout tr[data-slot="10:00"]');
    await expect.poll(() => row.locator('[data-voters]').getAttribute('data-voters')).toBe('184');
    expect(await row.textContent()).toContain('1 von 2');
    await monitor.click('#publish-1000');
    await expect.poll(() => row.textContent()).toContain('veröffentlicht');

    // The public page of the election shows it (no roll in this test: voters, not a percentage).
    const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', isMobile: true })).newPage();
    await visitor.goto(`${testApp.baseUrl}/wahl/${electionId}`);
    const dayTurnout = visitor.locator('#day-turnout li[data-slot="10:00"]');
    await dayTurnout.waitFor();
    expect(await dayTurnout.textContent()).toMatch(
      /^bis 10 Uhr 184 Wählende \(1 von 2 Wahllokalen\)Vorwahl zur selben Zeit: 11,9\u00a0%Stand: \d\d:\d\d Uhr$/,
    );
    expect(await visitor.locator('#day-turnout .day-turnout-note').first().textContent()).toContain('ohne Briefwahl');
    expect(await visitor.locator('#day-turnout-postal').textContent()).toBe('Briefwahl, nicht enthalten: 0 Wahlscheine ausgestellt.');
    expect(await visitor.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await axeViolations(visitor)).toEqual([]);
    await visitor.screenshot({ path: artifactPath('polling-day-public-turnout-390.png'), fullPage: true });

    // R8.7: 0102 reports 20 voters (small under R8.5); "2 of 2" minus "1 of 2" would be its figure, so the release is held.
    const board0102 = await signInBoard(testApp.baseUrl, code0102, 'Karl Zweiter');
    const sent = await board0102.client.post(`/api/elections/${electionId}/districts/${await districtIdOf('0102')}/polling-day/entries`, {
      id: crypto.randomUUID(),
      savedAt: new Date().toISOString(),
      entry: { kind: 'turnout', slot: '10:00', marked: 20, certificates: 0 },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    await expect.poll(() => row.textContent()).toContain('2 von 2');
    await monitor.click('#publish-1000');
    await expect
      .poll(() => monitor.locator('#monitor-problem').textContent())
      .toContain('Die Wahlbeteiligung 10:00 Uhr bleibt, wie sie veröffentlicht ist: 1 gemeldete(s) Wahllokal(e)');
    const published = (await httpClient(testApp.baseUrl).get(`/api/public/elections/${electionId}/turnout`)).body;
    expect(published.reports).toMatchObject([{ slot: '10:00', voters: 184, reportedDistricts: 1, expectedDistricts: 2 }]);
  }, 90_000);

  it('should show the office message prominently on the phone and its read receipt on the monitor', async () => {
    await monitor.fill('#message-text', 'Wahlraum 12: Schlüssel beim Hausmeister');
    await monitor.click('#message-send');
    await expect.poll(() => monitor.locator('#monitor-messages').textContent()).toContain('gelesen: 0 von 3');
    await phone.reload();
    const message = phone.locator('#day-messages .day-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('Wahlraum 12: Schlüssel beim Hausmeister');
    expect(await axeViolations(phone)).toEqual([]);
    await phone.locator('#day-messages button').click();
    await expect.poll(() => phone.locator('#day-messages .day-message').count()).toBe(0);
    await expect.poll(() => monitor.locator('#monitor-messages').textContent()).toContain('gelesen: 1 von 3 (0101)');
    expect(await axeViolations(monitor)).toEqual([]);
    await monitor.screenshot({ path: artifactPath('polling-day-monitor.png'), fullPage: true });
  }, 60_000);
});
