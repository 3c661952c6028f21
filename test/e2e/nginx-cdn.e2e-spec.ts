import type { PublicCurrentVersion } from '@wahl/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingBoards } from '../support/confirmed-reports';
import { POLLING_0101, POSTAL_0191, workedExampleElection } from '../support/election-night';
import { nginxAvailable, startNginx, type Nginx } from '../support/nginx';
import { createOfficeWithStaff } from '../support/offices';
import { connectLiveClient, type LiveClient } from '../support/public-live';
import { startSecondApp, startTestApp, type SecondApp, type TestApp } from '../support/test-app';

// The documented nginx configuration (tools/nginx/wahlsystem.conf, docs/NGINX.md) in front of two API
// processes on one database: a versioned address is served from nginx's cache from the second
// request on, the current pointer moves on after a new report, and the live channel works through it.
// Needs nginx (Debian package `nginx`; CI installs it). With REDIS_URL the processes share broadcasts;
// without, the 5 s version check carries a report to the other process's clients.

if (!nginxAvailable) console.warn('nginx-cdn: nginx is not installed (apt-get install nginx) – the test is skipped.');
const REDIS_URL = process.env['REDIS_URL'];
const redis: Record<string, string> = REDIS_URL ? { REDIS_URL } : {};

describe.skipIf(!nginxAvailable)('public results through nginx in front of two API processes', () => {
  let one: TestApp;
  let two: SecondApp;
  let nginx: Nginx;
  let live: LiveClient;
  let electionId: string;
  let confirm: (number: string, report: object) => Promise<void>;

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${nginx.baseUrl}${path}`, { headers });
  const pointer = async (): Promise<PublicCurrentVersion> =>
    (await (await get(`/api/public/elections/${electionId}/current`)).json()) as PublicCurrentVersion;
  /** The pointer through nginx until it names a version after `before`: its 2 s s-maxage plus the publisher's second. */
  const pointerAfter = async (before: number): Promise<PublicCurrentVersion> => {
    for (let waited = 0; waited < 10_000; waited += 250) {
      const current = await pointer();
      if (current.version > before) return current;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the pointer stayed at ${before}`);
  };

  beforeAll(async () => {
    one = await startTestApp(redis);
    two = await startSecondApp(one, redis);
    nginx = await startNginx([one.baseUrl.replace('http://', ''), two.baseUrl.replace('http://', '')]);
    const office = await createOfficeWithStaff(one, '08999317', 'Proxystadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999317', 'Proxystadt'));
    electionId = imported.body.id;
    ({ confirm } = await reportingBoards(one, office.officeAdmin, electionId));
    live = await connectLiveClient(nginx.baseUrl);
  }, 60_000);
  afterAll(async () => {
    live?.close();
    await nginx?.stop();
    await two?.app.close();
    await one?.close();
  });

  it('should serve a versioned address from the cache from the second request on', async () => {
    const before = await pointer();
    await confirm('0101', POLLING_0101);
    const current = await pointerAfter(before.version);
    const first = await get(current.snapshot);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    const second = await get(current.snapshot);
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(second.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await second.text()).toBe(await first.text());
    // Office routes pass through uncached.
    expect((await get('/api/health')).headers.get('x-cache-status')).toBeNull();
  });

  it('should push the next report over a WebSocket through nginx and move the current pointer on', async () => {
    const snapshot = await live.join(electionId);
    expect(snapshot.electionId).toBe(electionId);
    const before = await pointer();
    await confirm('0191', POSTAL_0191);
    const delta = await live.nextDelta((candidate) => candidate.version > snapshot.version, REDIS_URL ? 3_000 : 8_000);
    expect(delta.results.find((result) => result.areaId === 'municipality')).toMatchObject({ reported: 2, voters: 1080 });
    const after = await pointerAfter(before.version);
    const body = (await (await get(after.snapshot)).json()) as { version: number; results: { areaId: string; reported: number }[] };
    expect(body.version).toBe(after.version);
    expect(body.results.find((result) => result.areaId === 'municipality')).toMatchObject({ reported: 2 });
  }, 20_000);
});
