import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { POLLING_0101, signInBoard, workedExampleElection } from '../support/election-night';
import { httpClient, type HttpClient } from '../support/http';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { axeViolations, gzippedSize, recordAssets } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The public page as a citizen meets it (issue #15): Erststimme results by candidate with party, in
// the API, the open data and the page; the office's Impressum, Datenschutz and Barrierefreiheit in
// the footer beside the open data; no address finder without a street directory; one-line figures
// and a German 404 page. Real API, real chromium at 390 px, axe-core.

noticeIfNoBrowser('results-web public e2e');

const FIRST_VIEW_BUDGET_BYTES = 100 * 1024;
const NBSP = '\u00a0';
const pct = (text: string): string => text.replace(/ %/g, `${NBSP}%`);

const LINKS = {
  imprintUrl: 'https://www.musterstadt.example/impressum',
  privacyUrl: 'https://www.musterstadt.example/datenschutz',
  accessibilityUrl: 'https://www.musterstadt.example/barrierefreiheit',
};

describe('public page: candidates, office links, open data, 404', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let anonymous: HttpClient;
  let electionId: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (browserAvailable) await ensureWebAppBuilt('results-web');
    testApp = await startTestApp();
    anonymous = httpClient(testApp.baseUrl);
    if (browserAvailable) browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, '08999302', 'Musterstadt');
    // No street directory: the page must not offer the address finder.
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999302', 'Musterstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    const generated = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    const code = generated.body.codes.find((entry: { districts: { number: string }[] }) => entry.districts[0]!.number === '0101');
    const districtId = code.districts[0].id as string;
    const [chair, deputy] = [
      await signInBoard(testApp.baseUrl, code.code, 'Vorstand'),
      await signInBoard(testApp.baseUrl, code.code, 'Beisitz'),
    ];
    const reports = `/api/elections/${electionId}/districts/${districtId}/reports`;
    const entered = await chair.client.post(reports, { ...POLLING_0101, expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const approved = await deputy.client.post(`${reports}/${entered.body.version}/approve`, {}, { 'idempotency-key': randomUUID() });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should name the Erststimme candidates in the public JSON and keep list votes without one', async () => {
    // The contests are part of every snapshot, whatever has been counted.
    const snapshot = (await anonymous.get(`/api/public/elections/${electionId}`)).body;
    const [erst, zweit] = snapshot.contests;
    expect(erst.lists.map((list: { shortName: string; candidate: unknown }) => [list.shortName, list.candidate])).toEqual([
      ['CDU', { name: 'Alex Adler', familyName: 'Adler' }],
      ['SPD', { name: 'Alex Berger', familyName: 'Berger' }],
      ['GRÜNE', { name: 'Alex Conrad', familyName: 'Conrad' }],
      ['FDP', { name: 'Alex Dietz', familyName: 'Dietz' }],
      ['Die Linke', { name: 'Alex Engel', familyName: 'Engel' }],
    ]);
    expect(zweit.lists.every((list: object) => !('candidate' in list))).toBe(true);
  });

  it('should name the candidate behind every Erststimme column in listen.json', async () => {
    const lists = await anonymous.get(`/api/public/elections/${electionId}/open-data/listen.json`);
    expect(lists.status).toBe(200);
    const [erst, zweit] = lists.body.contests;
    expect(erst).toMatchObject({ id: 'erststimme', ballotType: 'candidate' });
    expect(erst.lists[0]).toEqual({
      column: 'D1',
      ballotPosition: 1,
      listId: 'cdu',
      shortName: 'CDU',
      name: 'CDU',
      color: '#000000',
      candidate: { name: 'Alex Adler', title: null, givenNames: 'Alex', familyName: 'Adler' },
    });
    expect(zweit.ballotType).toBe('list');
    expect(zweit.lists.map((list: { candidate: unknown }) => list.candidate)).toEqual([null, null, null, null, null, null]);
    // The CSV keeps votemanager's columns: D1 holds the votes of the candidate on ballot row 1.
    // An election without a council contest has no elected members to list.
    const elected = await anonymous.get(`/api/public/elections/${electionId}/open-data/gewaehlte.csv`);
    expect(elected.status).toBe(404);
    expect(elected.body.detail).toBe('Diese Wahl hat keinen Gemeinderats-Stimmzettel.');
    expect(lists.body.files['gewaehlte.csv']).toBeUndefined();
    const csv = await anonymous.get(`/api/public/elections/${electionId}/open-data/gemeinde.csv`);
    const [header, row] = (csv.body as string)
      .trim()
      .split('\n')
      .map((line) => line.split(';'));
    expect(row![header!.indexOf('D1')]).toBe('310');
  });

  it('should let the office set its legal pages, refuse bad addresses in German and keep what was stored', async () => {
    const path = `/api/offices/${office.officeId}/public-links`;
    expect((await office.officeAdmin.get(path)).body).toEqual({ imprintUrl: null, privacyUrl: null, accessibilityUrl: null });
    const hostile = await office.officeAdmin.put(path, { ...LINKS, privacyUrl: 'javascript:alert(1)' });
    expect(hostile.status).toBe(422);
    expect(JSON.stringify(hostile.body)).toContain('Bitte eine http- oder https-Adresse angeben');
    expect((await office.officeAdmin.get(path)).body.privacyUrl).toBeNull();
    expect((await office.clerk.put(path, LINKS)).status).toBe(403);
    const saved = await office.officeAdmin.put(path, LINKS);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual(LINKS);

    const about = await anonymous.get(`/api/public/elections/${electionId}/about`);
    expect(about.body).toEqual({ electionId, officeName: 'Musterstadt', streetDirectory: false, links: LINKS });
    expect((await anonymous.get(`/api/public/elections/${randomUUID()}/about`)).status).toBe(404);
  });

  it('should answer an unknown page address with a German 404 page, and an unknown API address with JSON', async () => {
    const page = await fetch(`${testApp.baseUrl}/impressum`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<html lang="de">');
    const api = await fetch(`${testApp.baseUrl}/api/gibt-es-nicht`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  describe.skipIf(!browserAvailable)('in the browser at 390 px', () => {
    const open = async (): Promise<{ context: BrowserContext; page: Page; problems: string[]; assets: string[] }> => {
      const context = await browser!.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'de-DE',
        timezoneId: 'Europe/Berlin',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      const assets = recordAssets(page);
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      return { context, page, problems, assets };
    };

    it('should show the Erststimme by candidate with party, the footer links and no address finder', async () => {
      const { context, page, problems, assets } = await open();
      await page.goto(`${testApp.baseUrl}/wahl/${electionId}?stimme=erststimme`);
      await expect.poll(() => page.locator('#page-shares-table tbody tr').first().textContent()).toBe(pct('Alex AdlerCDU31038,4 %'));
      expect(await page.locator('#page-shares-table thead th').first().textContent()).toBe('Kandidat/in');
      await expect.poll(() => page.getAttribute('#page-shares-chart', 'aria-label')).toContain(pct('Adler (CDU) 38,4 %'));

      // The footer: the office's legal pages and the election's open data with its description.
      await expect.poll(() => page.locator('.legal-links a').count()).toBe(3);
      expect(
        await page
          .locator('.legal-links a')
          .evaluateAll((links) => links.map((link) => `${link.textContent} ${link.getAttribute('href')}`)),
      ).toEqual([`Impressum ${LINKS.imprintUrl}`, `Datenschutz ${LINKS.privacyUrl}`, `Barrierefreiheit ${LINKS.accessibilityUrl}`]);
      await page.locator('#open-data summary').click();
      expect(await page.locator('#open-data p').first().textContent()).toContain('CSV-Format von votemanager');
      expect(await page.locator('#open-data a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
        [
          'wahlbezirk.csv',
          'stadtteil.csv',
          'stadtbezirk.csv',
          'gemeinde.csv',
          'wahlkreis.csv',
          'listen.json',
          'wahllokale.csv',
          'wahllokale.json',
        ].map((file) => `/api/public/elections/${electionId}/open-data/${file}`),
      );
      // The data description: fields and their meaning.
      expect(await page.locator('#open-data dt').first().textContent()).toBe('gebiet-nr, gebiet-name');
      for (const file of ['stadtteil.csv', 'wahllokale.csv']) {
        const download = await anonymous.get(`/api/public/elections/${electionId}/open-data/${file}`);
        expect(download.status, file).toBe(200);
      }

      // No street directory, no finder.
      expect(await page.locator('#finder-title').isVisible()).toBe(false);

      // "1 von 3 Bezirken" on one line, and nothing wider than the phone.
      const progress = (await page.evaluate(`(() => {
        const element = document.getElementById('progress-value');
        return { height: element.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(element).lineHeight), text: element.textContent };
      })()`)) as { height: number; lineHeight: number; text: string };
      expect(progress.text).toBe('1 von 3 Bezirken');
      expect(progress.height).toBeLessThan(progress.lineHeight * 1.5);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      // The first view: what the page loaded up to here, charts included.
      const size = gzippedSize(assets);
      console.info(`[results-web public e2e] first view ${assets.length} assets, ${(size / 1024).toFixed(1)} KB gzip`);
      expect(size).toBeLessThanOrEqual(FIRST_VIEW_BUDGET_BYTES);
      await page.screenshot({ path: artifactPath('results-web-candidates-390.png'), fullPage: true });
      await context.close();
    });

    it('should head a district’s card "Schnellmeldung", not "Gemeldet" twice', async () => {
      const { context, page } = await open();
      await page.goto(`${testApp.baseUrl}/wahl/${electionId}`);
      await page.getByRole('link', { name: /^Altstadt Wahlbezirk 0101/ }).click();
      await expect.poll(() => page.locator('#progress-label').textContent()).toBe('Schnellmeldung');
      expect(await page.locator('#progress-value').textContent()).toBe('Gemeldet');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

    it('should show the German 404 page for an unknown address, with the open data note in the footer', async () => {
      const { context, page, problems } = await open();
      const response = await page.goto(`${testApp.baseUrl}/impressum`);
      expect(response?.status()).toBe(404);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Seite nicht gefunden');
      expect(await page.locator('#footer-links').textContent()).toContain('Offene Daten');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
      await context.close();
    });
  });
});
