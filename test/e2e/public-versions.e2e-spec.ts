import type { PublicCurrentVersion } from '@wahl/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DYNAMIC_PUBLIC_REQUESTS_PER_MINUTE } from '../../apps/api/src/modules/publication/http/dynamic-public';
import { reportingBoards } from '../support/confirmed-reports';
import { POLLING_0101, POSTAL_0191, workedExampleElection } from '../support/election-night';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// The origin behind a CDN (issue 16, docs/NGINX.md): the current pointer names the published version,
// whose addresses never change (immutable); a version just replaced keeps, for a while, exactly what was
// served of it; any other version number is a no-store 404, so nothing held back under R8.7 can ever be
// read by guessing a number. Every public GET route revalidates by ETag
// and Last-Modified; office routes are never stored; dynamic public routes are throttled per address.

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('public results: versioned addresses, current pointer, caching headers and throttling', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let electionId: string;
  let confirm: (number: string, report: object) => Promise<void>;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${testApp.baseUrl}${path}`, { headers });
  const current = async (): Promise<PublicCurrentVersion> =>
    (await (await get(`/api/public/elections/${electionId}/current`)).json()) as PublicCurrentVersion;
  const versionAfter = async (before: number): Promise<PublicCurrentVersion> => {
    // The publisher coalesces for up to a second.
    for (let tries = 0; tries < 50; tries++) {
      const pointer = await current();
      if (pointer.version > before) return pointer;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no version after ${before}`);
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08999316', 'Versionsstadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999316', 'Versionsstadt'));
    electionId = imported.body.id;
    ({ confirm } = await reportingBoards(testApp, office.officeAdmin, electionId));
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('should point to the published version and serve it under immutable addresses, of the version before only what it served', async () => {
    const before = await current();
    const base = `/api/public/elections/${electionId}/v/${before.version}`;
    // A reader took `current` and the snapshot of this version; its area view and files were never asked for.
    const served = await get(base);
    expect(served.status).toBe(200);
    const servedText = await served.text();
    expect(before).toMatchObject({ electionId, snapshot: base, area: `${base}/areas/{areaId}`, openData: `${base}/open-data/{file}` });
    const pointer = await get(`/api/public/elections/${electionId}/current`);
    expect(pointer.headers.get('cache-control')).toBe('public, max-age=2, s-maxage=2, stale-while-revalidate=30, stale-if-error=86400');
    expect(pointer.headers.get('last-modified')).toBe(new Date(before.updatedAt).toUTCString());
    expect((await get(`/api/public/elections/${electionId}/current`, { 'if-none-match': pointer.headers.get('etag')! })).status).toBe(304);

    await confirm('0101', POLLING_0101);
    const after = await versionAfter(before.version);
    const snapshot = await get(after.snapshot);
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers.get('cache-control')).toBe(IMMUTABLE);
    const body = (await snapshot.json()) as { version: number; results: { areaId: string; reported: number; voters: number }[] };
    expect(body.version).toBe(after.version);
    expect(body.results.find((result) => result.areaId === 'municipality')).toMatchObject({ reported: 1, voters: 820 });
    // The same bytes as the plain address at this version.
    expect(snapshot.headers.get('etag')).toBe((await get(`/api/public/elections/${electionId}`)).headers.get('etag'));
    const area = await get(after.area.replace('{areaId}', 'municipality'));
    expect([area.status, area.headers.get('cache-control')]).toEqual([200, IMMUTABLE]);
    const csv = await get(after.openData.replace('{file}', 'gemeinde.csv'));
    expect([csv.status, csv.headers.get('cache-control')]).toEqual([200, IMMUTABLE]);
    expect(csv.headers.get('content-disposition')).toContain('Gemeinde.csv');

    // The version before: the snapshot as it was served, with its headers; what was never built is not built now.
    const again = await get(base);
    expect(again.status).toBe(200);
    for (const header of ['etag', 'last-modified', 'cache-control'])
      expect(again.headers.get(header), header).toBe(served.headers.get(header));
    expect(await again.text()).toBe(servedText);
    expect((await get(base, { 'if-none-match': served.headers.get('etag')! })).status).toBe(304);
    // A number not published yet has no bytes either.
    for (const path of [`${base}/areas/municipality`, `${base}/open-data/gemeinde.csv`, after.snapshot.replace(/\d+$/, '999')]) {
      const gone = await get(path);
      expect(gone.status, path).toBe(404);
      expect(gone.headers.get('cache-control'), path).toBe('no-store');
      expect(((await gone.json()) as { detail: string }).detail, path).toMatch(/^Die Version \d+ der Ergebnisse ist hier nicht abrufbar/);
    }
    // The elected members change with the council's declaration, not with a version: no immutable address.
    expect((await get(after.openData.replace('{file}', 'gewaehlte.csv'))).status).toBe(404);
  });

  it('should move the pointer on with the next confirmed report', async () => {
    const before = await current();
    await confirm('0191', POSTAL_0191);
    const after = await versionAfter(before.version);
    const body = (await (await get(after.snapshot)).json()) as { results: { areaId: string; reported: number; voters: number }[] };
    expect(body.results.find((result) => result.areaId === 'municipality')).toMatchObject({ reported: 2, voters: 1080 });
  });

  it('should send ETag and Last-Modified on the public routes that answer from the database, with 304 on either', async () => {
    for (const path of ['turnout', 'result-status', 'about', 'district-lookup?street=Schulstra%C3%9Fe&houseNumber=1'].map(
      (route) => `/api/public/elections/${electionId}/${route}`,
    )) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get('etag'), path).toMatch(/^"v0-[\w-]+"$/);
      expect(first.headers.get('cache-control'), path).toContain('s-maxage=');
      const lastModified = first.headers.get('last-modified')!;
      expect(Date.parse(lastModified), path).toBeLessThanOrEqual(Date.now());
      expect((await get(path, { 'if-none-match': first.headers.get('etag')! })).status, path).toBe(304);
      expect((await get(path, { 'if-modified-since': lastModified })).status, path).toBe(304);
      expect((await get(path, { 'if-none-match': '"v0-other"' })).status, path).toBe(200);
    }
  });

  it('should tell every cache not to store office answers', async () => {
    const election = await office.clerk.get(`/api/elections/${electionId}`);
    expect(election.status).toBe(200);
    expect(election.headers.get('cache-control')).toBe('no-store');
    expect((await get(`/api/elections/${electionId}`)).headers.get('cache-control')).toBe('no-store');
  });

  it('should throttle a client asking the dynamic public routes too often, with a German 429 and Retry-After, and not the static ones', async () => {
    const path = `/api/public/elections/${electionId}/turnout`;
    const statuses: number[] = [];
    for (let sent = 0; sent < DYNAMIC_PUBLIC_REQUESTS_PER_MINUTE + 20; sent += 20)
      statuses.push(...(await Promise.all(Array.from({ length: 20 }, async () => (await get(path)).status))));
    // The earlier tests asked the dynamic routes, too: the address has used up its minute.
    const refused = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((status) => status !== 429 && status !== 200)).toEqual([]);
    const answer = await get(`/api/public/elections/${electionId}/result-status`);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await answer.json()) as { detail: string }).detail).toMatch(/^Zu viele Anfragen von dieser Adresse\. Bitte in \d+ Sekunden/);
    // The published data stays open to that address: it comes from memory and caches.
    const pointer = await current();
    for (const static_ of [`/api/public/elections/${electionId}`, pointer.snapshot, `/api/public/elections/${electionId}/current`])
      expect((await get(static_)).status, static_).toBe(200);
  });
});
