import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicCouncilResults as ApiCouncilResults } from '@wahl/contracts';
import type { PublicCouncilResults as PageCouncilResults } from '../../apps/results-web/src/api/council-result.types';
import { sampleBundestagDefinition, sampleCouncilDefinition } from '../../libs/domain/test-support/election-definition.fixture';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { createOfficeWithStaff, anonymous, type OfficeWithStaff } from '../support/offices';
import { axeViolations, recordAssets } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The seats page of a council election (issue 7) in a real browser against the whole application:
// counting teams post ballot batches for DOMAIN.md R5.7's worked example (12 seats; A 6.000,
// B 4.000, C 3.000 votes → 5/4/3, here as FW, CDU and GRÜNE), the page shows the provisional seats,
// the office declares the result final, and after a reload the page says so and lists who is elected.

noticeIfNoBrowser('results-web seats e2e');

const AGS = '08999301';
const NBSP = '\u00a0';
const pct = (text: string): string => text.replace(/ %/g, `${NBSP}%`);

// The page's wire type must still describe what the API sends (checked by the compiler).
type ContractFits = ApiCouncilResults extends PageCouncilResults ? true : false;
const contractFits: ContractFits = true;

const NAMES: Record<string, readonly string[]> = {
  fw: [
    'Martina Keller',
    'Thomas Vogt',
    'Sabine Roth',
    'Jürgen Haas',
    'Petra Wolf',
    'Stefan Brenner',
    'Claudia Maier',
    'Andreas Kuhn',
    'Monika Frey',
    'Markus Binder',
    'Ute Lang',
    'Rainer Graf',
  ],
  cdu: [
    'Karin Schäfer',
    'Michael Weber',
    'Susanne Huber',
    'Peter Schmid',
    'Birgit Koch',
    'Frank Walter',
    'Heike Richter',
    'Klaus Neumann',
    'Angelika Braun',
    'Wolfgang Zimmermann',
    'Gabriele Krüger',
    'Dieter Hartmann',
  ],
  gruene: [
    'Lea Fischer',
    'Jonas Wagner',
    'Miriam Becker',
    'Tobias Schulz',
    'Hannah Hoffmann',
    'Felix Schröder',
    'Sophie Meyer',
    'Lukas Bauer',
    'Julia Klein',
    'David Wolff',
    'Anna Lehmann',
    'Simon König',
  ],
};
const candidates = (list: string) =>
  NAMES[list]!.map((full, i) => {
    const [givenNames, familyName] = full.split(' ');
    return { position: i + 1, givenNames, familyName };
  });

/** A Gemeinderat of 12 seats: 12 votes per ballot, up to 3 per candidate, three lists of 12 (R5.1, R5.2, R5.4). */
function councilDefinition(): any {
  const doc: any = structuredClone(sampleCouncilDefinition());
  doc.municipality = { ...doc.municipality, ags: AGS };
  doc.contests[0] = {
    ...doc.contests[0],
    seats: 12,
    votesPerBallot: 12,
    lists: [
      { id: 'fw', ballotPosition: 1, shortName: 'FW', name: 'Freie Wähler', color: '#f39200', candidates: candidates('fw') },
      {
        id: 'cdu',
        ballotPosition: 2,
        shortName: 'CDU',
        name: 'Christlich Demokratische Union',
        color: '#000000',
        candidates: candidates('cdu'),
      },
      {
        id: 'gruene',
        ballotPosition: 3,
        shortName: 'GRÜNE',
        name: 'Bündnis 90/Die Grünen',
        color: '#1aa037',
        candidates: candidates('gruene'),
      },
    ],
  };
  return doc;
}

/** DOMAIN.md 6.1 tie example as an Ortschaftsrat: 3 seats, three one-candidate lists (R5.7). */
function tieDefinition(): any {
  const doc: any = structuredClone(sampleCouncilDefinition());
  doc.municipality = { ...doc.municipality, ags: AGS };
  doc.name = 'Ortschaftsratswahl 2024';
  doc.contests[0] = {
    ...doc.contests[0],
    id: 'or',
    name: 'Ortschaftsrat',
    seats: 3,
    votesPerBallot: 3,
    lists: [
      {
        id: 'a',
        ballotPosition: 1,
        shortName: 'A',
        name: 'Liste A',
        color: '#0a6ebd',
        candidates: [{ position: 1, givenNames: 'Anton', familyName: 'Albrecht' }],
      },
      {
        id: 'b',
        ballotPosition: 2,
        shortName: 'B',
        name: 'Liste B',
        color: '#c0392b',
        candidates: [{ position: 1, givenNames: 'Hanna', familyName: 'Bauer' }],
      },
      {
        id: 'c',
        ballotPosition: 3,
        shortName: 'C',
        name: 'Liste C',
        color: '#7b8a00',
        candidates: [{ position: 1, givenNames: 'Max', familyName: 'Claus' }],
      },
    ],
  };
  return doc;
}

const mark = (list: string, position: number, votes: number) => ({ list, position, votes });
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

/**
 * Team 1: unchanged list ballots only, 12 votes each (R5.4): FW 200 × 12 = 2.400, CDU 100 × 12 =
 * 1.200, GRÜNE 1.200. Sainte-Laguë for 12 seats: 2400, 1200, 1200, 800, 480, 400, 400, 342.9,
 * 266.7, 240, 240, 218.2 → FW 6, CDU 3, GRÜNE 3 (next: FW 2400/13 = 184.6, CDU 1200/7 = 171.4).
 */
const BATCH_1 = { team: 'Zählgruppe 1', declaredBallots: 400, unchanged: { fw: 200, cdu: 100, gruene: 100 } };

/**
 * Team 2 brings the totals to the worked example. Unchanged: FW 265, CDU 205, GRÜNE 125. Changed:
 * 50 × (FW 4: 3, FW 7: 3, CDU 3: 2), 40 × (CDU 6: 3, CDU 2: 3, GRÜNE 5: 3, FW 11: 3), 30 × (GRÜNE 8: 3,
 * GRÜNE 1: 3); 5 rejected. FW: 465 × 12 + 150 + 150 + 120 = 6.000; CDU: 305 × 12 + 100 + 120 + 120 =
 * 4.000; GRÜNE: 225 × 12 + 120 + 90 + 90 = 3.000 → 5/4/3 (R5.7).
 */
const BATCH_2 = {
  team: 'Zählgruppe 2',
  declaredBallots: 720,
  unchanged: { fw: 265, cdu: 205, gruene: 125 },
  changed: [
    ...times(50, { paper: 'fw', marks: [mark('fw', 4, 3), mark('fw', 7, 3), mark('cdu', 3, 2)] }),
    ...times(40, { paper: 'cdu', marks: [mark('cdu', 6, 3), mark('cdu', 2, 3), mark('gruene', 5, 3), mark('fw', 11, 3)] }),
    ...times(30, { paper: 'gruene', marks: [mark('gruene', 8, 3), mark('gruene', 1, 3)] }),
  ],
  rejected: 5,
};

const cells = (page: Page, selector: string): Promise<string[][]> =>
  page.locator(selector).evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')));

describe.skipIf(!browserAvailable)('public results page: seats of a council election', () => {
  let testApp: TestApp;
  let browser: Browser;
  let office: OfficeWithStaff;
  let electionId: string;
  let federalId: string;
  let base: string;
  let session: { context: BrowserContext; page: Page; problems: string[]; assets: string[] };

  /** Posts a batch and waits until the public result counts it (the API caches that for up to 2 s). */
  const postBatch = async (body: object, ballotsAfter: number): Promise<void> => {
    const response = await office.clerk.post(`${base}/council-batches`, body, { 'idempotency-key': randomUUID() });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    await expect
      .poll(
        async () => (await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`)).body.contests[0].ballots.total,
        { timeout: 5_000, interval: 250 },
      )
      .toBe(ballotsAfter);
  };

  beforeAll(async () => {
    await ensureWebAppBuilt('results-web');
    testApp = await startTestApp();
    browser = await launchBrowser();
    office = await createOfficeWithStaff(testApp, AGS, 'Musterstadt');
    const created = await office.officeAdmin.post('/api/elections', councilDefinition());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    electionId = created.body.id;
    base = `/api/elections/${electionId}/contests/gr`;
    const federal = await office.officeAdmin.post('/api/elections', {
      ...sampleBundestagDefinition(),
      municipality: { ags: AGS, name: 'Musterstadt' },
    });
    expect(federal.status, JSON.stringify(federal.body)).toBe(201);
    federalId = federal.body.id;
  }, 240_000);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await testApp?.close();
  });

  const open = async (width: number): Promise<{ context: BrowserContext; page: Page; problems: string[]; assets: string[] }> => {
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
    return { context, page, problems, assets: recordAssets(page) };
  };

  it('should keep the page’s wire type in step with the API', () => {
    expect(contractFits).toBe(true);
  });

  it('should answer 404 for the council result of an election without a council contest, and the page says there are no seats', async () => {
    expect((await anonymous(testApp).get(`/api/public/elections/${federalId}/council-result`)).status).toBe(404);
    const council = await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`);
    expect(council.status).toBe(200);
    // The page asks every 30 s with `cache: 'no-cache'`, which a browser sends as a conditional request
    // with `Cache-Control: max-age=0`: an unchanged result costs a 304 without a body.
    const etag = council.headers.get('etag');
    expect(etag).toBeTruthy();
    const revalidated = await anonymous(testApp).get(`/api/public/elections/${electionId}/council-result`, {
      'if-none-match': etag!,
      'cache-control': 'max-age=0',
    });
    expect(revalidated.status).toBe(304);
    const { context, page } = await open(360);
    await page.goto(`${testApp.baseUrl}/wahl/${federalId}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Musterstadt');
    expect(await page.locator('#seats-link').count()).toBe(0);
    await page.goto(`${testApp.baseUrl}/wahl/${federalId}/sitze`);
    await expect.poll(() => page.locator('#no-seats .empty-title').textContent()).toBe('Keine Sitzverteilung');
    expect(await page.title()).toBe('Keine Sitzverteilung – Wahlergebnisse');
    await context.close();
  });

  it('should link the seats from the overview and load their code only when opened; nothing counted yet', async () => {
    session = await open(360);
    const { page, assets } = session;
    await page.goto(`${testApp.baseUrl}/wahl/${electionId}`);
    await expect.poll(() => page.locator('#seats-link .seats-link-title').textContent()).toBe('Sitzverteilung Gemeinderat');
    // The first view stays as it was: the seats chunk is not among its assets.
    expect(assets.some((asset) => asset.includes('seats-page'))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-seats-link-360.png') });
    await page.locator('#seats-link').click();
    await expect.poll(() => page.locator('#result-badge').textContent()).toBe('Vorläufiges Ergebnis');
    expect(new URL(page.url()).pathname).toBe(`/wahl/${electionId}/sitze`);
    expect(assets.some((asset) => asset.includes('seats-page'))).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('Sitzverteilung');
    expect(await page.locator('.eyebrow').textContent()).toBe('Gemeinderatswahl 2024');
    expect(await page.locator('#seats-kind').textContent()).toBe('Gemeinderat · 12 Sitze');
    expect(await page.locator('#seats-empty-gr').textContent()).toMatch(/^Noch keine Stimmen erfasst/);
    expect(await page.getAttribute('svg.seat-arc', 'aria-label')).toBe('Gemeinderat: 12 Sitze, noch nicht verteilt');
    expect(await page.locator('svg.seat-arc circle').count()).toBe(12);
  });

  it('should show the provisional seats of the first batch, clearly marked (FW 6, CDU 3, GRÜNE 3)', async () => {
    const { page } = session;
    await postBatch(BATCH_1, 400);
    await page.reload();
    await expect
      .poll(() => page.getAttribute('svg.seat-arc', 'aria-label'))
      .toBe('Sitzverteilung Gemeinderat: FW 6 Sitze, CDU 3 Sitze, GRÜNE 3 Sitze');
    expect(await page.locator('#result-badge').textContent()).toBe('Vorläufiges Ergebnis');
    expect(await page.locator('#result-notice-gr').textContent()).toMatch(/^Vorläufiges Ergebnis: Die Auszählung ist nicht abgeschlossen/);
    expect(await page.locator('.live-label').textContent()).toBe('Aktualisierung ohne Live-Verbindung');
    expect(await cells(page, '#seats-table-gr tbody tr')).toEqual([
      ['FWFreie Wähler', '2.400', pct('50,0 %'), '6'],
      ['CDUChristlich Demokratische Union', '1.200', pct('25,0 %'), '3'],
      ['GRÜNEBündnis 90/Die Grünen', '1.200', pct('25,0 %'), '3'],
    ]);
    // Equal votes in a list: list order decides (R5.8, default policy).
    expect(await cells(page, '[data-list="fw"] > .candidates tbody tr')).toEqual(
      NAMES['fw']!.slice(0, 6).map((name, i) => [`${i + 1}.`, name, String(i + 1), '200']),
    );
    expect(await page.locator('[data-list="fw"] .substitutes summary').textContent()).toBe('Ersatzpersonen (6)');
    expect(await page.locator('.lot-notice').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-seats-provisional-360.png'), fullPage: true });
  });

  it('should show the worked example once both teams are in: FW 5, CDU 4, GRÜNE 3, still provisional', async () => {
    const { page } = session;
    await postBatch(BATCH_2, 1120);
    await page.reload();
    await expect
      .poll(() => page.getAttribute('svg.seat-arc', 'aria-label'))
      .toBe('Sitzverteilung Gemeinderat: FW 5 Sitze, CDU 4 Sitze, GRÜNE 3 Sitze');
    expect(await page.locator('#result-badge').textContent()).toBe('Vorläufiges Ergebnis');
    expect(await cells(page, '#seats-table-gr tbody tr')).toEqual([
      ['FWFreie Wähler', '6.000', pct('46,2 %'), '5'],
      ['CDUChristlich Demokratische Union', '4.000', pct('30,8 %'), '4'],
      ['GRÜNEBündnis 90/Die Grünen', '3.000', pct('23,1 %'), '3'],
    ]);
    expect(await page.locator('.seats-figures').textContent()).toBe('Stimmzettel1.120 · Davon 5 ungültigGültige Stimmen13.000');
    // The chart draws each list's seats in its colour, left to right.
    const fills = await page
      .locator('svg.seat-arc g')
      .evaluateAll((groups) => groups.map((g) => [g.getAttribute('fill'), g.children.length]));
    expect(fills).toEqual([
      ['#f39200', 5],
      ['#000000', 4],
      ['#1aa037', 3],
    ]);
  });

  it('should show the final result after the office declares it: badge, date, elected candidates and substitutes', async () => {
    const { page, problems } = session;
    const declared = await office.officeAdmin.post(`${base}/council-result/declare-final`, {});
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    await page.reload();
    await expect.poll(() => page.locator('#result-badge').textContent()).toBe('Endgültiges Ergebnis');
    expect(await page.locator('#result-badge').getAttribute('class')).toBe('result-badge result-badge-final');
    expect(await page.locator('#result-notice-gr').textContent()).toMatch(
      /^Vom Wahlamt festgestellt am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr\.$/,
    );
    // No refreshing once final.
    expect(await page.locator('.live-status').isVisible()).toBe(false);

    const elected = (list: string) => cells(page, `[data-list="${list}"] > .candidates tbody tr`);
    // FW: places 4 and 7 have 465 + 150; 11 has 465 + 120; then 1 and 2 with 465 in list order (R5.8).
    expect(await elected('fw')).toEqual([
      ['1.', 'Jürgen Haas', '4', '615'],
      ['2.', 'Claudia Maier', '7', '615'],
      ['3.', 'Ute Lang', '11', '585'],
      ['4.', 'Martina Keller', '1', '465'],
      ['5.', 'Thomas Vogt', '2', '465'],
    ]);
    expect(await elected('cdu')).toEqual([
      ['1.', 'Michael Weber', '2', '425'],
      ['2.', 'Frank Walter', '6', '425'],
      ['3.', 'Susanne Huber', '3', '405'],
      ['4.', 'Karin Schäfer', '1', '305'],
    ]);
    expect(await elected('gruene')).toEqual([
      ['1.', 'Hannah Hoffmann', '5', '345'],
      ['2.', 'Lea Fischer', '1', '315'],
      ['3.', 'Lukas Bauer', '8', '315'],
    ]);
    // Substitutes in order of votes, then list order: FW 3, 5, 6, 8, 9, 10, 12 with 465 each.
    await page.locator('[data-list="fw"] .substitutes summary').click();
    expect((await cells(page, '[data-list="fw"] details .candidates tbody tr')).map((row) => row[2])).toEqual([
      '3',
      '5',
      '6',
      '8',
      '9',
      '10',
      '12',
    ]);
    expect(await page.locator('[data-list="gruene"] .list-card-seats').textContent()).toBe('3 Sitze');

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-seats-360.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-seats-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
  it('should refresh itself while provisional and say that a lot is needed for a tie between lists, then show the lots drawn', async () => {
    const created = await office.officeAdmin.post('/api/elections', tieDefinition());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tieId = created.body.id as string;
    const tieBase = `/api/elections/${tieId}/contests/or`;
    const { context, page, problems } = await open(360);
    await page.clock.install();
    await page.goto(`${testApp.baseUrl}/wahl/${tieId}/sitze`);
    await expect.poll(() => page.locator('#seats-empty-or').count()).toBe(1);

    // A 90 votes, B 30, C 30: quotients 90 (A), then A/3 = B = C = 30 for the last two seats (DOMAIN.md 6.1).
    // 90 ballots: a public total needs at least 50 (R8.7).
    const thirty = (ballot: { paper: string; marks: ReturnType<typeof mark>[] }) => Array.from({ length: 30 }, () => ballot);
    const entered = await office.clerk.post(
      `${tieBase}/council-batches`,
      {
        team: 'Zählgruppe 1',
        declaredBallots: 90,
        changed: [
          ...thirty({ paper: 'a', marks: [mark('a', 1, 3)] }),
          ...thirty({ paper: 'b', marks: [mark('b', 1, 1)] }),
          ...thirty({ paper: 'c', marks: [mark('c', 1, 1)] }),
        ],
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    await expect
      .poll(async () => (await anonymous(testApp).get(`/api/public/elections/${tieId}/council-result`)).body.contests[0].lotRequired, {
        timeout: 5_000,
      })
      .toEqual({ lists: ['a', 'b', 'c'], seatsLeft: 2 });
    // No reload: the page asks again after 30 s.
    await page.clock.fastForward(31_000);
    await expect
      .poll(() => page.locator('#lot-notice-or').textContent())
      .toBe(
        'Losentscheid erforderlichUm die letzten 2 Sitze haben A, B und C gleiche Höchstzahlen. Das Los entscheidet (KomWG § 25 Abs. 1); bis dahin sind diese Sitze offen.',
      );
    expect(await page.locator('p[role="status"][aria-live="polite"]').last().textContent()).toBe('Die Sitzverteilung wurde aktualisiert.');
    expect(await page.getAttribute('svg.seat-arc', 'aria-label')).toBe(
      'Sitzverteilung Ortschaftsrat: A 1 Sitz, 2 Sitze offen bis zum Losentscheid',
    );
    expect(await page.locator('svg.seat-arc g[fill="#ffffff"] circle').count()).toBe(2);
    expect(await page.locator('[data-list="b"] .list-card-sum').textContent()).toBe(pct('30 Stimmen · 20,0 %'));
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-seats-lot-360.png'), fullPage: true });

    const declared = await office.officeAdmin.post(`${tieBase}/council-result/declare-final`, { lots: ['b', 'c'] });
    expect(declared.status, JSON.stringify(declared.body)).toBe(200);
    await page.reload();
    await expect.poll(() => page.locator('#result-badge').textContent()).toBe('Endgültiges Ergebnis');
    expect(await page.locator('#lots-or').textContent()).toBe('Bei gleichen Höchstzahlen hat das Los entschieden: B und C.');
    expect(await page.locator('#lot-notice-or').count()).toBe(0);
    expect((await cells(page, '#seats-table-or tbody tr')).map((row) => row[3])).toEqual(['1', '1', '1']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
