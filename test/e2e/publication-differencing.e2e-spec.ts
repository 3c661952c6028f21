import type { PublicAreaResult, PublicElectionSnapshot } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublisherService } from '../../apps/api/src/modules/publication/publisher/publisher.service';
import { signInDistrictBoards, workedExampleElection, type DistrictBoards } from '../support/election-night';
import { httpClient, type HttpClient } from '../support/http';
import { createOfficeWithStaff } from '../support/offices';
import { connectLiveClient, type LiveClient } from '../support/public-live';
import { startTestApp, type TestApp } from '../support/test-app';

// R8.7 end to end: the demo's defect. District 0101 is withheld under R8.5 (25 voters, CDU 7);
// with only it reported, the town total must not show its numbers – not on the socket stream, not
// in the static JSON, not in the open-data files – and no later version may differ from an
// earlier figure by exactly 0101. Three unlinked polling districts in two Stadtteile; Zweitstimme
// only matters here.

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
  '0101': report(45, 7, 18), // 25 voters: withheld (R8.5)
  '0102': report(600, 150, 250), // 400 voters
  '0103': report(700, 200, 320), // 520 voters
};

const election = () => {
  const base = workedExampleElection('08999302', 'Differenzstadt');
  return {
    ...base,
    // A Stadtteil holding 0101 with 0102, another with 0103: "a Stadtteil and its other districts".
    areas: [
      { key: '1', name: 'Mitte', kind: 'stadtteil' },
      { key: '2', name: 'Ost', kind: 'stadtteil' },
    ],
    districts: [
      { number: '0101', name: 'Altstadt', kind: 'polling', pollingStationId: 'schule', area: '1' },
      { number: '0102', name: 'Neustadt', kind: 'polling', pollingStationId: 'rathaus', area: '1' },
      { number: '0103', name: 'Oststadt', kind: 'polling', pollingStationId: 'rathaus', area: '2' },
    ],
  };
};

describe('public results: no disclosure by differencing (R8.7)', () => {
  let testApp: TestApp;
  let anonymous: HttpClient;
  let electionId: string;
  let client: LiveClient;
  /** Follows 0102's own view: its partner 0101 lies outside it. */
  let ownView: LiveClient;
  let districts: Record<string, string>;
  let boards: DistrictBoards;
  /** Every voters figure the public saw, with where it came from. */
  const seen: { readonly where: string; readonly voters: number; readonly cdu: number }[] = [];

  const observe = (where: string, results: readonly PublicAreaResult[]) => {
    for (const result of results) {
      if (result.publication.kind === 'withheld') continue;
      const cdu = result.contests
        .find((contest) => contest.contestId === 'zweitstimme')!
        .lists.find((list) => list.listId === 'cdu')!.votes;
      seen.push({ where: `${where} ${result.areaId}`, voters: result.voters, cdu });
    }
  };
  const confirm = async (number: string) => {
    const [entry, approval] = boards[number]!;
    const url = `/api/elections/${electionId}/districts/${districts[number]}/reports`;
    const entered = await entry.client.post(url, { ...REPORTS[number], expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect((await approval.client.post(`${url}/1/approve`)).status).toBe(200);
    const delta = await client.nextDelta((candidate) => candidate.results.some((result) => result.areaId === districts[number]), 3000);
    observe(`delta v${delta.version}`, delta.results);
    return delta;
  };
  const town = (results: readonly PublicAreaResult[]) => results.find((result) => result.areaId === 'municipality')!;
  const csvRow = async (file: string, areaNumber: string) => {
    const csv = await anonymous.get(`/api/public/elections/${electionId}/open-data/${file}`);
    expect(csv.status).toBe(200);
    const [header, ...rows] = (csv.body as string)
      .trim()
      .split('\n')
      .map((line) => line.split(';'));
    const row = rows.find((cells) => cells[3] === areaNumber)!;
    return Object.fromEntries(header!.map((column, index) => [column, row[index]]));
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    anonymous = httpClient(testApp.baseUrl);
    const office = await createOfficeWithStaff(testApp, '08999302', 'Differenzstadt');
    const imported = await office.clerk.post('/api/elections', election());
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    ({ districts, boards } = await signInDistrictBoards(testApp, office.officeAdmin, electionId));
    client = await connectLiveClient(testApp.baseUrl);
    observe('snapshot', (await client.join(electionId)).results);
    ownView = await connectLiveClient(testApp.baseUrl);
    await ownView.join(electionId, districts['0102']);
  });
  afterAll(async () => {
    client?.close();
    ownView?.close();
    await testApp?.close();
  });

  it('should not release a town total that is exactly the withheld 0101 (1 of 3 reported)', async () => {
    const delta = await confirm('0101');
    expect(delta.results.find((result) => result.areaId === districts['0101'])!.publication).toEqual({ kind: 'withheld' });
    expect(town(delta.results)).toMatchObject({ reported: 1, voters: 0, eligible: 0, publication: { kind: 'partial', heldBack: 1 } });
    const json = await anonymous.get(`/api/public/elections/${electionId}`);
    expect(town(json.body.results)).toMatchObject({ voters: 0, publication: { kind: 'partial', heldBack: 1 } });
    // The open data: no counts for 0101, and the town row without them.
    expect(await csvRow('wahlbezirk.csv', '0101')).toMatchObject({ 'anz-schnellmeldungen': '1', B: '', A: '' });
    expect((await csvRow('gemeinde.csv', '08999302')).B).toBe('0');
    expect(await csvRow('stadtteil.csv', '1')).toMatchObject({ 'gebiet-name': 'Mitte', 'anz-schnellmeldungen': '1', B: '0' });
  });

  it('should release the total once 0101 enters together with 0102, never published singly', async () => {
    const delta = await confirm('0102');
    // R8.5 merges 0101 with 0102; the town's step is 0101 + 0102 = 425 voters, not 0101's 25.
    expect(delta.results.find((result) => result.areaId === districts['0102'])!.publication).toEqual({
      kind: 'merged',
      withAreaId: districts['0101'],
    });
    expect(town(delta.results)).toMatchObject({ reported: 2, voters: 425, publication: { kind: 'published' } });
    // 0102's own view names its partner: 0101's area entry comes along, its result does not.
    const own = await anonymous.get(`/api/public/elections/${electionId}/areas/${districts['0102']}`);
    expect(own.status).toBe(200);
    const ownAreas = (own.body as PublicElectionSnapshot).areas;
    expect(ownAreas.map((area) => area.level)).toEqual(['constituency', 'municipality', 'stadtteil', 'district', 'district']);
    expect(ownAreas.at(-1)).toMatchObject({ id: districts['0101'], number: '0101', name: 'Altstadt' });
    expect((own.body as PublicElectionSnapshot).results.map((result) => result.areaId)).toEqual(
      ownAreas.slice(0, -1).map((area) => area.id),
    );
    // Live, the delta narrowed to that view brings the same entry with the merge, not the next snapshot.
    const live = await ownView.nextDelta((candidate) => candidate.version === delta.version, 3000);
    expect(live.areas).toEqual([ownAreas.at(-1)]);
    expect(live.results.map((result) => result.areaId)).not.toContain(districts['0101']);
    expect((await csvRow('gemeinde.csv', '08999302')).B).toBe('425');
    expect(await csvRow('wahlbezirk.csv', '0101+0102')).toMatchObject({ B: '425' });
    expect(await csvRow('stadtteil.csv', '1')).toMatchObject({ 'anz-schnellmeldungen': '2', B: '425' });
  });

  it('should keep the log in the database and decide alike after the publisher forgot everything', async () => {
    const rows: { key: string; added: string[]; removed: string[] }[] = await testApp.dataSource.query(
      `SELECT key, added, removed FROM publication_releases WHERE election_id = $1 ORDER BY seq`,
      [electionId],
    );
    const pair = [districts['0101'], districts['0102']].sort();
    const snapshot = await anonymous.get(`/api/public/elections/${electionId}`);
    const mitte = snapshot.body.areas.find((area: { level: string; number: string }) => area.level === 'stadtteil' && area.number === '1');
    // The pair's two districts (in either order), then the areas, deepest first.
    expect(rows.slice(2)).toEqual([
      { key: mitte.id, added: pair, removed: [] },
      { key: 'municipality', added: pair, removed: [] },
      { key: 'constituency', added: pair, removed: [] },
    ]);
    expect(
      rows
        .slice(0, 2)
        .map((row) => row.key)
        .sort(),
    ).toEqual(pair);
    expect(rows.slice(0, 2).every((row) => row.added.join() === pair.join() && row.removed.length === 0)).toBe(true);
    const before = await anonymous.get(`/api/public/elections/${electionId}`);
    await testApp.app.get(PublisherService).reload(electionId);
    const after = await anonymous.get(`/api/public/elections/${electionId}`);
    expect(after.body.version).toBe(before.body.version);
    expect(town(after.body.results)).toEqual(town(before.body.results));
  });

  it('should keep 0101 underivable when the last district arrives and is published on its own', async () => {
    const delta = await confirm('0103');
    expect(delta.results.find((result) => result.areaId === districts['0103'])!.publication).toEqual({ kind: 'published' });
    expect(town(delta.results)).toMatchObject({ reported: 3, voters: 945, publication: { kind: 'published' } });
    // Nothing the public saw, nor any difference of two such figures, is 0101's 25 voters / CDU 7.
    expect(seen.length).toBeGreaterThan(5);
    for (const a of seen) {
      expect([a.voters, a.cdu], a.where).not.toEqual([25, 7]);
      for (const b of seen) expect([a.voters - b.voters, a.cdu - b.cdu], `${a.where} − ${b.where}`).not.toEqual([25, 7]);
    }
    const wahlbezirk = await anonymous.get(`/api/public/elections/${electionId}/open-data/wahlbezirk.csv`);
    expect(wahlbezirk.body).not.toMatch(/;0101;[^\n]*;25;/);
    expect(await csvRow('stadtteil.csv', '2')).toMatchObject({ 'gebiet-name': 'Ost', B: '520' });
    const stadtbezirke = await anonymous.get(`/api/public/elections/${electionId}/open-data/stadtbezirk.csv`);
    expect((stadtbezirke.body as string).trim().split('\n')).toHaveLength(1);
  });

  it('should list the polling rooms with address, barrier-free flag and their districts, as CSV and JSON', async () => {
    const csv = await anonymous.get(`/api/public/elections/${electionId}/open-data/wahllokale.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('Open-Data-08999302-Bundestagswahl-Wahllokale.csv');
    expect((csv.body as string).trim().split('\n')).toEqual([
      'datum;wahl;ags;wahlraum-nr;wahlraum-name;strasse;hausnummer;plz;ort;oeffnungszeiten;barrierefrei;barrierefrei-hinweis;wahlbezirke',
      '23.02.2025;Bundestagswahl;08999302;schule;Grundschule am Markt;Schulstraße;1;76990;Musterstadt;08:00–18:00;ja;;0101',
      '23.02.2025;Bundestagswahl;08999302;rathaus;Rathaus;Rathausplatz;1;76990;Musterstadt;08:00–18:00;ja;;0102,0103',
    ]);
    const json = await anonymous.get(`/api/public/elections/${electionId}/open-data/wahllokale.json`);
    expect(json.body).toMatchObject({ schemaVersion: 1, electionId, ags: '08999302', rehearsal: false });
    expect(json.body.pollingStations[1]).toEqual({
      id: 'rathaus',
      name: 'Rathaus',
      address: { street: 'Rathausplatz', houseNumber: '1', postalCode: '76990', city: 'Musterstadt' },
      openingHours: '08:00–18:00',
      barrierFree: true,
      barrierFreeNote: null,
      districts: ['0102', '0103'],
    });
    const lists = await anonymous.get(`/api/public/elections/${electionId}/open-data/listen.json`);
    expect(lists.body.schemaVersion).toBe(1);
    expect(lists.body.files).toMatchObject({
      'stadtteil.csv': 'Open-Data-08999302-Bundestagswahl-Stadtteil.csv',
      'wahllokale.json': 'Open-Data-08999302-Bundestagswahl-Wahllokale.json',
    });
  });
});
