import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient, type HttpClient } from '../support/http';
import { createOfficeWithStaff, type OfficeWithStaff } from '../support/offices';
import { startTestApp, type TestApp } from '../support/test-app';

// Issue 15: the Karlsruhe election with its Stadtteile on the public snapshot, and its district
// boundaries (the city's GeoJSON shipped in data/demo) imported with preview, refused by feature
// when bad, and served as a compact cacheable map.

const BOUNDARIES = readFileSync('data/demo/karlsruhe/WahlbezirkeLTW2021Karlsruhe.geojson', 'utf8');

describe('district map and Stadtteile (Karlsruhe)', () => {
  let testApp: TestApp;
  let office: OfficeWithStaff;
  let anonymous: HttpClient;
  let electionId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    anonymous = httpClient(testApp.baseUrl);
    office = await createOfficeWithStaff(testApp, '08212000', 'Stadt Karlsruhe');
    const imported = await office.clerk.post('/api/elections', JSON.parse(readFileSync('examples/karlsruhe-btw2025.json', 'utf8')));
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
    electionId = imported.body.id;
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('should put the Stadtteile between the city and its districts on the public snapshot', async () => {
    const snapshot = (await anonymous.get(`/api/public/elections/${electionId}`)).body;
    const quarters = snapshot.areas.filter((area: any) => area.level === 'stadtteil');
    expect(quarters.length).toBeGreaterThan(20);
    const city = snapshot.areas.find((area: any) => area.level === 'municipality');
    expect(quarters.every((area: any) => area.parentId === city.id)).toBe(true);
    const district = snapshot.areas.find((area: any) => area.number === '00121');
    expect(snapshot.areas.find((area: any) => area.id === district.parentId)).toMatchObject({ level: 'stadtteil', name: 'Innenstadt-Ost' });
    const expected = (id: string) => snapshot.results.find((result: any) => result.areaId === id).expected;
    expect(quarters.reduce((sum: number, area: any) => sum + expected(area.id), 0)).toBe(expected(city.id));
  });

  it('should refuse a bad file naming feature and property, and store nothing', async () => {
    const good = JSON.parse(BOUNDARIES);
    const bad = {
      ...good,
      features: [
        good.features[0],
        { ...good.features[1], geometry: { type: 'Point', coordinates: [8.4, 49] } },
        {
          ...good.features[2],
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [8.4, 49],
                [8.5, 49],
                [8.5, 49.1],
                [8.4, 49.1],
              ],
            ],
          },
        },
      ],
    };
    const request = { fileName: 'bad.geojson', geojson: JSON.stringify(bad) };
    const preview = await office.clerk.post(`/api/elections/${electionId}/boundaries/preview`, request);
    expect(preview.status).toBe(200);
    expect(preview.body.canApply).toBe(false);
    expect(preview.body.problems.filter((p: any) => p.severity === 'error')).toEqual([
      {
        feature: 2,
        property: 'geometry',
        message: 'Geometrie „Point“ wird nicht unterstützt: nur Polygon und MultiPolygon.',
        severity: 'error',
      },
      { feature: 3, property: 'geometry', message: 'Ein Ring muss geschlossen sein (erster Punkt = letzter Punkt).', severity: 'error' },
    ]);
    const applied = await office.clerk.post(`/api/elections/${electionId}/boundaries/apply`, request);
    expect(applied.status).toBe(422);
    expect(applied.body.errors.map((e: any) => e.message)).toEqual([
      'Objekt 2, Eigenschaft geometry: Geometrie „Point“ wird nicht unterstützt: nur Polygon und MultiPolygon.',
      'Objekt 3, Eigenschaft geometry: Ein Ring muss geschlossen sein (erster Punkt = letzter Punkt).',
    ]);
    expect((await anonymous.get(`/api/public/elections/${electionId}/map`)).status).toBe(404);
    const notJson = await office.clerk.post(`/api/elections/${electionId}/boundaries/preview`, { geojson: '{"type":' });
    expect(notJson.body.problems).toEqual([
      { feature: 0, property: null, message: 'Die Datei ist kein gültiges JSON (GeoJSON erwartet).', severity: 'error' },
    ]);
  });

  it('should preview the city boundaries, store them and serve the simplified map with an ETag', async () => {
    const request = { fileName: 'WahlbezirkeLTW2021Karlsruhe.geojson', geojson: BOUNDARIES };
    const preview = await office.clerk.post(`/api/elections/${electionId}/boundaries/preview`, request);
    expect(preview.body).toMatchObject({
      numberProperty: 'WahlbezirkPadded',
      coordinateSystem: 'geographic',
      districts: 156,
      matched: 100,
      canApply: true,
    });
    // The 2021 boundaries know 100 of the 156 polling districts of 2025: a warning, not an error.
    expect(preview.body.problems).toEqual([expect.objectContaining({ feature: 0, severity: 'warning' })]);
    expect(preview.body.mapBytes).toBeLessThan(BOUNDARIES.length / 4);
    expect((await anonymous.get(`/api/public/elections/${electionId}/map`)).status).toBe(404);

    const applied = await office.clerk.post(`/api/elections/${electionId}/boundaries/apply`, request);
    expect(applied.status, JSON.stringify(applied.body).slice(0, 300)).toBe(200);
    const map = await anonymous.get(`/api/public/elections/${electionId}/map`);
    expect(map.status).toBe(200);
    expect(map.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=300, stale-while-revalidate=3600, stale-if-error=86400');
    expect(map.body.width).toBe(1000);
    expect(map.body.districts).toHaveLength(100);
    expect(map.body.districts[0]).toEqual({ number: '00722', path: expect.stringMatching(/^M\d+ \d+l[-\d ]+z/) });
    const again = await anonymous.get(`/api/public/elections/${electionId}/map`, { 'if-none-match': map.headers.get('etag')! });
    expect(again.status).toBe(304);
  });
});
