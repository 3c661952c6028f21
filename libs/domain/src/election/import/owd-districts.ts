import type { Area, District, PollingStation } from '../election-definition.types';
import { byLine, keyOf, problem, readImportTable, type ImportProblem } from './import-table';

// The votemanager/OpenWahlDaten "Wahlgebietseinteilungen" file (OWD V0-3): one line per district with
// the areas it lies in (gebiet-ebene-5 … -2), its kind (bezirk-art W = Urnenwahlbezirk, B =
// Briefwahlbezirk, R2.5) and, in newer exports, the postal district it belongs to (BRIEFWAHLBEZIRK-NR).
// Level 2 is the Stadtteil, the levels above it Stadtbezirke. The file names a polling district's
// station only inside the district name ("001-21 Hans-Thoma-Schule"); its address is not in the file.

/** What a polling station gets where the source file has no value: visible, never an invented fact. */
export const STATION_PLACEHOLDER = {
  street: '(Anschrift nicht in den Quelldaten)',
  houseNumber: '–',
  postalCode: '00000',
  // The statutory voting hours (BWahlG § 47: 8 to 18 o'clock).
  openingHours: '08:00–18:00',
  barrierFreeNote: 'Barrierefreiheit ist in den Quelldaten nicht angegeben.',
} as const;

export type DistrictsImport = {
  readonly areas: readonly Area[];
  readonly pollingStations: readonly PollingStation[];
  readonly districts: readonly District[];
  readonly problems: readonly ImportProblem[];
};

const LEVELS = [5, 4, 3, 2] as const;
const BEZIRK_NR = 'bezirk-nr';
const POSTAL_LINK = 'BRIEFWAHLBEZIRK-NR';

/** `001-21 Hans-Thoma-Schule` → `Hans-Thoma-Schule`. */
export const stationNameOf = (districtName: string): string => districtName.replace(/^\d+-\d+\s+/, '').trim();

/** Builds a station per distinct name, in `city`, with the placeholder address. */
function stationFor(name: string, city: string): PollingStation {
  return {
    id: keyOf(name) || name,
    name,
    address: {
      street: STATION_PLACEHOLDER.street,
      houseNumber: STATION_PLACEHOLDER.houseNumber,
      postalCode: STATION_PLACEHOLDER.postalCode,
      city,
    },
    openingHours: STATION_PLACEHOLDER.openingHours,
    barrierFree: false,
    barrierFreeNote: STATION_PLACEHOLDER.barrierFreeNote,
  };
}

export function parseOwdDistricts(text: string, city: string): DistrictsImport {
  const table = readImportTable(text, [BEZIRK_NR, 'bezirk-name', 'bezirk-art']);
  const problems = [...table.problems];
  const areas = new Map<string, Area & { line: number }>();
  const stations = new Map<string, PollingStation>();
  const districts: District[] = [];
  const firstLine = new Map<string, number>();
  const postalLinks: { line: number; index: number; postal: string }[] = [];

  for (const row of table.rows) {
    // Areas from the outermost level in: each one's parent is the next non-empty level above it.
    let parent: string | undefined;
    for (const level of LEVELS) {
      const key = row.get(`gebiet-ebene-${level}-nr`);
      if (!key) continue;
      const name = row.get(`gebiet-ebene-${level}-name`) || key;
      const area: Area = { key, name, kind: level === 2 ? 'stadtteil' : 'stadtbezirk', ...(parent ? { parent } : {}) };
      const known = areas.get(key);
      if (!known) areas.set(key, { ...area, line: row.line });
      else if (known.name !== area.name || known.parent !== area.parent) {
        problems.push(
          problem(
            row.line,
            `gebiet-ebene-${level}-nr`,
            `Das Gebiet „${key}“ steht hier anders als in Zeile ${known.line} (Name oder übergeordnetes Gebiet).`,
          ),
        );
      }
      parent = key;
    }

    const number = row.get(BEZIRK_NR);
    const prefix = `${row.get('wahl-leiter-name')} - `;
    const rawName = row.get('bezirk-name');
    const name = prefix.length > 3 && rawName.startsWith(prefix) ? rawName.slice(prefix.length) : rawName;
    if (!number) {
      problems.push(problem(row.line, BEZIRK_NR, 'Die Bezirksnummer fehlt.'));
      continue;
    }
    const seen = firstLine.get(number);
    if (seen !== undefined) {
      problems.push(problem(row.line, BEZIRK_NR, `Die Bezirksnummer „${number}“ steht schon in Zeile ${seen}.`));
      continue;
    }
    firstLine.set(number, row.line);
    if (!name) {
      problems.push(problem(row.line, 'bezirk-name', 'Der Name des Bezirks fehlt.'));
      continue;
    }
    const area = parent ? { area: parent } : {};
    const kind = row.get('bezirk-art');
    if (kind === 'B') {
      districts.push({ number, name, kind: 'postal', ...area });
    } else if (kind === 'W') {
      const stationName = stationNameOf(name) || name;
      const station = stations.get(stationName) ?? stationFor(stationName, city);
      stations.set(stationName, station);
      const postal = row.get(POSTAL_LINK);
      if (postal) postalLinks.push({ line: row.line, index: districts.length, postal });
      districts.push({ number, name, kind: 'polling', pollingStationId: station.id, ...area });
    } else {
      problems.push(
        problem(row.line, 'bezirk-art', `Die Bezirksart „${kind}“ wird nicht unterstützt (W = Urnenwahlbezirk, B = Briefwahlbezirk).`),
      );
    }
  }

  // P10/R2.5: a polling district's postal ballots are counted in a Briefwahlbezirk of the same file.
  const kinds = new Map(districts.map((d) => [d.number, d.kind]));
  for (const link of postalLinks) {
    const kind = kinds.get(link.postal);
    if (kind === 'postal')
      districts[link.index] = { ...(districts[link.index] as District & { kind: 'polling' }), postalDistrict: link.postal };
    else
      problems.push(
        problem(
          link.line,
          POSTAL_LINK,
          kind === undefined
            ? `Den Briefwahlbezirk „${link.postal}“ gibt es in der Datei nicht.`
            : `Der Bezirk „${link.postal}“ ist kein Briefwahlbezirk.`,
        ),
      );
  }
  if (stations.size > 0) {
    problems.push(
      problem(
        0,
        null,
        `Die Datei nennt die Wahlräume nur mit Namen: ${stations.size} Wahlräume werden ohne Anschrift angelegt („${STATION_PLACEHOLDER.street}“); bitte unter „Wahlräume“ ergänzen.`,
        'warning',
      ),
    );
  }
  return {
    areas: [...areas.values()].map(({ line: _line, ...area }) => area),
    pollingStations: [...stations.values()],
    districts,
    problems: byLine(problems),
  };
}
