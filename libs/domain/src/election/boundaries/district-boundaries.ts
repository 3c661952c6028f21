// District boundaries for the public map (issue 15): a GeoJSON FeatureCollection of (Multi)Polygons,
// one feature per polling district, matched to the election's districts by number. Pure: the text in,
// the matched geometries and every problem by feature and property out (German, for the preview).
// Coordinates are taken as given: lon/lat (RFC 7946, CRS84) or a projected CRS in metres such as
// UTM (EPSG:25832, as cities publish them). The map needs no true projection, only a planar one:
// lon/lat is scaled by cos(latitude) (equirectangular), metres stay as they are.

/** Files beyond this size are refused before they are parsed (a city's boundaries are a few MB). */
export const MAX_BOUNDARY_CHARS = 30_000_000;
const MAX_FEATURES = 20_000;
/** Property names that carry the district number in the files offices have, tried when none is named. */
const NUMBER_PROPERTIES = ['bezirk-nr', 'WahlbezirkPadded', 'Wahlbezirk', 'WBez', 'nummer', 'number', 'nr'];

export type BoundaryProblem = {
  /** 1-based feature of the collection; 0 for the file as a whole. */
  readonly feature: number;
  /** The property (or `geometry`) the problem is in; null for the feature or file as a whole. */
  readonly property: string | null;
  readonly message: string;
  readonly severity: 'error' | 'warning';
};

export type Position = readonly [number, number];
/** Polygons of rings; the first ring of a polygon is its outline, the others its holes. */
export type MultiPolygonCoordinates = readonly (readonly (readonly Position[])[])[];

export type DistrictBoundary = { readonly districtNumber: string; readonly coordinates: MultiPolygonCoordinates };

export type BoundariesImport = {
  readonly coordinateSystem: 'geographic' | 'projected';
  /** The property the numbers were read from. */
  readonly numberProperty: string | null;
  /** In the file's order; planar coordinates (see above). */
  readonly boundaries: readonly DistrictBoundary[];
  readonly problems: readonly BoundaryProblem[];
};

const problem = (feature: number, property: string | null, message: string, severity: 'error' | 'warning' = 'error'): BoundaryProblem => ({
  feature,
  property,
  message,
  severity,
});

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `101`, `101.0` and `"101"` are the same district number; blanks and other values are none. */
export function districtNumberOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : null;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

const withoutLeadingZeros = (number: string): string => number.replace(/^0+(?=.)/, '');

/** A file's number → the election's district number: equal, or equal without leading zeros (`722` = `00722`). */
function districtMatcher(districtNumbers: readonly string[]): (number: string) => string | undefined {
  const exact = new Set(districtNumbers);
  const loose = new Map(districtNumbers.map((number) => [withoutLeadingZeros(number), number]));
  return (number) => (exact.has(number) ? number : loose.get(withoutLeadingZeros(number)));
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);

/** A ring: at least 4 positions, closed (RFC 7946 3.1.6). */
const ringProblem = (ring: unknown): string | null => {
  if (!Array.isArray(ring) || !ring.every(isPosition)) return 'Koordinaten müssen Zahlenpaare sein.';
  if (ring.length < 4) return 'Ein Ring braucht mindestens 4 Punkte.';
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1] ? null : 'Ein Ring muss geschlossen sein (erster Punkt = letzter Punkt).';
};

/** The geometry as MultiPolygon coordinates, or the reason it is not one. */
function polygonsOf(geometry: unknown): { coordinates: MultiPolygonCoordinates } | { error: string } {
  if (!isObject(geometry)) return { error: 'Das Objekt hat keine Geometrie.' };
  const polygons =
    geometry['type'] === 'Polygon' ? [geometry['coordinates']] : geometry['type'] === 'MultiPolygon' ? geometry['coordinates'] : null;
  if (polygons === null) return { error: `Geometrie „${String(geometry['type'])}“ wird nicht unterstützt: nur Polygon und MultiPolygon.` };
  if (!Array.isArray(polygons) || polygons.length === 0) return { error: 'Die Geometrie hat keine Flächen.' };
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return { error: 'Eine Fläche hat keinen Umriss.' };
    for (const ring of polygon) {
      const reason = ringProblem(ring);
      if (reason) return { error: reason };
    }
  }
  return { coordinates: polygons as MultiPolygonCoordinates };
}

/** RFC 7946 coordinates are lon/lat; an older file names its CRS (`urn:ogc:def:crs:EPSG::25832`). */
function isGeographic(collection: Json, features: readonly { coordinates: MultiPolygonCoordinates }[]): boolean {
  const crs = isObject(collection['crs']) && isObject(collection['crs']['properties']) ? collection['crs']['properties']['name'] : null;
  if (typeof crs === 'string') return /CRS84|EPSG::?4326\b/i.test(crs);
  return features.every(({ coordinates }) =>
    coordinates.every((polygon) => polygon.every((ring) => ring.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90))),
  );
}

/** lon/lat → planar: x scaled by the cosine of the mean latitude, so a map keeps its proportions. */
function planar(boundaries: readonly DistrictBoundary[]): DistrictBoundary[] {
  const latitudes = boundaries.flatMap((b) => b.coordinates.flatMap((polygon) => polygon[0]!.map(([, y]) => y)));
  const mean = latitudes.reduce((sum, y) => sum + y, 0) / Math.max(1, latitudes.length);
  const scale = Math.cos((mean * Math.PI) / 180);
  return boundaries.map((b) => ({
    districtNumber: b.districtNumber,
    coordinates: b.coordinates.map((polygon) => polygon.map((ring) => ring.map(([x, y]): Position => [x * scale, y]))),
  }));
}

/** The property whose values match the most district numbers (ties: the order of NUMBER_PROPERTIES, then the file's). */
function guessNumberProperty(features: readonly unknown[], matches: (number: string) => string | undefined): string | null {
  const counts = new Map<string, number>();
  for (const feature of features) {
    if (!isObject(feature) || !isObject(feature['properties'])) continue;
    for (const [name, value] of Object.entries(feature['properties'])) {
      const number = districtNumberOf(value);
      if (number !== null && matches(number)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const rank = (name: string): number => (NUMBER_PROPERTIES.includes(name) ? NUMBER_PROPERTIES.indexOf(name) : NUMBER_PROPERTIES.length);
  const best = [...counts].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0];
  return best?.[0] ?? null;
}

type FeatureProblem = { problem: string; property: string | null; severity: 'error' | 'warning' };

/** One feature → its district's boundary, or what is wrong with it. */
function matchFeature(
  feature: unknown,
  property: string,
  matches: (number: string) => string | undefined,
): DistrictBoundary | FeatureProblem {
  if (!isObject(feature) || feature['type'] !== 'Feature') return { problem: 'Kein GeoJSON-Feature.', property: null, severity: 'error' };
  const geometry = polygonsOf(feature['geometry']);
  if ('error' in geometry) return { problem: geometry.error, property: 'geometry', severity: 'error' };
  const raw = isObject(feature['properties']) ? districtNumberOf(feature['properties'][property]) : null;
  if (raw === null) return { problem: 'Ohne Bezirksnummer: wird übergangen.', property, severity: 'warning' };
  const districtNumber = matches(raw);
  if (districtNumber === undefined)
    return { problem: `Kein Wahlbezirk mit der Nummer „${raw}“: wird übergangen.`, property, severity: 'warning' };
  return { districtNumber, coordinates: geometry.coordinates };
}

/**
 * Parses `text` and matches its features to `districtNumbers` (the polling districts) by the
 * property `numberProperty`, or by the property that matches most if none is given. Errors (the
 * file or a feature unusable, a district twice) stop the import; features without a known district
 * and districts without a boundary are warnings (a partial map is still a map).
 */
export function parseDistrictBoundaries(text: string, districtNumbers: readonly string[], numberProperty?: string): BoundariesImport {
  const none = (message: string): BoundariesImport => ({
    coordinateSystem: 'geographic',
    numberProperty: null,
    boundaries: [],
    problems: [problem(0, null, message)],
  });
  if (text.length > MAX_BOUNDARY_CHARS) return none('Die Datei ist zu groß (höchstens 30 MB).');
  let collection: unknown;
  try {
    collection = JSON.parse(text);
  } catch {
    return none('Die Datei ist kein gültiges JSON (GeoJSON erwartet).');
  }
  if (!isObject(collection) || collection['type'] !== 'FeatureCollection' || !Array.isArray(collection['features']))
    return none('Die Datei ist keine GeoJSON-FeatureCollection.');
  const features: unknown[] = collection['features'];
  if (features.length === 0) return none('Die Datei enthält keine Objekte (features).');
  if (features.length > MAX_FEATURES) return none(`Zu viele Objekte: höchstens ${MAX_FEATURES}.`);

  const matches = districtMatcher(districtNumbers);
  const property = numberProperty ?? guessNumberProperty(features, matches);
  if (property === null) return none('Keine Eigenschaft der Objekte enthält Nummern der Wahlbezirke dieser Wahl.');

  const problems: BoundaryProblem[] = [];
  const matched: DistrictBoundary[] = [];
  const featureOf = new Map<string, number>();
  for (const [index, feature] of features.entries()) {
    const at = index + 1;
    const found = matchFeature(feature, property, matches);
    if ('problem' in found) {
      problems.push(problem(at, found.property, found.problem, found.severity));
      continue;
    }
    const earlier = featureOf.get(found.districtNumber);
    if (earlier !== undefined) {
      problems.push(problem(at, property, `Wahlbezirk ${found.districtNumber} steht schon in Objekt ${earlier}.`));
      continue;
    }
    featureOf.set(found.districtNumber, at);
    matched.push(found);
  }

  const missing = districtNumbers.filter((number) => !featureOf.has(number));
  if (matched.length === 0) problems.push(problem(0, property, 'Kein Objekt passt zu einem Wahlbezirk dieser Wahl.'));
  else if (missing.length > 0) {
    const shown = missing.slice(0, 10).join(', ');
    problems.push(
      problem(
        0,
        null,
        `${missing.length} Wahlbezirke ohne Grenze (${shown}${missing.length > 10 ? ', …' : ''}): sie fehlen auf der Karte.`,
        'warning',
      ),
    );
  }
  const geographic = isGeographic(collection, matched);
  return {
    coordinateSystem: geographic ? 'geographic' : 'projected',
    numberProperty: property,
    boundaries: geographic ? planar(matched) : matched,
    problems: [...problems].sort((a, b) => a.feature - b.feature),
  };
}
