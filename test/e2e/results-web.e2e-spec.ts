import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { POLLING_0101, POSTAL_0191, signInDistrictBoards, workedExampleElection, type DistrictBoards } from '../support/election-night';
import { httpClient } from '../support/http';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { axeViolations, gzippedSize, recordAssets } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The public results page against the whole application in a real browser: a board enters the
// worked example of DOMAIN.md 4.3, a second person confirms it through the API, and the open page
// shows the new numbers within two seconds, without a reload. Plus the start page, the district
// finder on the election's street directory, axe-core, the first view's size and screenshots.

noticeIfNoBrowser('results-web e2e');

const FIRST_VIEW_BUDGET_BYTES = 150 * 1024;
const NBSP = '\u00a0';
const pct = (text: string): string => text.replace(/ %/g, `${NBSP}%`);

/** Schulstraße: odd numbers in 0101, even in 0102 (R2.4). */
const STREETS = [
  {
    key: '1001',
    name: 'Schulstraße',
    postalCode: '76990',
    segments: [
      { from: '1', to: '99', parity: 'odd', district: '0101' },
      { from: '2', to: '98', parity: 'even', district: '0102' },
    ],
  },
];

describe.skipIf(!browserAvailable)('public results page in the browser', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebAppBuilt('results-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  const open = async (width: number): Promise<{ context: BrowserContext; page: Page; problems: string[] }> => {
    // Reduced motion: charts draw at once, so screenshots and timings show the final state.
    const context = await browser.newContext({
      viewport: { width, height: 800 },
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
    });
    return { context, page, problems };
  };

  it('should show the empty state while no election exists, without console errors', async () => {
    const { context, page, problems } = await open(360);
    const response = await page.goto(`${testApp.baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('Wahlergebnisse');
    await expect.poll(() => page.locator('#no-results .empty-title').textContent()).toBe('Noch keine Ergebnisse veröffentlicht');
    expect(await page.locator('h1').textContent()).toBe('Wahlergebnisse');
    expect(await page.getAttribute('#elections', 'aria-busy')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('should say at once that an unknown election does not exist (the live server refuses the join)', async () => {
    const { context, page } = await open(360);
    const started = Date.now();
    await page.goto(`${testApp.baseUrl}/wahl/${randomUUID()}`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 2_000, interval: 50 }).toBe('Seite nicht gefunden');
    // Well before the 2 s after which the page would try the JSON on its own.
    expect(Date.now() - started).toBeLessThan(1_500);
    await context.close();
  });

  it('should keep the first view under 150 KB of compressed JavaScript and CSS (what index.html links)', () => {
    const dist = resolve('dist/apps/results-web');
    const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    expect(gzippedSize(assets, dist)).toBeLessThan(FIRST_VIEW_BUDGET_BYTES);
  });

  describe('election night through the API', () => {
    let office: OfficeWithStaff;
    let electionId: string;
    let districts: Record<string, string>;
    let boards: DistrictBoards;
    let overview: { context: BrowserContext; page: Page; problems: string[]; assets: string[] };

    const reportsUrl = (number: string): string => `/api/elections/${electionId}/districts/${districts[number]}/reports`;

    /** The first board member enters, the second confirms; resolves when the API has answered the confirmation. */
    const enterAndConfirm = async (number: string, body: object): Promise<void> => {
      const [first, second] = boards[number]!;
      const entered = await first.client.post(reportsUrl(number), { ...body, expectedVersion: 0 });
      expect(entered.status, JSON.stringify(entered.body)).toBe(201);
      const approved = await second.client.post(
        `${reportsUrl(number)}/${entered.body.version}/approve`,
        {},
        { 'idempotency-key': randomUUID() },
      );
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      expect(approved.body).toMatchObject({ state: 'confirmed' });
    };

    beforeAll(async () => {
      office = await createOfficeWithStaff(testApp, '08999301', 'Musterstadt');
      const imported = await office.clerk.post('/api/elections', { ...workedExampleElection('08999301', 'Musterstadt'), streets: STREETS });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      electionId = imported.body.id;
      ({ districts, boards } = await signInDistrictBoards(testApp, office.officeAdmin, electionId, ['Vorstand', 'Beisitz']));
    }, 60_000);

    afterAll(async () => {
      await overview?.context.close();
    });

    it('should list the election on the start page and open its overview by link', async () => {
      overview = { ...(await open(360)), assets: [] };
      const { page } = overview;
      overview.assets = recordAssets(page);
      await page.goto(`${testApp.baseUrl}/`);
      await expect.poll(() => page.locator('.election-card-title').textContent()).toBe('Bundestagswahl 2025 (Musterstadt)');
      expect(await page.locator('.election-card-status').textContent()).toBe('Noch keine Ergebnisse0 von 3 Bezirken gemeldet');
      await page.screenshot({ path: artifactPath('results-web-home-360.png'), fullPage: true });
      await page.locator('.election-card').click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Musterstadt');
      expect(new URL(page.url()).pathname).toBe(`/wahl/${electionId}`);
      expect(await page.locator('#progress-value').textContent()).toBe('0 von 3 Bezirken');
      // The snapshot's root is the constituency around this one municipality: the overview starts below it.
      expect(await page.locator('.page-kind').textContent()).toBe(`Gemeinde · 23.${NBSP}Februar${NBSP}2025Noch keine Ergebnisse`);
      expect(await page.locator('.breadcrumb').count()).toBe(0);
      await expect.poll(() => page.locator('.live-label').textContent()).toBe('Live');
    });

    it('should show a report within 2 seconds of its confirmation, without a reload', async () => {
      const { page } = overview;
      await page.evaluate('window.__samePage = true');
      await enterAndConfirm('0101', POLLING_0101);
      const confirmedAt = Date.now();
      await expect.poll(() => page.locator('#progress-value').textContent(), { timeout: 2_000, interval: 50 }).toBe('1 von 3 Bezirken');
      const shownAfter = Date.now() - confirmedAt;
      expect(shownAfter).toBeLessThan(2_000);
      expect(await page.evaluate('window.__samePage')).toBe(true);
      // 0101's Zweitstimmen (DOMAIN.md 4.3): CDU 290 of 813 valid.
      expect(await page.locator('#page-shares-table tbody tr').first().textContent()).toBe(pct('CDU29035,7 %'));
      expect(await page.locator('#page-shares-table tfoot').textContent()).toBe('Gültige Stimmen813Ungültige Stimmen7');
      console.info(`[results-web e2e] confirmed report shown on the page after ${shownAfter} ms`);
    });

    it('should show the postal district too: turnout of the complete unit and the change against 2021', async () => {
      const { page, problems } = overview;
      await enterAndConfirm('0191', POSTAL_0191);
      await expect.poll(() => page.locator('#progress-value').textContent(), { timeout: 2_000, interval: 50 }).toBe('2 von 3 Bezirken');
      // P10: (820 + 260) / 1.500.
      await expect.poll(() => page.locator('#turnout-value').textContent()).toBe(pct('72,0 %'));
      // 0101 + 0191: CDU 290 + 95 = 385 of 813 + 257 = 1.070 → 36,0 %; 2021: 300 of 1.000 = 30,0 %.
      const cdu = await page
        .locator('#page-changes-table tbody tr')
        .first()
        .evaluate((row) => [...row.children].map((cell) => cell.textContent));
      expect(cdu).toEqual(['CDU', pct('36,0 %'), pct('30,0 %'), '+6,0']);
      await expect
        .poll(() => page.getAttribute('#page-shares-chart', 'aria-label'))
        .toBe(pct('Zweitstimme, Stimmenanteile: CDU 36,0 %, SPD 27,1 %, GRÜNE 19,6 %, FDP 9,5 %, Die Linke 4,9 %, BSW 2,9 %'));
      await expect.poll(() => page.getAttribute('#page-changes-chart', 'aria-label')).toContain('CDU +6,0, SPD \u22120,9');
      expect(await page.locator('#connection-notice').isVisible()).toBe(false);
      expect(await page.locator('#stand').textContent()).toMatch(/^Stand: \d\d:\d\d Uhr$/);

      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: artifactPath('results-web-360.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: artifactPath('results-web-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 360, height: 800 });
      expect(problems).toEqual([]);
    });

    it('should load at most 150 KB of compressed JavaScript and CSS for the overview, charts included', () => {
      const { assets } = overview;
      // The app and its stylesheet, and the chart chunk loaded once there were numbers to draw.
      expect(assets.filter((asset) => asset.endsWith('.css'))).toHaveLength(1);
      expect(assets.some((asset) => asset.includes('charts.mount'))).toBe(true);
      const bytes = gzippedSize(assets);
      console.info(`[results-web e2e] first view: ${assets.length} assets, ${(bytes / 1024).toFixed(1)} KB gzip`);
      expect(bytes).toBeLessThan(FIRST_VIEW_BUDGET_BYTES);
    });

    it('should find the district of an address in the street directory and open its results', async () => {
      const { page } = overview;
      const direct = await httpClient(testApp.baseUrl).get(
        `/api/public/elections/${electionId}/district-lookup?street=Schulstr.&houseNumber=3a`,
      );
      expect(direct.status).toBe(200);
      expect(direct.headers.get('cache-control')).toBe(
        'public, max-age=300, s-maxage=300, stale-while-revalidate=3600, stale-if-error=86400',
      );
      expect(direct.body).toEqual({
        kind: 'found',
        street: 'Schulstraße',
        houseNumber: '3a',
        districts: [
          {
            number: '0101',
            name: 'Altstadt',
            areaId: districts['0101'],
            pollingStation: { name: 'Grundschule am Markt', address: 'Schulstraße 1, 76990 Musterstadt', barrierFree: true },
          },
        ],
      });
      expect(
        (await httpClient(testApp.baseUrl).get(`/api/public/elections/${electionId}/district-lookup?street=Schulstra%C3%9Fe`)).status,
      ).toBe(422);
      expect(
        (await httpClient(testApp.baseUrl).get(`/api/public/elections/${randomUUID()}/district-lookup?street=A&houseNumber=1`)).status,
      ).toBe(404);

      await page.fill('#finder-street', 'schulstrasse');
      await page.fill('#finder-number', '4');
      await page.press('#finder-number', 'Enter');
      await expect.poll(() => page.locator('.finder-link').textContent()).toBe('Wahlbezirk 0102 – Neustadt');
      await page.fill('#finder-number', '3');
      await page.press('#finder-number', 'Enter');
      await expect.poll(() => page.locator('.finder-link').textContent()).toBe('Wahlbezirk 0101 – Altstadt');
      await page.click('.finder-link');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Altstadt');
      expect(new URL(page.url()).pathname).toBe(`/wahl/${electionId}/gebiet/${districts['0101']}`);
      expect(await page.locator('.breadcrumb').textContent()).toBe('MusterstadtAltstadt');
      expect(await page.locator('#page-shares-table tbody tr').first().textContent()).toBe(pct('CDU29035,7 %'));
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: artifactPath('results-web-district-360.png'), fullPage: true });
    });

    it('should update the embed of a district and the town hall screen live as well', async () => {
      const embed = await open(480);
      await embed.page.goto(`${testApp.baseUrl}/embed/${electionId}?gebiet=${districts['0102']}`);
      await expect.poll(() => embed.page.locator('h1').textContent()).toBe('Neustadt (Wahlbezirk 0102)');
      expect(await embed.page.locator('.embed-figures').textContent()).toBe('Noch nicht gemeldetWahlbeteiligung –');
      const kiosk = await open(1920);
      await kiosk.page.setViewportSize({ width: 1920, height: 1080 });
      await kiosk.page.goto(`${testApp.baseUrl}/kiosk/${electionId}?sekunden=600`);
      await expect.poll(() => kiosk.page.locator('h1').textContent()).toBe('Musterstadt');

      // 0102: turnout 150 / 1.100 (a P8 warning the board confirms with a comment).
      await enterAndConfirm('0102', {
        A1: 1000,
        A2: 100,
        A3: 0,
        A: 1100,
        B: 150,
        B1: 10,
        contests: [
          { contestId: 'erststimme', invalid: 2, valid: 148, votes: { cdu: 50, spd: 40, gruene: 30, fdp: 18, linke: 10 } },
          { contestId: 'zweitstimme', invalid: 1, valid: 149, votes: { cdu: 45, spd: 40, gruene: 30, fdp: 15, linke: 10, bsw: 9 } },
        ],
        confirmations: [{ rule: 'P8', comment: 'Telefonisch rückgefragt: Bezirk mit Seniorenheim, Zahlen stimmen.' }],
      });
      await expect
        .poll(() => embed.page.locator('.embed-figures').textContent(), { timeout: 2_000, interval: 50 })
        .toBe(pct('GemeldetWahlbeteiligung 13,6 %'));
      await expect
        .poll(() => kiosk.page.locator('.kiosk-figure-value').first().textContent(), { timeout: 2_000, interval: 50 })
        .toBe('3 von 3 Bezirken');
      expect(await kiosk.page.locator('.kiosk-kind').textContent()).toBe('Gemeinde · Vorläufiges Endergebnis');
      expect(await axeViolations(embed.page)).toEqual([]);
      expect(await axeViolations(kiosk.page)).toEqual([]);
      await embed.page.screenshot({ path: artifactPath('results-web-embed-480.png'), fullPage: true });
      await kiosk.page.screenshot({ path: artifactPath('results-web-kiosk-1920.png') });
      expect([...embed.problems, ...kiosk.problems]).toEqual([]);
      await embed.context.close();
      await kiosk.context.close();
    });
  });
});
