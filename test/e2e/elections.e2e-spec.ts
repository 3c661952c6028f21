import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElectionsService } from '../../apps/api/src/modules/elections/elections.service';
import type { HttpClient } from '../support/http';
import { adminClient, anonymous, createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

const readJson = (path: string): any => JSON.parse(readFileSync(resolve(path), 'utf8'));
const fixture = (): any => readJson('test/fixtures/election-small.json');

const ELECTION_TABLES = [
  'elections',
  'polling_stations',
  'districts',
  'contests',
  'lists',
  'candidates',
  'streets',
  'street_segments',
  'previous_results',
] as const;

describe('elections: import, read, export', () => {
  let testApp: TestApp;
  let officeA: OfficeWithStaff;
  let officeB: OfficeWithStaff;
  let electionId: string;
  let created: any;

  const rowCounts = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of ELECTION_TABLES) {
      const [row] = await testApp.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row.n;
    }
    return counts;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    officeA = await createOfficeWithStaff(testApp, '08999101', 'Kleinhausen');
    officeB = await createOfficeWithStaff(testApp, '08999102', 'Großdorf');
    const response = await officeA.clerk.post('/api/elections', fixture());
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    created = response.body;
    electionId = created.id;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should answer the import with 201 and a summary with counts and resolved deadlines', () => {
    expect(created).toMatchObject({
      officeId: officeA.officeId,
      kind: 'bundestag',
      name: 'Bundestagswahl 2025 (Testgemeinde Kleinhausen)',
      electionDay: '2025-02-23',
      municipality: { ags: '08999101', name: 'Kleinhausen' },
      constituency: { number: '271', name: 'Karlsruhe-Land' },
      counts: {
        pollingStations: 2,
        pollingDistricts: 3,
        postalDistricts: 1,
        contests: 2,
        lists: 4,
        candidates: 5,
        streets: 3,
        streetSegments: 6,
        previousResults: 2,
      },
      // R0.1 for 23.02.2025 with Stichtag day 42 (R1.7); the card deadline is overridden.
      deadlines: {
        rollCutoffDay: '2025-01-12',
        cardDeadline: '2025-02-01',
        inspectionStart: '2025-02-03',
        inspectionEnd: '2025-02-07',
        applicationDeadline: '2025-02-02',
        rollClosingEarliest: '2025-02-20',
        rollClosingLatest: '2025-02-22',
        postalApplicationDeadline: '2025-02-21',
      },
      overriddenDeadlines: ['cardDeadline'],
    });
    expect(electionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should export the document deep-equal to the import: absent stays absent, order stays', async () => {
    const exported = await officeA.officeAdmin.get(`/api/elections/${electionId}/definition`);
    expect(exported.status).toBe(200);
    expect(exported.body).toStrictEqual(fixture());
    // The Zweitstimme lists were written in the order SPD, CDU although CDU has ballot position 1.
    expect(exported.body.contests[1].lists.map((l: any) => l.id)).toEqual(['spd', 'cdu']);
    expect(Object.keys(exported.body.previousElection.results[1].votes)).toEqual(['spd', 'cdu', 'fdp']);
    expect('inhabitants' in exported.body.districts[1]).toBe(false);
  });

  it('should show the summary and list only the office’s own elections', async () => {
    const summary = await officeA.clerk.get(`/api/elections/${electionId}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toEqual(created);
    const listA = await officeA.clerk.get('/api/elections');
    expect(listA.body.map((e: any) => e.id)).toEqual([electionId]);
    const listB = await officeB.clerk.get('/api/elections');
    expect(listB.status).toBe(200);
    expect(listB.body).toEqual([]);
  });

  it('should answer 404 on every elections route to a clerk of another office', async () => {
    for (const path of [`/api/elections/${electionId}`, `/api/elections/${electionId}/definition`]) {
      for (const client of [officeB.clerk, officeB.officeAdmin]) {
        const response = await client.get(path);
        expect(response.status, path).toBe(404);
        expect(response.body.detail).toBe('Die Wahl wurde nicht gefunden.');
      }
    }
    // Office B cannot import office A's election either (AGS of another municipality).
    const foreign = await officeB.clerk.post('/api/elections', fixture());
    expect(foreign.status).toBe(422);
    expect((await officeB.clerk.get('/api/elections')).body).toEqual([]);
  });

  it('should answer an unknown or malformed election id with 404', async () => {
    expect((await officeA.clerk.get(`/api/elections/${randomUUID()}`)).status).toBe(404);
    expect((await officeA.clerk.get('/api/elections/not-a-uuid/definition')).status).toBe(404);
  });

  it('should list every error with its JSON path and German message, and store nothing', async () => {
    const before = await rowCounts();
    const doc = fixture();
    doc.districts[1].number = '001'; // duplicate district number
    doc.districts[2].pollingStationId = 'turnhalle'; // unresolved reference
    doc.streets[0].segments.push({ from: '55', to: '65', parity: 'odd', district: '003' }); // overlaps two segments
    doc.contests[0].lists[0].color = 'schwarz';
    doc.electionDay = '2025-02-22'; // a Saturday
    doc.municipality.population = 4000; // unknown key
    const response = await officeA.clerk.post('/api/elections', doc);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      detail: expect.stringMatching(/^Die Wahldefinition enthält \d+ Fehler\.$/),
    });
    const paths = response.body.errors.map((e: any) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.districts[1].number',
        '$.districts[2].pollingStationId',
        '$.streets[0].segments[3]',
        '$.contests[0].lists[0].color',
        '$.electionDay',
        '$.municipality.population',
      ]),
    );
    const overlaps = response.body.errors.filter((e: any) => e.path === '$.streets[0].segments[3]');
    expect(overlaps.map((e: any) => e.message)).toEqual([
      'Der Hausnummernbereich 55–65 (ungerade) überschneidet sich mit dem Bereich 1–59 (ungerade) ($.streets[0].segments[0]) in der Straße „Hauptstraße“ (R2.4).',
      'Der Hausnummernbereich 55–65 (ungerade) überschneidet sich mit dem Bereich 61–120 (alle) ($.streets[0].segments[2]) in der Straße „Hauptstraße“ (R2.4).',
    ]);
    expect(response.body.errors.find((e: any) => e.path === '$.districts[2].pollingStationId').message).toBe(
      'Den Wahlraum „turnhalle“ gibt es in pollingStations nicht.',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('should refuse a document of another municipality with a clear message, storing nothing', async () => {
    const before = await rowCounts();
    const doc = fixture();
    doc.municipality.ags = '08999102';
    const response = await officeA.officeAdmin.post('/api/elections', doc);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      {
        path: '$.municipality.ags',
        message:
          'Der Gemeindeschlüssel 08999102 ist nicht der Ihres Wahlamts „Kleinhausen“ (08999101). Ein Wahlamt importiert nur Wahlen seiner eigenen Gemeinde.',
      },
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('should roll back everything when a write fails half-way', async () => {
    const before = await rowCounts();
    // A trigger makes the last table refuse rows, after all others were written in the transaction.
    await testApp.dataSource.query(
      `CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
    );
    await testApp.dataSource.query(
      `CREATE TRIGGER refuse_previous BEFORE INSERT ON previous_results FOR EACH ROW EXECUTE FUNCTION refuse_row()`,
    );
    try {
      const response = await officeA.clerk.post('/api/elections', fixture());
      expect(response.status).toBe(500);
      expect(await rowCounts()).toEqual(before);
    } finally {
      await testApp.dataSource.query('DROP TRIGGER refuse_previous ON previous_results');
      await testApp.dataSource.query('DROP FUNCTION refuse_row()');
    }
  });

  it('should let only office staff import: board members and provider admins are refused', async () => {
    expect((await officeA.boardMember.post('/api/elections', fixture())).status).toBe(403);
    expect((await (await adminClient(testApp)).post('/api/elections', fixture())).status).toBe(403);
    expect((await anonymous(testApp).post('/api/elections', fixture())).status).toBe(401);
    expect((await anonymous(testApp).get(`/api/elections/${electionId}/definition`)).status).toBe(401);
  });

  it('should import through the service for other modules, and refuse an unknown office', async () => {
    const service = testApp.app.get(ElectionsService);
    const { id } = await service.importDefinition(officeA.officeId, fixture());
    const exported = await officeA.clerk.get(`/api/elections/${id}/definition`);
    expect(exported.body).toStrictEqual(fixture());
    await expect(service.importDefinition(randomUUID(), fixture())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should serve the JSON Schema publicly as application/schema+json', async () => {
    const response = await anonymous(testApp).get('/api/schemas/election.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(response.body).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Wahldefinition',
      type: 'object',
      additionalProperties: false,
    });
    expect(response.body.properties.districts.items.oneOf).toHaveLength(2);
  });
});

// The shipped example documents survive import and export unchanged.
describe.each(['examples/demo-election.json', 'examples/karlsruhe-btw2025.json'])('example %s', (file) => {
  let testApp: TestApp;
  let client: HttpClient;
  beforeAll(async () => {
    testApp = await startTestApp();
    const doc = readJson(file);
    client = (await createOfficeWithStaff(testApp, doc.municipality.ags, doc.municipality.name)).clerk;
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('should round-trip deep-equal', async () => {
    const doc = readJson(file);
    const created = await client.post('/api/elections', doc);
    expect(created.status, JSON.stringify(created.body).slice(0, 2000)).toBe(201);
    const exported = await client.get(`/api/elections/${created.body.id}/definition`);
    expect(exported.body).toStrictEqual(doc);
  });
});
