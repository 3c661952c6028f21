import type { IsoDate } from '../election/election-definition.types';
import { isRealDate } from './calendar-month';
import { isNationalityCode } from './country-codes';
import { REGISTER_COLUMNS, type RegisterColumn } from './register-columns';
import type { Gender, RegisterColumnMap, RegisterRecord } from './register-record';

// The fast path of parseRegisterLine for the lines a register export is made of: unquoted, no
// control character, values trimmed of plain spaces at most, every field valid. One pass over the
// characters finds the fields; each needed value is cut out once and checked by its character codes,
// without a regular expression or an array of fields per line. Whatever it is not sure of (a quote,
// a control or Unicode space character, any rule broken) it leaves to the full parser, which is the
// reference: its result is the record returned here, or the German errors (a property test holds
// both to the same answer).

const SPACE = 32;
const CARRIAGE_RETURN = 13;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const EARLIEST_PLAUSIBLE_YEAR = 1850;

/** Whitespace that String#trim removes above the control range, where the full parser must decide. */
function isUnicodeSpace(code: number): boolean {
  return (
    code >= 0xa0 &&
    (code === 0xa0 ||
      code === 0x1680 ||
      (code >= 0x2000 && code <= 0x200a) ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0x202f ||
      code === 0x205f ||
      code === 0x3000 ||
      code === 0xfeff)
  );
}

/** A quote, or a control character other than the one `\r` a CRLF line may end with. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what sends a line to the full parser
const NOT_PLAIN = /["\u0000-\u000c\u000e-\u001f\u007f]|\r(?!$)/;

/**
 * Field bounds of the line being scanned, reused from line to line (one line at a time): field i
 * spans [bounds[2i], bounds[2i + 1]) after trimming.
 */
let bounds = new Int32Array(64);

/** Splits at `;` and trims plain spaces; false for anything the full parser must see. */
function splitPlain(line: string, fieldCount: number): boolean {
  if (NOT_PLAIN.test(line)) return false;
  if (bounds.length < fieldCount * 2) bounds = new Int32Array(fieldCount * 2);
  const end = line.length > 0 && line.charCodeAt(line.length - 1) === CARRIAGE_RETURN ? line.length - 1 : line.length;
  let start = 0;
  for (let field = 0; field < fieldCount; field++) {
    let to = line.indexOf(';', start);
    if (to === -1 || to > end) {
      if (field !== fieldCount - 1) return false;
      to = end;
    } else if (field === fieldCount - 1) return false;
    let from = start;
    start = to + 1;
    while (from < to && line.charCodeAt(from) === SPACE) from++;
    while (to > from && line.charCodeAt(to - 1) === SPACE) to--;
    if (from < to && (isUnicodeSpace(line.charCodeAt(from)) || isUnicodeSpace(line.charCodeAt(to - 1)))) return false;
    bounds[2 * field] = from;
    bounds[2 * field + 1] = to;
  }
  return true;
}

// The columns read, by their number in REGISTER_COLUMNS: a property lookup by a variable name per
// field would cost more than the checks.
const id = (column: RegisterColumn): number => REGISTER_COLUMNS.indexOf(column);
const PERSON_ID = id('person_id');
const FAMILY_NAME = id('familienname');
const GIVEN_NAMES = id('vornamen');
const BIRTH_NAME = id('geburtsname');
const BIRTH_DATE = id('geburtsdatum');
const GENDER = id('geschlecht');
const NATIONALITIES = id('staatsangehoerigkeiten');
const STREET_KEY = id('strassenschluessel');
const STREET = id('strasse');
const HOUSE_NUMBER = id('hausnummer');
const HOUSE_NUMBER_SUFFIX = id('hausnummerzusatz');
const POSTAL_CODE = id('plz');
const CITY = id('ort');
const DWELLING = id('wohnungsstatus');
const MOVE_IN = id('zuzugsdatum');
const FROM_ABROAD = id('zuzug_aus_ausland');
const INFORMATION_BLOCK = id('auskunftssperre');
const EXCLUDED = id('wahlrechtsausschluss');

// The line being scanned, and the field position and cap per column number of the header it was
// scanned with last (one header per import): module state instead of objects per line.
let scanned = '';
let planned: RegisterColumnMap | null = null;
const positions = new Int32Array(REGISTER_COLUMNS.length);
const caps = new Int32Array(REGISTER_COLUMNS.length);

function plan(columns: RegisterColumnMap, fieldCaps: Readonly<Record<RegisterColumn, number>>): void {
  if (planned === columns) return;
  REGISTER_COLUMNS.forEach((column, id) => {
    positions[id] = columns.index[column];
    caps[id] = fieldCaps[column];
  });
  planned = columns;
}

/** The trimmed value; '' for an absent column; null when longer than its cap. */
function text(id: number): string | null {
  const position = positions[id]!;
  if (position === -1) return '';
  const from = bounds[2 * position]!;
  const to = bounds[2 * position + 1]!;
  return to - from > caps[id]! ? null : scanned.slice(from, to);
}

/** A non-empty trimmed value within its cap, else null. */
function required(id: number): string | null {
  const value = text(id);
  return value === '' ? null : value;
}

const isDigit = (code: number): boolean => code >= DIGIT_0 && code <= DIGIT_9;

function number(value: string, from: number, length: number): number {
  let result = 0;
  for (let i = from; i < from + length; i++) {
    const code = value.charCodeAt(i);
    if (!isDigit(code)) return -1;
    result = result * 10 + code - DIGIT_0;
  }
  return result;
}

/** `TT.MM.JJJJ` or `JJJJ-MM-TT` of a real, plausible day → ISO; null otherwise (as parseRegisterDate). */
function date(value: string): IsoDate | null {
  if (value.length !== 10) return null;
  const german = value.charCodeAt(2) === 46 && value.charCodeAt(5) === 46;
  if (!german && !(value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45)) return null;
  const year = german ? number(value, 6, 4) : number(value, 0, 4);
  const month = german ? number(value, 3, 2) : number(value, 5, 2);
  const day = german ? number(value, 0, 2) : number(value, 8, 2);
  if (year < EARLIEST_PLAUSIBLE_YEAR || month < 0 || day < 0 || !isRealDate(year, month, day)) return null;
  return german ? `${value.slice(6, 10)}-${value.slice(3, 5)}-${value.slice(0, 2)}` : value;
}

/** Optional date: '' → null, a date → ISO, anything else → undefined. */
function optionalDate(value: string | null): IsoDate | null | undefined {
  if (value === null) return undefined;
  return value === '' ? null : (date(value) ?? undefined);
}

const SINGLE_NATIONALITY = new Map<string, readonly string[]>();

/** `DE` or `DE, TR` → codes without duplicates; null for anything the full parser must report. */
function nationalities(value: string): readonly string[] | null {
  if (value === '') return [];
  if (!value.includes(',')) {
    let single = SINGLE_NATIONALITY.get(value);
    if (single === undefined) {
      if (!isNationalityCode(value)) return null;
      single = Object.freeze([value]);
      SINGLE_NATIONALITY.set(value, single);
    }
    return single;
  }
  const codes: string[] = [];
  for (const part of value.split(',')) {
    let from = 0;
    let to = part.length;
    while (from < to && part.charCodeAt(from) === SPACE) from++;
    while (to > from && part.charCodeAt(to - 1) === SPACE) to--;
    const code = part.slice(from, to);
    if (!isNationalityCode(code)) return null;
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

function flag(value: string | null): boolean | null {
  return value === '1' ? true : value === '0' ? false : null;
}

function gender(value: string | null): Gender | null | undefined {
  if (value === null) return undefined;
  if (value === '') return null;
  const lower = value.toLowerCase();
  return lower === 'm' || lower === 'w' || lower === 'd' || lower === 'x' ? lower : undefined;
}

function dwelling(value: string | null): 'H' | 'N' | null {
  return value === 'H' || value === 'h' ? 'H' : value === 'N' || value === 'n' ? 'N' : null;
}

function isPostalCode(value: string): boolean {
  return value.length === 5 && number(value, 0, 5) >= 0;
}

/**
 * The record of a plain, valid register line, exactly as the full parser reads it; null when the
 * line needs the full parser (quoted fields, unusual whitespace, or a problem to report).
 * `fieldCaps`: characters per field (MAX_REGISTER_FIELD_LENGTH).
 */
export function scanRegisterLine(
  line: string,
  columns: RegisterColumnMap,
  fieldCaps: Readonly<Record<RegisterColumn, number>>,
  maxLineLength: number,
): RegisterRecord | null {
  if (line.length > maxLineLength || !splitPlain(line, columns.fieldCount)) return null;
  scanned = line;
  plan(columns, fieldCaps);
  const personId = required(PERSON_ID);
  const familyName = required(FAMILY_NAME);
  const givenNames = required(GIVEN_NAMES);
  const birthName = text(BIRTH_NAME);
  const birthDateText = required(BIRTH_DATE);
  const birthDate = birthDateText === null ? null : date(birthDateText);
  const genderValue = gender(text(GENDER));
  const nationalityText = text(NATIONALITIES);
  const nationalityCodes = nationalityText === null ? null : nationalities(nationalityText);
  const streetKey = required(STREET_KEY);
  const street = required(STREET);
  const houseNumber = text(HOUSE_NUMBER);
  const houseNumberSuffix = text(HOUSE_NUMBER_SUFFIX);
  const postalCode = required(POSTAL_CODE);
  const city = required(CITY);
  const dwellingStatus = dwelling(required(DWELLING));
  const moveInDate = optionalDate(text(MOVE_IN));
  const arrivedFromAbroad = optionalDate(text(FROM_ABROAD));
  const informationBlock = flag(text(INFORMATION_BLOCK));
  const excludedFromVoting = flag(text(EXCLUDED));
  if (
    personId === null ||
    familyName === null ||
    givenNames === null ||
    birthName === null ||
    birthDate === null ||
    genderValue === undefined ||
    nationalityCodes === null ||
    streetKey === null ||
    street === null ||
    houseNumber === null ||
    (houseNumber !== '' && !isDigit(houseNumber.charCodeAt(0))) ||
    houseNumberSuffix === null ||
    postalCode === null ||
    !isPostalCode(postalCode) ||
    city === null ||
    dwellingStatus === null ||
    moveInDate === undefined ||
    (moveInDate !== null && moveInDate < birthDate) ||
    arrivedFromAbroad === undefined ||
    (arrivedFromAbroad !== null && arrivedFromAbroad < birthDate) ||
    informationBlock === null ||
    excludedFromVoting === null
  ) {
    return null;
  }
  return {
    personId,
    familyName,
    givenNames,
    birthName: birthName || null,
    birthDate,
    gender: genderValue,
    nationalities: nationalityCodes,
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
  };
}
