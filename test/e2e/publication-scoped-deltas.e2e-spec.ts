import type { PublicElectionDelta, PublicElectionSnapshot } from '@wahl/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInDistrictBoards, workedExampleElection, type DistrictBoards } from '../support/election-night';
import { httpClient } from '../support/http';
import { createOfficeWithStaff } from '../support/offices';
import { connectLiveClient, type LiveClient } from '../support/public-live';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 16: a client that follows one area gets the deltas of that area's view only (the path from
// the root, the area, everything below it; the root's view: down to where the overview starts – here
// the town below the constituency – and that area's children), with the same versions as
// the whole election's delta. Two Stadtbezirke, Nord with the Stadtteil Mitte (0101, 0102) and Süd with
// the Stadtteil Ost (0103); all three districts large enough to be public.

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
  '0101': report(500, 120, 180), // 300 voters
  '0102': report(600, 150, 250), // 400 voters
  '0103': report(700, 200, 320), // 520 voters
};

const election = () => ({
  ...workedExampleElection('08999303', 'Teilstadt'),
  areas: [
    { key: 'N', name: 'Nord', kind: 'stadtbezirk' },
    { key: 'S', name: 'Süd', kind: 'stadtbezirk' },
    { key: '1', name: 'Mitte', kind: 'stadtteil', parent: 'N' },
    { key: '2', name: 'Ost', kind: 'stadtteil', parent: 'S' },
  ],
  districts: [
    { number: '0101', name: 'Altstadt', kind: 'polling', pollingStationId: 'schule', area: '1' },
    { number: '0102', name: 'Neustadt', kind: 'polling', pollingStationId: 'rathaus', area: '1' },
    { number: '0103', name: 'Oststadt', kind: 'polling', pollingStationId: 'rathaus', area: '2' },
  ],
});

const idsOf = (delta: PublicElectionDelta) => delta.results.map((result) => result.areaId).sort();
const bytesOf = (delta: PublicElectionDelta) => Buffer.byteLength(JSON.stringify(delta));

describe('public results: deltas scoped to the followed area (issue 16)', () => {
  let testApp: TestApp;
  let electionId: string;
  let ost: string;
  let mitte: string;
  let nord: string;
  let sued: string;
  let districts: Record<string, string>;
  let boards: DistrictBoards;
  let whole: LiveClient;
  let scoped: LiveClient;
  let bezirk: LiveClient;
  let top: LiveClient;
  let firstVersion: number;

  const confirm = async (number: string) => {
    const [entry, approval] = boards[number]!;
    const url = `/api/elections/${electionId}/districts/${districts[number]}/reports`;
    const entered = await entry.client.post(url, { ...REPORTS[number], expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    expect((await approval.client.post(`${url}/1/approve`)).status).toBe(200);
    return whole.nextDelta((candidate) => candidate.results.some((result) => result.areaId === districts[number]), 3000);
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    const office = await createOfficeWithStaff(testApp, '08999303', 'Teilstadt');
    const imported = await office.clerk.post('/api/elections', election());
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    electionId = imported.body.id;
    ({ districts, boards } = await signInDistrictBoards(testApp, office.officeAdmin, electionId));
    whole = await connectLiveClient(testApp.baseUrl);
    scoped = await connectLiveClient(testApp.baseUrl);
    bezirk = await connectLiveClient(testApp.baseUrl);
    top = await connectLiveClient(testApp.baseUrl);
    const all = await whole.join(electionId);
    firstVersion = all.version;
    const idOf = (level: string, number: string) => all.areas.find((area) => area.level === level && area.number === number)!.id;
    mitte = idOf('stadtteil', '1');
    ost = idOf('stadtteil', '2');
    nord = idOf('stadtbezirk', 'N');
    sued = idOf('stadtbezirk', 'S');
  });
  afterAll(async () => {
    whole?.close();
    scoped?.close();
    bezirk?.close();
    top?.close();
    await testApp?.close();
  });

  it('should give the client of Ost a snapshot of its view: root, town, Süd, Ost and its district', async () => {
    const snapshot = await scoped.join(electionId, ost);
    expect(snapshot.version).toBe(firstVersion);
    expect(snapshot.areas.map((area) => area.id)).toEqual(['constituency', 'municipality', sued, ost, districts['0103']]);
  });

  it('should give a Stadtbezirk its whole subtree and the root only the town and its Stadtbezirke', async () => {
    const nordView = await bezirk.join(electionId, nord);
    expect(nordView.areas.map((area) => area.id)).toEqual([
      'constituency',
      'municipality',
      nord,
      mitte,
      districts['0101'],
      districts['0102'],
    ]);
    const rootView = await top.join(electionId, 'constituency');
    expect(rootView.areas.map((area) => area.id)).toEqual(['constituency', 'municipality', nord, sued]);
    // The JSON of an area is the same view.
    const json = await httpClient(testApp.baseUrl).get(`/api/public/elections/${electionId}/areas/${nord}`);
    expect(json.status).toBe(200);
    expect((json.body as PublicElectionSnapshot).areas).toEqual(nordView.areas);
  });

  it('should send Ost only its path, Nord the district below its Stadtteil, the root its Stadtbezirke, at one version', async () => {
    const full = await confirm('0101');
    expect(idsOf(full)).toEqual(['constituency', districts['0101']!, 'municipality', mitte, nord].sort());
    const delta = await scoped.nextDelta((candidate) => candidate.version === full.version, 3000);
    expect(delta).toMatchObject({ electionId, fromVersion: firstVersion, version: firstVersion + 1, status: 'counting' });
    expect(idsOf(delta)).toEqual(['constituency', 'municipality']);
    expect(delta.results).toEqual(full.results.filter((result) => result.areaId === 'constituency' || result.areaId === 'municipality'));
    // The Land-scale saving, here in miniature: recorded in docs/BENCHMARKS.md.
    console.log(`delta bytes: whole election ${bytesOf(full)}, scoped to Ost ${bytesOf(delta)}`);
    expect(bytesOf(delta)).toBeLessThan(bytesOf(full));
    // Nord's view holds its grandchild 0101: the whole change reaches it.
    expect((await bezirk.nextDelta((candidate) => candidate.version === full.version, 3000)).results).toEqual(full.results);
    expect(idsOf(await top.nextDelta((candidate) => candidate.version === full.version, 3000))).toEqual(
      ['constituency', 'municipality', nord].sort(),
    );
  });

  it('should send the client of Ost the report of its own district, the versions consecutive', async () => {
    const full = await confirm('0103');
    const own = await scoped.nextDelta((candidate) => candidate.version === full.version, 3000);
    expect(idsOf(own)).toEqual(['constituency', districts['0103']!, 'municipality', ost, sued].sort());
    expect(own.results.find((result) => result.areaId === districts['0103'])).toMatchObject({ reported: 1, voters: 520 });
    expect(scoped.deltas.map((delta) => [delta.fromVersion, delta.version])).toEqual([
      [firstVersion, firstVersion + 1],
      [firstVersion + 1, firstVersion + 2],
    ]);
    expect(idsOf(await bezirk.nextDelta((candidate) => candidate.version === full.version, 3000))).toEqual([
      'constituency',
      'municipality',
    ]);
    await top.nextDelta((candidate) => candidate.version === full.version, 3000);
    // Never an area of another part of the town: nothing of Nord reached Ost, nothing of Süd reached
    // Nord, nothing below the Stadtbezirke reached the root's view.
    const received = (client: LiveClient) => new Set(client.deltas.flatMap((delta) => delta.results.map((result) => result.areaId)));
    expect([nord, mitte, districts['0101'], districts['0102']].filter((id) => received(scoped).has(id))).toEqual([]);
    expect([sued, ost, districts['0103']].filter((id) => received(bezirk).has(id))).toEqual([]);
    expect([...received(top)].sort()).toEqual(['constituency', 'municipality', nord, sued].sort());
  });

  it('should move a client that joins another area to that area’s deltas, once each', async () => {
    const snapshot = await scoped.join(electionId, mitte);
    expect(snapshot.version).toBe(firstVersion + 2);
    const full = await confirm('0102');
    const delta = await scoped.nextDelta((candidate) => candidate.version === full.version, 3000);
    expect(idsOf(delta)).toEqual(['constituency', districts['0102']!, 'municipality', mitte, nord].sort());
    expect(delta.results).toEqual(full.results);
    expect(scoped.deltas.map((candidate) => candidate.version)).toEqual([firstVersion + 1, firstVersion + 2, firstVersion + 3]);
  });
});
