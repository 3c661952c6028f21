import { describe, expect, it } from 'vitest';
import { parseBirthDate, parseStaffList } from './staff-list';

const HEADER = 'Familienname;Vornamen;Geburtsdatum;Straße;PLZ;Ort;E-Mail;Wahlvorsteher';

describe('parseStaffList', () => {
  it('should read every row of a valid list', () => {
    const list = parseStaffList(
      `${HEADER}\nMeier;Anna;17.05.1980;Hauptstr. 1;76131;Karlsruhe;anna@example.org;ja\n"Schmidt; geb. Lang";Jörg;1975-01-31;Ring 2;76133;Karlsruhe;;\n`,
    );
    expect(list.problems).toEqual([]);
    expect(list.people).toEqual([
      {
        line: 2,
        familyName: 'Meier',
        givenNames: 'Anna',
        birthDate: '1980-05-17',
        street: 'Hauptstr. 1',
        postalCode: '76131',
        city: 'Karlsruhe',
        email: 'anna@example.org',
        phone: null,
        chairExperience: true,
      },
      expect.objectContaining({ line: 3, familyName: 'Schmidt; geb. Lang', birthDate: '1975-01-31', email: null, chairExperience: false }),
    ]);
  });

  it('should name line and column of every problem', () => {
    const list = parseStaffList(`${HEADER}\nMeier;;31.02.1980;Hauptstr. 1;7613;Karlsruhe;anna@;vielleicht\n`);
    expect(list.people).toEqual([]);
    expect(list.problems).toEqual([
      { line: 2, field: 'Vornamen', message: '„Vornamen“ ist leer.' },
      { line: 2, field: 'Geburtsdatum', message: '„31.02.1980“ ist kein Datum wie 17.05.1980.' },
      { line: 2, field: 'PLZ', message: '„7613“ ist keine fünfstellige Postleitzahl.' },
      { line: 2, field: 'E-Mail', message: '„anna@“ ist keine gültige E-Mail-Adresse.' },
      { line: 2, field: 'Wahlvorsteher', message: '„vielleicht“: bitte „ja“ oder „nein“.' },
    ]);
  });

  it('should refuse a header without a required column', () => {
    expect(parseStaffList('Familienname;Vornamen;Straße;PLZ;Ort\nA;B;C;76131;D').problems).toEqual([
      { line: 1, field: 'Geburtsdatum', message: 'Die Spalte „Geburtsdatum“ fehlt in der Kopfzeile.' },
    ]);
  });
});

describe('parseBirthDate', () => {
  it('should accept German and ISO dates of real days only', () => {
    expect(parseBirthDate('1.2.1990')).toBe('1990-02-01');
    expect(parseBirthDate('2000-02-29')).toBe('2000-02-29');
    expect(parseBirthDate('29.02.1999')).toBeNull();
  });
});
