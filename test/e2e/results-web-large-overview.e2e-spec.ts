import type { PublicElectionDelta } from '@wahl/domain';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath,
  browserAvailable,
  elementsPastRightEdge,
  ensureWebAppBuilt,
  launchBrowser,
  noticeIfNoBrowser,
} from '../support/browser';
import { POLLING_0101, signInBoard, workedExampleElection } from '../support/election-night';
import { createOfficeWithStaff } from '../support/offices';
import { connectLiveClient, recordPageFrames, type LiveClient } from '../support/public-live';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 16: above WHOLE_ELECTION_MAX_DISTRICTS (1,000; apps/results-web live-view.ts) the overview and
// the town hall screen follow the root's view instead of the whole election, in a real browser against
// the whole application. A city of 1,002 districts in three Stadtteile below its constituency: the
// overview joins with the root, receives the constituency, the city and its Stadtteile – never a
// district, neither in the snapshot nor in the delta of a report – and links each Stadtteil to its page.
// Without the live channel it reads the same view from the versioned address.

noticeIfNoBrowser('results-web large overview e2e');

const STADTTEILE = [
  { key: '1', name: 'Nord' },
  { key: '2', name: 'Mitte' },
  { key: '3', name: 'Süd' },
];
const PER_STADTTEIL = 334;
const number = (index: number): string => String(1001 + index);

const election = () => ({
  ...workedExampleElection('08999307', 'Großstadt'),
  areas: STADTTEILE.map(({ key, name }) => ({ key, name, kind: 'stadtteil' })),
  districts: Array.from({ length: STADTTEILE.length * PER_STADTTEIL }, (_, index) => ({
    number: number(index),
    name: `Bezirk ${number(index)}`,
    kind: 'polling',
    pollingStationId: index % 2 === 0 ? 'schule' : 'rathaus',
    area: STADTTEILE[Math.floor(index / PER_STADTTEIL)]!.key,
  })),
});

describe.skipIf(!browserAvailable)("public results page: a large election's overview follows the root's view (issue 16)", () => {
  let testApp: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let whole: LiveClient;
  let electionId: string;
  /** The root's view: the constituency, the city and its Stadtteile. */
  let rootView: string[];
  let stadtteile: Record<string, string>;
  let confirmFirst: () => Promise<PublicElectionDelta>;
  let wholeBytes: number;

  beforeAll(async () => {
    await ensureWebAppBuilt('results-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    const office = await createOfficeWithStaff(testApp, '08999307', 'Großstadt');
    const imported = await office.clerk.post('/api/elections', election());
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    whole = await connectLiveClient(testApp.baseUrl);
    const all = await whole.join(electionId);
    wholeBytes = Buffer.byteLength(JSON.stringify(all));
    expect(all.areas.filter((area) => area.level === 'district')).toHaveLength(1_002);
    stadtteile = Object.fromEntries(all.areas.filter((area) => area.level === 'stadtteil').map((area) => [area.name, area.id]));
    rootView = ['constituency', 'municipality', ...STADTTEILE.map(({ name }) => stadtteile[name]!)];

    // One board for the first district: its report makes the delta the overview must receive narrowed.
    const codes = await office.officeAdmin.post(`/api/elections/${electionId}/board-codes`, {});
    expect(codes.status).toBe(201);
    const code = codes.body.codes.find(
      (candidate: { code: string; districts: { number: string }[] }) => candidate.districts[0]!.number === number(0),
    ).code;
    const district = all.areas.find((area) => area.level === 'district' && area.number === number(0))!.id;
    confirmFirst = async () => {
      const [entry, approval] = [await signInBoard(testApp.baseUrl, code, 'Erfasser'), await signInBoard(testApp.baseUrl, code, 'Prüfer')];
      const url = `/api/elections/${electionId}/districts/${district}/reports`;
      const entered = await entry.client.post(url, { ...POLLING_0101, expectedVersion: 0 });
      expect(entered.status, JSON.stringify(entered.body)).toBe(201);
      expect((await approval.client.post(`${url}/1/approve`)).status).toBe(200);
      return whole.nextDelta((delta) => delta.results.some((result) => result.areaId === district), 10_000);
    };
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', reducedMotion: 'reduce' });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    whole?.close();
    await testApp?.close();
  });

  it('should join with the root and receive only its view: no district in the snapshot or in the delta of a report', async () => {
    const page = await context.newPage();
    const frames = recordPageFrames(page);
    await page.goto(`${testApp.baseUrl}/wahl/${electionId}`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('Großstadt');
    expect(frames.joins).toEqual([{ electionId, areaId: 'constituency' }]);
    expect(frames.snapshots.map((snapshot) => snapshot.areas.map((area) => area.id))).toEqual([rootView]);
    // The saving on join: recorded in docs/BENCHMARKS.md.
    console.log(`snapshot bytes: whole election ${wholeBytes}, root's view ${Buffer.byteLength(JSON.stringify(frames.snapshots[0]))}`);

    const full = await confirmFirst();
    await expect.poll(() => frames.deltas.some((delta) => delta.version === full.version), { timeout: 5_000 }).toBe(true);
    const delta = frames.deltas.find((candidate) => candidate.version === full.version)!;
    expect(delta.results.map((result) => result.areaId).sort()).toEqual(['constituency', 'municipality', stadtteile['Nord']!].sort());
    expect(full.results.length).toBeGreaterThan(delta.results.length);
    await expect.poll(() => page.locator('#progress-value').textContent(), { timeout: 5_000 }).toMatch(/^1 von 1\.002/);
    await page.close();
  });

  it('should list the Stadtteile with links to their pages, offer no map of every district, and pass axe', async () => {
    const page = await context.newPage();
    await page.goto(`${testApp.baseUrl}/wahl/${electionId}`);
    await expect.poll(() => page.locator('#child-areas a').count(), { timeout: 20_000 }).toBe(3);
    const links = await page.locator('#child-areas a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    expect(links).toEqual(STADTTEILE.map(({ name }) => `/wahl/${electionId}/gebiet/${stadtteile[name]}?stimme=zweitstimme`));
    expect(await page.locator('.map-section').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-large-overview-1280.png'), fullPage: true });
    // On a phone: nothing past the right edge, axe clean.
    await page.setViewportSize({ width: 390, height: 900 });
    // The charts take the new width at their next resize observation, not in the same frame.
    await expect.poll(() => elementsPastRightEdge(page), { timeout: 5000 }).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-large-overview-390.png'), fullPage: true });

    // A Stadtteil's page follows its own view: its 334 districts.
    const frames = recordPageFrames(page);
    await page.locator('#child-areas a', { hasText: 'Mitte' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mitte');
    expect(frames.joins).toEqual([{ electionId, areaId: stadtteile['Mitte'] }]);
    expect(frames.snapshots.at(-1)!.areas.filter((area) => area.level === 'district')).toHaveLength(PER_STADTTEIL);
    await page.close();
  });

  it('should cycle the town hall screen through the city and its Stadtteile from the root’s view', async () => {
    const page = await context.newPage();
    const frames = recordPageFrames(page);
    await page.goto(`${testApp.baseUrl}/kiosk/${electionId}`);
    await expect.poll(() => page.locator('.kiosk-position').textContent(), { timeout: 20_000 }).toBe('Gebiet 1 von 4');
    expect(frames.joins).toEqual([{ electionId, areaId: 'constituency' }]);
    expect(frames.snapshots.map((snapshot) => snapshot.areas.map((area) => area.id))).toEqual([rootView]);
    await page.close();
  });

  it('should read the root’s view, not the whole election, from the versioned address without the live channel', async () => {
    const page = await context.newPage();
    await page.route('**/socket.io/**', (route) => route.abort());
    await page.routeWebSocket(/\/socket\.io\//, (socket) => socket.close());
    const asked: string[] = [];
    const base = `/api/public/elections/${electionId}`;
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(base)) asked.push(path.slice(base.length));
    });
    await page.goto(`${testApp.baseUrl}/wahl/${electionId}`);
    await expect.poll(() => page.locator('#child-areas a').count(), { timeout: 20_000 }).toBe(3);
    const results = asked.filter((path) => path === '' || path === '/current' || path.startsWith('/v/') || path.startsWith('/areas/'));
    // The size first (the pointer), then the pointer of the fallback and the root's view at its version.
    expect(results).toEqual(['/current', '/current', `/v/${whole.deltas.at(-1)!.version}/areas/constituency`]);
    await page.close();
  });
});
