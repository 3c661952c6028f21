import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { sharedDataAvailable } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

// Imports into an election in preparation (issue #12) with the City of Karlsruhe's own files: the
// preview lists what will be created and every problem by line and field, the apply stores exactly
// that in one transaction; a file with errors or an election the roll/results depend on changes nothing.

const DATA_DIR = resolve('../shared/data/karlsruhe');
const karlsruhe = (part: string): string =>
  readFileSync(
    join(
      DATA_DIR,
      readdirSync(DATA_DIR).find((n) => n.includes('Gemeinderatswahl_2024') && n.includes(`_${part}_`))!,
    ),
    'utf8',
  );
const COUNCIL = { key: 'gemeinderat', name: 'Gemeinderat', ballotType: 'council', seats: 48 } as const;
const STREETS = 'strassenschluessel;strassenname;plz;hausnummer-von;hausnummer-bis;paritaet;wahlbezirk';

describe.skipIf(!sharedDataAvailable('karlsruhe'))('elections: imports with preview', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let electionId: string;
  const counts = async () => (await office.clerk.get(`/api/elections/${electionId}`)).body.counts;

  beforeAll(async () => {
    testApp = await startTestApp();
    office = await createOfficeWithStaff(testApp, '08212000', 'Stadt Karlsruhe');
    const created = await office.clerk.post('/api/elections/new', {
      kind: 'gemeinderat-bw',
      name: 'Gemeinderatswahl 2024',
      electionDay: '2024-06-09',
      source: { from: 'empty' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    electionId = created.body.id;
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('should preview the Wahlgebietseinteilungen without storing, then apply exactly that', async () => {
    const request = { kind: 'districts', fileName: 'Wahlgebietseinteilungen.csv', csv: karlsruhe('Wahlgebietseinteilungen') };
    const preview = await office.clerk.post(`/api/elections/${electionId}/imports/preview`, request);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({
      kind: 'districts',
      before: { areas: 0, pollingDistricts: 0 },
      after: { areas: 27, pollingStations: 64, pollingDistricts: 128, postalDistricts: 130 },
      samples: [
        '00121 001-21 Hans-Thoma-Schule',
        '00122 001-22 Hans-Thoma-Schule',
        '00221 002-21 Ständehaus',
        '00222 002-22 Leopoldschule',
        expect.any(String),
      ],
      canApply: true,
    });
    expect(preview.body.problems.map((p: any) => p.severity)).toEqual(['warning']);
    expect(await counts()).toMatchObject({ areas: 0, pollingDistricts: 0 });

    const applied = await office.clerk.post(`/api/elections/${electionId}/imports/apply`, request);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.counts).toEqual(preview.body.after);
    const definition = (await office.clerk.get(`/api/elections/${electionId}/definition`)).body;
    expect(definition.districts[0]).toEqual({
      number: '00121',
      name: '001-21 Hans-Thoma-Schule',
      kind: 'polling',
      area: 'Innenstadt-Ost',
      pollingStationId: 'hans-thoma-schule',
    });
  });

  it('should import the council candidates into a new council contest of 48 seats (R5.1)', async () => {
    const request = { kind: 'candidates', csv: karlsruhe('Kandidaten'), contest: COUNCIL };
    const preview = await office.clerk.post(`/api/elections/${electionId}/imports/preview`, request);
    expect(preview.body).toMatchObject({ after: { contests: 1, lists: 15, candidates: 568 }, canApply: true });
    expect(preview.body.samples[0]).toBe('GRÜNE: 48 Bewerber');
    const applied = await office.clerk.post(`/api/elections/${electionId}/imports/apply`, request);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const contest = (await office.clerk.get(`/api/elections/${electionId}/definition`)).body.contests[0];
    expect(contest).toMatchObject({ id: 'gemeinderat', ballotType: 'council', seats: 48, votesPerBallot: 48, maxVotesPerCandidate: 3 });
  });

  it('should show an R2.4 overlap by line and field, and apply nothing while it stands', async () => {
    const csv = [STREETS, '00123;Kaiserstraße;76133;1;99;ungerade;00121', '00123;Kaiserstraße;76133;51;71;alle;00122'].join('\n');
    const preview = await office.clerk.post(`/api/elections/${electionId}/imports/preview`, { kind: 'streets', csv });
    expect(preview.body.canApply).toBe(false);
    expect(preview.body.problems).toEqual([
      {
        line: 3,
        field: 'hausnummer-von',
        message: 'Der Bereich 51–71 (alle) überschneidet sich mit 1–99 (ungerade) aus Zeile 2 (Wahlbezirk 00121, R2.4).',
        severity: 'error',
      },
    ]);
    const before = await counts();
    const applied = await office.clerk.post(`/api/elections/${electionId}/imports/apply`, { kind: 'streets', csv });
    expect(applied.status).toBe(422);
    expect(applied.body.code).toBe('ELECTION_IMPORT_INVALID');
    expect(applied.body.errors).toEqual([
      { path: '$.csv', message: expect.stringMatching(/^Zeile 3, Spalte hausnummer-von: Der Bereich 51–71/) },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('should edit a district and a list with its candidates, checked by the definition rules, and audit both', async () => {
    const definition = (await office.clerk.get(`/api/elections/${electionId}/definition`)).body;
    const district = { ...definition.districts[0], name: '001-21 Hans-Thoma-Schule (Aula)', area: 'Innenstadt-West', inhabitants: 2100 };
    const edited = await office.clerk.put(`/api/elections/${electionId}/districts/00121`, district);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const unknownStation = await office.clerk.put(`/api/elections/${electionId}/districts/00121`, {
      ...district,
      pollingStationId: 'rathaus',
    });
    expect(unknownStation.status).toBe(422);
    expect(unknownStation.body.errors).toEqual([
      expect.objectContaining({
        path: '$.districts[0].pollingStationId',
        message: 'Den Wahlraum „rathaus“ gibt es in pollingStations nicht.',
      }),
    ]);
    const badColour = await office.clerk.put(`/api/elections/${electionId}/contests/gemeinderat/lists/gruene`, {
      ...definition.contests[0].lists[0],
      color: 'grün',
    });
    expect(badColour.status).toBe(422);
    expect(badColour.body.errors).toEqual([
      expect.objectContaining({ path: '$.color', message: 'Farbe im Format #rrggbb, z. B. #e3000f.' }),
    ]);

    const gruene = definition.contests[0].lists[0];
    const list = {
      ...gruene,
      color: '#46962b',
      candidates: [{ ...gruene.candidates[0], givenNames: 'Jorinda Maria' }, ...gruene.candidates.slice(1)],
    };
    const saved = await office.clerk.put(`/api/elections/${electionId}/contests/gemeinderat/lists/gruene`, list);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = (await office.clerk.get(`/api/elections/${electionId}/definition`)).body;
    expect(after.districts[0]).toEqual(district);
    expect(after.contests[0].lists[0]).toEqual(list);
    await expect
      .poll(async () => (await office.clerk.get(`/api/elections/${electionId}/audit`)).body.entries.map((e: any) => e.action))
      .toEqual(['election.created', 'election.imported', 'election.imported', 'district.updated', 'list.updated']);
  });

  it('should refuse moving a district to another postal district once results refer to it, saying why, and change nothing', async () => {
    const [district] = await testApp.dataSource.query(`SELECT id FROM districts WHERE election_id = $1 AND number = '00121'`, [electionId]);
    // Its quick report entered (the state row itself exists from the import on).
    await testApp.dataSource.query(
      `INSERT INTO election_night_districts (district_id, election_id, state, current_version) VALUES ($1, $2, 'entered', 1)
       ON CONFLICT (district_id) DO UPDATE SET state = 'entered', current_version = 1`,
      [district.id, electionId],
    );
    const before = (await office.clerk.get(`/api/elections/${electionId}/definition`)).body;
    const stored = before.districts.find((d: { number: string }) => d.number === '00121');
    const otherPostal = before.districts.find(
      (d: { kind: string; number: string }) => d.kind === 'postal' && d.number !== stored.postalDistrict,
    );
    const applied = await office.clerk.put(`/api/elections/${electionId}/districts/00121`, {
      ...stored,
      postalDistrict: otherPostal.number,
    });
    expect(applied.status).toBe(409);
    expect(applied.body).toMatchObject({
      code: 'ELECTION_DEFINITION_LOCKED',
      detail: 'Die Änderung würde die erfassten Ergebnisse ungültig machen; es wurde nichts gespeichert.',
      errors: [
        {
          path: `$.districts[${before.districts.indexOf(stored)}].postalDistrict`,
          message:
            'Briefwahlbezirk von 00121: Ergebnisse sind je Wahlbezirk erfasst; Briefwahlergebnisse gehören zu ihrem Briefwahlbezirk (R2.5).',
        },
      ],
    });
    // A street of the directory is on no result: it is still taken.
    const csv = [STREETS, '00123;Kaiserstraße;76133;1;99;ungerade;00121'].join('\n');
    expect((await office.clerk.post(`/api/elections/${electionId}/imports/apply`, { kind: 'streets', csv })).status).toBe(200);
    expect((await office.clerk.get(`/api/elections/${electionId}/definition`)).body.districts).toEqual(before.districts);
  });

  it('should refuse a malformed request in German', async () => {
    const response = await office.clerk.post(`/api/elections/${electionId}/imports/preview`, { kind: 'geojson', csv: 'a\u0000' });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((e: any) => e.path).sort()).toEqual(['$.csv', '$.kind']);
  });
});
