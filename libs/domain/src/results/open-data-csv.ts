import { err, ok, type Result } from '../result';
import type { IsoDate } from '../election/election-definition.types';
import { contestLetters, listLetter } from './quick-report.types';

// The votemanager open-data CSV layout that many German municipalities publish per area level
// (e.g. Göttingen, BTW 2025): `;`-separated, UTF-8 without BOM, LF line ends, no quoting, plain
// integers without thousands separators, an empty cell where a value does not apply (A of a
// Briefwahlbezirk, R2.5/P9; a ballot row a contest has no list on). Columns:
//   datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;
//   then invalid/valid per contest (C;D, E;F … – DOMAIN.md 4.1), then per ballot row n the valid
//   letter of each contest (D1;F1;D2;F2 …; one contest: D1;D2 …).
// The layout carries no list names: the ballot row is the list's ballot position.

export const OPEN_DATA_AREA_COLUMNS = [
  'datum',
  'wahl',
  'ags',
  'gebiet-nr',
  'gebiet-name',
  'max-schnellmeldungen',
  'anz-schnellmeldungen',
] as const;
export const OPEN_DATA_COUNT_COLUMNS = ['A1', 'A2', 'A3', 'A', 'B', 'B1'] as const;
export type OpenDataCountColumn = (typeof OPEN_DATA_COUNT_COLUMNS)[number];

export type OpenDataMeta = {
  readonly electionDay: IsoDate;
  /** The `wahl` column, e.g. `Bundestagswahl`. */
  readonly electionName: string;
  /** Amtlicher Gemeindeschlüssel. */
  readonly ags: string;
};

export type OpenDataContestCells = {
  readonly invalid: number | null;
  readonly valid: number | null;
  /** Votes by ballot row (ballot position, 1-based); a row missing here is an empty cell. */
  readonly votesByBallotRow: ReadonlyMap<number, number>;
};

export type OpenDataRow = {
  readonly areaNumber: string;
  readonly areaName: string;
  /** P12: quick reports expected / received in the area. */
  readonly expected: number;
  readonly reported: number;
  /** `null` = empty cell: not applicable, not reported, or withheld (R8.5). */
  readonly counts: Readonly<Record<OpenDataCountColumn, number | null>>;
  /** In contest order; fewer entries than contests (e.g. none) leave the cells empty. */
  readonly contests: readonly OpenDataContestCells[];
};

/** Every column of a file for `contestCount` contests and ballot rows 1 … `ballotRows`. */
export const openDataColumns = (contestCount: number, ballotRows: number): string[] => {
  const columns: string[] = [...OPEN_DATA_AREA_COLUMNS, ...OPEN_DATA_COUNT_COLUMNS];
  for (let contest = 0; contest < contestCount; contest += 1) {
    const letters = contestLetters(contest);
    columns.push(letters.invalid, letters.valid);
  }
  for (let row = 0; row < ballotRows; row += 1) {
    for (let contest = 0; contest < contestCount; contest += 1) columns.push(listLetter(contest, row));
  }
  return columns;
};

/** `2025-02-23` → `23.02.2025`. */
export const germanDate = (date: IsoDate): string => {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
};

const cell = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

// The layout has no quoting: a `;` or line break inside a name would shift every later column.
export const csvText = (value: string): string => value.replace(/\s*[;\r\n]+\s*/g, ' ');

export const formatOpenDataCsv = (
  meta: OpenDataMeta,
  layout: { readonly contestCount: number; readonly ballotRows: number },
  rows: readonly OpenDataRow[],
): string => {
  const lines = [openDataColumns(layout.contestCount, layout.ballotRows).join(';')];
  const date = germanDate(meta.electionDay);
  for (const row of rows) {
    const cells: string[] = [
      date,
      csvText(meta.electionName),
      meta.ags,
      csvText(row.areaNumber),
      csvText(row.areaName),
      String(row.expected),
      String(row.reported),
    ];
    for (const column of OPEN_DATA_COUNT_COLUMNS) cells.push(cell(row.counts[column]));
    for (let contest = 0; contest < layout.contestCount; contest += 1) {
      const counts = row.contests[contest];
      cells.push(cell(counts?.invalid), cell(counts?.valid));
    }
    for (let ballotRow = 1; ballotRow <= layout.ballotRows; ballotRow += 1) {
      for (let contest = 0; contest < layout.contestCount; contest += 1)
        cells.push(cell(row.contests[contest]?.votesByBallotRow.get(ballotRow)));
    }
    lines.push(cells.join(';'));
  }
  return lines.join('\n') + '\n';
};

/** One person of a council list in `gewaehlte.csv`: elected, or a substitute (Ersatzperson) in the order of votes (R5.8). */
export type ElectedCandidateRow = {
  readonly listBallotPosition: number;
  readonly listShortName: string;
  /** Place on the list (the ballot paper). */
  readonly position: number;
  readonly name: string;
  readonly votes: number;
  readonly elected: boolean;
};

export const ELECTED_COLUMNS = ['datum', 'wahl', 'ags', 'stand', 'liste-nr', 'liste', 'platz', 'name', 'stimmen', 'ergebnis'] as const;

/**
 * The council's elected members and substitutes, one row per person, in the CSV conventions of the
 * result files (UTF-8, `;`, no quoting, LF): `stand` is `vorläufig` or `endgültig`, `ergebnis`
 * `gewählt` or `Ersatzperson`; lists in ballot order, within a list elected first, each by votes (R5.8).
 */
export const formatElectedCsv = (meta: OpenDataMeta & { readonly final: boolean }, rows: readonly ElectedCandidateRow[]): string => {
  const date = germanDate(meta.electionDay);
  const lines = rows.map((row) =>
    [
      date,
      csvText(meta.electionName),
      meta.ags,
      meta.final ? 'endgültig' : 'vorläufig',
      String(row.listBallotPosition),
      csvText(row.listShortName),
      String(row.position),
      csvText(row.name),
      String(row.votes),
      row.elected ? 'gewählt' : 'Ersatzperson',
    ].join(';'),
  );
  return [ELECTED_COLUMNS.join(';'), ...lines].join('\n') + '\n';
};

export type ParsedOpenDataRow = {
  /** 1-based line in the file. */
  readonly line: number;
  readonly electionDay: string;
  readonly electionName: string;
  readonly ags: string;
  readonly areaNumber: string;
  readonly areaName: string;
  readonly expected: number | null;
  readonly reported: number | null;
  /** Every count column by its name (A1 … B1, C, D, D1 …); `null` for an empty cell. */
  readonly values: Readonly<Record<string, number | null>>;
};

export type ParsedOpenData = {
  readonly columns: readonly string[];
  /** Contests found in the header: 1 for C/D only, 2 for C/D/E/F, … */
  readonly contestCount: number;
  /** The highest ballot row with a column (D1 … Dn). */
  readonly ballotRows: number;
  readonly rows: readonly ParsedOpenDataRow[];
};

export type OpenDataError = { readonly line: number; readonly column?: string; readonly message: string };

const COUNT = /^\d+$/;
const MAX_ERRORS = 50;

/**
 * Reads a votemanager open-data file (also older exports: a longer `wahl` text, zeros instead of
 * empty cells, fewer ballot rows). Counts must be whole numbers ≥ 0 or empty; all problems come
 * back at once (up to 50), each with its line and column.
 */
export const parseOpenDataCsv = (input: string): Result<ParsedOpenData, OpenDataError[]> => {
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const header = (lines[0] ?? '').split(';').map((column) => column.trim());
  const missing = [...OPEN_DATA_AREA_COLUMNS, ...OPEN_DATA_COUNT_COLUMNS].filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return err([{ line: 1, message: `Die Kopfzeile ist nicht im Open-Data-Format: es fehlen die Spalten ${missing.join(', ')}.` }]);
  }
  let contestCount = 0;
  while (header.includes(contestLetters(contestCount).invalid) && header.includes(contestLetters(contestCount).valid)) contestCount += 1;
  if (contestCount === 0) return err([{ line: 1, message: 'Die Kopfzeile enthält keine Stimmen-Spalten (C und D).' }]);
  let ballotRows = 0;
  while (header.includes(listLetter(0, ballotRows))) ballotRows += 1;

  const errors: OpenDataError[] = [];
  const rows: ParsedOpenDataRow[] = [];
  const index = new Map(header.map((column, position) => [column, position]));
  const countColumns = header.filter((column) => !(OPEN_DATA_AREA_COLUMNS as readonly string[]).includes(column) && column !== '');
  for (let number = 2; number <= lines.length && errors.length < MAX_ERRORS; number += 1) {
    const line = lines[number - 1]!;
    if (line.trim() === '') continue;
    const cells = line.split(';');
    const at = (column: string): string => (cells[index.get(column) ?? -1] ?? '').trim();
    const count = (column: string): number | null => {
      const raw = at(column);
      if (raw === '') return null;
      if (!COUNT.test(raw)) {
        errors.push({ line: number, column, message: `Zeile ${number}, Spalte ${column}: „${raw}“ ist keine ganze Zahl ≥ 0.` });
        return null;
      }
      return Number(raw);
    };
    if (at('gebiet-nr') === '') {
      errors.push({ line: number, column: 'gebiet-nr', message: `Zeile ${number}: die Gebietsnummer fehlt.` });
      continue;
    }
    const values: Record<string, number | null> = {};
    for (const column of countColumns) values[column] = count(column);
    rows.push({
      line: number,
      electionDay: at('datum'),
      electionName: at('wahl'),
      ags: at('ags'),
      areaNumber: at('gebiet-nr'),
      areaName: at('gebiet-name'),
      expected: count('max-schnellmeldungen'),
      reported: count('anz-schnellmeldungen'),
      values,
    });
  }
  if (errors.length > 0) return err(errors);
  if (rows.length === 0) return err([{ line: 2, message: 'Die Datei enthält keine Gebietszeilen.' }]);
  return ok({ columns: header, contestCount, ballotRows, rows });
};
