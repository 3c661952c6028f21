import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
import { createOfficeWithStaff, STAFF_PASSWORD } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue #12, list editor: a clerk adds a list to a ballot on the screen (key, ballot position,
// names, colour, a candidate), with problems at their fields while typing; once results exist the
// API refuses another one and the screen says why, and nothing is stored.

noticeIfNoBrowser('office list add e2e');

const AGS = '08999123';

describe.skipIf(!browserAvailable)('office web app: add a list in the election editor', () => {
  let testApp: TestApp;
  let browser: Browser;
  let page: Page;
  let electionId: string;

  const listKeys = async (): Promise<string[]> =>
    (
      await testApp.dataSource.query(
        `SELECT l.key FROM lists l JOIN contests c ON c.id = l.contest_id WHERE l.election_id = $1 AND c.key = 'zweitstimme'
         ORDER BY l.ballot_position`,
        [electionId],
      )
    ).map((row: { key: string }) => row.key);

  beforeAll(async () => {
    await ensureWebAppBuilt('office-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    const office = await createOfficeWithStaff(testApp, AGS, 'Testgemeinde Kleinhausen');
    const fixture = JSON.parse(readFileSync(resolve('test/fixtures/election-small.json'), 'utf8'));
    const imported = await office.clerk.post('/api/elections', {
      ...fixture,
      municipality: { ags: AGS, name: 'Testgemeinde Kleinhausen' },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    page = await (await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'de-DE' })).newPage();
    await page.goto(`${testApp.baseUrl}/office/anmelden`);
    await page.fill('#username', `u${AGS}-clerk`);
    await page.fill('#password', STAFF_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${testApp.baseUrl}/office/`);
    await page.goto(`${testApp.baseUrl}/office/wahlen/${electionId}/bearbeiten`);
    await page.locator('#list-choice').waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should add a list with its next ballot position, names, colour and a candidate', async () => {
    expect(await listKeys()).toEqual(['cdu', 'spd']);
    await page.selectOption('#list-choice', 'zweitstimme/');
    expect(await page.inputValue('#list-ballotPosition')).toBe('3');
    await page.fill('#list-shortName', 'GRÜNE');
    await page.fill('#list-name', 'BÜNDNIS 90/DIE GRÜNEN');
    // The key of a list already on the ballot would edit that list instead: named at the field.
    await page.fill('#list-id', 'spd');
    await page.locator('#list-id[aria-invalid="true"]').waitFor();
    expect(await page.locator('#list-id-problem').textContent()).toContain('„spd“ kommt in diesem Stimmzettel mehrfach vor');
    await page.fill('#list-id', 'gruene');
    await page.fill('#list-color', 'grün');
    expect(await page.locator('#list-color-problem').textContent()).toBe('Farbe im Format #rrggbb, z. B. #e3000f.');
    await page.fill('#list-color', '#46962b');
    await page.click('#list-add-candidate');
    await page.fill('#candidate-0-familyName', 'Beispiel');
    await page.fill('#candidate-0-givenNames', 'Berta');
    await page.locator('#list-id:not([aria-invalid])').waitFor();
    await page.click('#list-save');
    await page.locator('#editor-status >> text=Wahlvorschlag GRÜNE gespeichert.').waitFor();
    expect(await listKeys()).toEqual(['cdu', 'spd', 'gruene']);
    const [list] = await testApp.dataSource.query(
      `SELECT l.short_name AS "shortName", l.color, l.ballot_position AS "ballotPosition", count(c.id)::int AS candidates
       FROM lists l LEFT JOIN candidates c ON c.list_id = l.id WHERE l.election_id = $1 AND l.key = 'gruene' GROUP BY l.id`,
      [electionId],
    );
    expect(list).toEqual({ shortName: 'GRÜNE', color: '#46962b', ballotPosition: 3, candidates: 1 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await elementsPastRightEdge(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('office-list-add-390.png'), fullPage: true });
  }, 60_000);

  it('should refuse another list with the reason once results exist, and store nothing', async () => {
    // One district's quick report on election night: from now on the lists are fixed.
    await testApp.dataSource.query(
      `INSERT INTO election_night_districts (district_id, election_id, state, current_version)
       SELECT id, election_id, 'entered', 1 FROM districts WHERE election_id = $1 LIMIT 1
       ON CONFLICT (district_id) DO UPDATE SET state = 'entered', current_version = 1`,
      [electionId],
    );
    await page.selectOption('#list-choice', 'zweitstimme/');
    await page.fill('#list-id', 'fdp');
    await page.fill('#list-shortName', 'FDP');
    await page.fill('#list-name', 'Freie Demokratische Partei');
    await page.click('#list-save');
    await expect
      .poll(() => page.locator('#list-status').textContent())
      .toBe('Die Änderung würde die erfassten Ergebnisse ungültig machen; es wurde nichts gespeichert.');
    expect(await listKeys()).toEqual(['cdu', 'spd', 'gruene']);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);
});
