import type { PublicElectionDelta, PublicElectionSnapshot } from '@wahl/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { signInDistrictBoards, workedExampleElection, type DistrictBoards } from '../support/election-night';
import { createOfficeWithStaff } from '../support/offices';
import { connectLiveClient, recordPageFrames, type LiveClient, type PageFrames } from '../support/public-live';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 16: the public page of an area follows that area's view only (the path from the root, the
// area, everything below it), in a real browser against the whole application. The Stadtbezirk Nord
// with the Stadtteil Mitte (0101, 0102), and the Stadtteil Ost (0103) directly in the town. The test
// reads what the page's sockets received, frame by frame: Ost's page never gets a figure of Mitte's
// districts, yet shows its own report live; moving to another area follows that area without a blank
// or "not found" page in between; Nord's page lists and maps the districts below its Stadtteil; a
// district of Ost merged with one of Mitte (R8.5) names its partner as soon as the merge arrives.

noticeIfNoBrowser('results-web scoped e2e');

const report = (A: number, cdu: number, spd: number) => ({
  A1: A,
  A2: 0,
  A3: 0,
  A,
  B: cdu + spd,
  B1: 0,
  contests: [
    { contestId: 'erststimme', invalid: 0, valid: cdu + spd, votes: { cdu, spd, gruene: 0, fdp: 0, linke: 0 } },
    { contestId: 'zweitstimme', invalid: 0, valid: cdu + spd, votes: { cdu, spd, gruene: 0, fdp: 0, linke: 0, bsw: 0 } },
  ],
  markedCount: cdu + spd,
});
const REPORTS: Record<string, ReturnType<typeof report>> = {
  '0101': report(500, 120, 180),
  '0102': report(600, 150, 250),
  '0103': report(700, 200, 320),
};

const election = (ags = '08999305', municipality = 'Teilstadt') => ({
  ...workedExampleElection(ags, municipality),
  areas: [
    { key: 'N', name: 'Nord', kind: 'stadtbezirk' },
    { key: '1', name: 'Mitte', kind: 'stadtteil', parent: 'N' },
    { key: '2', name: 'Ost', kind: 'stadtteil' },
  ],
  districts: [
    { number: '0101', name: 'Altstadt', kind: 'polling', pollingStationId: 'schule', area: '1' },
    { number: '0102', name: 'Neustadt', kind: 'polling', pollingStationId: 'rathaus', area: '1' },
    { number: '0103', name: 'Oststadt', kind: 'polling', pollingStationId: 'rathaus', area: '2' },
  ],
});

describe.skipIf(!browserAvailable)('public results page: an area page follows its area only (issue 16)', () => {
  let testApp: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let received: PageFrames;
  let whole: LiveClient;
  let electionId: string;
  let ost: string;
  let mitte: string;
  let nord: string;
  let districts: Record<string, string>;
  let boards: DistrictBoards;

  /** Confirms a district's report; resolves with the whole election's delta that carries it. */
  const confirm = async (number: string): Promise<PublicElectionDelta> => {
    const [entry, approval] = boards[number]!;
    const url = `/api/elections/${electionId}/districts/${districts[number]}/reports`;
    const entered = await entry.client.post(url, { ...REPORTS[number], expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect((await approval.client.post(`${url}/1/approve`)).status).toBe(200);
    return whole.nextDelta((candidate) => candidate.results.some((result) => result.areaId === districts[number]), 5000);
  };
  const ids = (snapshot: PublicElectionSnapshot): string[] => snapshot.areas.map((area) => area.id);
  /** Every area id whose result reached the page in any frame. */
  const areaIdsReceived = (frames: PageFrames = received): Set<string> =>
    new Set([
      ...frames.snapshots.flatMap((snapshot) => snapshot.results.map((result) => result.areaId)),
      ...frames.deltas.flatMap((delta) => delta.results.map((result) => result.areaId)),
    ]);
  const heading = (): Promise<string | null> => page.locator('h1').textContent();
  /** What the main region showed from the first results page on: a loading or "not found" page in between would be here. */
  const shownSinceFirstPage = async (): Promise<string[]> => {
    const shown = (await page.evaluate('window.__shown')) as string[];
    return shown.slice(shown.indexOf('Ost'));
  };

  beforeAll(async () => {
    await ensureWebAppBuilt('results-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    const office = await createOfficeWithStaff(testApp, '08999305', 'Teilstadt');
    const imported = await office.clerk.post('/api/elections', election());
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    ({ districts, boards } = await signInDistrictBoards(testApp, office.officeAdmin, electionId));
    whole = await connectLiveClient(testApp.baseUrl);
    const all = await whole.join(electionId);
    mitte = all.areas.find((area) => area.level === 'stadtteil' && area.number === '1')!.id;
    ost = all.areas.find((area) => area.level === 'stadtteil' && area.number === '2')!.id;
    nord = all.areas.find((area) => area.level === 'stadtbezirk')!.id;

    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', reducedMotion: 'reduce' });
    page = await context.newPage();
    received = recordPageFrames(page);
    // Every heading and status the page's main region ever shows, to catch a flash in between
    // (a script text: the test's TypeScript has no DOM types).
    await page.addInitScript(`
      const shown = (window.__shown = []);
      new MutationObserver(() => {
        const main = document.getElementById('main');
        const text = main?.querySelector('h1')?.textContent ?? main?.querySelector('[role="status"], [role="alert"]')?.textContent;
        if (text && shown.at(-1) !== text) shown.push(text);
      }).observe(document, { childList: true, subtree: true });
    `);
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    whole?.close();
    await testApp?.close();
  });

  it('should join with Ost and receive only Ost’s view: the root, the town, Ost and its district', async () => {
    await page.goto(`${testApp.baseUrl}/wahl/${electionId}/gebiet/${ost}`);
    await expect.poll(heading, { timeout: 20_000 }).toBe('Ost');
    expect(received.joins).toEqual([{ electionId, areaId: ost }]);
    expect(received.snapshots.map(ids)).toEqual([['constituency', 'municipality', ost, districts['0103']]]);
    // The trail still starts at the town, and the page is the Stadtteil's, not the overview.
    expect(await page.locator('.breadcrumb').textContent()).toBe('TeilstadtOst');
    expect(await page.locator('#progress-value').textContent()).toBe('0 von 1 Bezirk');
    await expect.poll(() => page.locator('.live-label').textContent()).toBe('Live');
  });

  it('should show Ost’s own report live, and never receive the figures of Mitte’s districts', async () => {
    const own = await confirm('0103');
    await expect.poll(() => page.locator('#progress-value').textContent(), { timeout: 5_000 }).toBe('1 von 1 Bezirk');
    expect(
      received.deltas
        .find((delta) => delta.version === own.version)
        ?.results.map((result) => result.areaId)
        .sort(),
    ).toEqual(['constituency', 'municipality', ost, districts['0103']!].sort());

    const foreign = await confirm('0101');
    await expect.poll(() => received.deltas.some((delta) => delta.version === foreign.version), { timeout: 5_000 }).toBe(true);
    // The version moves on (no gap), but only the path above Ost came along.
    expect(
      received.deltas
        .find((delta) => delta.version === foreign.version)!
        .results.map((result) => result.areaId)
        .sort(),
    ).toEqual(['constituency', 'municipality']);
    const seen = areaIdsReceived();
    expect([nord, mitte, districts['0101'], districts['0102']].filter((id) => seen.has(id!))).toEqual([]);
    expect(await page.locator('#progress-value').textContent()).toBe('1 von 1 Bezirk');
  });

  it('should follow the district when its row is opened, and Ost again by the breadcrumb, without a flash in between', async () => {
    await page.locator(`[data-key="${districts['0103']}"]`).click();
    await expect.poll(heading).toBe('Oststadt');
    await expect.poll(() => received.joins.length).toBe(2);
    expect(received.joins[1]).toEqual({ electionId, areaId: districts['0103'] });
    expect(ids(received.snapshots.at(-1)!)).toEqual(['constituency', 'municipality', ost, districts['0103']]);
    expect(await page.locator('.breadcrumb').textContent()).toBe('TeilstadtOstOststadt');

    await page.locator('.breadcrumb a', { hasText: /^Ost$/ }).click();
    await expect.poll(heading).toBe('Ost');
    await expect.poll(() => received.joins.length).toBe(3);
    expect(received.joins[2]).toEqual({ electionId, areaId: ost });
    expect(await shownSinceFirstPage()).toEqual(['Ost', 'Oststadt', 'Ost']);
  });

  it('should follow the whole town on the overview, with its figures, and go back to Ost with the back button', async () => {
    await page.locator('.breadcrumb a', { hasText: /^Teilstadt$/ }).click();
    await expect.poll(heading).toBe('Teilstadt');
    await expect.poll(() => received.joins.length).toBe(4);
    expect(received.joins[3]).toEqual({ electionId });
    expect(await page.locator('#progress-value').textContent()).toBe('2 von 3 Bezirken');
    expect(await page.locator('#children-title').textContent()).toBe('Gebiete');

    await page.goBack();
    await expect.poll(heading).toBe('Ost');
    await expect.poll(() => received.joins.length).toBe(5);
    expect(received.joins[4]).toEqual({ electionId, areaId: ost });
    expect(await page.locator('#progress-value').textContent()).toBe('1 von 1 Bezirk');
    expect(await shownSinceFirstPage()).toEqual(['Ost', 'Oststadt', 'Ost', 'Teilstadt', 'Ost']);
  });

  it('should fetch Ost’s view, not the whole election, from the versioned address when the live channel is away', async () => {
    const offline = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    const alone = await offline.newPage();
    await alone.route('**/socket.io/**', (route) => route.abort());
    await alone.routeWebSocket(/\/socket\.io\//, (socket) => socket.close());
    const asked: string[] = [];
    alone.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(`/api/public/elections/${electionId}`)) asked.push(path.slice(`/api/public/elections/${electionId}`.length));
    });
    await alone.goto(`${testApp.baseUrl}/wahl/${electionId}/gebiet/${ost}`);
    await expect.poll(() => alone.locator('h1').textContent(), { timeout: 20_000 }).toBe('Ost');
    expect(await alone.locator('#progress-value').textContent()).toBe('1 von 1 Bezirk');
    expect(await alone.locator('.live-label').textContent()).toBe('Aktualisierung ohne Live-Verbindung');
    const results = asked.filter((path) => path === '' || path === '/current' || path.startsWith('/v/') || path.startsWith('/areas/'));
    expect(results).toEqual(['/current', `/v/${whole.deltas.at(-1)!.version}/areas/${ost}`]);
    await offline.close();
  });

  it('should list and map the districts below a Stadtbezirk’s Stadtteil from its view, nothing of Ost received', async () => {
    const bezirk = await context.newPage();
    const frames = recordPageFrames(bezirk);
    await bezirk.goto(`${testApp.baseUrl}/wahl/${electionId}/gebiet/${nord}`);
    await expect.poll(() => bezirk.locator('h1').textContent(), { timeout: 20_000 }).toBe('Nord');
    expect(frames.joins).toEqual([{ electionId, areaId: nord }]);
    expect(frames.snapshots.map(ids)).toEqual([['constituency', 'municipality', nord, mitte, districts['0101'], districts['0102']]]);
    // Mitte's row carries its districts, 0101 with its confirmed report; the map is offered.
    expect(await bezirk.locator(`[data-group="${mitte}"] > summary`).textContent()).toBe('2 Bezirke in Mitte');
    await bezirk.locator(`[data-group="${mitte}"] > summary`).click();
    expect(await bezirk.locator(`[data-key="${districts['0101']}"] .area-card-state`).textContent()).toBe('Gemeldet');
    expect(await bezirk.locator(`[data-key="${districts['0102']}"] .area-card-state`).textContent()).toBe('Noch nicht gemeldet');
    expect(await bezirk.locator('.map-section > summary').textContent()).toBe('Karte der Wahlbezirke');

    // A report of 0102, two levels down, reaches the page live; Ost's own results never do.
    const below = await confirm('0102');
    await expect
      .poll(() => bezirk.locator(`[data-key="${districts['0102']}"] .area-card-state`).textContent(), { timeout: 5_000 })
      .toBe('Gemeldet');
    expect(frames.deltas.find((delta) => delta.version === below.version)!.results).toEqual(below.results);
    const seen = areaIdsReceived(frames);
    expect([ost, districts['0103']].filter((id) => seen.has(id!))).toEqual([]);
    await bezirk.screenshot({ path: artifactPath('results-web-scoped-stadtbezirk-390.png'), fullPage: true });
    await bezirk.close();
  });

  it('should name a merge partner outside Ost from the delta that brings the merge, not from a later snapshot (R8.5)', async () => {
    // Another town of the same shape: 0103 (Ost) reports small and is withheld, then 0102 (Mitte)
    // reports and the two are merged – 0102 is 0103's neighbour and was never public alone.
    const office = await createOfficeWithStaff(testApp, '08999306', 'Partnerstadt');
    const imported = await office.clerk.post('/api/elections', election('08999306', 'Partnerstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const town = imported.body.id as string;
    const signedIn = await signInDistrictBoards(testApp, office.officeAdmin, town);
    const live = await connectLiveClient(testApp.baseUrl);
    const ostHere = (await live.join(town)).areas.find((area) => area.level === 'stadtteil' && area.number === '2')!.id;
    const confirmHere = async (number: string, body: ReturnType<typeof report>) => {
      const [entry, approval] = signedIn.boards[number]!;
      const url = `/api/elections/${town}/districts/${signedIn.districts[number]}/reports`;
      expect((await entry.client.post(url, { ...body, expectedVersion: 0 })).status).toBe(201);
      expect((await approval.client.post(`${url}/1/approve`)).status).toBe(200);
      return live.nextDelta((candidate) => candidate.results.some((result) => result.areaId === signedIn.districts[number]), 5000);
    };
    const partnerPage = await context.newPage();
    const frames = recordPageFrames(partnerPage);
    await partnerPage.goto(`${testApp.baseUrl}/wahl/${town}/gebiet/${ostHere}`);
    await expect.poll(() => partnerPage.locator('h1').textContent(), { timeout: 20_000 }).toBe('Ost');
    const note = () => partnerPage.locator(`[data-key="${signedIn.districts['0103']}"] .area-card-note`).textContent();

    await confirmHere('0103', report(45, 10, 20));
    await expect.poll(note, { timeout: 5_000 }).toBe('Nicht einzeln veröffentlicht');
    const merge = await confirmHere('0102', REPORTS['0102']!);
    await expect.poll(note, { timeout: 5_000 }).toBe('Gemeinsam mit 0102 ausgewiesen');
    // From the delta: its area entry came along (no result of 0102), and no snapshot since the first.
    const delta = frames.deltas.find((candidate) => candidate.version === merge.version)!;
    expect(delta.areas).toEqual([
      { id: signedIn.districts['0102'], parentId: expect.any(String), level: 'district', number: '0102', name: 'Neustadt' },
    ]);
    expect(delta.results.map((result) => result.areaId)).not.toContain(signedIn.districts['0102']);
    expect(frames.snapshots).toHaveLength(1);
    await partnerPage.close();
    live.close();
  });

  it('should say that an area the election does not have is not found (the live server refuses its view)', async () => {
    const other = await context.newPage();
    await other.goto(`${testApp.baseUrl}/wahl/${electionId}/gebiet/gibt-es-nicht`);
    await expect.poll(() => other.locator('h1').textContent(), { timeout: 5_000 }).toBe('Seite nicht gefunden');
    await other.close();
  });
});
