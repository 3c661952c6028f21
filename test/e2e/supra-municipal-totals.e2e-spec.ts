import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundedPercent } from '@wahl/domain';
import { adminClient, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// A county office sees the sum of what its municipalities count, and nothing else of them: two
// municipalities under Landkreis Musterkreis each import the same Bundestag election and have one
// district confirmed; a third municipality elsewhere reports too and must not be in the county's sum.

const ELECTION_DAY = '2025-02-23';
const totalsUrl = (officeId: string, kind = 'bundestag', electionDay = ELECTION_DAY) =>
  `/api/offices/${officeId}/election-totals?kind=${kind}&electionDay=${electionDay}`;

type Report = {
  A1: number;
  A2: number;
  A3: number;
  A: number;
  B: number;
  B1: number;
  markedCount: number;
  contests: { contestId: string; invalid: number; valid: number; votes: Record<string, number> }[];
};

const report = (
  A1: number,
  A2: number,
  B: number,
  B1: number,
  erst: [number, number, number],
  zweit: [number, number, number],
): Report => ({
  A1,
  A2,
  A3: 0,
  A: A1 + A2,
  B,
  B1,
  markedCount: B,
  contests: [
    { contestId: 'erststimme', invalid: erst[0], valid: erst[1] + erst[2], votes: { cdu: erst[1], spd: erst[2] } },
    { contestId: 'zweitstimme', invalid: zweit[0], valid: zweit[1] + zweit[2], votes: { cdu: zweit[1], spd: zweit[2] } },
  ],
});

// District 001 of each municipality (invalid, CDU, SPD per contest; C + D = E + F = B).
const NORDDORF_001 = report(1000, 50, 600, 20, [10, 290, 300], [8, 262, 330]);
const SUEDDORF_001 = report(800, 40, 500, 10, [5, 200, 295], [4, 236, 260]);
const FERNHAUSEN_001 = report(700, 30, 400, 12, [6, 150, 244], [2, 180, 218]);

describe('totals of an office above the municipality', () => {
  let testApp: TestApp;
  let county: OfficeWithStaff;
  let norddorf: OfficeWithStaff;
  let sueddorf: OfficeWithStaff;
  let fernhausen: OfficeWithStaff;
  let nestedOfficeId: string;
  const elections: Record<string, string> = {};

  // Imports election-small.json as the municipality's own election and confirms district 001 (four eyes).
  const importAndConfirm = async (office: OfficeWithStaff, name: string, counts: Report): Promise<string> => {
    const document = JSON.parse(readFileSync('test/fixtures/election-small.json', 'utf8'));
    document.name = `Bundestagswahl 2025 (${name})`;
    document.municipality = { ...document.municipality, ags: office.ags, name };
    const imported = await office.clerk.post('/api/elections', document);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const electionId = imported.body.id as string;
    const [district] = await testApp.dataSource.query(`SELECT id FROM districts WHERE election_id = $1 AND number = '001'`, [electionId]);
    const url = `/api/elections/${electionId}/districts/${district.id}/reports`;
    const entered = await office.clerk.post(url, { ...counts, expectedVersion: 0 });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const approved = await office.officeAdmin.post(`${url}/${entered.body.version}/approve`);
    expect(approved.body, JSON.stringify(approved.body)).toMatchObject({ state: 'confirmed' });
    return electionId;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    county = await createOfficeWithStaff(testApp, '08299', 'Landkreis Musterkreis', { level: 'county' });
    norddorf = await createOfficeWithStaff(testApp, '08299001', 'Norddorf', { parentId: county.officeId });
    sueddorf = await createOfficeWithStaff(testApp, '08299002', 'Süddorf', { parentId: county.officeId });
    fernhausen = await createOfficeWithStaff(testApp, '08399001', 'Fernhausen');
    // One level further down (a constituency inside the county) a municipality without an election yet.
    const admin = await adminClient(testApp);
    const constituency = await admin.post('/api/offices', {
      name: 'Wahlkreis Musterkreis-Ost',
      ags: '0829901',
      level: 'constituency',
      parentId: county.officeId,
    });
    const nested = await admin.post('/api/offices', {
      name: 'Ostweiler',
      ags: '08299003',
      level: 'municipality',
      parentId: constituency.body.id,
    });
    expect(nested.status, JSON.stringify(nested.body)).toBe(201);
    nestedOfficeId = nested.body.id;
    elections['norddorf'] = await importAndConfirm(norddorf, 'Norddorf', NORDDORF_001);
    elections['sueddorf'] = await importAndConfirm(sueddorf, 'Süddorf', SUEDDORF_001);
    elections['fernhausen'] = await importAndConfirm(fernhausen, 'Fernhausen', FERNHAUSEN_001);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('should give the county clerk the sum of its two municipalities, without the third one elsewhere', async () => {
    const response = await county.clerk.get(totalsUrl(county.officeId));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const body = response.body;
    const both = [NORDDORF_001, SUEDDORF_001];
    const sum = (pick: (r: Report) => number) => both.reduce((total, r) => total + pick(r), 0);
    expect(body).toMatchObject({
      office: { id: county.officeId, level: 'county' },
      kind: 'bundestag',
      electionDay: ELECTION_DAY,
      // election-small.json has four districts; one counted in each municipality (P12).
      reported: 2,
      expected: 8,
      complete: false,
      eligible: sum((r) => r.A),
      voters: sum((r) => r.B),
      votersWithWahlschein: sum((r) => r.B1),
      // Each municipality's postal district 901 is still missing: no complete unit yet (P10).
      turnout: { percent: null, completeUnits: 0, totalUnits: 2 },
    });
    const zweit = body.contests.find((c: { key: string }) => c.key === 'zweitstimme');
    const valid = sum((r) => r.contests[1]!.valid);
    expect(zweit).toMatchObject({ name: 'Zweitstimme', invalid: sum((r) => r.contests[1]!.invalid), valid });
    // Shares of the summed votes (498 / 1,088), not the mean of the municipalities' shares.
    expect(zweit.lists).toEqual([
      {
        key: 'cdu',
        shortName: 'CDU',
        name: 'Christlich Demokratische Union Deutschlands',
        color: '#000000',
        votes: 498,
        percent: roundedPercent(498, valid),
      },
      {
        key: 'spd',
        shortName: 'SPD',
        name: 'Sozialdemokratische Partei Deutschlands',
        color: '#E3000F',
        votes: 590,
        percent: roundedPercent(590, valid),
      },
    ]);
    expect(zweit.lists[0].percent).toBe(45.8);
    const erst = body.contests.find((c: { key: string }) => c.key === 'erststimme');
    expect(erst.lists.map((l: { key: string; votes: number }) => [l.key, l.votes])).toEqual([
      ['cdu', 490],
      ['spd', 595],
    ]);
  });

  it('should list each municipality below the county with its reported districts, also those further down and without an election', async () => {
    const body = (await county.clerk.get(totalsUrl(county.officeId))).body;
    expect(body.municipalities).toEqual([
      { officeId: norddorf.officeId, name: 'Norddorf', ags: '08299001', hasElection: true, reported: 1, expected: 4 },
      { officeId: sueddorf.officeId, name: 'Süddorf', ags: '08299002', hasElection: true, reported: 1, expected: 4 },
      { officeId: nestedOfficeId, name: 'Ostweiler', ags: '08299003', hasElection: false, reported: 0, expected: 0 },
    ]);
  });

  it('should count nothing for another kind or day of election', async () => {
    const other = await county.officeAdmin.get(totalsUrl(county.officeId, 'europawahl'));
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ reported: 0, expected: 0, voters: 0, contests: [] });
    expect(other.body.municipalities.every((m: { hasElection: boolean }) => !m.hasElection)).toBe(true);
    expect((await county.clerk.get(totalsUrl(county.officeId, 'bundestag', '2025-03-02'))).body.reported).toBe(0);
  });

  it('should reject an unknown kind or a malformed day with 422', async () => {
    const bad = await county.clerk.get(totalsUrl(county.officeId, 'kaiserwahl', '23.02.2025'));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['$.electionDay', '$.kind']);
  });

  it('should answer 404 to a municipality clerk asking for the county, and for its own municipality office', async () => {
    expect((await norddorf.clerk.get(totalsUrl(county.officeId))).status).toBe(404);
    expect((await norddorf.clerk.get(totalsUrl(norddorf.officeId))).status).toBe(404);
    expect((await fernhausen.officeAdmin.get(totalsUrl(county.officeId))).status).toBe(404);
  });

  it("should give the county no access to a municipality's own election routes", async () => {
    const id = elections['norddorf']!;
    for (const path of [`/api/elections/${id}/totals`, `/api/elections/${id}/definition`, `/api/elections/${id}/districts/status`]) {
      const response = await county.clerk.get(path);
      expect(response.status, path).toBe(404);
    }
    // The municipality itself still sees its own totals.
    const own = await norddorf.clerk.get(`/api/elections/${id}/totals?area=municipality`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ reported: 1, voters: NORDDORF_001.B });
  });
});
