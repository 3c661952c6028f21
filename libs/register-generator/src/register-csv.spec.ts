import { parseRegisterHeader, parseRegisterLine } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { daysFromIso } from './civil-date';
import { REGISTER_HEADER, csvField, formatRegisterLine } from './register-csv';
import type { Resident } from './resident-generator';

const resident: Resident = {
  personId: '00000042',
  familyName: 'von Weiß-Müller',
  givenNames: 'Anna-Lena Käthe',
  birthName: 'Groß',
  birthDay: daysFromIso('1984-07-09'),
  gender: 'w',
  nationalities: ['DE', 'IT'],
  streetKey: '01230',
  street: 'Schloßstraße',
  houseNumber: 12,
  houseNumberSuffix: 'a',
  postalCode: '71990',
  city: 'Wahlingen',
  dwellingStatus: 'H',
  moveInDay: daysFromIso('2028-12-01'),
  movedInFromAbroad: true,
  informationBlock: false,
  excludedFromVoting: false,
  deliberatelyUnmatched: false,
};

describe('register CSV', () => {
  it('should quote only fields with a semicolon, quote or comma', () => {
    expect(csvField('DE')).toBe('DE');
    expect(csvField('DE,IT')).toBe('"DE,IT"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('Gasthaus "Krone"')).toBe('"Gasthaus ""Krone"""');
  });

  it('should write one resident as one line in the column order of the header', () => {
    expect(formatRegisterLine(resident)).toBe(
      '00000042;von Weiß-Müller;Anna-Lena Käthe;Groß;09.07.1984;w;"DE,IT";01230;Schloßstraße;12;a;71990;Wahlingen;H;01.12.2028;01.12.2028;0;0',
    );
  });

  it('should be read back unchanged by the roll import', () => {
    const header = parseRegisterHeader(REGISTER_HEADER);
    expect(header.ok).toBe(true);
    if (!header.ok) return;
    const parsed = parseRegisterLine(
      formatRegisterLine({ ...resident, birthName: '', moveInDay: null, movedInFromAbroad: false }),
      header.value,
      2,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        personId: '00000042',
        familyName: 'von Weiß-Müller',
        givenNames: 'Anna-Lena Käthe',
        birthName: null,
        birthDate: '1984-07-09',
        gender: 'w',
        nationalities: ['DE', 'IT'],
        streetKey: '01230',
        street: 'Schloßstraße',
        houseNumber: '12',
        houseNumberSuffix: 'a',
        postalCode: '71990',
        city: 'Wahlingen',
        dwellingStatus: 'H',
        moveInDate: null,
        arrivedFromAbroad: null,
        informationBlock: false,
        excludedFromVoting: false,
      },
    });
  });
});
