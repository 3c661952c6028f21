import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, browserAvailable, ensureWebAppBuilt, launchBrowser, noticeIfNoBrowser } from '../support/browser';
import { signInDistrictBoards, workedExampleElection, type DistrictBoards } from '../support/election-night';
import { httpClient, type HttpClient } from '../support/http';
import { createOfficeWithStaff } from '../support/offices';
import { axeViolations } from '../support/results-page';
import { startTestApp, type TestApp } from '../support/test-app';

// The Hochrechnung on the public page, end to end: seven polling districts with their previous
// Zweitstimmen; once five are counted the page shows the projection, labelled as such, with its
// 95 % range; when the last district is in, it is switched off (libs/domain projection.ts, R7.21).

noticeIfNoBrowser('results-web projection e2e');

const NUMBERS = ['0101', '0102', '0103', '0104', '0105', '0106', '0107'];
const LISTS = ['cdu', 'spd', 'gruene', 'fdp', 'linke', 'bsw'] as const;

/** Zweitstimmen of district `index`, now (CDU and GRÜNE gain a little, SPD loses) and at the previous election. */
const zweit = (index: number) => {
  const before = { cdu: 100 + 10 * index, spd: 90 + 3 * index, gruene: 50 + 4 * index, fdp: 30, linke: 20 + index, bsw: 0 };
  const now = { cdu: before.cdu + 12, spd: before.spd - 15, gruene: before.gruene + 6, fdp: 25, linke: before.linke, bsw: 10 + index };
  return { before, now };
};
const total = (votes: Record<string, number>) => Object.values(votes).reduce((sum, value) => sum + value, 0);

const election = () => {
  const base = workedExampleElection('08999303', 'Rechenstadt');
  return {
    ...base,
    districts: NUMBERS.map((number) => ({ number, name: `Bezirk ${number}`, kind: 'polling', pollingStationId: 'schule' })),
    previousElection: {
      ...base.previousElection,
      results: NUMBERS.map((number, index) => {
        const { before } = zweit(index);
        return { area: number, contest: 'zweitstimme', invalid: 2, valid: total(before), votes: before };
      }),
    },
  };
};

const report = (index: number) => {
  const { now } = zweit(index);
  const valid = total(now);
  const erst = { cdu: now.cdu, spd: now.spd, gruene: now.gruene, fdp: now.fdp, linke: now.linke + now.bsw };
  return {
    A1: 600,
    A2: 0,
    A3: 0,
    A: 600,
    B: valid + 2,
    B1: 0,
    contests: [
      { contestId: 'erststimme', invalid: 2, valid, votes: erst },
      { contestId: 'zweitstimme', invalid: 2, valid, votes: now },
    ],
    markedCount: valid + 2,
  };
};

describe.skipIf(!browserAvailable)('public page: the Hochrechnung in the browser', () => {
  let testApp: TestApp;
  let anonymous: HttpClient;
  let browser: Browser;
  let electionId: string;
  let districts: Record<string, string>;
  let boards: DistrictBoards;

  const confirm = async (number: string) => {
    const [entry, approval] = boards[number]!;
    const url = `/api/elections/${electionId}/districts/${districts[number]}/reports`;
    const entered = await entry.client.post(url, { ...report(NUMBERS.indexOf(number)), expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const approved = await approval.client.post(`${url}/1/approve`, {}, { 'idempotency-key': randomUUID() });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  };
  const town = async () =>
    (await anonymous.get(`/api/public/elections/${electionId}`)).body.results.find(
      (result: { areaId: string }) => result.areaId === 'municipality',
    );

  beforeAll(async () => {
    await ensureWebAppBuilt('results-web');
    testApp = await startTestApp();
    anonymous = httpClient(testApp.baseUrl);
    browser = await launchBrowser();
    const office = await createOfficeWithStaff(testApp, '08999303', 'Rechenstadt');
    const imported = await office.clerk.post('/api/elections', election());
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    ({ districts, boards } = await signInDistrictBoards(testApp, office.officeAdmin, electionId));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('should show the labelled projection with its range from five counted districts, and switch it off when all are in', async () => {
    for (const number of NUMBERS.slice(0, 5)) await confirm(number);
    await expect.poll(async () => (await town()).projections?.length ?? 0, { timeout: 10_000 }).toBe(1);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${testApp.baseUrl}/wahl/${electionId}?stimme=zweitstimme`);
    await expect.poll(() => page.locator('#projection-title').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('#projection-title').textContent()).toBe('Hochrechnung');
    const note = await page.locator('.projection .figure-detail').textContent();
    expect(note).toContain('Hochrechnung aus 5 ausgezählten Bezirken im Vergleich zur Vorwahl');
    expect(note).toContain('etwa 95 % Wahrscheinlichkeit');
    expect(note).toContain('Kein Ergebnis.');
    // Each list with its projected share and the range around it, as the API computed them.
    const projected = (await town()).projections[0];
    const rows = await page
      .locator('#projection-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent)));
    expect(rows).toHaveLength(LISTS.length);
    const cdu = projected.lists.find((list: { listId: string }) => list.listId === 'cdu');
    const german = (value: number) => `${value.toFixed(1).replace('.', ',')}\u00a0%`;
    expect(rows[0]).toEqual(['CDU', german(cdu.percent), `${german(cdu.low)} bis ${german(cdu.high)}`]);
    expect(cdu.low).toBeLessThan(cdu.percent);
    expect(cdu.high).toBeGreaterThan(cdu.percent);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: artifactPath('results-web-projection-390.png'), fullPage: true });

    // Every district in: no projection, on the live page without a reload and in the JSON.
    for (const number of NUMBERS.slice(5)) await confirm(number);
    await expect.poll(() => page.locator('#projection-title').isVisible(), { timeout: 20_000 }).toBe(false);
    expect((await town()).projections ?? []).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
