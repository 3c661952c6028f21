import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { createOfficeWithStaff, STAFF_PASSWORD, type OfficeWithStaff } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { sharedDataAvailable } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

// The election editor in the browser (issue #12): a clerk creates an election on the screen, sees
// the R0.1 deadlines proposed, a refused day at its field while typing, and copies a previous election;
// fills it from the Karlsruhe files (districts, candidates, boundaries) and edits districts, lists, stations, areas and streets.

noticeIfNoBrowser('office election editor e2e');

const AGS = '08212000';
const DATA_DIR = resolve('../shared/data/karlsruhe');
const karlsruheFile = (part: string): string =>
  join(
    DATA_DIR,
    readdirSync(DATA_DIR).find((n) => n.includes('Gemeinderatswahl_2024') && n.includes(`_${part}_`))!,
  );

describe.skipIf(!browserAvailable || !sharedDataAvailable('karlsruhe'))('office web app: election editor', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let office: OfficeWithStaff;
  let previousId: string;

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, AGS, 'Stadt Karlsruhe');
    const previous = JSON.parse(readFileSync(resolve('test/fixtures/election-small.json'), 'utf8'));
    const imported = await office.clerk.post('/api/elections', { ...previous, municipality: { ags: AGS, name: 'Stadt Karlsruhe' } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    previousId = imported.body.id;
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${AGS}-clerk`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should propose the R0.1 deadlines and name a day that is not a Sunday while typing', async () => {
    await page.click('text=Neue Wahl anlegen');
    await page.waitForURL(`${testApp.baseUrl}/office/wahlen/neu`);
    await page.locator('#new-election-form').waitFor();
    await page.selectOption('#new-election-kind', 'landtag-bw');
    await page.fill('#new-election-name', 'Landtagswahl 2026');
    await page.fill('#new-election-day', '2026-03-07');
    await page.locator('#new-election-day[aria-invalid="true"]').waitFor();
    expect(await page.locator('#new-election-day-problem').textContent()).toMatch(/^Der Wahltag muss ein Sonntag sein/);
    await page.fill('#new-election-day', '2026-03-08');
    await page.locator('#new-election-day:not([aria-invalid])').waitFor();
    // DOMAIN.md R0.1, BW Landtag 08.03.2026.
    expect(await page.inputValue('#new-election-deadline-rollCutoffDay')).toBe('2026-02-01');
    expect(await page.inputValue('#new-election-deadline-inspectionStart')).toBe('2026-02-16');
    expect(await page.inputValue('#new-election-deadline-rollClosingLatest')).toBe('2026-03-07');
    await page.fill('#new-election-deadline-cardDeadline', '2026-03-09');
    await page.locator('#new-election-deadline-cardDeadline[aria-invalid="true"]').waitFor();
    expect(await page.locator('#new-election-deadline-cardDeadline-problem').textContent()).toBe(
      'Versand der Wahlbenachrichtigungen bis muss vor dem Wahltag liegen.',
    );
    await page.fill('#new-election-deadline-cardDeadline', '2026-02-13');
    await page.locator('#new-election-deadline-cardDeadline:not([aria-invalid])').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('should create the election from the previous one and open it for preparation', async () => {
    await page.check('#new-election-source-election');
    await page.selectOption('#new-election-previous', previousId);
    await page.click('#new-election-submit');
    await page.waitForURL(/\/office\/wahlen\/[0-9a-f-]+\/bearbeiten$/);
    await page.locator('#editor-counts [data-count="pollingDistricts"] dd >> text=3').waitFor();
    const [created] = await testApp.dataSource.query(
      `SELECT e.id, e.deadline_overrides AS deadlines, (SELECT count(*)::int FROM districts d WHERE d.election_id = e.id) AS districts
       FROM elections e WHERE e.name = 'Landtagswahl 2026'`,
    );
    expect(created).toMatchObject({ deadlines: { cardDeadline: '2026-02-13' }, districts: 4 });
    expect(page.url()).toContain(created.id);
    await page.screenshot({ path: artifactPath('office-election-created.png'), fullPage: true });
  }, 60_000);

  it('should prepare the Gemeinderatswahl from the Karlsruhe files: preview, problems, apply', async () => {
    await page.goto(`${testApp.baseUrl}/office/wahlen/neu`);
    await page.locator('#new-election-form').waitFor();
    await page.selectOption('#new-election-kind', 'gemeinderat-bw');
    await page.fill('#new-election-name', 'Gemeinderatswahl 2024');
    await page.fill('#new-election-day', '2024-06-09');
    await page.click('#new-election-submit');
    await page.waitForURL(/\/bearbeiten$/);
    await page.locator('#definition-import').waitFor();

    await page.selectOption('#import-kind', 'districts');
    await page.setInputFiles('#import-file', karlsruheFile('Wahlgebietseinteilungen'));
    await page.click('#import-preview-button');
    await page.locator('#import-preview').waitFor();
    expect(await page.locator('#import-counts [data-count="pollingDistricts"] td').allTextContents()).toEqual(['0', '128']);
    expect(await page.locator('#import-counts [data-count="areas"] td').allTextContents()).toEqual(['0', '27']);
    expect(await page.locator('#import-problems tbody tr').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#import-apply');
    await page.locator('#import-applied').waitFor();
    await page.locator('#editor-counts [data-count="postalDistricts"] dd >> text=130').waitFor();

    // Candidates: without the number of seats the council ballot is refused at its rule (R5.1), line 0.
    await page.selectOption('#import-kind', 'candidates');
    await page.setInputFiles('#import-file', karlsruheFile('Kandidaten'));
    await page.click('#import-preview-button');
    await page.locator('#import-problems').waitFor();
    expect(await page.locator('#import-apply').isDisabled()).toBe(true);
    await page.fill('#import-contest-seats', '48');
    await page.click('#import-preview-button');
    await page.locator('#import-counts [data-count="candidates"]').waitFor();
    expect(await page.locator('#import-counts [data-count="candidates"] td').allTextContents()).toEqual(['0', '568']);
    await page.click('#import-apply');
    await page.locator('#import-applied').waitFor();
    await page.locator('#editor-counts [data-count="lists"] dd >> text=15').waitFor();

    // District boundaries for the public map: the Landtag 2021 shapes, matched by district number.
    await page.setInputFiles('#boundary-file', resolve('data/demo/karlsruhe/WahlbezirkeLTW2021Karlsruhe.geojson'));
    await page.click('#boundary-preview-button');
    await page.locator('#boundary-preview').waitFor();
    expect(await page.locator('#boundary-preview').innerText()).toContain('100 von 128 Urnenwahlbezirken haben eine Grenze');
    expect(await page.locator('#boundary-problems tbody tr[data-severity="warning"]').count()).toBe(1);
    await page.click('#boundary-apply');
    await page.locator('#boundary-applied').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-election-karlsruhe.png'), fullPage: true });
  }, 120_000);

  it('should edit a district and a candidate with problems shown while typing', async () => {
    await page.selectOption('#district-choice', '00121');
    await page.fill('#district-inhabitants', 'viele');
    await page.locator('#district-inhabitants[aria-invalid="true"]').waitFor();
    expect(await page.locator('#district-inhabitants-problem').textContent()).toBe('Erwartet: Zahl; gefunden: Text.');
    await page.fill('#district-inhabitants', '2100');
    await page.fill('#district-name', '001-21 Hans-Thoma-Schule (Aula)');
    await page.selectOption('#district-area', 'Innenstadt-West');
    await page.locator('#district-inhabitants:not([aria-invalid])').waitFor();
    await page.click('#district-save');
    await page.locator('#editor-status >> text=Wahlbezirk 00121 gespeichert.').waitFor();

    await page.selectOption('#list-choice', 'gemeinderat/gruene');
    await page.fill('#list-color', 'grün');
    await page.locator('#list-color[aria-invalid="true"]').waitFor();
    expect(await page.locator('#list-color-problem').textContent()).toBe('Farbe im Format #rrggbb, z. B. #e3000f.');
    await page.fill('#list-color', '#46962b');
    await page.fill('#candidate-0-givenNames', 'Jorinda Maria');
    await page.click('#list-save');
    await page.locator('#editor-status >> text=Wahlvorschlag GRÜNE gespeichert.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [district] = await testApp.dataSource.query(
      `SELECT d.name, d.inhabitants, a.key AS area FROM districts d JOIN areas a ON a.id = d.area_id JOIN elections e ON e.id = d.election_id
       WHERE e.name = 'Gemeinderatswahl 2024' AND d.number = '00121'`,
    );
    expect(district).toEqual({ name: '001-21 Hans-Thoma-Schule (Aula)', inhabitants: 2100, area: 'Innenstadt-West' });
    const [candidate] = await testApp.dataSource.query(
      `SELECT c.given_names AS "givenNames", l.color FROM candidates c JOIN lists l ON l.id = c.list_id JOIN elections e ON e.id = c.election_id
       WHERE e.name = 'Gemeinderatswahl 2024' AND l.key = 'gruene' AND c.position = 1`,
    );
    expect(candidate).toEqual({ givenNames: 'Jorinda Maria', color: '#46962b' });
  }, 60_000);

  it('should edit a polling station and an area, and show an overlap of house numbers at its range while typing (R2.4)', async () => {
    const station = await page.inputValue('#station-choice');
    await page.fill('#station-openingHours', '');
    await page.locator('#station-openingHours[aria-invalid="true"]').waitFor();
    expect(await page.locator('#station-openingHours-problem').textContent()).toBe('Darf nicht leer sein.');
    await page.fill('#station-openingHours', '08:00–18:00 Uhr');
    await page.check('#station-barrierFree');
    await page.click('#station-save');
    await page.locator('#editor-status >> text=/^Wahlraum .* gespeichert\\.$/').waitFor();

    await page.selectOption('#area-choice', { value: '' });
    await page.fill('#area-key', 'bezirk-mitte');
    await page.fill('#area-name', 'Stadtbezirk Mitte');
    await page.selectOption('#area-kind', 'stadtbezirk');
    await page.click('#area-save');
    await page.locator('#editor-status >> text=Gebiet Stadtbezirk Mitte gespeichert.').waitFor();

    await page.selectOption('#street-choice', { value: '' });
    await page.fill('#street-key', '99990');
    await page.fill('#street-name', 'Teststraße');
    await page.fill('#street-postalCode', '76133');
    await page.fill('#street-segment-0-to', '20');
    await page.selectOption('#street-segment-0-district', '00121');
    await page.click('#street-add-range');
    await page.fill('#street-segment-1-from', '15');
    await page.fill('#street-segment-1-to', '30');
    await page.selectOption('#street-segment-1-parity', 'odd');
    await page.selectOption('#street-segment-1-district', '00122');
    await page.locator('#street-segment-1-problem >> text=/überschneidet sich/').waitFor();
    expect(await page.locator('#street-segment-1-problem').textContent()).toMatch(
      /^Der Hausnummernbereich 15–30 \(ungerade\) überschneidet sich mit dem Bereich 1–20 \(alle\) .* \(R2\.4\)\.$/,
    );
    expect(await page.locator('#street-segment-0-problem').textContent()).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-election-street-overlap.png'), fullPage: true });
    await page.fill('#street-segment-1-from', '21');
    await expect.poll(() => page.locator('#street-segment-1-problem').textContent()).toBe('');
    await page.click('#street-save');
    await page.locator('#editor-status >> text=Straße Teststraße gespeichert.').waitFor();

    const rows = await testApp.dataSource.query(
      `SELECT (SELECT opening_hours FROM polling_stations s WHERE s.election_id = e.id AND s.key = $1) AS hours,
              (SELECT barrier_free FROM polling_stations s WHERE s.election_id = e.id AND s.key = $1) AS "barrierFree",
              (SELECT name FROM areas a WHERE a.election_id = e.id AND a.key = 'bezirk-mitte') AS area,
              (SELECT count(*)::int FROM street_segments g JOIN streets st ON st.id = g.street_id WHERE st.election_id = e.id AND st.key = '99990') AS ranges
       FROM elections e WHERE e.name = 'Gemeinderatswahl 2024'`,
      [station],
    );
    expect(rows).toEqual([{ hours: '08:00–18:00 Uhr', barrierFree: true, area: 'Stadtbezirk Mitte', ranges: 2 }]);
  }, 90_000);

  it('should be usable at 390 px without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const editor = page.url();
    await page.goto(`${testApp.baseUrl}/office/wahlen/neu`);
    await page.locator('#new-election-form').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-election-new-390.png'), fullPage: true });
    await page.goto(editor);
    await page.locator('#list-form').waitFor();
    await page.locator('#station-form').waitFor();
    await page.selectOption('#street-choice', { value: '' });
    await page.click('#street-add-range');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
