import { describe, expect, it } from 'vitest';
import { checkA3Applicant, formatA3CertificateNumber } from './a3-certificate';

const roll = [
  { familyName: 'Müller', givenNames: 'Anna Maria', birthDate: '1980-04-01', voterNumber: 17, districtNumber: '0102' },
  { familyName: 'Schmidt', givenNames: 'Peter', birthDate: '1975-12-24', voterNumber: 3, districtNumber: '0201' },
];

describe('checkA3Applicant (BWO § 25(2))', () => {
  it('should accept a person who is not in the roll', () => {
    expect(checkA3Applicant({ familyName: 'Neumann', givenNames: 'Lea', birthDate: '2007-03-02' }, roll)).toEqual({
      ok: true,
      value: true,
    });
  });

  it('should refuse a person in the roll, spelled differently, and name the entry', () => {
    const result = checkA3Applicant({ familyName: 'MUELLER', givenNames: 'Anna', birthDate: '1980-04-01' }, roll);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'in-roll',
        message:
          'Die Person steht im Wählerverzeichnis (Wahlbezirk 0102, Nr. 17); der Wahlschein wird auf dem gewöhnlichen Weg erteilt (BWO § 25 Abs. 1).',
      },
    });
  });

  it('should not confuse a namesake born on another day', () => {
    expect(checkA3Applicant({ familyName: 'Schmidt', givenNames: 'Peter', birthDate: '1975-12-25' }, roll).ok).toBe(true);
  });
});

describe('formatA3CertificateNumber (BWO § 28(5): a series of its own)', () => {
  it('should number per election with the district in front', () => {
    expect(formatA3CertificateNumber('0102', 1)).toBe('0102-A3-0001');
    expect(formatA3CertificateNumber('0805', 42)).toBe('0805-A3-0042');
  });

  it('should refuse a running number out of range', () => {
    expect(() => formatA3CertificateNumber('0102', 0)).toThrow(RangeError);
  });
});
