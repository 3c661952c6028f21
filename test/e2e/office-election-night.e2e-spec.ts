import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { BOARD_PIN, POLLING_0101, POSTAL_0191, workedExampleElection } from '../support/election-night';
import { type HttpClient } from '../support/http';
import { axeViolations } from '../support/results-page';
import { adminClient, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// Election night in the browser: a board member signs in with the code of the sheet on a 360 px
// phone, types the worked example of DOMAIN.md 4.3 (reloading half-way), loses the connection while
// sending and sends again, a second person confirms, and the office dashboard – open in another
// page – follows every step over socket.io without a reload. Then the checks of DOMAIN.md 4.2 on
// the screen (P5 at C/D, a P8 warning confirmed with a comment), a blind mismatch side by side, and
// the office's rejection and correction.

noticeIfNoBrowser('office election-night e2e');

/** The worked example 0101 as the board types it from the record (DOMAIN.md 4.3). */
const WORKED_0101: Readonly<Record<string, number>> = {
  A1: POLLING_0101.A1,
  A2: POLLING_0101.A2,
  A3: POLLING_0101.A3,
  A: POLLING_0101.A,
  B: POLLING_0101.B,
  B1: POLLING_0101.B1,
  C: POLLING_0101.contests[0]!.invalid,
  D: POLLING_0101.contests[0]!.valid,
  ...Object.fromEntries(Object.values(POLLING_0101.contests[0]!.votes).map((votes, index) => [`D${index + 1}`, votes])),
  E: POLLING_0101.contests[1]!.invalid,
  F: POLLING_0101.contests[1]!.valid,
  ...Object.fromEntries(Object.values(POLLING_0101.contests[1]!.votes).map((votes, index) => [`F${index + 1}`, votes])),
};

/** The postal district 0191 of DOMAIN.md 4.3: no A fields at all. */
const WORKED_0191: Readonly<Record<string, number>> = {
  B: POSTAL_0191.B,
  B1: POSTAL_0191.B1,
  C: POSTAL_0191.contests[0]!.invalid,
  D: POSTAL_0191.contests[0]!.valid,
  ...Object.fromEntries(Object.values(POSTAL_0191.contests[0]!.votes).map((votes, index) => [`D${index + 1}`, votes])),
  E: POSTAL_0191.contests[1]!.invalid,
  F: POSTAL_0191.contests[1]!.valid,
  ...Object.fromEntries(Object.values(POSTAL_0191.contests[1]!.votes).map((votes, index) => [`F${index + 1}`, votes])),
};

/** 0102: turnout 150 / 1,100 = 13.6 % – a P8 warning; C + D = 2 + 147 = 149 ≠ B = 150 is P5. */
const LOW_0102: Readonly<Record<string, number>> = {
  A1: 1000,
  A2: 100,
  A3: 0,
  A: 1100,
  B: 150,
  B1: 10,
  C: 2,
  D: 148,
  D1: 50,
  D2: 40,
  D3: 30,
  D4: 18,
  D5: 10,
  E: 1,
  F: 149,
  F1: 45,
  F2: 40,
  F3: 30,
  F4: 15,
  F5: 10,
  F6: 9,
};

describe.skipIf(!browserAvailable)('office web app on election night', () => {
  let testApp: TestApp;
  let browser: Browser;
  let office: OfficeWithStaff;
  let electionId: string;
  const districts: Record<string, string> = {};
  const signInLinks: Record<string, string> = {};
  let dashboard: Page;
  const watcher = { username: 'lagezentrum.ms', password: 'lagezentrum-2025' };

  const reportsOf = async (number: string) =>
    (await office.clerk.get(`/api/elections/${electionId}/districts/${districts[number]}/reports`)).body;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp({ PUBLIC_BASE_URL: 'https://wahl.musterstadt.example' });
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, '08999301', 'Musterstadt');
    const admin: HttpClient = await adminClient(testApp);
    expect(
      (await admin.post(`/api/offices/${office.officeId}/users`, { ...watcher, displayName: 'Lagezentrum', role: 'clerk' })).status,
    ).toBe(201);
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999301', 'Musterstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    for (const row of await testApp.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
      districts[row.number] = row.id;
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    expect(generated.status).toBe(201);
    // The QR link of the sheet, opened on this test server.
    for (const code of generated.body.codes) {
      const link = new URL(code.signInUrl);
      signInLinks[code.districts[0].number] = `${testApp.baseUrl}${link.pathname}${link.search}`;
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const phone = async (width = 360): Promise<Page> =>
    (await browser.newContext({ viewport: { width, height: 740 }, locale: 'de-DE', hasTouch: true, isMobile: true })).newPage();

  const focused = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id');

  // Personal sign-in (issue #17): code from the QR link, the member's name and PIN; the first sign-in sets the PIN, repeated.
  const signInBoard = async (page: Page, number: string, name: string, screenshot?: string, firstTime = true): Promise<void> => {
    await page.goto(signInLinks[number]!);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anmeldung Wahlvorstand');
    // The code from the QR link is filled in; the name field has the focus.
    expect(await page.inputValue('#board-code')).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await focused(page)).toBe('board-name');
    await page.getByLabel('Ihr Name').fill(name);
    await page.getByLabel('PIN', { exact: true }).fill(BOARD_PIN);
    if (screenshot) await page.screenshot({ path: artifactPath(screenshot) });
    await page.click('#board-sign-in');
    if (firstTime) {
      await page.locator('#board-pin-repeat').waitFor({ state: 'visible' });
      expect(await page.locator('#board-sign-in-message').textContent()).toContain(`zum ersten Mal als „${name}“`);
      expect(await page.locator('#board-pin-hint').textContent()).toContain('Sie legen Ihre PIN jetzt fest');
      expect(await focused(page)).toBe('board-pin-repeat');
      await page.getByLabel('PIN wiederholen').fill(BOARD_PIN);
      await page.click('#board-sign-in');
    }
    await page.waitForURL('**/office/board');
  };

  const fill = async (page: Page, values: Readonly<Record<string, number>>, letters = Object.keys(values)): Promise<void> => {
    for (const letter of letters) await page.fill(`#field-${letter}`, String(values[letter]));
  };

  const tileState = (number: string) => dashboard.locator(`#district-tiles [data-district="${number}"]`).getAttribute('data-state');

  it('should open the election night dashboard from the election overview and go live', async () => {
    dashboard = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await dashboard.goto(`${testApp.baseUrl}/office/`);
    await dashboard.waitForURL('**/office/anmelden');
    await dashboard.fill('#username', watcher.username);
    await dashboard.fill('#password', watcher.password);
    await dashboard.click('button[type=submit]');
    await dashboard.getByRole('link', { name: 'Wahlabend' }).click();
    await dashboard.waitForURL(`**/office/wahlen/${electionId}/wahlabend`);
    await expect.poll(() => dashboard.locator('#live-status').getAttribute('data-state')).toBe('live');
    expect(await dashboard.locator('#live-status').textContent()).toBe('Live – aktualisiert sich selbst');
    expect(
      await dashboard.locator('#district-tiles [data-district]').evaluateAll((tiles) => tiles.map((tile) => tile.textContent)),
    ).toEqual(['0101○ Altstadt, fehlt', '0102○ Neustadt, fehlt', '0191○ Briefwahl Altstadt, fehlt']);
    expect(await dashboard.locator('#progress-figure').textContent()).toBe('0 von 3 Wahlbezirken gezählt0,0 %');
    // The legend names each state in words and with a symbol, not by colour alone.
    expect(await dashboard.locator('.legend-item .legend-label').allTextContents()).toEqual([
      'Fehlt',
      'Erfasst',
      'Prüfcode ausstehend',
      'Bestätigt',
      'Abweichung',
      'Korrigiert',
      'Zurückgewiesen',
    ]);
    expect(await dashboard.locator('.legend-item .legend-symbol').allTextContents()).toEqual(['○', '◐', '☎', '✓', '!', '✎', '✕']);
    expect(await axeViolations(dashboard)).toEqual([]);
  });

  it('should let a board member sign in by QR link, keep the draft over a reload and send the worked example once despite a lost answer', async () => {
    const page = await phone();
    await signInBoard(page, '0101', 'Erika Muster', 'office-board-sign-in-360.png');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wahlbezirk 0101 – Altstadt');
    // Key letters with their German labels, lists in ballot order, numeric keyboards.
    expect(await page.locator('#row-A1 .entry-label').innerText()).toMatch(
      /^A1\s+Wahlberechtigte laut Wählerverzeichnis ohne Sperrvermerk „W“/,
    );
    expect(await page.locator('#section-erststimme .entry-row .key').allTextContents()).toEqual(['C', 'D', 'D1', 'D2', 'D3', 'D4', 'D5']);
    expect(await page.locator('#row-F6 .entry-list-name').textContent()).toBe('BSW');
    expect(await page.getAttribute('#field-B', 'inputmode')).toBe('numeric');
    const inputBox = await page.locator('#field-B').boundingBox();
    expect(inputBox!.height).toBeGreaterThanOrEqual(48);

    // Half of the numbers, then the page is reloaded (e.g. the phone locked): the draft comes back.
    await fill(page, WORKED_0101, ['A1', 'A2', 'A3', 'A', 'B', 'B1', 'C', 'D', 'D1', 'D2']);
    expect(await page.locator('#sum-D-lists').textContent()).toBe('Σ D1 … D5 = 550 · noch unvollständig');
    await page.reload();
    await expect.poll(() => page.locator('.entry-status').textContent()).toMatch(/^Entwurf von \d\d:\d\d Uhr wiederhergestellt\.$/);
    expect(await page.inputValue('#field-A1')).toBe('1200');
    expect(await page.inputValue('#field-D2')).toBe('240');
    expect(await page.inputValue('#field-D3')).toBe('');
    await page.screenshot({ path: artifactPath('office-board-draft-restored-360.png') });
    await fill(page, WORKED_0101, ['D3', 'D4', 'D5', 'E', 'F', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    // Live sums as on the paper form: A = A1 + A2 + A3, C + D = B, D = D1 + … + D5.
    expect(await page.locator('#sum-A').textContent()).toBe('✓ A1 + A2 + A3 = 1.500 · gleich A');
    expect(await page.locator('#sum-D').textContent()).toBe('✓ C + D = 820 · gleich B');
    expect(await page.locator('#sum-D-lists').textContent()).toBe('✓ D1 … D5 = 808 · gleich D');
    expect(await page.locator('#sum-F-lists').textContent()).toBe('✓ F1 … F6 = 813 · gleich F');
    await page.screenshot({ path: artifactPath('office-board-entry-360.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    // Nothing wider than the phone: tables scroll inside their own box.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.locator('#section-erststimme').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('office-board-entry-lists-360.png') });

    // The answer to the first submission is lost on the way back: the report arrived, the phone does not know.
    let dropped = 0;
    await page.route('**/api/elections/*/districts/*/reports', async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.continue();
      dropped += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.click('#entry-submit');
    await expect
      .poll(() => page.locator('#entry-summary').textContent())
      .toMatch(/^Keine Verbindung zum Server\. Ihre Eingaben sind auf diesem Gerät gespeichert\./);
    expect(await page.locator('#entry-submit').textContent()).toBe('Erneut senden');
    expect(dropped).toBe(1);
    await page.screenshot({ path: artifactPath('office-board-connection-lost-360.png'), fullPage: true });
    await page.click('#entry-submit');
    await expect.poll(() => page.locator('.board-report h2').first().textContent()).toBe('◐ Erfasst – wartet auf die zweite Person');
    // Counted once: one version, the numbers of 4.3; the draft is gone from the device.
    const history = await reportsOf('0101');
    expect(history.versions).toHaveLength(1);
    expect(history.versions[0].report).toMatchObject({ A1: 1200, B: 820, contests: POLLING_0101.contests });
    expect(await page.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('wahl.report-draft.entry'))")).toEqual([]);
    await page.screenshot({ path: artifactPath('office-board-waiting-360.png'), fullPage: true });

    // The dashboard moved the district without a reload.
    await expect.poll(() => tileState('0101')).toBe('entered');
    await page.context().close();
  });

  it('should treat the author’s second sign-in as the same person: a wrong PIN is refused, then the entry waits for someone else', async () => {
    // On the 390 px phone of the checks (#13).
    const page = await phone(390);
    await page.goto(signInLinks['0101']!);
    await page.getByLabel('Ihr Name').fill('erika muster');
    await page.getByLabel('PIN', { exact: true }).fill('0000');
    await page.click('#board-sign-in');
    await expect.poll(() => page.locator('#board-sign-in-message').textContent()).toContain('Die PIN passt nicht zu diesem Namen.');
    expect(await page.locator('#board-pin').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#board-pin-repeat-field').isVisible()).toBe(false);
    expect(await focused(page)).toBe('board-pin');
    await page.getByLabel('PIN', { exact: true }).fill(BOARD_PIN);
    await page.click('#board-sign-in');
    await page.waitForURL('**/office/board');
    await expect.poll(() => page.locator('.board-report h2').first().textContent()).toBe('◐ Erfasst – wartet auf die zweite Person');
    expect(await page.locator('#choose-approve').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('should let the second board member check and confirm, and the dashboard turn the district to confirmed live', async () => {
    const page = await phone();
    await signInBoard(page, '0101', 'Max Beispiel');
    await expect.poll(() => page.locator('.board-report h2').first().textContent()).toBe('Sie sind die zweite Person');
    expect(await page.locator('.board-report .panel > p').first().textContent()).toBe(
      'Version 1 wurde von Erika Muster erfasst. Bestätigen Sie die Meldung auf eine der beiden Arten:',
    );
    await page.screenshot({ path: artifactPath('office-board-second-person-360.png'), fullPage: true });
    await page.click('#choose-approve');
    await expect.poll(() => page.locator('.numbers-table tr[data-field="D1"] td').textContent()).toBe('310');
    expect(await page.locator('.numbers-table tr[data-field="A"] td').textContent()).toBe('1.500');
    await page.getByRole('button', { name: 'Version 1 bestätigen' }).click();
    await expect.poll(() => page.locator('.board-report h2').first().textContent()).toBe('✓ Bestätigt – die Meldung zählt');
    expect(await page.locator('#board-flash').textContent()).toBe('Version 1 für Wahlbezirk 0101 ist bestätigt und zählt.');
    expect(await page.locator('#district-state').textContent()).toBe('✓Bestätigt');
    await page.screenshot({ path: artifactPath('office-board-confirmed-360.png'), fullPage: true });

    await expect.poll(() => tileState('0101')).toBe('confirmed');
    await expect.poll(() => dashboard.locator('#progress-figure').textContent()).toBe('1 von 3 Wahlbezirken gezählt33,3 %');
    await expect.poll(() => dashboard.locator('#totals .stat').nth(1).textContent()).toBe('Wählerinnen und Wähler820');
    // P10: the postal district of the unit is missing, so no turnout yet.
    expect(await dashboard.locator('#totals-turnout').innerText()).toMatch(/^Wahlbeteiligung\s+–\s+über 0 von 2 vollständigen Einheiten/);
    expect(await dashboard.locator('#totals [data-contest="zweitstimme"] tr[data-list="cdu"]').innerText()).toMatch(/CDU\s+290\s+35,7 %/);
    await page.context().close();
  });

  it('should show the P5 error at the C/D fields, then take a P8 warning only with a confirming comment', async () => {
    const page = await phone();
    await signInBoard(page, '0102', 'Yusuf Demir');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Wahlbezirk 0102 – Neustadt');
    // D is typed one too low: C + D = 2 + 147 = 149, but B = 150.
    await fill(page, { ...LOW_0102, D: 147, D5: 9 });
    expect(await page.locator('#sum-D').textContent()).toBe('≠ C + D = 149 · ungleich B (150)');
    await page.click('#entry-submit');
    const p5 = page.locator('#row-D .finding[data-rule="P5"]');
    await expect.poll(() => p5.textContent()).toBe('✕ P5 C + D = 2 + 147 = 149 stimmt nicht mit B (150) überein.');
    expect(await page.locator('#row-B .finding[data-rule="P5"]').count()).toBe(1);
    expect(await page.getAttribute('#field-C', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#field-D', 'aria-invalid')).toBe('true');
    expect(await page.locator('#entry-summary [role=alert]').innerText()).toMatch(
      /^Die Meldung ist nicht plausibel und wurde nicht gespeichert/,
    );
    expect((await reportsOf('0102')).versions).toEqual([]);
    await page.locator('#row-D').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('office-board-p5-error-360.png') });

    // Corrected; now only the low turnout remains, a warning (P8) that needs a tick and a reason.
    await fill(page, LOW_0102, ['D', 'D5']);
    await page.click('#entry-submit');
    await expect.poll(() => page.locator('#entry-confirm [data-rule="P8"]').count()).toBe(1);
    expect(await page.locator('#row-B .finding[data-rule="P8"]').textContent()).toMatch(/^! P8 /);
    await page.click('#entry-submit');
    expect(await page.locator('#confirm-problem-P8').textContent()).toBe('Bitte ankreuzen und begründen (mindestens 3 Zeichen).');
    await page.check('#confirm-P8');
    await page.fill('#confirm-comment-P8', 'Seniorenheim im Bezirk, Zahlen telefonisch bestätigt.');
    await page.locator('#entry-confirm').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('office-board-p8-warning-360.png') });
    await page.click('#entry-submit');
    await expect.poll(() => page.locator('.board-report h2').first().textContent()).toBe('◐ Erfasst – wartet auf die zweite Person');
    const history = await reportsOf('0102');
    expect(history.versions[0].warnings).toEqual([
      expect.objectContaining({ rule: 'P8', comment: 'Seniorenheim im Bezirk, Zahlen telefonisch bestätigt.' }),
    ]);
    await page.context().close();
  });

  it('should answer two boards typing at once with a 409 message, then confirm by blind entry and reach the turnout of 4.3', async () => {
    const paula = await phone();
    const paul = await phone();
    await signInBoard(paula, '0191', 'Paula Brief');
    await signInBoard(paul, '0191', 'Paul Brief');
    await expect.poll(() => paul.locator('h1').textContent()).toBe('Briefwahlbezirk 0191 – Briefwahl Altstadt');
    // A postal district has no eligible voters of its own: no A fields (P9).
    expect(await paul.locator('#section-eligible').count()).toBe(0);
    expect(await paul.locator('.entry-row .key').first().textContent()).toBe('B');
    await fill(paula, WORKED_0191);
    await fill(paul, WORKED_0191);
    await paula.click('#entry-submit');
    await expect.poll(() => paula.locator('.board-report h2').first().textContent()).toBe('◐ Erfasst – wartet auf die zweite Person');

    // Paul's form still rests on version 0.
    await paul.click('#entry-submit');
    await expect
      .poll(() => paul.locator('#entry-summary').textContent())
      .toMatch(/^Die Meldung wurde inzwischen geändert: aktuell ist Version 1 .*Bitte laden Sie den aktuellen Stand neu/);
    await paul.screenshot({ path: artifactPath('office-board-conflict-360.png') });
    await paul.click('#entry-reload');
    await expect.poll(() => paul.locator('.board-report h2').first().textContent()).toBe('Sie sind die zweite Person');
    // He never saw Paula's numbers: his own typed draft comes back as his blind second entry.
    await paul.click('#choose-blind');
    await expect.poll(() => paul.locator('.alert-info').first().textContent()).toMatch(/^Blinde Zweiterfassung/);
    expect(await paul.inputValue('#field-F6')).toBe(String(WORKED_0191['F6']));
    await paul.click('#entry-submit');
    await expect.poll(() => paul.locator('.board-report h2').first().textContent()).toBe('✓ Bestätigt – die Meldung zählt');
    expect(await paul.locator('#board-flash').textContent()).toBe(
      'Die Zahlen stimmen mit der ersten Erfassung überein: Wahlbezirk 0191 ist bestätigt und zählt.',
    );
    expect((await reportsOf('0191')).versions).toHaveLength(2);

    // 0101 + 0191 form the first complete unit: (820 + 260) / 1,500 = 72.0 % (DOMAIN.md 4.3, P10).
    await expect.poll(() => tileState('0191')).toBe('confirmed');
    await expect
      .poll(() => dashboard.locator('#totals-turnout').innerText())
      .toMatch(/^Wahlbeteiligung\s+72,0 %\s+über 1 von 2 vollständigen Einheiten/);
    expect(await dashboard.locator('#progress-figure').textContent()).toBe('2 von 3 Wahlbezirken gezählt66,7 %');
    await paula.context().close();
    await paul.context().close();
  });

  it('should show a blind second entry that differs side by side, on the phone and on the dashboard', async () => {
    const page = await phone();
    await signInBoard(page, '0102', 'Zoe Zweit');
    await page.click('#choose-blind');
    await expect.poll(() => page.locator('#field-A1').inputValue()).toBe('');
    // Blind: one list swapped by mistake (F5 10 → 11, F6 9 → 8).
    await fill(page, { ...LOW_0102, F5: 11, F6: 8 });
    await page.click('#entry-submit');
    await page.check('#confirm-P8');
    await page.fill('#confirm-comment-P8', 'Wie bei der ersten Erfassung: Seniorenheim.');
    await page.click('#entry-submit');
    await expect.poll(() => page.locator('.board-report h2').first().textContent()).toBe('! Die beiden Erfassungen weichen ab');
    await expect.poll(() => page.locator('.compare-summary').textContent()).toBe('2 Felder weichen ab: F5, F6.');
    expect(
      await page.locator('.compare-diff tr.compare-differs').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field'))),
    ).toEqual(['F5', 'F6']);
    expect(await page.locator('.compare-diff tr[data-field="F5"] td').allTextContents()).toEqual(['10', '11']);
    // Zoe may approve Yusuf's version 1, not her own version 2.
    expect(await page.locator('.approve button').allTextContents()).toEqual(['Version 1 bestätigen']);
    await page.screenshot({ path: artifactPath('office-board-mismatch-360.png'), fullPage: true });

    await expect.poll(() => tileState('0102')).toBe('flagged');
    await expect
      .poll(() => dashboard.locator('#attention-list [data-district="0102"]').first().innerText())
      .toMatch(/Zweite Erfassung weicht ab: Version 1 und 2/);
    await dashboard.click('#district-tiles [data-district="0102"]');
    await expect.poll(() => dashboard.locator('#district-detail .compare-summary').textContent()).toBe('2 Felder weichen ab: F5, F6.');
    await dashboard.screenshot({ path: artifactPath('office-dashboard-flagged-1280.png'), fullPage: true });
    expect(await axeViolations(dashboard)).toEqual([]);
    await page.context().close();
  });

  it('should let the office reject the mismatch with a reason and correct a confirmed report, filters included', async () => {
    // Reject 0102 (still selected in the detail panel).
    await dashboard.click('#action-reject');
    await dashboard.click('#reject-confirm');
    expect(await dashboard.locator('#reject-problem').textContent()).toBe('Bitte begründen Sie (mindestens 5 Zeichen).');
    await dashboard.fill('#reject-reason', 'Zweitstimmen F5/F6 vertauscht, bitte neu zählen und melden.');
    await dashboard.click('#reject-confirm');
    await expect.poll(() => tileState('0102')).toBe('rejected');
    expect((await reportsOf('0102')).rejectionReason).toBe('Zweitstimmen F5/F6 vertauscht, bitte neu zählen und melden.');

    // Correct 0101: the entry form opens prefilled with the counted numbers.
    await dashboard.click('#district-tiles [data-district="0101"]');
    await dashboard.click('#action-correct');
    await dashboard.waitForURL(`**/wahlen/${electionId}/wahlabend/bezirke/${districts['0101']}/korrektur`);
    await expect.poll(() => dashboard.inputValue('#field-F1')).toBe('290');
    await dashboard.fill('#field-F1', '289');
    await dashboard.fill('#field-F6', '24');
    await dashboard.fill('#correction-reason', 'Nachzählung: eine Stimme von CDU zu BSW.');
    await dashboard.screenshot({ path: artifactPath('office-correction-1280.png'), fullPage: true });
    await dashboard.click('#entry-submit');
    await dashboard.waitForURL(`**/wahlen/${electionId}/wahlabend`);
    await expect.poll(() => tileState('0101')).toBe('corrected');
    const history = await reportsOf('0101');
    expect(history.versions.map((version: any) => [version.version, version.kind])).toEqual([
      [1, 'entry'],
      [2, 'correction'],
    ]);
    expect(history.versions[1].reason).toBe('Nachzählung: eine Stimme von CDU zu BSW.');

    // New access codes for the station kits: generated and downloaded as a PDF in one step.
    const [sheet] = await Promise.all([dashboard.waitForEvent('download'), dashboard.click('#codes-generate')]);
    expect(sheet.suggestedFilename()).toBe('zugangscodes-2025-02-23.pdf');
    expect(
      readFileSync((await sheet.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expect.poll(() => dashboard.locator('#codes-summary').textContent()).toMatch(/^6 gültige Codes · \d+ Anmeldungen$/);

    // Filter by state: only the rejected district is left in grid and list.
    await dashboard.click('.legend-item[data-filter="rejected"]');
    expect(
      await dashboard
        .locator('#district-tiles [data-district]')
        .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-district'))),
    ).toEqual(['0102']);
    expect(await dashboard.locator('#district-list tbody tr').count()).toBe(1);
    await dashboard.click('.legend-item[data-filter="rejected"]');
    expect(await dashboard.locator('#district-tiles [data-district]').count()).toBe(3);
    await dashboard.screenshot({ path: artifactPath('office-dashboard-1280.png'), fullPage: true });
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.setViewportSize({ width: 360, height: 740 });
    await dashboard.screenshot({ path: artifactPath('office-dashboard-360.png'), fullPage: true });
    // Nothing wider than the phone: tables scroll inside their own box.
    expect(await dashboard.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  });
});
