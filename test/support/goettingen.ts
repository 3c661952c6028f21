import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Göttingen's Bundestagswahl 2025 and 2021 in the votemanager open-data layout, kept beside the
// repository (../shared/data/goettingen-btw2025, see its SOURCE.md), and an election document
// with the 2025 file's districts for tests: every row of the file is a district (Briefwahlbezirke
// are the rows named "… BW-…", with empty A cells). The file has no list names; the 2025 ballot order
// of Niedersachsen is taken from SOURCE.md. Erststimme lists exist on the ballot rows where the file
// has Erststimmen (1–6, 10, 12, 14). Candidates and polling stations are placeholders ("k. A.").

export const GOETTINGEN_DIR = resolve('../shared/data/goettingen-btw2025');
export const GOETTINGEN_2025 = 'Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv';
export const GOETTINGEN_2021 = 'Open-Data-Bundestagswahl2496.csv';

export const readGoettingen = (file: string): string => readFileSync(join(GOETTINGEN_DIR, file), 'utf8');

export type CsvRow = Record<string, string>;

export function goettingenRows(file: string): { header: string[]; lines: string[]; rows: CsvRow[] } {
  const [head, ...lines] = readGoettingen(file).replace(/\n$/, '').split('\n');
  const header = head!.split(';');
  return { header, lines, rows: lines.map((line) => Object.fromEntries(line.split(';').map((cell, index) => [header[index]!, cell]))) };
}

/** SOURCE.md: ballot row n of the 2025 file (Niedersachsen). */
export const BALLOT_2025 = [
  'SPD',
  'CDU',
  'GRÜNE',
  'FDP',
  'AfD',
  'Die Linke',
  'Tierschutzpartei',
  'dieBasis',
  'Die PARTEI',
  'FREIE WÄHLER',
  'PIRATEN',
  'Volt',
  'PdH',
  'MLPD',
  'BÜNDNIS DEUTSCHLAND',
  'BSW',
] as const;
const ERSTSTIMME_ROWS = [1, 2, 3, 4, 5, 6, 10, 12, 14];

const key = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const listKey2025 = (row: number): string => key(BALLOT_2025[row - 1]!);

export const isPostalRow = (row: CsvRow): boolean => / BW-/.test(row['gebiet-name']!);

export function goettingenElection2025() {
  const { rows } = goettingenRows(GOETTINGEN_2025);
  const list = (row: number, candidate: boolean) => ({
    id: listKey2025(row),
    ballotPosition: row,
    shortName: BALLOT_2025[row - 1]!,
    name: BALLOT_2025[row - 1]!,
    color: `#${(0x203040 + row * 0x0a0b0c).toString(16).slice(-6)}`,
    candidates: candidate ? [{ position: 1, familyName: 'k. A.', givenNames: 'k. A.' }] : [],
  });
  return {
    schemaVersion: 1,
    kind: 'bundestag',
    name: 'Bundestagswahl 2025 – Stadt Göttingen',
    electionDay: '2025-02-23',
    municipality: { ags: '03159016', name: 'Stadt Göttingen' },
    pollingStations: [
      {
        id: 'wahlraum',
        name: 'Wahlraum (k. A.)',
        address: { street: 'Hiroshimaplatz', houseNumber: '1', postalCode: '37083', city: 'Göttingen' },
        openingHours: '08:00–18:00',
        barrierFree: true,
      },
    ],
    districts: rows.map((row) =>
      isPostalRow(row)
        ? { number: row['gebiet-nr']!, name: row['gebiet-name']!, kind: 'postal' }
        : { number: row['gebiet-nr']!, name: row['gebiet-name']!, kind: 'polling', pollingStationId: 'wahlraum' },
    ),
    contests: [
      {
        id: 'erststimme',
        name: 'Erststimme',
        ballotType: 'candidate',
        votesPerBallot: 1,
        maxVotesPerCandidate: 1,
        lists: ERSTSTIMME_ROWS.map((row) => list(row, true)),
      },
      {
        id: 'zweitstimme',
        name: 'Zweitstimme',
        ballotType: 'list',
        votesPerBallot: 1,
        maxVotesPerCandidate: 1,
        lists: BALLOT_2025.map((_, index) => list(index + 1, false)),
      },
    ],
    streets: [],
  };
}

/** The quick report of one row of the 2025 file, as the board would enter it. */
export function goettingenReport(row: CsvRow) {
  const postal = isPostalRow(row);
  const count = (column: string) => Number(row[column]);
  const eligible = (column: string) => (postal ? null : count(column));
  return {
    A1: eligible('A1'),
    A2: eligible('A2'),
    A3: eligible('A3'),
    A: eligible('A'),
    B: count('B'),
    B1: count('B1'),
    contests: [
      {
        contestId: 'erststimme',
        invalid: count('C'),
        valid: count('D'),
        votes: Object.fromEntries(ERSTSTIMME_ROWS.map((n) => [listKey2025(n), count(`D${n}`)])),
      },
      {
        contestId: 'zweitstimme',
        invalid: count('E'),
        valid: count('F'),
        votes: Object.fromEntries(BALLOT_2025.map((_, index) => [listKey2025(index + 1), count(`F${index + 1}`)])),
      },
    ],
  };
}
