import { describe, expect, it } from 'vitest';
import { formatCsvLine } from './csv-line';
import {
  MAX_REGISTER_LINE_LENGTH,
  parseRegisterDate,
  parseRegisterHeader,
  parseRegisterLine,
  REGISTER_COLUMNS,
  type RegisterColumn,
  type RegisterColumnMap,
} from './register-record';

const HEADER = REGISTER_COLUMNS.join(';');

const sample: Record<RegisterColumn, string> = {
  person_id: 'P-000123',
  familienname: 'Müller-Lüdenscheidt',
  vornamen: 'Anna Maria',
  geburtsname: 'Schmidt',
  geburtsdatum: '23.02.2007',
  geschlecht: 'w',
  staatsangehoerigkeiten: 'DE, TR',
  strassenschluessel: '01234',
  strasse: 'Hauptstraße',
  hausnummer: '12',
  hausnummerzusatz: 'a',
  plz: '79098',
  ort: 'Freiburg im Breisgau',
  wohnungsstatus: 'H',
  zuzugsdatum: '2015-09-01',
  zuzug_aus_ausland: '',
  auskunftssperre: '1',
  wahlrechtsausschluss: '0',
};

function headerMap(header = HEADER): RegisterColumnMap {
  const parsed = parseRegisterHeader(header);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const line = (overrides: Partial<Record<RegisterColumn, string>> = {}) =>
  formatCsvLine(REGISTER_COLUMNS.map((column) => overrides[column] ?? sample[column]));

const errorsOf = (overrides: Partial<Record<RegisterColumn, string>>) => {
  const result = parseRegisterLine(line(overrides), headerMap(), 7);
  return result.ok ? [] : result.error;
};

describe('parseRegisterHeader', () => {
  it('should map columns in any order, ignoring case, a BOM and extra columns', () => {
    const reordered = ['\uFEFFStrasse', 'extra', ...REGISTER_COLUMNS.filter((c) => c !== 'strasse').map((c) => c.toUpperCase())].join(';');
    const map = headerMap(reordered);
    expect(map.fieldCount).toBe(19);
    expect(map.index.strasse).toBe(0);
    expect(map.index.person_id).toBe(2);
  });

  it('should name every missing required column', () => {
    const header = REGISTER_COLUMNS.filter((c) => c !== 'geburtsdatum' && c !== 'plz').join(';');
    expect(parseRegisterHeader(header)).toEqual({
      ok: false,
      error: [
        { line: 1, column: 'geburtsdatum', value: '', reason: 'Die Pflichtspalte „geburtsdatum“ fehlt in der Kopfzeile.' },
        { line: 1, column: 'plz', value: '', reason: 'Die Pflichtspalte „plz“ fehlt in der Kopfzeile.' },
      ],
    });
  });

  it('should accept a header without the optional columns and a duplicate as an error', () => {
    const optionalLess = REGISTER_COLUMNS.filter((c) => !['geburtsname', 'geschlecht', 'hausnummerzusatz'].includes(c));
    expect(headerMap(optionalLess.join(';')).index.geburtsname).toBe(-1);
    const duplicate = parseRegisterHeader(`${HEADER};ort`);
    expect(duplicate).toMatchObject({
      ok: false,
      error: [{ column: 'ort', reason: 'Die Spalte „ort“ kommt in der Kopfzeile mehrfach vor.' }],
    });
  });
});

describe('parseRegisterLine', () => {
  it('should parse a complete line into a record', () => {
    expect(parseRegisterLine(line(), headerMap(), 2)).toEqual({
      ok: true,
      value: {
        personId: 'P-000123',
        familyName: 'Müller-Lüdenscheidt',
        givenNames: 'Anna Maria',
        birthName: 'Schmidt',
        birthDate: '2007-02-23',
        gender: 'w',
        nationalities: ['DE', 'TR'],
        streetKey: '01234',
        street: 'Hauptstraße',
        houseNumber: '12',
        houseNumberSuffix: 'a',
        postalCode: '79098',
        city: 'Freiburg im Breisgau',
        dwellingStatus: 'H',
        moveInDate: '2015-09-01',
        arrivedFromAbroad: null,
        informationBlock: true,
        excludedFromVoting: false,
      },
    });
  });

  it('should take empty optional values as absent and trim values', () => {
    const result = parseRegisterLine(
      line({ geburtsname: '', geschlecht: '', hausnummerzusatz: '', zuzugsdatum: '', staatsangehoerigkeiten: '', vornamen: '  Jan ' }),
      headerMap(),
      3,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { birthName: null, gender: null, houseNumberSuffix: null, moveInDate: null, nationalities: [], givenNames: 'Jan' },
    });
  });

  it('should read the optional columns as empty when the header lacks them', () => {
    const columns = REGISTER_COLUMNS.filter((c) => c !== 'geschlecht');
    const result = parseRegisterLine(formatCsvLine(columns.map((c) => sample[c])), headerMap(columns.join(';')), 2);
    expect(result).toMatchObject({ ok: true, value: { gender: null, birthName: 'Schmidt' } });
  });

  it('should reject impossible and malformed dates with German reasons', () => {
    expect(errorsOf({ geburtsdatum: '31.02.2000' })).toEqual([
      { line: 7, column: 'geburtsdatum', value: '31.02.2000', reason: 'Das Datum 31.02.2000 gibt es nicht.' },
    ]);
    expect(errorsOf({ geburtsdatum: '2000-13-01' })[0]?.reason).toBe('Das Datum 2000-13-01 gibt es nicht.');
    expect(errorsOf({ geburtsdatum: '1.2.2000' })[0]?.reason).toBe('„1.2.2000“ ist kein Datum im Format TT.MM.JJJJ oder JJJJ-MM-TT.');
    expect(errorsOf({ geburtsdatum: '01.01.1799' })[0]?.reason).toBe('Das Datum 01.01.1799 ist nicht plausibel (Jahr vor 1850).');
    expect(errorsOf({ geburtsdatum: '' })[0]).toMatchObject({ column: 'geburtsdatum', reason: 'Pflichtfeld ist leer.' });
    expect(parseRegisterDate('29.02.2024')).toBe('2024-02-29');
    expect(parseRegisterDate('29.02.2023')).toEqual({ reason: 'Das Datum 29.02.2023 gibt es nicht.' });
  });

  it('should check nationalities against the ISO code list', () => {
    expect(errorsOf({ staatsangehoerigkeiten: 'de' })[0]?.reason).toBe(
      '„de“: Staatsangehörigkeiten sind in Großbuchstaben anzugeben (DE).',
    );
    expect(errorsOf({ staatsangehoerigkeiten: 'DE,XY' })[0]?.reason).toBe('„XY“ ist kein ISO-3166-Ländercode.');
    expect(errorsOf({ staatsangehoerigkeiten: 'DE,,FR' })[0]?.reason).toBe(
      'Leerer Eintrag in der Liste der Staatsangehörigkeiten (Trennzeichen ist das Komma).',
    );
    expect(errorsOf({ staatsangehoerigkeiten: 'UK' })[0]?.reason).toBe('„UK“ ist kein ISO-3166-Ländercode.');
    const result = parseRegisterLine(line({ staatsangehoerigkeiten: 'XK,DE,XK' }), headerMap(), 2);
    expect(result).toMatchObject({ ok: true, value: { nationalities: ['XK', 'DE'] } });
  });

  it('should check codes, flags and the postcode', () => {
    expect(errorsOf({ wohnungsstatus: 'X' })[0]?.reason).toBe('Erlaubt sind H (Hauptwohnung) und N (Nebenwohnung).');
    expect(errorsOf({ auskunftssperre: 'ja' })[0]).toMatchObject({
      column: 'auskunftssperre',
      reason: 'Erlaubt sind nur 0 (nein) und 1 (ja).',
    });
    expect(errorsOf({ wahlrechtsausschluss: '' })[0]).toMatchObject({ column: 'wahlrechtsausschluss', reason: 'Pflichtfeld ist leer.' });
    expect(errorsOf({ geschlecht: 'q' })[0]?.reason).toBe('Erlaubt sind m, w, d, x oder ein leeres Feld.');
    expect(errorsOf({ plz: '7909' })[0]?.reason).toBe('Die Postleitzahl muss aus fünf Ziffern bestehen.');
    expect(errorsOf({ hausnummer: 'o. Nr.' })[0]?.reason).toBe('Die Hausnummer muss mit einer Ziffer beginnen.');
    const normalised = parseRegisterLine(line({ geschlecht: 'D', wohnungsstatus: 'n' }), headerMap(), 2);
    expect(normalised).toMatchObject({ ok: true, value: { gender: 'd', dwellingStatus: 'N' } });
  });

  it('should cap person_id at 64 characters and require it', () => {
    expect(parseRegisterLine(line({ person_id: 'x'.repeat(64) }), headerMap(), 2).ok).toBe(true);
    expect(errorsOf({ person_id: 'x'.repeat(65) })).toEqual([
      { line: 7, column: 'person_id', value: 'x'.repeat(65), reason: 'Der Wert ist länger als 64 Zeichen.' },
    ]);
    expect(errorsOf({ person_id: '   ' })[0]).toMatchObject({ column: 'person_id', reason: 'Pflichtfeld ist leer.' });
  });

  it('should shorten long values in errors and reject control characters', () => {
    const [error] = errorsOf({ familienname: 'A'.repeat(300) });
    expect(error?.value).toBe(`${'A'.repeat(80)}…`);
    expect(error?.reason).toBe('Der Wert ist länger als 200 Zeichen.');
    expect(errorsOf({ vornamen: 'An\u0000na' })[0]?.reason).toBe('Der Wert enthält Steuerzeichen.');
  });

  it('should check the move-in facts against each other', () => {
    expect(errorsOf({ zuzugsdatum: '01.01.2000' })[0]).toMatchObject({
      column: 'zuzugsdatum',
      reason: 'Das Zuzugsdatum liegt vor dem Geburtsdatum.',
    });
    expect(errorsOf({ zuzug_aus_ausland: '01.01.2000' })[0]).toMatchObject({
      column: 'zuzug_aus_ausland',
      reason: 'Der Zuzug aus dem Ausland liegt vor dem Geburtsdatum.',
    });
    expect(errorsOf({ zuzug_aus_ausland: '1' })[0]).toMatchObject({ column: 'zuzug_aus_ausland' });
  });

  it('should collect every problem of a line at once', () => {
    const errors = errorsOf({ person_id: '', geburtsdatum: '30.02.2001', plz: 'abc', auskunftssperre: '2' });
    expect(errors.map((e) => e.column)).toEqual(['person_id', 'geburtsdatum', 'plz', 'auskunftssperre']);
  });

  it('should reject an over-long line before splitting it', () => {
    const huge = `${'x'.repeat(MAX_REGISTER_LINE_LENGTH + 1)}`;
    expect(parseRegisterLine(huge, headerMap(), 9)).toEqual({
      ok: false,
      error: [
        {
          line: 9,
          column: null,
          value: '',
          reason: `Die Zeile ist länger als ${MAX_REGISTER_LINE_LENGTH} Zeichen und wurde nicht gelesen.`,
        },
      ],
    });
  });

  it('should report wrong field counts and quoting errors with the column', () => {
    expect(parseRegisterLine('a;b;c', headerMap(), 4)).toEqual({
      ok: false,
      error: [{ line: 4, column: null, value: '', reason: 'Die Zeile hat 3 Felder, die Kopfzeile 18.' }],
    });
    expect(parseRegisterLine(`${line()};zu viel`, headerMap(), 4)).toMatchObject({
      ok: false,
      error: [{ column: null, reason: 'Die Zeile hat mehr als 18 Felder.' }],
    });
    const badQuote = line().replace('Hauptstraße', 'Haupt"straße');
    expect(parseRegisterLine(badQuote, headerMap(), 4)).toMatchObject({ ok: false, error: [{ column: 'strasse' }] });
  });
});
