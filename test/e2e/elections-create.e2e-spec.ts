import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// Creating an election on the office's screen (issue #12): empty or from a previous election of the
// office, with the R0.1 deadlines derived and overridable; a refused request stores nothing.

const fixture = (): any => JSON.parse(readFileSync(resolve('test/fixtures/election-small.json'), 'utf8'));

/** The small fixture with a Stadtbezirk and a Stadtteil, so that copying areas is shown too. */
function fixtureWithAreas(): any {
  const doc = fixture();
  doc.areas = [
    { key: 'mitte', name: 'Stadtbezirk Mitte', kind: 'stadtbezirk' },
    { key: 'altstadt', name: 'Altstadt', kind: 'stadtteil', parent: 'mitte' },
  ];
  doc.districts[0].area = 'altstadt';
  return doc;
}

const landtag = { kind: 'landtag-bw', name: 'Landtagswahl 2026', electionDay: '2026-03-08' } as const;

describe('elections: create on the office screen', () => {
  let testApp: TestApp;
  let officeA: OfficeWithStaff;
  let officeB: OfficeWithStaff;
  let previousId: string;

  const electionCount = async (): Promise<number> => (await testApp.dataSource.query(`SELECT count(*)::int AS n FROM elections`))[0].n;

  beforeAll(async () => {
    testApp = await startTestApp();
    officeA = await createOfficeWithStaff(testApp, '08999201', 'Kleinhausen');
    officeB = await createOfficeWithStaff(testApp, '08999202', 'Großdorf');
    const imported = await officeA.clerk.post('/api/elections', {
      ...fixtureWithAreas(),
      municipality: { ags: '08999201', name: 'Kleinhausen' },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    previousId = imported.body.id;
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('should create an empty election with the deadlines of R0.1 for the office municipality, and audit it', async () => {
    const response = await officeA.clerk.post('/api/elections/new', { ...landtag, source: { from: 'empty' } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({
      ...landtag,
      municipality: { ags: '08999201', name: 'Kleinhausen' },
      constituency: null,
      // DOMAIN.md R0.1, BW Landtag 08.03.2026: day 35 Sun 01.02., day 21 Sun 15.02., days 20–16 16.–20.02., days 3–1 05.–07.03.
      deadlines: {
        rollCutoffDay: '2026-02-01',
        cardDeadline: '2026-02-15',
        inspectionStart: '2026-02-16',
        inspectionEnd: '2026-02-20',
        rollClosingEarliest: '2026-03-05',
        rollClosingLatest: '2026-03-07',
      },
      overriddenDeadlines: [],
      counts: { areas: 0, pollingStations: 0, pollingDistricts: 0, postalDistricts: 0, contests: 0, lists: 0, streets: 0 },
    });
    // The creation is sealed into the election's audit chain right after the commit.
    await expect
      .poll(async () => (await officeA.clerk.get(`/api/elections/${response.body.id}/audit`)).body.entries)
      .toEqual([
        expect.objectContaining({
          action: 'election.created',
          actor: expect.objectContaining({ role: 'clerk' }),
          newValue: { kind: 'landtag-bw', name: landtag.name, electionDay: landtag.electionDay, source: { from: 'empty' } },
        }),
      ]);
  });

  it('should keep the overridden deadlines and report which they are', async () => {
    const response = await officeA.officeAdmin.post('/api/elections/new', {
      ...landtag,
      name: 'Landtagswahl 2026 (verkürzte Fristen)',
      deadlines: { rollCutoffDay: '2026-02-08' },
      source: { from: 'empty' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.deadlines.rollCutoffDay).toBe('2026-02-08');
    expect(response.body.overriddenDeadlines).toEqual(['rollCutoffDay']);
  });

  it('should copy areas, districts, stations, lists and the street directory of a previous election, not its results', async () => {
    const response = await officeA.clerk.post('/api/elections/new', { ...landtag, source: { from: 'election', electionId: previousId } });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.counts).toEqual({
      areas: 2,
      pollingStations: 2,
      pollingDistricts: 3,
      postalDistricts: 1,
      contests: 2,
      lists: 4,
      candidates: 5,
      streets: 3,
      streetSegments: 6,
      previousResults: 0,
    });
    const copy = (await officeA.clerk.get(`/api/elections/${response.body.id}/definition`)).body;
    const original = fixtureWithAreas();
    expect(copy).toMatchObject({ kind: 'landtag-bw', name: landtag.name, electionDay: landtag.electionDay });
    expect(copy.areas).toEqual(original.areas);
    expect(copy.districts).toEqual(original.districts);
    expect(copy.contests).toEqual(original.contests);
    expect(copy.streets).toEqual(original.streets);
    expect(copy).not.toHaveProperty('previousElection');
    expect(copy).not.toHaveProperty('deadlines');
    // Another kind: the Bundestag constituency does not carry over.
    expect(copy).not.toHaveProperty('constituency');
  });

  it('should refuse a day that is not a Sunday and a deadline after the day at their fields, storing nothing', async () => {
    const before = await electionCount();
    const response = await officeA.clerk.post('/api/elections/new', {
      ...landtag,
      electionDay: '2026-03-07',
      deadlines: { cardDeadline: '2026-03-09' },
      source: { from: 'empty' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: any) => e.path)).toEqual(['$.electionDay', '$.deadlines.cardDeadline']);
    expect(response.body.errors[0].message).toMatch(/Sonntag/);
    expect(await electionCount()).toBe(before);
  });

  it('should refuse malformed requests in German naming the field', async () => {
    const response = await officeA.clerk.post('/api/elections/new', {
      kind: 'kommunal',
      name: ' ',
      electionDay: '2026-02-30',
      source: { from: 'empty' },
      extra: 1,
    });
    expect(response.status).toBe(422);
    const byPath = Object.fromEntries(response.body.errors.map((e: any) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(['$', '$.electionDay', '$.kind', '$.name']);
    expect(byPath['$.name']).toBe('Bitte einen Namen angeben.');
    expect(byPath['$.electionDay']).toBe('Kein gültiges Kalenderdatum (Format JJJJ-MM-TT).');
  });

  it("should not copy another office's election (answered as unknown)", async () => {
    const before = await electionCount();
    const response = await officeB.clerk.post('/api/elections/new', { ...landtag, source: { from: 'election', electionId: previousId } });
    expect(response.status).toBe(404);
    expect(await electionCount()).toBe(before);
  });

  it('should be for office staff only', async () => {
    const admin = await adminClient(testApp);
    expect((await admin.post('/api/elections/new', { ...landtag, source: { from: 'empty' } })).status).toBe(403);
  });
});
