import type { Area, District, ElectionDefinition, PollingStation } from '@wahl/domain';
import { ERST_ZWEIT_CONTESTS, seededRandom } from './bench-fixtures';

// A generated Land for `npm run bench:land`: about 1,100 municipalities of realistic sizes and
// about 10,000 polling and postal districts, cut into 70 Wahlkreise, as one Land-wide election.
//
// Sizes in districts (polling + postal), drawn from a fixed seed, skewed towards the low end:
//   476 villages 1–3 · 574 towns 5–20 · 40 larger towns 21–80 · 10 cities 100–300.
// Wahlkreise (70, each about a seventieth of the districts): a city larger than that is split into
// Wahlkreise of its own (Stuttgart I–IV, LWG BW Anlage); the other municipalities are grouped, in
// order, into the remaining Wahlkreise, each holding whole municipalities.
//
// An election definition has one municipality as its root and a tree of areas below it (each area
// one parent, each district one area). So the Land is the root; a Wahlkreis of whole municipalities
// is the parent of their areas, and a split city is the parent of its Wahlkreise. A Wahlkreis that
// held part of a city *and* other municipalities would give the city's districts two parents; the
// generator never makes one. The definition knows no area kinds for Wahlkreis and Gemeinde below the
// root: Wahlkreise and cities are labelled `stadtbezirk`, municipalities and city Wahlkreise `stadtteil`.

export const LAND_AGS = '08000000';
export const WAHLKREISE = 70;
export const SIZE_CLASSES = [
  { name: 'village', count: 476, min: 1, max: 3 },
  { name: 'town', count: 574, min: 5, max: 20 },
  { name: 'larger town', count: 40, min: 21, max: 80 },
  { name: 'city', count: 10, min: 100, max: 300 },
] as const;
/** Polling districts per postal district (P10: each postal district belongs to polling districts). */
const POLLING_PER_POSTAL = 9;

export type LandMunicipality = {
  /** AGS, also the key of its area. */
  readonly ags: string;
  readonly name: string;
  readonly sizeClass: (typeof SIZE_CLASSES)[number]['name'];
  readonly districts: number;
  /** Keys of the Wahlkreise its districts lie in: one, or several for a split city. */
  readonly wahlkreise: readonly string[];
};

export type GeneratedLand = {
  readonly municipalities: readonly LandMunicipality[];
  readonly wahlkreise: readonly { readonly key: string; readonly name: string; readonly districts: number }[];
  readonly election: ElectionDefinition;
};

const wahlkreisKey = (index: number): string => `WK${String(index + 1).padStart(2, '0')}`;

/** Municipality sizes by class, in a fixed shuffled order (neighbours in a Wahlkreis mix sizes). */
function drawMunicipalities(
  random: () => number,
): { ags: string; name: string; sizeClass: LandMunicipality['sizeClass']; districts: number }[] {
  const drawn = SIZE_CLASSES.flatMap((sizeClass) =>
    Array.from({ length: sizeClass.count }, () => ({
      sizeClass: sizeClass.name,
      districts: sizeClass.min + Math.floor((sizeClass.max - sizeClass.min + 1) * random() ** 2),
      order: random(),
    })),
  ).sort((a, b) => a.order - b.order);
  return drawn.map(({ sizeClass, districts }, index) => {
    const kreis = 101 + Math.floor(index / 30);
    return {
      ags: `08${kreis}${String((index % 30) + 1).padStart(3, '0')}`,
      name: `${sizeClass === 'city' ? 'Stadt' : 'Gemeinde'} ${index + 1}`,
      sizeClass,
      districts,
    };
  });
}

/** Splits `total` into `parts` near-equal whole numbers. */
const shares = (total: number, parts: number): number[] =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

/** The districts of one area: postal districts each with up to nine polling districts; one district alone is a polling district. */
function areaDistricts(area: string, prefix: string, count: number, stations: PollingStation[]): District[] {
  const postal = count === 1 ? 0 : Math.ceil(count / (POLLING_PER_POSTAL + 1));
  const polling = count - postal;
  const districts: District[] = [];
  for (let i = 0; i < polling; i++) {
    if (i % 3 === 0)
      stations.push({
        id: `S${stations.length + 1}`,
        name: `Wahlraum ${stations.length + 1}`,
        address: { street: 'Schulweg', houseNumber: String(i + 1), postalCode: '70000', city: area },
        openingHours: '08:00–18:00',
        barrierFree: true,
      });
    const postalDistrict = postal > 0 ? `${prefix}-B${Math.floor(i / Math.ceil(polling / postal)) + 1}` : undefined;
    districts.push({
      number: `${prefix}-W${i + 1}`,
      name: `Wahlbezirk ${i + 1}`,
      kind: 'polling',
      area,
      pollingStationId: `S${stations.length}`,
      ...(postalDistrict ? { postalDistrict } : {}),
    });
  }
  for (let i = 0; i < postal; i++)
    districts.push({ number: `${prefix}-B${i + 1}`, name: `Briefwahlbezirk ${i + 1}`, kind: 'postal', area });
  return districts;
}

export function generateLand(seed = 0x1101_2026): GeneratedLand {
  const drawn = drawMunicipalities(seededRandom(seed));
  const total = drawn.reduce((sum, m) => sum + m.districts, 0);
  const target = total / WAHLKREISE;
  const areas: Area[] = [];
  const districts: District[] = [];
  const stations: PollingStation[] = [];
  const wahlkreisDistricts: number[] = [];

  // Cities above the Wahlkreis size first: WK01 … hold their parts.
  const split = drawn.filter((m) => m.districts > target);
  const rest = drawn.filter((m) => m.districts <= target);
  const wahlkreiseOf = new Map<string, string[]>();
  for (const city of split) {
    areas.push({ key: city.ags, name: city.name, kind: 'stadtbezirk' });
    const parts = shares(city.districts, Math.ceil(city.districts / target));
    wahlkreiseOf.set(city.ags, []);
    parts.forEach((count, part) => {
      const key = wahlkreisKey(wahlkreisDistricts.length);
      wahlkreiseOf.get(city.ags)!.push(key);
      areas.push({ key, name: `Wahlkreis ${key.slice(2)} ${city.name} ${'I'.repeat(part + 1)}`, kind: 'stadtteil', parent: city.ags });
      districts.push(...areaDistricts(key, `${city.ags}-${part + 1}`, count, stations));
      wahlkreisDistricts.push(count);
    });
  }

  // The rest in order: a municipality goes to the Wahlkreis its middle district falls in. None is
  // larger than a Wahlkreis's share, so consecutive ones never skip a Wahlkreis and none stays empty.
  const first = wahlkreisDistricts.length;
  const remaining = WAHLKREISE - first;
  const restTotal = rest.reduce((sum, m) => sum + m.districts, 0);
  for (let i = first; i < WAHLKREISE; i++) {
    areas.push({ key: wahlkreisKey(i), name: `Wahlkreis ${wahlkreisKey(i).slice(2)}`, kind: 'stadtbezirk' });
    wahlkreisDistricts.push(0);
  }
  let before = 0;
  for (const municipality of rest) {
    const index = first + Math.min(remaining - 1, Math.floor(((before + municipality.districts / 2) / restTotal) * remaining));
    const key = wahlkreisKey(index);
    wahlkreiseOf.set(municipality.ags, [key]);
    areas.push({ key: municipality.ags, name: municipality.name, kind: 'stadtteil', parent: key });
    districts.push(...areaDistricts(municipality.ags, municipality.ags, municipality.districts, stations));
    wahlkreisDistricts[index]! += municipality.districts;
    before += municipality.districts;
  }

  return {
    municipalities: drawn.map((m) => ({ ...m, wahlkreise: wahlkreiseOf.get(m.ags)! })),
    wahlkreise: wahlkreisDistricts.map((count, i) => ({
      key: wahlkreisKey(i),
      name: areas.find((a) => a.key === wahlkreisKey(i))!.name,
      districts: count,
    })),
    election: {
      schemaVersion: 1,
      kind: 'landtag-bw',
      name: 'Landtagswahl (Probe, generiertes Land)',
      electionDay: '2026-03-08',
      municipality: { ags: LAND_AGS, name: 'Land (generiert)' },
      areas,
      pollingStations: stations,
      districts,
      contests: ERST_ZWEIT_CONTESTS,
      streets: [],
    },
  };
}
