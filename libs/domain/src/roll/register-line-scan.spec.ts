import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanRegisterLine } from './register-line-scan';
import {
  MAX_REGISTER_FIELD_LENGTH,
  MAX_REGISTER_LINE_LENGTH,
  parseRegisterHeader,
  parseRegisterLine,
  parseRegisterLineFully,
  REGISTER_COLUMNS,
  type RegisterColumn,
  type RegisterColumnMap,
} from './register-record';

function headerMap(columns: readonly string[]): RegisterColumnMap {
  const parsed = parseRegisterHeader(columns.join(';'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

const scan = (line: string, columns: RegisterColumnMap) =>
  scanRegisterLine(line, columns, MAX_REGISTER_FIELD_LENGTH, MAX_REGISTER_LINE_LENGTH);

// Per column valid values and values that break a rule or that only the full parser reads (quotes,
// tabs, non-breaking spaces, control characters); mostly valid, so that whole lines often are.
const edgy = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '"', ';', '\r', '\u0000', '\u007f');
const around = (value: fc.Arbitrary<string>) => fc.tuple(edgy, value, edgy).map(([a, v, b]) => `${a}${v}${b}`);
const column = (good: fc.Arbitrary<string>, bad: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 40, arbitrary: good }, { weight: 1, arbitrary: bad }, { weight: 1, arbitrary: around(good) });
const name = fc.oneof(
  fc.constantFrom('Müller', 'Anna Maria', ' Özdemir ', 'van der Berg', 'ß', 'X'.repeat(200), '\u{1D400}x'),
  fc.string({ unit: fc.constantFrom('a', 'ä', 'Z', ' ', '-', 'é'), minLength: 1, maxLength: 12 }).filter((v) => v.trim() !== ''),
);
const badName = fc.constantFrom('', '   ', 'X'.repeat(201), 'a\u00a0', 'x;y');
const day = fc.constantFrom('23.02.2007', '2007-02-23', '29.02.2000', '01.01.1850', '1960-12-31');
const badDay = fc.constantFrom(
  '29.02.1900',
  '31.04.2001',
  '31.12.1849',
  '2001-13-01',
  '1.1.2001',
  '2001-1-01',
  '12.34-5678',
  '2001-02-3x',
  '',
);
const values: Record<RegisterColumn, fc.Arbitrary<string>> = {
  person_id: column(
    fc.string({ unit: fc.constantFrom('P', '-', '1', '9', 'x'), minLength: 1, maxLength: 8 }),
    fc.constantFrom('', 'X'.repeat(65)),
  ),
  familienname: column(name, badName),
  vornamen: column(name, badName),
  geburtsname: column(fc.oneof(name, fc.constant('')), fc.constant('X'.repeat(201))),
  geburtsdatum: column(day, badDay),
  geschlecht: column(fc.constantFrom('', 'm', 'W', 'd', 'x'), fc.constantFrom('q', 'mm')),
  staatsangehoerigkeiten: column(
    fc.constantFrom('DE', 'DE,TR', 'DE, TR', 'DE,DE', '', 'FR, PL ,IT'),
    fc.constantFrom('de', 'ZZ', 'DE,', ',', 'DE,\u00a0TR'),
  ),
  strassenschluessel: column(fc.constantFrom('01234', '7'), fc.constant('')),
  strasse: column(name, badName),
  hausnummer: column(fc.constantFrom('12', '', '1a', '0'), fc.constant('a1')),
  hausnummerzusatz: column(fc.constantFrom('', 'a', '1', 'B'), fc.constant('X'.repeat(17))),
  plz: column(fc.constant('79098'), fc.constantFrom('7909', '790988', '7909a', '')),
  ort: column(name, badName),
  wohnungsstatus: column(fc.constantFrom('H', 'n', 'N', 'h'), fc.constantFrom('X', '')),
  zuzugsdatum: column(fc.oneof(day, fc.constant('')), badDay),
  zuzug_aus_ausland: column(fc.oneof(day, fc.constant('')), badDay),
  auskunftssperre: column(fc.constantFrom('0', '1'), fc.constantFrom('', '2', 'ja')),
  wahlrechtsausschluss: column(fc.constantFrom('0', '1'), fc.constantFrom('', '01')),
};

const fieldsArbitrary = fc.record(values);

describe('scanRegisterLine', () => {
  it('should read a plain line as the full parser does, and leave every other line to it', () => {
    const layouts = [
      headerMap(REGISTER_COLUMNS),
      headerMap(['extra', ...[...REGISTER_COLUMNS].reverse()]),
      headerMap(REGISTER_COLUMNS.filter((c) => !['geburtsname', 'geschlecht', 'hausnummerzusatz'].includes(c))),
    ];
    let scanned = 0;
    fc.assert(
      fc.property(fieldsArbitrary, fc.constantFrom(0, 1, 2), fc.constantFrom('', '\r', ';', ';x'), (fields, layout, tail) => {
        const columns = layouts[layout]!;
        const cells: string[] = new Array<string>(columns.fieldCount).fill('anything');
        for (const column of REGISTER_COLUMNS) if (columns.index[column] !== -1) cells[columns.index[column]] = fields[column];
        const line = cells.join(';') + tail;
        const full = parseRegisterLineFully(line, columns, 3);
        const fast = scan(line, columns);
        if (fast !== null) {
          scanned++;
          expect(full).toEqual({ ok: true, value: fast });
        }
        expect(parseRegisterLine(line, columns, 3)).toEqual(full);
      }),
      { numRuns: 20_000 },
    );
    // The property says something only if both paths were taken often.
    expect(scanned).toBeGreaterThan(1000);
  });

  it('should take a typical export line and give way on quotes and on a line over the cap', () => {
    const columns = headerMap(REGISTER_COLUMNS);
    const line = 'P-1;Müller;Anna;;23.02.1960;w;DE;01234;Hauptstraße;12;a;79098;Freiburg;H;;;0;0';
    expect(scan(line, columns)).toMatchObject({ personId: 'P-1', birthDate: '1960-02-23', houseNumberSuffix: 'a', nationalities: ['DE'] });
    expect(scan(line.replace('Müller', '"Müller"'), columns)).toBeNull();
    expect(parseRegisterLine(line.replace('Müller', '"Müller"'), columns, 2)).toMatchObject({ ok: true, value: { familyName: 'Müller' } });
    expect(scan(line.replace('Anna', 'A'.repeat(MAX_REGISTER_LINE_LENGTH)), columns)).toBeNull();
  });
});
