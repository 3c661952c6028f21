import { readFileSync } from 'node:fs';
import type { PublicArea, PublicAreaResult, PublicElectionSnapshot } from '@wahl/domain';
import { parseDistrictBoundaries } from '@wahl/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDistrictMap } from '../../apps/api/src/modules/elections/boundaries/district-map';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { axeViolations, fakeLiveServer } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The district map of the public page in a real browser, on the real Karlsruhe boundaries (data/demo)
// and the city's real Bundestagswahl 2025 figures of its first 40 polling districts; one of them
// withheld (R8.5). The map loads only when opened, is axe clean, and opens a district by keyboard.

noticeIfNoBrowser('results-web map e2e');

const definition = JSON.parse(readFileSync('examples/karlsruhe-btw2025.json', 'utf8'));
const resultsFile = readFileSync(
  'data/demo/karlsruhe/08212000_23.02.2025_Bundestagswahl_2025_Wahlergebnisse_V0-3_21.02.2025_081741_662.csv',
  'utf8',
);
const [header, ...lines] = resultsFile.trim().split(/\r?\n/);
const columns = header!.split(';');
const rows = new Map(
  lines.map((line) => {
    const cells = line.split(';');
    const row = Object.fromEntries(columns.map((name, index) => [name, Number(cells[index] ?? 0)]));
    return [cells[columns.indexOf('bezirk-nr')]!, row];
  }),
);
const zweit = definition.contests.find((contest: any) => contest.id === 'zweitstimme');
const polling = definition.districts.filter((district: any) => district.kind === 'polling');
// A Stadtteil holding the first ten polling districts (its page draws only those).
const QUARTER = polling.slice(0, 10).map((district: any) => district.number as string);
const areas: PublicArea[] = [
  { id: 'municipality', parentId: null, level: 'municipality', number: '08212000', name: 'Karlsruhe' },
  { id: 'st1', parentId: 'municipality', level: 'stadtteil', number: '1', name: 'Innenstadt' },
  ...polling.map((district: any) => ({
    id: `d${district.number}`,
    parentId: QUARTER.includes(district.number) ? 'st1' : 'municipality',
    level: 'district' as const,
    number: district.number,
    name: district.name,
  })),
];
const WITHHELD = polling[1].number;
const result = (district: any, index: number): PublicAreaResult => {
  const row = rows.get(district.number)!;
  const base = { areaId: `d${district.number}`, expected: 1, previousTurnoutPercent: null };
  if (index >= 40)
    return { ...base, reported: 0, eligible: null, voters: 0, turnoutPercent: null, contests: [], publication: { kind: 'published' } };
  if (district.number === WITHHELD)
    return { ...base, reported: 1, eligible: null, voters: 0, turnoutPercent: null, contests: [], publication: { kind: 'withheld' } };
  return {
    ...base,
    reported: 1,
    eligible: row['A']!,
    voters: row['B']!,
    turnoutPercent: Math.round((1000 * row['B']!) / row['A']!) / 10,
    contests: [
      {
        contestId: 'zweitstimme',
        invalid: row['E']!,
        valid: row['F']!,
        lists: zweit.lists.map((list: any) => ({
          listId: list.id,
          votes: row[`F${list.ballotPosition}`]!,
          percent: null,
          previousPercent: null,
          changePoints: null,
        })),
      },
    ],
    publication: { kind: 'published' },
  };
};
const SNAPSHOT: PublicElectionSnapshot = {
  electionId: 'ka2025',
  name: 'Bundestagswahl 2025',
  kind: 'bundestag',
  electionDay: '2025-02-23',
  municipalityName: 'Karlsruhe',
  previousElectionName: null,
  rehearsal: false,
  version: 40,
  updatedAt: new Date().toISOString(),
  status: 'counting',
  contests: [
    {
      id: 'zweitstimme',
      name: 'Zweitstimme',
      ballotType: 'list',
      lists: zweit.lists.map((l: any) => ({
        id: l.id,
        ballotPosition: l.ballotPosition,
        shortName: l.shortName,
        name: l.name,
        color: l.color,
      })),
    },
  ],
  areas,
  results: [
    {
      areaId: 'municipality',
      reported: 40,
      expected: polling.length,
      eligible: null,
      voters: 0,
      turnoutPercent: null,
      previousTurnoutPercent: null,
      contests: [],
      publication: { kind: 'partial', heldBack: 1 },
    },
    {
      areaId: 'st1',
      reported: QUARTER.length,
      expected: QUARTER.length,
      eligible: null,
      voters: 0,
      turnoutPercent: null,
      previousTurnoutPercent: null,
      contests: [],
      publication: { kind: 'partial', heldBack: 1 },
    },
    ...polling.map(result),
  ],
};
const MAP = buildDistrictMap(
  parseDistrictBoundaries(
    readFileSync('data/demo/karlsruhe/WahlbezirkeLTW2021Karlsruhe.geojson', 'utf8'),
    polling.map((d: any) => d.number),
  ).boundaries,
);

describe.skipIf(!browserAvailable)('public results page: district map (Karlsruhe boundaries)', () => {
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

  // The page against the snapshot above, with a fake live channel; counts the requests of the map.
  const openPage = async (viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport, locale: 'de-DE', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const live = await fakeLiveServer(page);
    live.onEvent = (message, server, ack) => {
      if (message.event !== 'join' && message.event !== 'request-snapshot') return;
      ack?.({ ok: true, version: SNAPSHOT.version });
      server.send('snapshot', SNAPSHOT);
    };
    let mapRequests = 0;
    await page.route('**/api/public/elections/ka2025', (route) => route.fulfill({ json: SNAPSHOT }));
    await page.route('**/api/public/elections/ka2025/map', (route) => {
      mapRequests++;
      return route.fulfill({ json: MAP });
    });
    await page.route('**/api/public/elections/ka2025/about', (route) =>
      route.fulfill({
        json: {
          electionId: 'ka2025',
          officeName: 'Karlsruhe',
          streetDirectory: false,
          links: { imprintUrl: null, privacyUrl: null, accessibilityUrl: null },
        },
      }),
    );
    await page.route('**/api/public/elections/ka2025/turnout', (route) =>
      route.fulfill({ json: { electionId: 'ka2025', municipalityName: 'Karlsruhe', reports: [] } }),
    );

    return { context, page, problems, mapRequests: () => mapRequests };
  };

  it('should load the map only when opened, colour it with legend and table, stay axe clean and open a district by keyboard', async () => {
    const { context, page, problems, mapRequests } = await openPage({ width: 1280, height: 900 });
    await page.goto(`${testApp.baseUrl}/wahl/ka2025`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Karlsruhe');
    expect(mapRequests()).toBe(0);
    await page.locator('.map-section > summary').click();
    await expect.poll(() => page.locator('.map-district').count(), { timeout: 20_000 }).toBe(100);
    expect(mapRequests()).toBe(1);

    // The withheld district (if it has a boundary) carries no figures; the first reported one names its winner.
    const labels = await page.locator('.map-district').evaluateAll((paths) => paths.map((path) => path.getAttribute('aria-label')));
    expect(labels.filter((label) => label?.includes('stärkste Kraft')).length).toBeGreaterThan(0);
    expect(labels.some((label) => /nicht einzeln veröffentlicht/.test(label ?? '') && /\d/.test(label!.split(':')[1]!))).toBe(false);
    expect(await page.locator('.map-legend li').allTextContents()).toContain('noch nicht gemeldet');
    expect(await page.locator('.map-table tbody tr').count()).toBe(100);

    await page.selectOption('#map-colouring', 'turnout');
    await expect
      .poll(() => page.locator('figcaption').textContent(), { timeout: 10_000 })
      .toBe('Karte der Wahlbezirke: Wahlbeteiligung (Zweitstimme)');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-map-1280.png'), fullPage: false });

    // Keyboard: Tab reaches a district, Enter opens its page.
    const first = page.locator('.map-district').first();
    await first.focus();
    const target = await first.getAttribute('data-key');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(`/wahl/ka2025/gebiet/${target}`);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('should draw a Stadtteil page’s map with that Stadtteil’s districts only, loaded when opened, axe clean at 390 px', async () => {
    const { context, page, problems, mapRequests } = await openPage({ width: 390, height: 844 });
    await page.goto(`${testApp.baseUrl}/wahl/ka2025/gebiet/st1`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Innenstadt');
    expect(mapRequests()).toBe(0);
    await page.locator('.map-section > summary').click();
    const drawn = MAP.districts.filter((district) => QUARTER.includes(district.number)).map((district) => `d${district.number}`);
    expect(drawn.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.map-district').count(), { timeout: 20_000 }).toBe(drawn.length);
    expect(await page.locator('.map-district').evaluateAll((paths) => paths.map((path) => path.getAttribute('data-key')))).toEqual(drawn);
    expect(await page.locator('.map-table tbody tr').count()).toBe(drawn.length);
    // Fitted to the Stadtteil: a smaller box than the whole city's.
    const box = (await page.getAttribute('.district-map svg', 'viewBox'))!.split(' ').map(Number);
    expect(box[2]! * box[3]!).toBeLessThan(MAP.width * MAP.height);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-map-stadtteil-390.png'), fullPage: false });
    expect(mapRequests()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
