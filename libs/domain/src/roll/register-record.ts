import type { IsoDate } from '../election/election-definition.types';
import { err, ok, type Result } from '../result';
import { isRealDate } from './calendar-month';
import { isNationalityCode } from './country-codes';
import { splitCsvLine } from './csv-line';
import { REGISTER_COLUMNS, type RegisterColumn } from './register-columns';
import { scanRegisterLine } from './register-line-scan';

// The resident-register extract (Melderegister) from which the roll is built (R1.7, R1.11):
// one `;`-separated line per resident, a header line naming the columns. Further columns are ignored.

export { REGISTER_COLUMNS, type RegisterColumn } from './register-columns';

/** Columns an export may leave out altogether; their values are then empty. All others are required. */
export const OPTIONAL_REGISTER_COLUMNS: ReadonlySet<RegisterColumn> = new Set(['geburtsname', 'geschlecht', 'hausnummerzusatz']);

/**
 * The streaming reader rejects a longer line as soon as it has read this many characters, without
 * buffering the rest: a 10 MB "line" is an error, not a record. Generous for 18 capped fields plus
 * a few extra columns.
 */
export const MAX_REGISTER_LINE_LENGTH = 8192;

/**
 * Characters per field after trimming, checked before any other rule. Coded fields get room for a
 * wrong value, so that the report names the rule it breaks rather than its length.
 */
export const MAX_REGISTER_FIELD_LENGTH: Readonly<Record<RegisterColumn, number>> = {
  person_id: 64,
  familienname: 200,
  vornamen: 200,
  geburtsname: 200,
  geburtsdatum: 32,
  geschlecht: 16,
  staatsangehoerigkeiten: 64,
  strassenschluessel: 32,
  strasse: 200,
  hausnummer: 16,
  hausnummerzusatz: 16,
  plz: 16,
  ort: 120,
  wohnungsstatus: 16,
  zuzugsdatum: 32,
  zuzug_aus_ausland: 16,
  auskunftssperre: 16,
  wahlrechtsausschluss: 16,
};

export type Gender = 'm' | 'w' | 'd' | 'x';

export type RegisterRecord = {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthName: string | null;
  readonly birthDate: IsoDate;
  /** m, w, d or x ("keine Angabe", PStG § 22(3)); null when the export leaves it empty. */
  readonly gender: Gender | null;
  /** ISO 3166-1 alpha-2, in the export's order, without duplicates; empty: stateless or unknown. */
  readonly nationalities: readonly string[];
  readonly streetKey: string;
  readonly street: string;
  /** Empty for an address without house number. */
  readonly houseNumber: string;
  readonly houseNumberSuffix: string | null;
  readonly postalCode: string;
  readonly city: string;
  /** `H`: main or only dwelling (Haupt- oder alleinige Wohnung); `N`: secondary dwelling. */
  readonly dwellingStatus: 'H' | 'N';
  /** Move into the municipality; null when living here since birth or before the records. */
  readonly moveInDate: IsoDate | null;
  /** Day the person came to Germany from abroad (zuzug_aus_ausland); null when not applicable. */
  readonly arrivedFromAbroad: IsoDate | null;
  /** Auskunftssperre under BMG § 51: never shown to third parties (R8.1). */
  readonly informationBlock: boolean;
  /** Deprived of the right to vote by a court decision (R1.4). */
  readonly excludedFromVoting: boolean;
};

/** One problem of the import, for the office's report (it may contain the person's data: never log it). */
export type RecordError = {
  readonly line: number;
  /** The header name; null for a problem of the whole line. */
  readonly column: string | null;
  /** The offending value, shortened to 80 characters. */
  readonly value: string;
  readonly reason: string;
};

export type RegisterColumnMap = {
  /** Number of fields every data line must have (the header's). */
  readonly fieldCount: number;
  /** Field index per column; -1 for an absent optional column. */
  readonly index: Readonly<Record<RegisterColumn, number>>;
};

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(REGISTER_COLUMNS);
const MAX_HEADER_FIELDS = 256;
const VALUE_PREVIEW = 80;
const EARLIEST_PLAUSIBLE_YEAR = 1850;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is rejected
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const GERMAN_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const preview = (value: string): string => (value.length > VALUE_PREVIEW ? `${value.slice(0, VALUE_PREVIEW)}…` : value);

export function lineTooLongError(line: number): RecordError {
  return {
    line,
    column: null,
    value: '',
    reason: `Die Zeile ist länger als ${MAX_REGISTER_LINE_LENGTH} Zeichen und wurde nicht gelesen.`,
  };
}

/** The header line → where each column is; every missing required column is an error naming it. */
export function parseRegisterHeader(headerLine: string): Result<RegisterColumnMap, RecordError[]> {
  if (headerLine.length > MAX_REGISTER_LINE_LENGTH) return err([lineTooLongError(1)]);
  // A UTF-8 byte-order mark survives decoding as U+FEFF at the start.
  const line = headerLine.charCodeAt(0) === 0xfeff ? headerLine.slice(1) : headerLine;
  const split = splitCsvLine(line, MAX_HEADER_FIELDS);
  if (!split.ok) return err([{ line: 1, column: null, value: '', reason: `Kopfzeile: ${split.error.reason}` }]);

  const errors: RecordError[] = [];
  const index = Object.fromEntries(REGISTER_COLUMNS.map((column) => [column, -1])) as Record<RegisterColumn, number>;
  split.value.forEach((raw, position) => {
    const name = raw.trim().toLowerCase();
    if (!KNOWN_COLUMNS.has(name)) return;
    const column = name as RegisterColumn;
    if (index[column] !== -1) {
      errors.push({ line: 1, column, value: raw, reason: `Die Spalte „${column}“ kommt in der Kopfzeile mehrfach vor.` });
      return;
    }
    index[column] = position;
  });
  for (const column of REGISTER_COLUMNS) {
    if (index[column] === -1 && !OPTIONAL_REGISTER_COLUMNS.has(column)) {
      errors.push({ line: 1, column, value: '', reason: `Die Pflichtspalte „${column}“ fehlt in der Kopfzeile.` });
    }
  }
  return errors.length > 0 ? err(errors) : ok({ fieldCount: split.value.length, index });
}

// Scratch array for the splitter: nothing keeps a reference to it past one call.
const scratchFields: string[] = [];

/**
 * Length cap, split, field count and field rules for one data line. A plain valid line takes the
 * single-pass scan; any other line the full parse below, which names every problem.
 */
export function parseRegisterLine(line: string, columns: RegisterColumnMap, lineNumber: number): Result<RegisterRecord, RecordError[]> {
  const scanned = scanRegisterLine(line, columns, MAX_REGISTER_FIELD_LENGTH, MAX_REGISTER_LINE_LENGTH);
  return scanned === null ? parseRegisterLineFully(line, columns, lineNumber) : ok(scanned);
}

/** parseRegisterLine without the fast path: the reference the scan is tested against. */
export function parseRegisterLineFully(
  line: string,
  columns: RegisterColumnMap,
  lineNumber: number,
): Result<RegisterRecord, RecordError[]> {
  if (line.length > MAX_REGISTER_LINE_LENGTH) return err([lineTooLongError(lineNumber)]);
  const split = splitCsvLine(line, columns.fieldCount, scratchFields);
  if (!split.ok) {
    return err([{ line: lineNumber, column: columnAt(columns, split.error.field - 1), value: '', reason: split.error.reason }]);
  }
  if (split.value.length < columns.fieldCount) {
    return err([
      {
        line: lineNumber,
        column: null,
        value: '',
        reason: `Die Zeile hat ${split.value.length} Felder, die Kopfzeile ${columns.fieldCount}.`,
      },
    ]);
  }
  return parseRegisterRecord(split.value, columns, lineNumber);
}

function columnAt(columns: RegisterColumnMap, position: number): string | null {
  return REGISTER_COLUMNS.find((column) => columns.index[column] === position) ?? null;
}

// One line being read; module-level helpers instead of closures keep the hot path allocation-light.
type LineContext = {
  readonly fields: readonly string[];
  readonly columns: RegisterColumnMap;
  readonly line: number;
  readonly errors: RecordError[];
};

function fail(context: LineContext, column: RegisterColumn, value: string, reason: string): null {
  context.errors.push({ line: context.line, column, value: preview(value), reason });
  return null;
}

/** Trimmed value, or null after reporting a cap, control character or missing required value. */
function readText(context: LineContext, column: RegisterColumn, required: boolean): string | null {
  const position = context.columns.index[column];
  const raw = position === -1 ? '' : (context.fields[position] ?? '');
  const max = MAX_REGISTER_FIELD_LENGTH[column];
  if (raw.length > max && raw.trim().length > max) return fail(context, column, raw, `Der Wert ist länger als ${max} Zeichen.`);
  const value = raw.trim();
  if (CONTROL_CHARACTER.test(value)) return fail(context, column, value, 'Der Wert enthält Steuerzeichen.');
  if (required && value === '') return fail(context, column, value, 'Pflichtfeld ist leer.');
  return value;
}

/** An ISO date, null for an allowed empty value, undefined after reporting a problem. */
function readDate(context: LineContext, column: RegisterColumn, required: boolean): IsoDate | null | undefined {
  const value = readText(context, column, required);
  if (value === null) return undefined;
  if (value === '') return null;
  const parsed = parseRegisterDate(value);
  if (typeof parsed === 'string') return parsed;
  fail(context, column, value, parsed.reason);
  return undefined;
}

function readFlag(context: LineContext, column: RegisterColumn): boolean | null {
  const value = readText(context, column, true);
  if (value === null) return null;
  if (value === '0' || value === '1') return value === '1';
  return fail(context, column, value, 'Erlaubt sind nur 0 (nein) und 1 (ja).');
}

/** The fields of one line (already split) → a record, or every problem found in it. */
export function parseRegisterRecord(
  fields: readonly string[],
  columns: RegisterColumnMap,
  lineNumber: number,
): Result<RegisterRecord, RecordError[]> {
  const context: LineContext = { fields, columns, line: lineNumber, errors: [] };
  const { errors } = context;
  const text = (column: RegisterColumn, required: boolean) => readText(context, column, required);

  const personId = text('person_id', true);
  const familyName = text('familienname', true);
  const givenNames = text('vornamen', true);
  const birthName = text('geburtsname', false);
  const birthDate = readDate(context, 'geburtsdatum', true);

  const genderValue = text('geschlecht', false);
  let gender: Gender | null = null;
  if (genderValue) {
    const lower = genderValue.toLowerCase();
    if (lower === 'm' || lower === 'w' || lower === 'd' || lower === 'x') gender = lower;
    else fail(context, 'geschlecht', genderValue, 'Erlaubt sind m, w, d, x oder ein leeres Feld.');
  }

  const nationalities = parseNationalities(text('staatsangehoerigkeiten', false), (value, reason) =>
    fail(context, 'staatsangehoerigkeiten', value, reason),
  );

  const streetKey = text('strassenschluessel', true);
  const street = text('strasse', true);
  const houseNumber = text('hausnummer', false);
  if (houseNumber && !/^\d/.test(houseNumber)) fail(context, 'hausnummer', houseNumber, 'Die Hausnummer muss mit einer Ziffer beginnen.');
  const houseNumberSuffix = text('hausnummerzusatz', false);
  const postalCode = text('plz', true);
  if (postalCode && !/^\d{5}$/.test(postalCode)) fail(context, 'plz', postalCode, 'Die Postleitzahl muss aus fünf Ziffern bestehen.');
  const city = text('ort', true);

  const dwellingValue = text('wohnungsstatus', true);
  let dwellingStatus: 'H' | 'N' | null = null;
  if (dwellingValue) {
    const upper = dwellingValue.toUpperCase();
    if (upper === 'H' || upper === 'N') dwellingStatus = upper;
    else fail(context, 'wohnungsstatus', dwellingValue, 'Erlaubt sind H (Hauptwohnung) und N (Nebenwohnung).');
  }

  const moveInDate = readDate(context, 'zuzugsdatum', false);
  const arrivedFromAbroad = readDate(context, 'zuzug_aus_ausland', false);
  const informationBlock = readFlag(context, 'auskunftssperre');
  const excludedFromVoting = readFlag(context, 'wahlrechtsausschluss');

  if (birthDate && moveInDate && moveInDate < birthDate) {
    fail(context, 'zuzugsdatum', fields[columns.index.zuzugsdatum] ?? '', 'Das Zuzugsdatum liegt vor dem Geburtsdatum.');
  }
  if (birthDate && arrivedFromAbroad && arrivedFromAbroad < birthDate) {
    fail(
      context,
      'zuzug_aus_ausland',
      fields[columns.index.zuzug_aus_ausland] ?? '',
      'Der Zuzug aus dem Ausland liegt vor dem Geburtsdatum.',
    );
  }

  if (
    errors.length > 0 ||
    personId === null ||
    familyName === null ||
    givenNames === null ||
    !birthDate ||
    nationalities === null ||
    streetKey === null ||
    street === null ||
    houseNumber === null ||
    postalCode === null ||
    city === null ||
    dwellingStatus === null ||
    moveInDate === undefined ||
    arrivedFromAbroad === undefined ||
    informationBlock === null ||
    excludedFromVoting === null
  ) {
    return err(errors);
  }
  return ok({
    personId,
    familyName,
    givenNames,
    birthName: birthName || null,
    birthDate,
    gender,
    nationalities,
    streetKey,
    street,
    houseNumber,
    houseNumberSuffix: houseNumberSuffix || null,
    postalCode,
    city,
    dwellingStatus,
    moveInDate,
    arrivedFromAbroad,
    informationBlock,
    excludedFromVoting,
  });
}

/** `TT.MM.JJJJ` or `JJJJ-MM-TT` → ISO date, or the German reason why not. */
export function parseRegisterDate(value: string): IsoDate | { readonly reason: string } {
  const german = GERMAN_DATE.exec(value);
  const iso = german ? null : ISO_DATE.exec(value);
  const [yearText, monthText, dayText] = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (yearText === undefined || monthText === undefined || dayText === undefined) {
    return { reason: `„${value}“ ist kein Datum im Format TT.MM.JJJJ oder JJJJ-MM-TT.` };
  }
  const year = Number(yearText);
  if (!isRealDate(year, Number(monthText), Number(dayText))) return { reason: `Das Datum ${value} gibt es nicht.` };
  if (year < EARLIEST_PLAUSIBLE_YEAR) return { reason: `Das Datum ${value} ist nicht plausibel (Jahr vor ${EARLIEST_PLAUSIBLE_YEAR}).` };
  return `${yearText}-${monthText}-${dayText}`;
}

/** `DE,TR` → ['DE', 'TR']; spaces around commas are tolerated, duplicates dropped. */
function parseNationalities(value: string | null, fail: (value: string, reason: string) => void): string[] | null {
  if (value === null) return null;
  if (value === '') return [];
  const codes: string[] = [];
  let valid = true;
  for (const part of value.split(',')) {
    const code = part.trim();
    let reason: string | null = null;
    if (code === '') reason = 'Leerer Eintrag in der Liste der Staatsangehörigkeiten (Trennzeichen ist das Komma).';
    else if (!isNationalityCode(code)) {
      const upper = code.toUpperCase();
      reason = isNationalityCode(upper)
        ? `„${code}“: Staatsangehörigkeiten sind in Großbuchstaben anzugeben (${upper}).`
        : `„${code}“ ist kein ISO-3166-Ländercode.`;
    }
    if (reason !== null) {
      fail(value, reason);
      valid = false;
    } else if (!codes.includes(code)) codes.push(code);
  }
  return valid ? codes : null;
}
