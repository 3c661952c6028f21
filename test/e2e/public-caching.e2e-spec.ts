import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingBoards } from '../support/confirmed-reports';
import { POLLING_0101, workedExampleElection } from '../support/election-night';
import { anonymous, createOfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// Every public results route and open-data file answers with a strong ETag, Last-Modified (the
// data's "Stand") and Cache-Control, and with 304 to If-None-Match or, without it, to an
// If-Modified-Since that is not older than the data (docs/OPEN-DATA.md).

describe('public results: ETag and Last-Modified on every route', () => {
  let testApp: TestApp;
  let electionId: string;
  let routes: string[];

  beforeAll(async () => {
    testApp = await startTestApp();
    const office = await createOfficeWithStaff(testApp, '08999306', 'Cachestadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999306', 'Cachestadt'));
    electionId = imported.body.id;
    const { confirm } = await reportingBoards(testApp, office.officeAdmin, electionId);
    const publicApi = anonymous(testApp);
    await publicApi.get(`/api/public/elections/${electionId}`);
    await confirm('0101', POLLING_0101);
    // The publisher coalesces for up to a second.
    for (let tries = 0; (await publicApi.get(`/api/public/elections/${electionId}`)).body.version === 0 && tries < 50; tries++)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const base = `/api/public/elections/${electionId}`;
    routes = [
      '/api/public/elections',
      base,
      `${base}/areas/municipality`,
      ...[
        'wahlbezirk.csv',
        'stadtteil.csv',
        'stadtbezirk.csv',
        'gemeinde.csv',
        'wahlkreis.csv',
        'listen.json',
        'wahllokale.csv',
        'wahllokale.json',
      ].map((file) => `${base}/open-data/${file}`),
    ];
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${testApp.baseUrl}${path}`, { headers });

  it('should send ETag, Last-Modified of the data and Cache-Control on each route', async () => {
    const snapshot = (await (await get(`/api/public/elections/${electionId}`)).json()) as { updatedAt: string };
    const stand = new Date(snapshot.updatedAt).toUTCString();
    for (const path of routes) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('etag'), path).toMatch(/^"v\d+-[\w-]+"$/);
      expect(response.headers.get('last-modified'), path).toBe(stand);
      expect(response.headers.get('cache-control'), path).toContain('stale-while-revalidate');
    }
  });

  it('should answer 304 to a matching If-None-Match and to an If-Modified-Since not older than the data', async () => {
    for (const path of routes) {
      const first = await get(path);
      const etag = first.headers.get('etag')!;
      const lastModified = first.headers.get('last-modified')!;
      expect((await get(path, { 'if-none-match': etag })).status, path).toBe(304);
      expect((await get(path, { 'if-modified-since': lastModified })).status, path).toBe(304);
      const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await get(path, { 'if-modified-since': older })).status, path).toBe(200);
      // If-None-Match decides when both are sent (RFC 9110 13.2.2).
      expect((await get(path, { 'if-none-match': '"v0-other"', 'if-modified-since': lastModified })).status, path).toBe(200);
    }
  });
});
