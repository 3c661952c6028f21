import type { PublicCurrentVersion } from '@wahl/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ElectionReadModel } from '../../apps/api/src/modules/elections/read-model/election-read-model.service';
import { PublicationRepository } from '../../apps/api/src/modules/publication/publisher/publication.repository';
import { PublisherService } from '../../apps/api/src/modules/publication/publisher/publisher.service';
import { VERSION_WAIT_MS, VERSIONS_AHEAD } from '../../apps/api/src/modules/publication/publisher/version-arrivals';
import { POLLING_0101, POSTAL_0191, workedExampleElection } from '../support/election-night';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startSlowLink, type SlowLink } from '../support/slow-link';
import { startSecondApp, startTestApp, type SecondApp, type TestApp } from '../support/test-app';

// Versioned addresses behind a balancer (issue 16, docs/NGINX.md): a client reads `current` at process 1
// and asks process 2 for that version before process 2's Redis message has brought it. Process 2 waits
// for the version (at most VERSION_WAIT_MS, one wait per version, catching up from the database when the
// message is late) and serves process 1's bytes; a number that does not arrive, or that cannot be on its
// way, stays a no-store 404. A client following a stale `current` asks for the version just replaced:
// each process answers with what it served of it, unchanged. Needs a Redis server (REDIS_URL); CI sets it.

const REDIS_URL = process.env['REDIS_URL'];
if (!REDIS_URL) console.warn('public-versions-scale-out: REDIS_URL is not set – the two-process test is skipped.');

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe.skipIf(!REDIS_URL)('versioned addresses over two API processes while a version is on its way', () => {
  let one: TestApp;
  let two: SecondApp;
  let link: SlowLink;
  let office: OfficeWithStaff;
  let electionId: string;
  const districts = new Map<string, string>();

  const get = (baseUrl: string, path: string) => fetch(`${baseUrl}${path}`);
  const current = async (baseUrl: string): Promise<PublicCurrentVersion> =>
    (await (await get(baseUrl, `/api/public/elections/${electionId}/current`)).json()) as PublicCurrentVersion;
  const confirm = async (number: string, report: object) => {
    const url = `/api/elections/${electionId}/districts/${districts.get(number)}/reports`;
    const entered = await office.clerk.post(url, { ...report, expectedVersion: 0 });
    expect((await office.officeAdmin.post(`${url}/${entered.body.version}/approve`)).status).toBe(200);
  };
  /** A process's next version, as a client polling its `current` sees it first. */
  const nextVersionAt = async (baseUrl: string, before: number): Promise<PublicCurrentVersion> => {
    for (let tries = 0; tries < 100; tries++) {
      const pointer = await current(baseUrl);
      if (pointer.version > before) return pointer;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    throw new Error(`no version after ${before}`);
  };
  /** Each path's status, caching headers and bytes as the process answers it now. */
  const read = async (baseUrl: string, paths: readonly string[]) => {
    const answers = new Map<string, { status: number; headers: (string | null)[]; text: string }>();
    for (const path of paths) {
      const answer = await get(baseUrl, path);
      const headers = ['etag', 'last-modified', 'cache-control', 'content-type', 'content-disposition'].map((name) =>
        answer.headers.get(name),
      );
      answers.set(path, { status: answer.status, headers, text: await answer.text() });
    }
    return answers;
  };
  const spies = () => ({
    versionChecks: vi.spyOn(two.app.get(PublicationRepository), 'versions'),
    reloads: vi.spyOn(two.app.get(ElectionReadModel), 'load'),
  });
  const expectGone = async (response: Response, version: number) => {
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as { detail: string }).detail).toMatch(
      new RegExp(`^Die Version ${version} der Ergebnisse ist hier nicht abrufbar`),
    );
  };

  beforeAll(async () => {
    // Process 2 hears of process 1's versions over a link that can hold the messages back.
    link = await startSlowLink(REDIS_URL!);
    one = await startTestApp({ REDIS_URL: REDIS_URL! });
    // Process 2's periodic version check would catch it up from the database at a moment of its own: off
    // here, so that each test decides what brings process 2 a version, and counts its database checks.
    two = await startSecondApp(one, { REDIS_URL: link.url, WAHL_VERSION_CHECK_SECONDS: '86400' });
    office = await createOfficeWithStaff(one, '08999404', 'Wartestadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999404', 'Wartestadt'));
    electionId = imported.body.id;
    for (const row of await one.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
      districts.set(row.number, row.id);
    // Both processes hold the election.
    expect((await current(two.baseUrl)).version).toBe((await current(one.baseUrl)).version);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    link.resume();
    link.delayMs = 0;
    await link.drained();
  });
  afterAll(async () => {
    await two?.app.close();
    await one?.close();
    await link?.close();
  });

  it('should answer a version process 2 does not hold yet with process 1 bytes once its message arrives', async () => {
    const before = await current(two.baseUrl);
    // Only the message brings the version (the wait's database check finds nothing newer), and it is
    // held until process 2 waits for it: the same course whatever the timing.
    vi.spyOn(two.app.get(PublicationRepository), 'versions').mockResolvedValue(new Map());
    const arrival = vi.spyOn(two.app.get(PublisherService), 'arrival');
    link.pause();
    await confirm('0101', POLLING_0101);
    const pointer = await nextVersionAt(one.baseUrl, before.version);
    expect((await current(two.baseUrl)).version).toBe(before.version);
    const asked = Promise.all([get(two.baseUrl, pointer.snapshot), get(one.baseUrl, pointer.snapshot)]);
    await vi.waitFor(() => expect(arrival).toHaveBeenCalledWith(electionId, pointer.version), { timeout: 5000, interval: 10 });
    link.resume();
    const [atTwo, atOne] = await asked;
    expect(atTwo.status).toBe(200);
    expect(atTwo.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(atTwo.headers.get('etag')).toBe(atOne.headers.get('etag'));
    expect(await atTwo.text()).toBe(await atOne.text());
  });

  it('should catch up once from the database for every request waiting on a late message', async () => {
    const before = await current(two.baseUrl);
    // Longer than the wait: without the catch-up, the version would not arrive in time.
    link.delayMs = VERSION_WAIT_MS + 6000;
    await confirm('0191', POSTAL_0191);
    const pointer = await nextVersionAt(one.baseUrl, before.version);
    const { versionChecks, reloads } = spies();
    const paths = [
      ...Array.from({ length: 30 }, () => pointer.snapshot),
      pointer.area.replace('{areaId}', 'municipality'),
      pointer.openData.replace('{file}', 'gemeinde.csv'),
    ];
    const answers = await Promise.all(paths.map((path) => get(two.baseUrl, path)));
    expect(answers.map((answer) => answer.status)).toEqual(paths.map(() => 200));
    expect(answers[0]!.headers.get('etag')).toBe((await get(one.baseUrl, pointer.snapshot)).headers.get('etag'));
    const body = (await answers[0]!.json()) as { version: number; results: { areaId: string; reported: number }[] };
    expect(body.version).toBe(pointer.version);
    expect(body.results.find((result) => result.areaId === 'municipality')).toMatchObject({ reported: 2 });
    // One database check for all of them, and the catch-up follows the changed paths: the election is not read again (issue 16).
    expect(versionChecks).toHaveBeenCalledTimes(1);
    expect(reloads).not.toHaveBeenCalled();
  });

  it('should answer 404 after the bounded wait when the version does not arrive, sharing one wait', async () => {
    const held = (await current(two.baseUrl)).version;
    const { versionChecks, reloads } = spies();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => get(two.baseUrl, `/api/public/elections/${electionId}/v/${held + 1}`)),
    );
    const waited = Date.now() - started;
    for (const answer of answers) await expectGone(answer, held + 1);
    expect(waited).toBeGreaterThanOrEqual(VERSION_WAIT_MS - 50);
    expect(waited).toBeLessThan(VERSION_WAIT_MS + 1000);
    // The database had nothing newer: one check for all 30 requests, no reload.
    expect(versionChecks).toHaveBeenCalledTimes(1);
    expect(reloads).not.toHaveBeenCalled();
  });

  it('should answer a number far ahead and an old number with 404 at once, without asking the database', async () => {
    const held = (await current(two.baseUrl)).version;
    const { versionChecks, reloads } = spies();
    const started = Date.now();
    // The old number: the version before, of a view process 2 never served.
    const asked = [999_999, held + VERSIONS_AHEAD + 1, held - 1].flatMap((version) =>
      Array.from({ length: 20 }, () => ({ version, path: `/api/public/elections/${electionId}/v/${version}/areas/constituency` })),
    );
    const answers = await Promise.all(asked.map(({ path }) => get(two.baseUrl, path)));
    expect(Date.now() - started).toBeLessThan(1000);
    for (const [index, answer] of answers.entries()) await expectGone(answer, asked[index]!.version);
    expect(versionChecks).not.toHaveBeenCalled();
    expect(reloads).not.toHaveBeenCalled();
  });

  it('should answer the version just replaced with what each process served of it, unchanged, and nothing else', async () => {
    const pointer = await current(one.baseUrl);
    expect((await current(two.baseUrl)).version).toBe(pointer.version);
    const area = pointer.area.replace('{areaId}', 'municipality');
    const district = pointer.area.replace('{areaId}', districts.get('0102')!);
    const csv = pointer.openData.replace('{file}', 'wahlkreis.csv');
    // A reader took `current` at this version and read it at both processes; a district's view and a file only at process 1.
    const served = {
      [one.baseUrl]: await read(one.baseUrl, [pointer.snapshot, area, district, csv]),
      [two.baseUrl]: await read(two.baseUrl, [pointer.snapshot, area]),
    };
    for (const answers of Object.values(served)) for (const [path, answer] of answers) expect(answer.status, path).toBe(200);

    await confirm('0102', POLLING_0101);
    await nextVersionAt(one.baseUrl, pointer.version);
    await nextVersionAt(two.baseUrl, pointer.version);
    const { versionChecks, reloads } = spies();
    for (const [baseUrl, answers] of Object.entries(served)) expect(await read(baseUrl, [...answers.keys()]), baseUrl).toEqual(answers);
    // Never built at process 2 while the version was current: not built now.
    for (const path of [district, csv]) await expectGone(await get(two.baseUrl, path), pointer.version);
    expect(versionChecks).not.toHaveBeenCalled();
    expect(reloads).not.toHaveBeenCalled();
  });
});
