import type { Candidate, ContestList } from '../election-definition.types';
import { byLine, keyOf, problem, readImportTable, type ImportProblem, type ImportRow } from './import-table';

// The votemanager/OpenWahlDaten "Kandidaten" file (OWD V0-3): one line per candidate with the party's
// short name; lists appear in the order of the file. Council files write the whole name into
// kandidat-name ("Dr. Clemens Cremer"), Bundestag files only the family name ("Bunk"); a leading
// academic degree becomes the title. The file has no colours: lists get a neutral one until the office sets theirs.

export const NEUTRAL_LIST_COLOR = '#6b7280';
/** Given names where the file has none. */
export const GIVEN_NAMES_PLACEHOLDER = 'k. A.';

export type CandidatesImport = { readonly lists: readonly ContestList[]; readonly problems: readonly ImportProblem[] };

const DEGREE = /^((?:(?:Prof|Dr)\.(?:\s*[a-z]+\.)*\s*)+)(.+)$/;

function namesOf(row: ImportRow): Pick<Candidate, 'familyName' | 'givenNames' | 'title'> {
  let name = row.get('kandidat-name');
  let title = row.get('kandidat-akadgrad');
  const degree = DEGREE.exec(name);
  if (degree) {
    title = [title, degree[1]!.trim()].filter(Boolean).join(' ');
    name = degree[2]!.trim();
  }
  let givenNames = row.get('kandidat-vorname');
  let familyName = name;
  if (!givenNames && name.includes(' ')) {
    // "Jorinda Fahringer": the last word is the family name, with the particles before it ("Thomas von der Heyde").
    const words = name.split(/\s+/);
    let cut = words.length - 1;
    while (cut > 1 && /^\p{Ll}/u.test(words[cut - 1]!)) cut -= 1;
    givenNames = words.slice(0, cut).join(' ');
    familyName = words.slice(cut).join(' ');
  }
  const prefix = row.get('kandidat-namensvorsatz');
  return {
    familyName: prefix ? `${prefix} ${familyName}` : familyName,
    givenNames: givenNames || GIVEN_NAMES_PLACEHOLDER,
    ...(title ? { title } : {}),
  };
}

function wholeNumber(row: ImportRow, column: string, min: number, max: number, problems: ImportProblem[]): number | undefined {
  const text = row.get(column);
  if (!text) return undefined;
  const value = Number(text);
  if (/^\d+$/.test(text) && value >= min && value <= max) return value;
  problems.push(problem(row.line, column, `„${text}“ ist keine ganze Zahl von ${min} bis ${max}.`));
  return undefined;
}

export function parseOwdCandidates(text: string): CandidatesImport {
  const table = readImportTable(text, ['partei-kurzname', 'kandidat-name']);
  const problems = [...table.problems];
  const lists = new Map<string, { list: Omit<ContestList, 'candidates'>; candidates: Candidate[]; positions: Map<number, number> }>();
  let placeholders = 0;
  for (const row of table.rows) {
    const shortName = row.get('partei-kurzname');
    if (!shortName) {
      problems.push(problem(row.line, 'partei-kurzname', 'Der Kurzname des Wahlvorschlags fehlt.'));
      continue;
    }
    if (!row.get('kandidat-name')) {
      problems.push(problem(row.line, 'kandidat-name', 'Der Name der Bewerberin oder des Bewerbers fehlt.'));
      continue;
    }
    let entry = lists.get(shortName);
    if (!entry) {
      const list = {
        id: keyOf(shortName) || shortName,
        ballotPosition: lists.size + 1,
        shortName,
        name: row.get('partei-langname') || shortName,
        color: NEUTRAL_LIST_COLOR,
      };
      entry = { list, candidates: [], positions: new Map() };
      lists.set(shortName, entry);
    }
    const position = wholeNumber(row, 'kandidat-listenplatz', 1, 999, problems) ?? entry.candidates.length + 1;
    const first = entry.positions.get(position);
    if (first !== undefined) {
      problems.push(problem(row.line, 'kandidat-listenplatz', `Listenplatz ${position} von „${shortName}“ steht schon in Zeile ${first}.`));
      continue;
    }
    entry.positions.set(position, row.line);
    const names = namesOf(row);
    if (names.givenNames === GIVEN_NAMES_PLACEHOLDER) placeholders += 1;
    const birthYear = wholeNumber(row, 'kandidat-geburtsjahr', 1880, 2100, problems);
    const occupation = row.get('kandidat-beruf');
    entry.candidates.push({ position, ...names, ...(occupation ? { occupation } : {}), ...(birthYear ? { birthYear } : {}) });
  }
  if (lists.size > 0) {
    problems.push(
      problem(0, null, 'Die Datei enthält keine Farben: die Wahlvorschläge erhalten ein neutrales Grau, bitte festlegen.', 'warning'),
    );
  }
  if (placeholders > 0) {
    problems.push(
      problem(
        0,
        'kandidat-vorname',
        `${placeholders} Bewerber ohne Vornamen in der Datei: „${GIVEN_NAMES_PLACEHOLDER}“ eingetragen.`,
        'warning',
      ),
    );
  }
  return { lists: [...lists.values()].map(({ list, candidates }) => ({ ...list, candidates })), problems: byLine(problems) };
}
