import {
  GIVEN_NAMES_PLACEHOLDER,
  keyOf,
  STATION_PLACEHOLDER,
  type Area,
  type Candidate,
  type ContestList,
  type District,
  type ElectionDefinition,
  type PollingStation,
} from '@wahl/domain';

// Builds an election document from the OpenWahlDaten (OWD V0-3) files the City of Karlsruhe
// published for the Bundestagswahl 2025 (Datenlizenz Deutschland – Namensnennung 2.0).
// Only what the files contain is taken over; where the document needs a value the files lack,
// a visible placeholder is used (see PLACEHOLDER) instead of an invented fact.

export type OwdFiles = {
  readonly parameters: string;
  readonly areas: string;
  readonly ballot: string;
  readonly candidates: string;
};

// The same placeholders as the office's import of these files (libs/domain election/import).
export const PLACEHOLDER = {
  /** The files give the polling station's name only. */
  stationStreet: STATION_PLACEHOLDER.street,
  stationHouseNumber: STATION_PLACEHOLDER.houseNumber,
  stationPostalCode: STATION_PLACEHOLDER.postalCode,
  barrierFreeNote: STATION_PLACEHOLDER.barrierFreeNote,
  /** The candidate file carries family names only. */
  givenNames: GIVEN_NAMES_PLACEHOLDER,
} as const;

// Official names of the parties on the 2025 ballot (the Stimmzettel file leaves partei-langname empty).
const LONG_NAMES: Readonly<Record<string, string>> = {
  CDU: 'Christlich Demokratische Union Deutschlands',
  SPD: 'Sozialdemokratische Partei Deutschlands',
  GRÜNE: 'BÜNDNIS 90/DIE GRÜNEN',
  FDP: 'Freie Demokratische Partei',
  AfD: 'Alternative für Deutschland',
  'Die Linke': 'Die Linke',
  dieBasis: 'Basisdemokratische Partei Deutschland',
  'FREIE WÄHLER': 'FREIE WÄHLER',
  Tierschutzpartei: 'PARTEI MENSCH UMWELT TIERSCHUTZ',
  'Die PARTEI': 'Partei für Arbeit, Rechtsstaat, Tierschutz, Elitenförderung und basisdemokratische Initiative',
  Volt: 'Volt Deutschland',
  ÖDP: 'Ökologisch-Demokratische Partei',
  'Bündnis C': 'Bündnis C – Christen für Deutschland',
  MLPD: 'Marxistisch-Leninistische Partei Deutschlands',
  'BÜNDNIS DEUTSCHLAND': 'BÜNDNIS DEUTSCHLAND',
  BSW: 'Bündnis Sahra Wagenknecht – Vernunft und Gerechtigkeit',
};

type Row = Readonly<Record<string, string>>;

/** `;`-separated OWD file → rows keyed by header. The OWD exports use no quoting. */
export function parseOwd(text: string): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(';');
  return lines.slice(1).map((line) => {
    if (line.includes('"')) throw new Error(`quoted OWD fields are not supported: ${line}`);
    const fields = line.split(';');
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

/** Stable list id from a party's short name: `GRÜNE` → `gruene`, `Die PARTEI` → `die-partei`. */
export const listIdOf = keyOf;

/** `23.02.2025` → `2025-02-23`. */
function isoFromGerman(date: string): string {
  const match = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(date);
  if (!match) throw new Error(`not a German date: ${date}`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

function field(row: Row, name: string): string {
  const value = row[name];
  if (value === undefined) throw new Error(`column ${name} missing`);
  return value.trim();
}

/** `001-21 Hans-Thoma-Schule` → `Hans-Thoma-Schule`: the district name carries its polling station. */
function stationNameOf(districtName: string): string {
  return districtName.replace(/^\d+-\d+\s+/, '').trim();
}

function candidateOf(row: Row): Candidate {
  let familyName = field(row, 'kandidat-name');
  let title = field(row, 'kandidat-akadgrad');
  // The file writes academic degrees into the name ("Dr. Mayer").
  const degree = /^((?:(?:Prof|Dr)\.\s*)+)(.+)$/.exec(familyName);
  if (degree) {
    title = [title, (degree[1] as string).trim()].filter(Boolean).join(' ');
    familyName = (degree[2] as string).trim();
  }
  const prefix = field(row, 'kandidat-namensvorsatz');
  const birthYear = Number(field(row, 'kandidat-geburtsjahr'));
  const occupation = field(row, 'kandidat-beruf');
  return {
    position: 1,
    familyName: prefix ? `${prefix} ${familyName}` : familyName,
    givenNames: field(row, 'kandidat-vorname') || PLACEHOLDER.givenNames,
    ...(title ? { title } : {}),
    ...(occupation ? { occupation } : {}),
    ...(Number.isInteger(birthYear) && birthYear > 0 ? { birthYear } : {}),
  };
}

export function buildKarlsruheExample(files: OwdFiles): ElectionDefinition {
  const parameters = parseOwd(files.parameters)[0];
  if (!parameters) throw new Error('Wahlparameter file is empty');
  const city = field(parameters, 'wahl-behoerde-name').replace(/^Stadt\s+/, '');
  const areas = parseOwd(files.areas);

  const stations = new Map<string, PollingStation>();
  const districts: District[] = [];
  // Karlsruhe fills one level of areas, its Stadtteile (gebiet-ebene-2), keyed by their number as the office import does.
  const quarters = new Map<string, Area>();
  for (const row of areas) {
    const number = field(row, 'bezirk-nr');
    const name = field(row, 'bezirk-name');
    const kind = field(row, 'bezirk-art');
    const quarterKey = field(row, 'gebiet-ebene-2-nr');
    if (quarterKey && !quarters.has(quarterKey))
      quarters.set(quarterKey, { key: quarterKey, name: field(row, 'gebiet-ebene-2-name') || quarterKey, kind: 'stadtteil' });
    const area = quarterKey ? { area: quarterKey } : {};
    if (kind === 'W') {
      const stationName = stationNameOf(name);
      const id = listIdOf(stationName);
      if (!stations.has(id)) {
        stations.set(id, {
          id,
          name: stationName,
          address: { street: PLACEHOLDER.stationStreet, houseNumber: PLACEHOLDER.stationHouseNumber, postalCode: PLACEHOLDER.stationPostalCode, city },
          // The statutory voting hours (BWahlG § 47: 8 to 18 o'clock).
          openingHours: '08:00–18:00',
          barrierFree: false,
          barrierFreeNote: PLACEHOLDER.barrierFreeNote,
        });
      }
      const postal = field(row, 'BRIEFWAHLBEZIRK-NR');
      districts.push({ number, name, kind: 'polling', ...area, pollingStationId: id, ...(postal ? { postalDistrict: postal } : {}) });
    } else if (kind === 'B') {
      // The postal districts are named "030-01 Briefwahl"; the quarter tells them apart.
      const quarter = field(row, 'gebiet-ebene-2-name');
      districts.push({ number, name: quarter ? `${name} (${quarter})` : name, kind: 'postal', ...area });
    } else {
      throw new Error(`unknown bezirk-art "${kind}" for ${number}`);
    }
  }

  const ballot = parseOwd(files.ballot);
  const lists: ContestList[] = ballot.map((row) => {
    const shortName = field(row, 'partei-kurzname');
    return {
      id: listIdOf(shortName),
      ballotPosition: Number(field(row, 'stimmzettel-position')),
      shortName,
      name: field(row, 'partei-langname') || LONG_NAMES[shortName] || shortName,
      color: field(row, 'partei-rgb-wert').toLowerCase(),
      candidates: [],
    };
  });
  const listByShortName = new Map(lists.map((l) => [l.shortName, l]));

  // Erststimme: the parties with a constituency candidate, at their row of the combined ballot.
  const direct: ContestList[] = parseOwd(files.candidates).map((row) => {
    const list = listByShortName.get(field(row, 'partei-kurzname'));
    if (!list) throw new Error(`candidate of unknown party ${field(row, 'partei-kurzname')}`);
    return { ...list, candidates: [candidateOf(row)] };
  });
  direct.sort((a, b) => a.ballotPosition - b.ballotPosition);

  const constituencyRow = areas.find((row) => field(row, 'kandidat-gebiet-nr') !== '');
  const constituency = constituencyRow && {
    number: field(constituencyRow, 'kandidat-gebiet-nr'),
    name: field(constituencyRow, 'kandidat-gebiet-bezeichnung').replace(/^\d+\s+/, ''),
  };

  return {
    schemaVersion: 1,
    kind: 'bundestag',
    name: `${field(parameters, 'wahl-name')} – ${field(parameters, 'wahl-behoerde-name')}`,
    electionDay: isoFromGerman(field(parameters, 'wahl-datum')),
    municipality: { ags: field(parameters, 'wahl-behoerde-gs'), name: field(parameters, 'wahl-behoerde-name') },
    ...(constituency ? { constituency } : {}),
    areas: [...quarters.values()],
    pollingStations: [...stations.values()],
    districts,
    contests: [
      { id: 'erststimme', name: 'Erststimme', ballotType: 'candidate', votesPerBallot: 1, maxVotesPerCandidate: 1, lists: direct },
      { id: 'zweitstimme', name: 'Zweitstimme', ballotType: 'list', votesPerBallot: 1, maxVotesPerCandidate: 1, lists },
    ],
    // The published data has no street directory.
    streets: [],
  };
}
