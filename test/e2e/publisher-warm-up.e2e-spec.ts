import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ElectionReadModelRepository } from '../../apps/api/src/modules/elections/read-model/election-read-model.repository';
import type { ElectionPublication } from '../../apps/api/src/modules/publication/publisher/election-publication';
import { PublisherService } from '../../apps/api/src/modules/publication/publisher/publisher.service';
import { POLLING_0101, POSTAL_0191, workedExampleElection } from '../support/election-night';
import { httpClient, login, type HttpClient } from '../support/http';
import { createOfficeWithStaff, STAFF_PASSWORD } from '../support/offices';
import { startSecondApp, startTestApp, type SecondApp, type TestApp } from '../support/test-app';

// Issue 16: the publisher reads and builds an election before the night – after its import or a
// change of its definition, and when an API process starts – instead of at the first confirmed report,
// where at 100,000 districts the first build blocked the process for seconds. The first report then
// only moves the publication built ahead: the election is not read again and no new publication is made.

const AGS = '08999501';
const REDIS_URL = process.env['REDIS_URL'];

type Api = { readonly app: TestApp['app']; readonly baseUrl: string };

const publisherOf = (api: Api): PublisherService => api.app.get(PublisherService);

/** The publication once this process holds it, without any request that would load it. */
async function warmed(api: Api, electionId: string): Promise<ElectionPublication> {
  await vi.waitFor(() => expect(publisherOf(api).peek(electionId)).toBeDefined(), { timeout: 5000, interval: 20 });
  return publisherOf(api).peek(electionId)!;
}

/** Entered by the clerk and confirmed by the office admin (four eyes) at `api`. */
async function confirm(api: Api, electionId: string, districtId: string, report: object): Promise<void> {
  const clerk = await login(api.baseUrl, `u${AGS}-clerk`, STAFF_PASSWORD);
  const admin = await login(api.baseUrl, `u${AGS}-office-admin`, STAFF_PASSWORD);
  const url = `/api/elections/${electionId}/districts/${districtId}/reports`;
  const entered = await clerk.post(url, { ...report, expectedVersion: 0 });
  expect(entered.status, JSON.stringify(entered.body)).toBe(201);
  expect((await admin.post(`${url}/${entered.body.version}/approve`)).status).toBe(200);
}

/**
 * The first report's publication goes out from `publication`, the one built ahead: the next version
 * is applied to that very object, and the election is not read from the database again.
 */
async function expectPublishedFromWarm(api: Api, electionId: string, districtId: string, report: object): Promise<void> {
  const publication = publisherOf(api).peek(electionId)!;
  const before = publication.version;
  const reads = vi.spyOn(ElectionReadModelRepository.prototype, 'source');
  try {
    await confirm(api, electionId, districtId, report);
    await vi.waitFor(() => expect(publisherOf(api).peek(electionId)?.version).toBe(before + 1), { timeout: 5000, interval: 20 });
    expect(publisherOf(api).peek(electionId)).toBe(publication);
    expect(reads).not.toHaveBeenCalled();
  } finally {
    reads.mockRestore();
  }
}

describe('publisher: ready before the first report', () => {
  let one: TestApp;
  let restarted: SecondApp | undefined;
  let clerk: HttpClient;
  let electionId: string;
  let draftId: string;
  const districts: Record<string, string> = {};

  beforeAll(async () => {
    one = await startTestApp();
    const office = await createOfficeWithStaff(one, AGS, 'Vorheim');
    clerk = office.clerk;
    const imported = await clerk.post('/api/elections', workedExampleElection(AGS, 'Vorheim'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    for (const row of await one.dataSource.query(`SELECT id, number FROM districts WHERE election_id = $1`, [electionId]))
      districts[row.number] = row.id;
  });
  afterAll(async () => {
    // The restart test stops the first process and starts another on its database.
    await (restarted ?? one)?.app.close();
    await one?.database.drop();
  });

  it('should build the publication after the import, and publish the first report from it', async () => {
    const publication = await warmed(one, electionId);
    expect(publication.version).toBe(0);
    await expectPublishedFromWarm(one, electionId, districts['0101']!, POLLING_0101);
  });

  it('should read the election again when its definition changes, so that the public page shows the change', async () => {
    const before = publisherOf(one).peek(electionId)!;
    const edited = await clerk.put(`/api/elections/${electionId}/districts/0102`, {
      number: '0102',
      name: 'Neustadt-Süd',
      kind: 'polling',
      pollingStationId: 'rathaus',
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await vi.waitFor(() => expect(publisherOf(one).peek(electionId)).not.toBe(before), { timeout: 5000, interval: 20 });
    const snapshot = await httpClient(one.baseUrl).get(`/api/public/elections/${electionId}`);
    expect(snapshot.body.areas.find((area: { id: string }) => area.id === districts['0102'])).toMatchObject({ name: 'Neustadt-Süd' });
  });

  it('should build the open elections when a process starts, and publish its first report from them', async () => {
    // An election without districts receives no report: a process starting does not build it.
    const draft = await clerk.post('/api/elections/new', {
      kind: 'landtag-bw',
      name: 'Landtagswahl 2026',
      electionDay: '2026-03-08',
      source: { from: 'empty' },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    draftId = draft.body.id;
    await one.app.close();
    restarted = await startSecondApp(one);
    await warmed(restarted, electionId);
    expect(publisherOf(restarted).peek(draftId)).toBeUndefined();
    await expectPublishedFromWarm(restarted, electionId, districts['0191']!, POSTAL_0191);
  });
});

describe.skipIf(!REDIS_URL)('publisher: ready before the first report, two API processes', () => {
  let one: TestApp;
  let two: SecondApp;
  let electionId: string;
  let districtId: string;

  beforeAll(async () => {
    one = await startTestApp({ REDIS_URL: REDIS_URL! });
    two = await startSecondApp(one, { REDIS_URL: REDIS_URL! });
    const office = await createOfficeWithStaff(one, AGS, 'Vorheim');
    const imported = await office.clerk.post('/api/elections', workedExampleElection(AGS, 'Vorheim'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    [{ id: districtId }] = await one.dataSource.query(`SELECT id FROM districts WHERE election_id = $1 AND number = '0101'`, [electionId]);
  });
  afterAll(async () => {
    await two?.app.close();
    await one?.close();
  });

  it('should build the election imported at one process at the other too, and publish a report there from it', async () => {
    await warmed(one, electionId);
    await warmed(two, electionId);
    await expectPublishedFromWarm(two, electionId, districtId, POLLING_0101);
  });
});
