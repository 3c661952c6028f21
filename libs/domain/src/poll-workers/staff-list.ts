import { isIsoDate } from '../election/iso-date';
import { splitCsvLine } from '../roll/csv-line';

// A staff list (issue #14; BWahlG § 9(5): public bodies name employees living in the municipality) as
// CSV: `;`-separated, one header line, UTF-8. Columns by their German header (order free, case and
// spaces ignored): Familienname, Vornamen, Geburtsdatum (TT.MM.JJJJ or JJJJ-MM-TT), Straße, PLZ, Ort;
// optional E-Mail, Telefon, Wahlvorsteher (ja/nein: experience as chair). Every problem names the
// line and the column; a list with errors stores nothing.

export type StaffListPerson = {
  readonly line: number;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly chairExperience: boolean;
};

export type StaffListProblem = { readonly line: number; readonly field: string | null; readonly message: string };
export type StaffList = { readonly people: readonly StaffListPerson[]; readonly problems: readonly StaffListProblem[] };

/** Most rows a list may have (a city's whole staff); beyond that the file is refused. */
export const MAX_STAFF_LIST_ROWS = 20_000;

const COLUMNS = {
  familyName: 'Familienname',
  givenNames: 'Vornamen',
  birthDate: 'Geburtsdatum',
  street: 'Straße',
  postalCode: 'PLZ',
  city: 'Ort',
  email: 'E-Mail',
  phone: 'Telefon',
  chairExperience: 'Wahlvorsteher',
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['familyName', 'givenNames', 'birthDate', 'street', 'postalCode', 'city'];

const headerKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, '').replace('strasse', 'straße');
const COLUMN_BY_HEADER = new Map(Object.entries(COLUMNS).map(([column, header]) => [headerKey(header), column as Column]));

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[+0-9 ()/-]{5,30}$/;
const MAX_FIELD = 200;

/** `TT.MM.JJJJ` or `JJJJ-MM-TT` to an ISO date; null if neither or not a real day. */
export function parseBirthDate(text: string): string | null {
  const german = GERMAN_DATE.exec(text);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : text;
  return isIsoDate(iso) ? iso : null;
}

const YES = new Set(['ja', 'j', 'x', '1', 'yes']);
const NO = new Set(['', 'nein', 'n', '0', 'no']);

export function parseStaffList(csv: string): StaffList {
  const lines = csv.replace(/^\uFEFF/, '').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const problems: StaffListProblem[] = [];
  if (lines.length < 2)
    return { people: [], problems: [{ line: 1, field: null, message: 'Die Liste enthält keine Zeile unter der Kopfzeile.' }] };
  if (lines.length - 1 > MAX_STAFF_LIST_ROWS) {
    return { people: [], problems: [{ line: 0, field: null, message: `Die Liste hat mehr als ${MAX_STAFF_LIST_ROWS} Zeilen.` }] };
  }
  const header = splitCsvLine(lines[0]!, 30);
  if (!header.ok) return { people: [], problems: [{ line: 1, field: null, message: header.error.reason }] };
  const index = new Map<Column, number>();
  header.value.forEach((text, position) => {
    const column = COLUMN_BY_HEADER.get(headerKey(text));
    if (column) index.set(column, position);
  });
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) {
    return {
      people: [],
      problems: missing.map((column) => ({
        line: 1,
        field: COLUMNS[column],
        message: `Die Spalte „${COLUMNS[column]}“ fehlt in der Kopfzeile.`,
      })),
    };
  }
  const people: StaffListPerson[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const row = parseRow(lines[i]!, i + 1, index, header.value.length, problems);
    if (row) people.push(row);
  }
  return { people, problems };
}

function parseRow(
  text: string,
  line: number,
  index: ReadonlyMap<Column, number>,
  width: number,
  problems: StaffListProblem[],
): StaffListPerson | null {
  const split = splitCsvLine(text, width + 1);
  if (!split.ok) {
    problems.push({ line, field: null, message: split.error.reason });
    return null;
  }
  const before = problems.length;
  const problem = (column: Column, message: string): void => void problems.push({ line, field: COLUMNS[column], message });
  const value = (column: Column): string => {
    const position = index.get(column);
    const field = position === undefined ? '' : (split.value[position] ?? '').trim();
    if (field.length > MAX_FIELD) problem(column, `Höchstens ${MAX_FIELD} Zeichen.`);
    if (REQUIRED.includes(column) && field === '') problem(column, `„${COLUMNS[column]}“ ist leer.`);
    return field;
  };
  const familyName = value('familyName');
  const givenNames = value('givenNames');
  const birthText = value('birthDate');
  const birthDate = parseBirthDate(birthText);
  if (birthText !== '' && birthDate === null) problem('birthDate', `„${birthText}“ ist kein Datum wie 17.05.1980.`);
  const street = value('street');
  const postalCode = value('postalCode');
  if (postalCode !== '' && !/^\d{5}$/.test(postalCode)) problem('postalCode', `„${postalCode}“ ist keine fünfstellige Postleitzahl.`);
  const city = value('city');
  const email = value('email');
  if (email !== '' && !EMAIL.test(email)) problem('email', `„${email}“ ist keine gültige E-Mail-Adresse.`);
  const phone = value('phone');
  if (phone !== '' && !PHONE.test(phone)) problem('phone', `„${phone}“ ist keine gültige Telefonnummer.`);
  const chair = value('chairExperience').toLowerCase();
  if (!YES.has(chair) && !NO.has(chair)) problem('chairExperience', `„${chair}“: bitte „ja“ oder „nein“.`);
  if (problems.length > before) return null;
  return {
    line,
    familyName,
    givenNames,
    birthDate: birthDate!,
    street,
    postalCode,
    city,
    email: email || null,
    phone: phone || null,
    chairExperience: YES.has(chair),
  };
}
