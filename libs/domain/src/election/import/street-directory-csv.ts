import type { HouseNumberParity, Street, StreetSegment } from '../election-definition.types';
import { formatHouseNumber, parseSegmentRange, parseSingleHouseNumber, segmentsOverlap, type SegmentRange } from '../house-number';
import { byLine, problem, readImportTable, type ImportProblem } from './import-table';

// The street directory (Straßenverzeichnis, R2.4) as the office keeps it in a spreadsheet, one
// house-number range per line:
//   strassenschluessel;strassenname;plz;hausnummer-von;hausnummer-bis;paritaet;wahlbezirk
//   00123;Kaiserstraße;76133;1;99;ungerade;00121
// paritaet is `alle` (or empty), `gerade` or `ungerade`. Lines of one street key form one street.

export const STREET_COLUMNS = [
  'strassenschluessel',
  'strassenname',
  'plz',
  'hausnummer-von',
  'hausnummer-bis',
  'paritaet',
  'wahlbezirk',
] as const;

const PARITIES: Readonly<Record<string, HouseNumberParity>> = { '': 'all', alle: 'all', gerade: 'even', ungerade: 'odd' };
const PARITY_NAMES: Readonly<Record<HouseNumberParity, string>> = { all: 'alle', even: 'gerade', odd: 'ungerade' };

export type StreetsImport = { readonly streets: readonly Street[]; readonly problems: readonly ImportProblem[] };

const describe = (range: SegmentRange): string =>
  `${formatHouseNumber(range.from)}–${formatHouseNumber(range.to)} (${PARITY_NAMES[range.parity]})`;

/**
 * Parses the directory; `districtKinds` (number → kind) are the election's districts, to which every
 * range must point: only polling districts take addresses (R2.4, R2.5).
 */
export function parseStreetDirectory(text: string, districtKinds: ReadonlyMap<string, 'polling' | 'postal'>): StreetsImport {
  const table = readImportTable(text, STREET_COLUMNS);
  const problems = [...table.problems];
  const streets = new Map<
    string,
    { street: Omit<Street, 'segments'>; line: number; segments: { segment: StreetSegment; range: SegmentRange; line: number }[] }
  >();
  for (const row of table.rows) {
    const at = (column: string, message: string) => problems.push(problem(row.line, column, message));
    const key = row.get('strassenschluessel');
    const name = row.get('strassenname');
    const postalCode = row.get('plz');
    const district = row.get('wahlbezirk');
    const parity = PARITIES[row.get('paritaet').toLowerCase()];
    const before = problems.length;
    if (!key) at('strassenschluessel', 'Der Straßenschlüssel fehlt.');
    if (!name) at('strassenname', 'Der Straßenname fehlt.');
    if (!/^\d{5}$/.test(postalCode)) at('plz', `„${postalCode}“ ist keine Postleitzahl (5 Ziffern).`);
    for (const column of ['hausnummer-von', 'hausnummer-bis'] as const) {
      if (!parseSingleHouseNumber(row.get(column))) at(column, `„${row.get(column)}“ ist keine Hausnummer (z. B. 12, 12a, 12/1).`);
    }
    if (!parity) at('paritaet', `„${row.get('paritaet')}“: erlaubt sind alle, gerade oder ungerade.`);
    const kind = districtKinds.get(district);
    if (kind === undefined) at('wahlbezirk', `Den Wahlbezirk „${district}“ gibt es in dieser Wahl nicht.`);
    else if (kind !== 'polling')
      at('wahlbezirk', `„${district}“ ist ein Briefwahlbezirk; Straßen gehören zu Urnenwahlbezirken (R2.4, R2.5).`);
    if (problems.length > before || !parity) continue;
    const segment: StreetSegment = { from: row.get('hausnummer-von'), to: row.get('hausnummer-bis'), parity, district };
    const range = parseSegmentRange(segment);
    if (!range) {
      at('hausnummer-bis', `Der Bereich endet (${segment.to}) vor seinem Anfang (${segment.from}).`);
      continue;
    }
    let entry = streets.get(key);
    if (!entry) {
      entry = { street: { key, name, postalCode }, line: row.line, segments: [] };
      streets.set(key, entry);
    } else if (entry.street.name !== name || entry.street.postalCode !== postalCode) {
      at('strassenname', `Der Straßenschlüssel „${key}“ steht in Zeile ${entry.line} mit anderem Namen oder anderer PLZ.`);
      continue;
    }
    // R2.4: the ranges of one street must not overlap (every number maps to at most one district).
    const clash = entry.segments.find((earlier) => segmentsOverlap(earlier.range, range));
    if (clash) {
      at(
        'hausnummer-von',
        `Der Bereich ${describe(range)} überschneidet sich mit ${describe(clash.range)} aus Zeile ${clash.line} (Wahlbezirk ${clash.segment.district}, R2.4).`,
      );
      continue;
    }
    entry.segments.push({ segment, range, line: row.line });
  }
  return {
    streets: [...streets.values()].map(({ street, segments }) => ({ ...street, segments: segments.map((s) => s.segment) })),
    problems: byLine(problems),
  };
}
