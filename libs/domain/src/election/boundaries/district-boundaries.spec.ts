import { describe, expect, it } from 'vitest';
import { MAX_BOUNDARY_CHARS, parseDistrictBoundaries } from './district-boundaries';

const square = (x: number, y: number, size = 1): number[][][] => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];
const feature = (properties: Record<string, unknown>, geometry: unknown): unknown => ({ type: 'Feature', properties, geometry });
const collection = (features: unknown[], crs?: string): string =>
  JSON.stringify({ type: 'FeatureCollection', ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}), features });

describe('parseDistrictBoundaries', () => {
  it('should match features by the property holding district numbers, with or without leading zeros, and scale lon/lat', () => {
    const text = collection([
      feature({ Wahlbezirk: '121', name: 'Nord' }, { type: 'Polygon', coordinates: square(8, 60) }),
      feature({ Wahlbezirk: '122', name: 'Süd' }, { type: 'MultiPolygon', coordinates: [square(9, 60)] }),
    ]);
    const parsed = parseDistrictBoundaries(text, ['00121', '00122']);
    expect(parsed.numberProperty).toBe('Wahlbezirk');
    expect(parsed.coordinateSystem).toBe('geographic');
    expect(parsed.problems).toEqual([]);
    expect(parsed.boundaries.map((b) => b.districtNumber)).toEqual(['00121', '00122']);
    // Mean latitude of the outlines: (60 + 61 + 61 + 60 + 60) × 2 / 10 = 60.4; x scaled by cos(60.4°).
    const [x, y] = parsed.boundaries[0]!.coordinates[0]![0]![1]!;
    expect(x).toBeCloseTo(9 * Math.cos((60.4 * Math.PI) / 180), 10);
    expect(y).toBe(60);
  });

  it('should keep projected metres (EPSG:25832) as they are and read numbers written as 101.0', () => {
    const text = collection(
      [feature({ WBez: 101.0 }, { type: 'Polygon', coordinates: square(567_220, 5_710_648, 500) })],
      'urn:ogc:def:crs:EPSG::25832',
    );
    const parsed = parseDistrictBoundaries(text, ['101', '102']);
    expect(parsed.coordinateSystem).toBe('projected');
    expect(parsed.boundaries[0]!.coordinates[0]![0]![2]).toEqual([567_720, 5_711_148]);
    expect(parsed.problems).toEqual([
      { feature: 0, property: null, message: '1 Wahlbezirke ohne Grenze (102): sie fehlen auf der Karte.', severity: 'warning' },
    ]);
  });

  it('should name every bad feature by number and property, and warn about features of no district', () => {
    const text = collection([
      feature({ nr: '1' }, { type: 'Point', coordinates: [8, 49] }),
      feature(
        { nr: '2' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [8, 49],
              [9, 49],
              [8, 49],
            ],
          ],
        },
      ),
      feature(
        { nr: '3' },
        {
          type: 'Polygon',
          coordinates: [
            [
              [8, 49],
              [9, 49],
              [9, 50],
              [8, 50],
            ],
          ],
        },
      ),
      feature(
        { nr: '4' },
        {
          type: 'Polygon',
          coordinates: [
            [
              ['8', 49],
              [9, 49],
              [9, 50],
              ['8', 49],
            ],
          ],
        },
      ),
      feature({ nr: '5' }, { type: 'Polygon', coordinates: square(8, 49) }),
      feature({ nr: '5' }, { type: 'Polygon', coordinates: square(8, 50) }),
      feature({ nr: '99' }, { type: 'Polygon', coordinates: square(8, 51) }),
      feature({}, { type: 'Polygon', coordinates: square(8, 52) }),
      { type: 'Something' },
    ]);
    const parsed = parseDistrictBoundaries(text, ['1', '2', '3', '4', '5'], 'nr');
    expect(parsed.problems.map((p) => [p.feature, p.property, p.severity, p.message])).toEqual([
      [0, null, 'warning', '4 Wahlbezirke ohne Grenze (1, 2, 3, 4): sie fehlen auf der Karte.'],
      [1, 'geometry', 'error', 'Geometrie „Point“ wird nicht unterstützt: nur Polygon und MultiPolygon.'],
      [2, 'geometry', 'error', 'Ein Ring braucht mindestens 4 Punkte.'],
      [3, 'geometry', 'error', 'Ein Ring muss geschlossen sein (erster Punkt = letzter Punkt).'],
      [4, 'geometry', 'error', 'Koordinaten müssen Zahlenpaare sein.'],
      [6, 'nr', 'error', 'Wahlbezirk 5 steht schon in Objekt 5.'],
      [7, 'nr', 'warning', 'Kein Wahlbezirk mit der Nummer „99“: wird übergangen.'],
      [8, 'nr', 'warning', 'Ohne Bezirksnummer: wird übergangen.'],
      [9, null, 'error', 'Kein GeoJSON-Feature.'],
    ]);
    expect(parsed.boundaries.map((b) => b.districtNumber)).toEqual(['5']);
  });

  it('should refuse what is no FeatureCollection, matches nothing or is too large, before reading it', () => {
    const only = (text: string, numbers = ['1']): string[] => parseDistrictBoundaries(text, numbers).problems.map((p) => p.message);
    expect(only('{"type":')).toEqual(['Die Datei ist kein gültiges JSON (GeoJSON erwartet).']);
    expect(only('{"type":"Feature"}')).toEqual(['Die Datei ist keine GeoJSON-FeatureCollection.']);
    expect(only(collection([]))).toEqual(['Die Datei enthält keine Objekte (features).']);
    expect(only(collection([feature({ nr: '7' }, { type: 'Polygon', coordinates: square(0, 0) })]))).toEqual([
      'Keine Eigenschaft der Objekte enthält Nummern der Wahlbezirke dieser Wahl.',
    ]);
    expect(only(' '.repeat(MAX_BOUNDARY_CHARS + 1))).toEqual(['Die Datei ist zu groß (höchstens 30 MB).']);
  });
});
