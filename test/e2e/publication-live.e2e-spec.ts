import type { PublicAreaResult, PublicElectionSnapshot } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLLING_0101, POSTAL_0191, signInDistrictBoards, workedExampleElection, type DistrictBoards } from '../support/election-night';
import { httpClient, type HttpClient } from '../support/http';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { connectLiveClient, type LiveClient } from '../support/public-live';
import { startTestApp, type TestApp } from '../support/test-app';

// The public results of the DOMAIN.md 4.3 worked example, end to end: a public socket.io client
// joins, a board member enters 0101 (not yet public), a second member confirms it and the delta
// with the new numbers arrives within 2 s; gaps are closed by request-snapshot; the static JSON
// answers with ETag/304; a small district is withheld (R8.5) and held back from the town (R8.7); no
// personal data ever leaves.

// Names that exist only in the office's records: the board members and a P7 comment.
const BOARD_NAME = 'Hildegard Quellenbusch';
const SECOND_NAME = 'Konstantin Wahlfried';
const COMMENT_NAME = 'Wählerin Theodora Zwiebelmann';

/** 0101 of DOMAIN.md 4.3, with 819 marks against 820 ballots: P7, confirmed with a comment. */
const REPORT_0101 = {
  ...POLLING_0101,
  markedCount: 819,
  confirmations: [{ rule: 'P7', comment: `Ein Vermerk fehlt (${COMMENT_NAME} wählte mit Wahlschein).` }],
};

/** 0102: 30 voters of 45 eligible – below the R8.5 threshold of 50. */
const SMALL_0102 = {
  A1: 45,
  A2: 0,
  A3: 0,
  A: 45,
  B: 30,
  B1: 0,
  contests: [
    { contestId: 'erststimme', invalid: 0, valid: 30, votes: { cdu: 10, spd: 8, gruene: 6, fdp: 4, linke: 2 } },
    { contestId: 'zweitstimme', invalid: 0, valid: 30, votes: { cdu: 9, spd: 8, gruene: 6, fdp: 3, linke: 2, bsw: 2 } },
  ],
  markedCount: 30,
};

const resultOf = (results: readonly PublicAreaResult[], areaId: string) => results.find((result) => result.areaId === areaId);
const votesOf = (result: PublicAreaResult | undefined, contestId: string) =>
  Object.fromEntries(
    (result?.contests.find((contest) => contest.contestId === contestId)?.lists ?? []).map((list) => [list.listId, list.votes]),
  );

describe('public results: live channel and static JSON', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let anonymous: HttpClient;
  let electionId: string;
  let districts: Record<string, string>;
  let boards: DistrictBoards;
  let client: LiveClient;
  let first: PublicElectionSnapshot;

  const reportsUrl = (number: string) => `/api/elections/${electionId}/districts/${districts[number]}/reports`;
  const publicTexts: string[] = [];
  const publicGet = async (path: string, headers: Record<string, string> = {}) => {
    const result = await anonymous.get(path, headers);
    publicTexts.push(typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
    return result;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    anonymous = httpClient(testApp.baseUrl);
    office = await createOfficeWithStaff(testApp, '08999301', 'Musterstadt');
    const imported = await office.clerk.post('/api/elections', workedExampleElection('08999301', 'Musterstadt'));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    ({ districts, boards } = await signInDistrictBoards(testApp, office.officeAdmin, electionId, [BOARD_NAME, SECOND_NAME]));
    client = await connectLiveClient(testApp.baseUrl);
  });
  afterAll(async () => {
    client?.close();
    await testApp.close();
  });

  it('should give a joining client a snapshot of the whole election with its version', async () => {
    first = await client.join(electionId);
    expect(first).toMatchObject({
      electionId,
      name: 'Bundestagswahl 2025 (Musterstadt)',
      kind: 'bundestag',
      electionDay: '2025-02-23',
      municipalityName: 'Musterstadt',
      status: 'waiting',
    });
    expect(first.previousElectionName).toBe('Bundestagswahl 2021');
    expect(first.areas.map((area) => [area.level, area.number])).toEqual([
      ['constituency', '271'],
      ['municipality', '08999301'],
      ['district', '0101'],
      ['district', '0102'],
      ['postal-district', '0191'],
    ]);
    expect(first.contests.map((contest) => [contest.id, contest.ballotType, contest.lists.length])).toEqual([
      ['erststimme', 'candidate', 5],
      ['zweitstimme', 'list', 6],
    ]);
    expect(resultOf(first.results, 'municipality')).toMatchObject({
      reported: 0,
      expected: 3,
      voters: 0,
      turnoutPercent: null,
      publication: { kind: 'published' },
    });
  });

  it('should never publish a report that is entered but not confirmed', async () => {
    const [board] = boards['0101']!;
    const entered = await board.client.post(reportsUrl('0101'), { ...REPORT_0101, expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect(entered.body.state).toBe('entered');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(client.deltas).toEqual([]);
    const snapshot = await publicGet(`/api/public/elections/${electionId}`);
    expect(snapshot.body.version).toBe(first.version);
    expect(resultOf(snapshot.body.results, districts['0101']!)).toMatchObject({ reported: 0, voters: 0 });
  });

  it('should push the confirmed numbers as a delta of the changed areas within 2 s', async () => {
    const [, second] = boards['0101']!;
    const started = Date.now();
    const approved = await second.client.post(`${reportsUrl('0101')}/1/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const delta = await client.nextDelta((candidate) => candidate.results.some((result) => result.areaId === districts['0101']), 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(delta).toMatchObject({ electionId, fromVersion: first.version, version: first.version + 1, status: 'counting' });
    // The district and its ancestors changed; 0102 and 0191 did not.
    expect(delta.results.map((result) => result.areaId).sort()).toEqual(['constituency', 'municipality', districts['0101']].sort());
    const town = resultOf(delta.results, 'municipality')!;
    expect(town).toMatchObject({ reported: 1, expected: 3, eligible: 1500, voters: 820 });
    expect(votesOf(town, 'zweitstimme')).toEqual({ cdu: 290, spd: 220, gruene: 160, fdp: 80, linke: 40, bsw: 23 });
    // 290 / 813 = 35.67 % → 35.7; previous 300 / 1,000 = 30.0 → +5.7 points.
    expect(town.contests[1]!.lists[0]).toEqual({ listId: 'cdu', votes: 290, percent: 35.7, previousPercent: 30, changePoints: 5.7 });
    // P10: 0101 waits for its postal district 0191, so no turnout yet.
    expect(town.turnoutPercent).toBeNull();
  });

  it('should answer the static JSON with a strong ETag, Cache-Control and 304 on If-None-Match', async () => {
    const snapshot = await publicGet(`/api/public/elections/${electionId}`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.version).toBe(first.version + 1);
    const etag = snapshot.headers.get('etag')!;
    expect(etag).toMatch(new RegExp(`^"v${first.version + 1}-[\\w-]+"$`));
    expect(snapshot.headers.get('cache-control')).toBe('public, max-age=5, s-maxage=5, stale-while-revalidate=30, stale-if-error=86400');
    const again = await publicGet(`/api/public/elections/${electionId}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const stale = await publicGet(`/api/public/elections/${electionId}`, { 'if-none-match': `"v${first.version}-x"` });
    expect(stale.status).toBe(200);
  });

  it('should serve one area with its children, and the list of elections', async () => {
    const area = await publicGet(`/api/public/elections/${electionId}/areas/municipality`);
    expect(area.status).toBe(200);
    expect(area.body.areas.map((a: { id: string }) => a.id)).toEqual([
      'constituency',
      'municipality',
      districts['0101'],
      districts['0102'],
      districts['0191'],
    ]);
    expect(resultOf(area.body.results, districts['0101']!)).toMatchObject({ reported: 1, eligible: 1500, voters: 820 });
    const district = await publicGet(`/api/public/elections/${electionId}/areas/${districts['0101']}`);
    expect(district.body.areas.map((a: { id: string }) => a.id)).toEqual(['constituency', 'municipality', districts['0101']]);
    expect((await publicGet(`/api/public/elections/${electionId}/areas/nowhere`)).status).toBe(404);

    const list = await publicGet('/api/public/elections');
    expect(list.status).toBe(200);
    expect(list.body).toContainEqual(
      expect.objectContaining({ electionId, status: 'counting', reported: 1, expected: 3, municipalityName: 'Musterstadt' }),
    );
    expect(list.headers.get('etag')).toBeTruthy();
  });

  it('should give a fresh snapshot on request after a gap in the versions', async () => {
    // The client misses a version: it leaves, the postal district is confirmed, it asks again.
    await client.socket.emitWithAck('leave', {});
    const [entry, approval] = boards['0191']!;
    const entered = await entry.client.post(reportsUrl('0191'), { ...POSTAL_0191, expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect((await approval.client.post(`${reportsUrl('0191')}/1/approve`)).status).toBe(200);
    await expect
      .poll(async () => (await publicGet(`/api/public/elections/${electionId}`)).body.version, { timeout: 3000 })
      .toBe(first.version + 2);
    const fresh = await client.requestSnapshot(electionId);
    expect(fresh.version).toBe(first.version + 2);
    // P10: the unit 0101 + 0191 is complete: (820 + 260) / 1,500 = 72.0 %.
    expect(resultOf(fresh.results, 'municipality')).toMatchObject({ reported: 2, voters: 1080, turnoutPercent: 72 });
  });

  it('should withhold a district with fewer than 50 voters and hold it back from the town (R8.5, R8.7)', async () => {
    const [entry, approval] = boards['0102']!;
    const entered = await entry.client.post(reportsUrl('0102'), { ...SMALL_0102, expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect((await approval.client.post(`${reportsUrl('0102')}/1/approve`)).status).toBe(200);
    const delta = await client.nextDelta((candidate) => candidate.results.some((result) => result.areaId === districts['0102']), 2500);
    const small = resultOf(delta.results, districts['0102']!)!;
    expect(small.publication).toEqual({ kind: 'withheld' });
    expect(small).toMatchObject({ reported: 1, eligible: null, voters: 0, turnoutPercent: null });
    expect(small.contests.flatMap((contest) => contest.lists.map((list) => [list.votes, list.percent]))).toEqual(Array(11).fill([0, null]));
    // 0101 and 0191 are public on their own: a town with 0102 would be 0102 by difference.
    const town = resultOf(delta.results, 'municipality')!;
    expect(town).toMatchObject({ reported: 3, expected: 3, voters: 1080, publication: { kind: 'partial', heldBack: 1 } });
    expect(delta.status).toBe('provisional-final');
    const snapshot = await publicGet(`/api/public/elections/${electionId}/areas/${districts['0102']}`);
    expect(resultOf(snapshot.body.results, districts['0102']!)!.publication).toEqual({ kind: 'withheld' });
  });

  it('should refuse an unknown election on the live channel and over HTTP', async () => {
    const other = await connectLiveClient(testApp.baseUrl);
    const ack = await other.socket.emitWithAck('join', { electionId: '00000000-0000-4000-8000-000000000000' });
    expect(ack).toEqual({ ok: false, message: 'Die Wahl wurde nicht gefunden.' });
    other.close();
    expect((await publicGet('/api/public/elections/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await publicGet('/api/public/elections/not-a-uuid')).status).toBe(404);
  });

  it('should never let a name from the office records, B1 or the marks reach a public response', async () => {
    for (const file of ['wahlbezirk.csv', 'gemeinde.csv', 'wahlkreis.csv', 'listen.json']) {
      expect((await publicGet(`/api/public/elections/${electionId}/open-data/${file}`)).status).toBe(200);
    }
    const everything = [...publicTexts, ...client.raw].join('\n');
    expect(everything.length).toBeGreaterThan(10_000);
    for (const secret of [BOARD_NAME, SECOND_NAME, 'Zwiebelmann', 'Quellenbusch', 'Wahlfried']) expect(everything).not.toContain(secret);
    // The JSON results carry no Wahlschein (B1), "W" (A2) or marks counts at all.
    const json = [...publicTexts.filter((text) => text.startsWith('{') || text.startsWith('[')), ...client.raw].join('\n');
    for (const key of ['"B1"', '"A2"', 'markedCount', 'comment', 'confirmedBy', 'enteredBy']) expect(json).not.toContain(key);
    // And the office did store them: the check above is not vacuous.
    const stored = JSON.stringify(
      await testApp.dataSource.query(`SELECT report, confirmations, entered_by_name FROM election_night_reports`),
    );
    expect(stored).toContain('Zwiebelmann');
    expect(stored).toContain('Quellenbusch');
  });
});
