import type { PublicCurrentVersion, PublicElectionAbout, PublicResultStatus, PublicTurnout } from '@wahl/contracts';
import type { PublicAreaResult, PublicElectionDelta, PublicElectionSnapshot } from '@wahl/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUSTERSTADT_SNAPSHOT } from '../../apps/results-web/src/model/__fixtures__/musterstadt-snapshot.fixture';
import { applyDelta } from '../../apps/results-web/src/model/apply-delta';
import { WAHLKREIS_SNAPSHOT } from '../../apps/results-web/src/model/__fixtures__/wahlkreis-snapshot.fixture';
import { artifactPath, browserAvailable, ensureWebAppBuilt, focusedId, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { axeViolations, fakeLiveServer, type FakeLiveServer } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The public page's views and its live client against fixture snapshots, in a real browser: a
// stand-in socket.io server sends snapshots and deltas, drops the line and refuses reconnects, so
// that every state of the page (gaps, lost connection, stale data, R8.5 cases, kiosk, embed) can be
// checked deterministically. The real API end to end is in results-web.e2e-spec.ts.

noticeIfNoBrowser('results-web views e2e');

const NBSP = '\u00a0';
const pct = (text: string): string => text.replace(/ %/g, `${NBSP}%`);

/** 0102 reports (DOMAIN.md 4.3 numbers for the municipality are not affected in this fixture delta). */
const delta0102 = (fromVersion: number, version: number): PublicElectionDelta => {
  const district = MUSTERSTADT_SNAPSHOT.results.find((result) => result.areaId === 'd0102')!;
  const municipality = MUSTERSTADT_SNAPSHOT.results.find((result) => result.areaId === 'musterstadt')!;
  const reported: PublicAreaResult = { ...district, reported: 1, eligible: 1100, voters: 150 };
  return {
    electionId: 'e2025',
    fromVersion,
    version,
    updatedAt: '2025-02-23T17:55:00Z',
    status: 'provisional-final',
    results: [reported, { ...municipality, reported: 3 }],
  };
};

/** The worked example as if its last report had just come in. */
const FRESH: PublicElectionSnapshot = { ...MUSTERSTADT_SNAPSHOT, updatedAt: new Date().toISOString() };

describe.skipIf(!browserAvailable)('public results page: views and live client (fixture snapshots)', () => {
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

  /** A page whose live server answers `join` with `snapshot`; the JSON route serves it too. */
  const openWith = async (
    snapshot: PublicElectionSnapshot,
    width = 360,
  ): Promise<{ page: Page; live: FakeLiveServer; problems: string[] }> => {
    // Reduced motion: charts draw without animation, so screenshots show the final bars.
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
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const live = await fakeLiveServer(page);
    live.onEvent = (message, server, ack) => {
      if (message.event !== 'join' && message.event !== 'request-snapshot') return;
      ack?.({ ok: true, version: snapshot.version });
      server.send('snapshot', snapshot);
    };
    await page.route(`**/api/public/elections/${snapshot.electionId}`, (route) => route.fulfill({ json: snapshot }));
    // The current pointer, which the overview reads before it joins: a town, so the whole election.
    const root = snapshot.areas.find((area) => area.parentId === null)!;
    const base = `/api/public/elections/${snapshot.electionId}/v/${snapshot.version}`;
    const pointer: PublicCurrentVersion = {
      electionId: snapshot.electionId,
      version: snapshot.version,
      updatedAt: snapshot.updatedAt,
      status: snapshot.status,
      snapshot: base,
      area: `${base}/areas/{areaId}`,
      openData: `${base}/open-data/{file}`,
      rootAreaId: root.id,
      districts: snapshot.results.find((result) => result.areaId === root.id)!.expected,
    };
    await page.route(`**/api/public/elections/${snapshot.electionId}/current`, (route) => route.fulfill({ json: pointer }));
    // The fixture town has a street directory (the finder's test) and no legal pages set.
    const about: PublicElectionAbout = {
      electionId: snapshot.electionId,
      officeName: snapshot.municipalityName,
      streetDirectory: true,
      links: { imprintUrl: null, privacyUrl: null, accessibilityUrl: null },
    };
    await page.route(`**/api/public/elections/${snapshot.electionId}/about`, (route) => route.fulfill({ json: about }));
    // No turnout of the day published (the polling-day module answers an empty list then).
    const turnout: PublicTurnout = {
      electionId: snapshot.electionId,
      municipalityName: snapshot.municipalityName,
      postalCertificates: 0,
      reports: [],
    };
    await page.route(`**/api/public/elections/${snapshot.electionId}/turnout`, (route) => route.fulfill({ json: turnout }));
    // Every district still at the quick report's stage (the record's stages come later in the night).
    const districts = { none: 0, interim: 4, provisional: 0, final: 0 };
    const resultStatus: PublicResultStatus = { electionId: snapshot.electionId, status: 'interim', districts };
    await page.route(`**/api/public/elections/${snapshot.electionId}/result-status`, (route) => route.fulfill({ json: resultStatus }));
    return { page, live, problems };
  };

  it('should show the overview: progress, turnout, shares and changes with tables, contest switch by keyboard, no axe violations', async () => {
    const { page, live, problems } = await openWith(FRESH);
    await page.goto(`${testApp.baseUrl}/wahl/e2025`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Musterstadt');
    expect(live.received[0]).toEqual({ event: 'join', payload: { electionId: 'e2025' } });
    expect(await page.title()).toBe('Musterstadt – Bundestagswahl 2025 – Wahlergebnisse');
    expect(await page.locator('#progress-value').textContent()).toBe('2 von 3 Bezirken');
    expect(await page.locator('#turnout-value').textContent()).toBe(pct('72,0 %'));
    expect(await page.locator('#stand').textContent()).toMatch(/^Stand: \d\d:\d\d Uhr$/);
    expect(await page.locator('#connection-notice').isVisible()).toBe(false);
    expect(await page.locator('.live-label').textContent()).toBe('Live');

    const shares = await page.locator('#page-shares-table tbody tr').allTextContents();
    expect(shares[0]).toBe(pct('CDUChristlich Demokratische Union Deutschlands38536,0 %'));
    const changes = await page
      .locator('#page-changes-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(changes.map((row) => [row[2], row[3]])).toEqual([
      [pct('30,0 %'), '+6,0'],
      [pct('28,0 %'), '\u22120,9'],
      [pct('18,0 %'), '+1,6'],
      [pct('14,0 %'), '\u22124,5'],
      [pct('6,0 %'), '\u22121,1'],
      [pct('0,0 %'), '+2,9'],
    ]);
    // Both canvases are images with the numbers as their text alternative.
    await expect
      .poll(() => page.getAttribute('#page-shares-chart', 'aria-label'))
      .toBe(pct('Zweitstimme, Stimmenanteile: CDU 36,0 %, SPD 27,1 %, GRÜNE 19,6 %, FDP 9,5 %, Die Linke 4,9 %, BSW 2,9 %'));
    expect(await page.getAttribute('#page-shares-chart', 'role')).toBe('img');
    await expect
      .poll(() => page.getAttribute('#page-changes-chart', 'aria-label'))
      .toContain('Gewinne und Verluste in Prozentpunkten gegenüber 2021: CDU +6,0');

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-fixture-overview-360.png'), fullPage: true });

    // Keyboard: the radio group of the contests, arrow key selects the Erststimme.
    await page.focus('input[name="contest"]:checked');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#page-shares-title').textContent()).toBe('Stimmenanteile · Erststimme');
    expect(new URL(page.url()).search).toBe('?stimme=erststimme');
    expect(await page.locator('#page-shares-table tbody tr').first().textContent()).toContain(pct('41038,6 %'));
    // The Erststimme has no previous result: no change chart.
    expect(await page.locator('#page-changes-chart').isVisible()).toBe(false);
    expect(await page.evaluate('document.activeElement.value')).toBe('erststimme');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('should apply deltas without reload, ask for a snapshot after a gap, and warn while the line is down', async () => {
    const { page, live } = await openWith(FRESH);
    await page.goto(`${testApp.baseUrl}/wahl/e2025`);
    await expect.poll(() => page.locator('#progress-value').textContent()).toBe('2 von 3 Bezirken');
    await page.evaluate('window.__samePage = true');

    live.send('delta', delta0102(3, 4));
    await expect.poll(() => page.locator('#progress-value').textContent()).toBe('3 von 3 Bezirken');
    expect(await page.locator('.page-kind .status-pill').textContent()).toBe('Vorläufiges Endergebnis');
    expect(await page.locator('[data-key="d0102"] .area-card-state').textContent()).toBe('Gemeldet');
    expect(await page.evaluate('window.__samePage')).toBe(true);

    // Version 6 made from 5, but the page has 4: it asks for a fresh snapshot instead.
    const before = live.received.length;
    live.send('delta', { ...delta0102(5, 6), status: 'final' });
    await expect.poll(() => live.received.slice(before)).toEqual([{ event: 'request-snapshot', payload: { electionId: 'e2025' } }]);
    // The fresh snapshot (version 3 again in this fixture) replaces what the page had.
    await expect.poll(() => page.locator('#progress-value').textContent()).toBe('2 von 3 Bezirken');

    // The server goes away: a notice at once; when it is back, the page joins again and gets a snapshot.
    live.drop();
    await expect.poll(() => page.locator('#connection-notice').textContent()).toContain('Verbindung unterbrochen');
    expect(await page.locator('.live-label').textContent()).toBe('Verbindung unterbrochen');
    await expect.poll(() => live.connections(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator('#connection-notice').isVisible()).toBe(false);
    expect(live.received.filter((message) => message.event === 'join')).toHaveLength(2);
    await page.context().close();
  });

  it('should say the data may be old when neither the live channel nor the JSON answers', async () => {
    const { page, live } = await openWith(FRESH);
    await page.goto(`${testApp.baseUrl}/wahl/e2025`);
    await expect.poll(() => page.locator('.live-label').textContent()).toBe('Live');
    live.refuse = true;
    await page.route('**/api/public/elections/e2025', (route) => route.abort());
    await page.route('**/api/public/elections/e2025/current', (route) => route.abort());
    live.drop();
    // The JSON is tried 2 s after the line dropped; it fails too.
    await expect
      .poll(() => page.locator('#connection-notice').textContent(), { timeout: 15_000 })
      .toMatch(/^Keine Verbindung zum Server seit \d\d:\d\d Uhr\./);
    expect(await page.getAttribute('#connection-notice', 'class')).toContain('notice-danger');
    // The numbers stay on screen.
    expect(await page.locator('#progress-value').textContent()).toBe('2 von 3 Bezirken');
    await page.context().close();
  }, 30_000);

  it('should keep the last version with its Stand when the live channel dies, follow the current pointer by itself, and go back to push', async () => {
    const { page, live } = await openWith(FRESH);
    // What the server has published: the current pointer names it, its versioned address serves it.
    let published = FRESH;
    const versionsAsked: string[] = [];
    await page.route('**/api/public/elections/e2025/current', (route) => {
      const base = `/api/public/elections/e2025/v/${published.version}`;
      const pointer = { electionId: 'e2025', version: published.version, updatedAt: published.updatedAt, status: published.status };
      return route.fulfill({ json: { ...pointer, snapshot: base, area: `${base}/areas/{areaId}`, openData: `${base}/open-data/{file}` } });
    });
    await page.route('**/api/public/elections/e2025/v/*', (route) => {
      versionsAsked.push(new URL(route.request().url()).pathname);
      return route.fulfill({ json: published });
    });
    await page.goto(`${testApp.baseUrl}/wahl/e2025`);
    await expect.poll(() => page.locator('.live-label').textContent()).toBe('Live');

    // The live channel dies and stays away.
    live.refuse = true;
    live.drop();
    await expect.poll(() => page.locator('.live-label').textContent(), { timeout: 10_000 }).toBe('Aktualisierung ohne Live-Verbindung');
    expect(await page.locator('#stand').textContent()).toMatch(/^Stand: \d\d:\d\d Uhr$/);
    expect(await page.locator('#progress-value').textContent()).toBe('2 von 3 Bezirken');
    expect(versionsAsked).toEqual([]);

    // A new version goes out: the page finds it through the pointer and loads its immutable address.
    const applied = applyDelta(FRESH, { ...delta0102(FRESH.version, FRESH.version + 1), updatedAt: new Date().toISOString() });
    if (applied.kind !== 'applied') throw new Error('fixture delta does not apply');
    published = applied.snapshot;
    await expect.poll(() => page.locator('#progress-value').textContent(), { timeout: 20_000 }).toBe('3 von 3 Bezirken');
    expect(versionsAsked).toEqual([`/api/public/elections/e2025/v/${FRESH.version + 1}`]);
    expect(await page.locator('#stand').textContent()).toMatch(/^Stand: \d\d:\d\d Uhr$/);

    // The live channel is back: the page joins again and is live.
    live.refuse = false;
    await expect.poll(() => page.locator('.live-label').textContent(), { timeout: 20_000 }).toBe('Live');
    await page.context().close();
  }, 60_000);

  it('should say so when counting goes on but nothing new came for a quarter of an hour', async () => {
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60_000).toISOString();
    const { page } = await openWith({ ...MUSTERSTADT_SNAPSHOT, updatedAt: twentyMinutesAgo });
    await page.goto(`${testApp.baseUrl}/wahl/e2025`);
    await expect
      .poll(() => page.locator('#connection-notice').textContent())
      .toMatch(/^Seit \d\d:\d\d Uhr sind keine neuen Ergebnisse eingegangen\. Die Auszählung läuft noch/);
    expect(await page.locator('#stand').textContent()).toMatch(/^Stand: \d\d:\d\d Uhr$/);
    await page.context().close();
  });

  it('should fall back to the JSON when the live channel sends nothing', async () => {
    const { page, live } = await openWith(FRESH);
    live.onEvent = () => undefined;
    await page.goto(`${testApp.baseUrl}/wahl/e2025`);
    await expect.poll(() => page.locator('#progress-value').textContent()).toBe('2 von 3 Bezirken');
    expect(await page.locator('.live-label').textContent()).toBe('Aktualisierung ohne Live-Verbindung');
    await page.context().close();
  });

  it('should drill down to a district and back by keyboard, with a deep link that loads on its own', async () => {
    const { page } = await openWith(FRESH);
    await page.goto(`${testApp.baseUrl}/wahl/e2025?stimme=erststimme`);
    await expect.poll(() => page.locator('#child-areas li').count()).toBe(3);
    expect(await page.locator('#children-title').textContent()).toBe('Wahl- und Briefwahlbezirke');
    await page.focus('[data-key="d0101"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/wahl/e2025/gebiet/d0101');
    expect(new URL(page.url()).search).toBe('?stimme=erststimme');
    expect(await page.locator('h1').textContent()).toBe('Altstadt');
    expect(await focusedId(page)).toBe('area-title');
    expect(await page.locator('.page-kind').textContent()).toContain('Wahlbezirk 0101');
    expect(await page.locator('#turnout-value').textContent()).toBe('–');
    expect(await page.locator('.breadcrumb').textContent()).toBe('MusterstadtAltstadt');
    expect(await page.getAttribute('.breadcrumb [aria-current="page"]', 'aria-current')).toBe('page');
    expect(await page.locator('#page-shares-table tbody tr').first().textContent()).toContain(pct('31038,4 %'));
    expect(await axeViolations(page)).toEqual([]);

    await page.focus('.breadcrumb a');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Musterstadt');
    await page.goBack();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Altstadt');

    // The API answers the deep link with the page (SPA fallback); its assets and the API stay apart.
    const deep = await page.request.get(`${testApp.baseUrl}/wahl/e2025/gebiet/d0101`, { headers: { accept: 'text/html' } });
    expect(deep.status()).toBe(200);
    expect(await deep.text()).toContain('<title>Wahlergebnisse</title>');
    const api = await page.request.get(`${testApp.baseUrl}/api/gibt-es-nicht`, { headers: { accept: 'text/html' } });
    expect(api.status()).toBe(404);
    const office = await page.request.get(`${testApp.baseUrl}/office/wahl`, { headers: { accept: 'text/html' } });
    expect(await office.text()).not.toContain('<title>Wahlergebnisse</title>');
    await page.context().close();
  });

  it('should explain merged and withheld districts (R8.5) and filter a long list of districts', async () => {
    // Ten more (unreported) districts make the list long enough for the filter field.
    const more = Array.from({ length: 10 }, (_, index) => ({
      id: `k02${index + 10}`,
      parentId: 'ka',
      level: 'district' as const,
      number: `02${index + 10}`,
      name: `Weststadt ${index + 1}`,
    }));
    const { page } = await openWith(
      { ...WAHLKREIS_SNAPSHOT, updatedAt: new Date().toISOString(), areas: [...WAHLKREIS_SNAPSHOT.areas, ...more] },
      1280,
    );
    await page.goto(`${testApp.baseUrl}/wahl/e-wk/gebiet/ka`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Karlsruhe');
    expect(await page.locator('#turnout-value').textContent()).toBe(pct('72,3 %'));
    // The constituency around the one municipality is no step of its own: the overview starts here.
    expect(await page.locator('.breadcrumb').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/wahl/e-wk/gebiet/ka');
    expect(await page.locator('[data-key="k0102"] .area-card-note').textContent()).toBe('Gemeinsam mit 0103 ausgewiesen');
    expect(await page.locator('[data-key="k0104"] .area-card-note').textContent()).toBe('Nicht einzeln veröffentlicht');
    // Ten lists: seven bars and "Sonstige" in the chart, all ten in the table.
    expect(await page.locator('#page-shares-table tbody tr').count()).toBe(10);
    await expect.poll(() => page.getAttribute('#page-shares-chart', 'aria-label')).toMatch(/FREIE WÄHLER 2,8.%, Sonstige 3,3.%$/);

    await page.fill('#child-filter', 'süd');
    expect(await page.locator('#child-areas li:visible').allTextContents()).toEqual([
      expect.stringContaining('Oststadt Süd'),
      expect.stringContaining('Südstadt'),
    ]);
    await page.fill('#child-filter', '');
    expect(await page.locator('#child-areas li:visible').count()).toBe(15);

    await page.locator('[data-key="k0102"]').click();
    await expect
      .poll(() => page.locator('.area-page > .notice').textContent())
      .toBe(
        'Zum Schutz des Wahlgeheimnisses gemeinsam mit Wahlbezirk 0103 (Oststadt Süd) ausgewiesen: Die Zahlen sind die Summe beider Bezirke.',
      );
    await page.goBack();
    await page.locator('[data-key="k0104"]').click();
    await expect.poll(() => page.locator('.area-page > .notice').textContent()).toContain('nicht einzeln veröffentlicht');
    // No numbers of a withheld district: neither chart nor table.
    expect(await page.locator('.panels').isVisible()).toBe(false);
    expect(await page.locator('#turnout-value').textContent()).toBe('–');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-fixture-withheld-1280.png'), fullPage: true });
    await page.context().close();
  });

  it('should find a district by street and house number', async () => {
    const { page } = await openWith(FRESH);
    await page.route('**/api/public/elections/e2025/district-lookup?**', (route) => {
      const query = new URL(route.request().url()).searchParams;
      if (query.get('street') === 'Schulstr.' && query.get('houseNumber') === '3a') {
        return route.fulfill({
          json: {
            kind: 'found',
            street: 'Schulstraße',
            houseNumber: '3a',
            districts: [
              {
                number: '0101',
                name: 'Altstadt',
                areaId: null,
                pollingStation: { name: 'Grundschule am Markt', address: 'Schulstraße 1, 76990 Musterstadt', barrierFree: true },
              },
            ],
          },
        });
      }
      return route.fulfill({ json: { kind: 'unknown-street', suggestions: ['Schulstraße'] } });
    });
    await page.goto(`${testApp.baseUrl}/wahl/e2025`);
    await page.fill('#finder-street', 'Schulsrt');
    await page.fill('#finder-number', '3a');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#finder-result').textContent())
      .toBe('Diese Straße ist im Straßenverzeichnis der Wahl nicht enthalten.Meinten Sie: Schulstraße?');
    await page.fill('#finder-street', 'Schulstr.');
    await page.click('.finder button[type="submit"]');
    await expect.poll(() => page.locator('.finder-link').textContent()).toBe('Wahlbezirk 0101 – Altstadt');
    expect(await page.locator('.finder-station').textContent()).toBe(
      'Wahlraum: Grundschule am Markt, Schulstraße 1, 76990 Musterstadt (barrierefrei)',
    );
    await page.click('.finder-link');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/wahl/e2025/gebiet/d0101');
    await page.context().close();
  });

  it('should show an embeddable view of one area without site chrome', async () => {
    const { page, live } = await openWith(FRESH, 480);
    await page.goto(`${testApp.baseUrl}/embed/e2025?gebiet=d0101`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Altstadt (Wahlbezirk 0101)');
    expect(live.received[0]).toEqual({ event: 'join', payload: { electionId: 'e2025', areaId: 'd0101' } });
    expect(await page.locator('.masthead').isVisible()).toBe(false);
    expect(await page.locator('.embed-figures').textContent()).toBe('GemeldetWahlbeteiligung –');
    expect(await page.getAttribute('.embed-link', 'href')).toBe('/wahl/e2025/gebiet/d0101?stimme=zweitstimme');
    expect(await page.getAttribute('.embed-link', 'target')).toBe('_blank');
    await expect.poll(() => page.getAttribute('#embed-shares-chart', 'aria-label')).toContain('CDU 35,7');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-fixture-embed-480.png'), fullPage: true });
    await page.context().close();
  });

  it('should cycle through the areas on the town hall screen and step by keyboard', async () => {
    const { page } = await openWith(FRESH, 1920);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${testApp.baseUrl}/kiosk/e2025?sekunden=4`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Musterstadt');
    expect(await page.locator('.kiosk-position').textContent()).toBe('Gebiet 1 von 3');
    await page.screenshot({ path: artifactPath('results-web-fixture-kiosk-1920.png') });
    // After the interval, the next reported area (0102 has not reported and is skipped).
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 7_000 }).toBe('Altstadt');
    await page.focus('.kiosk-button');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Briefwahl Altstadt');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Musterstadt');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
