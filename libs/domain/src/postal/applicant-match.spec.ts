import { describe, expect, it } from 'vitest';
import { findApplicant, matchesApplicant, applicantStreetKey, type RollPerson } from './applicant-match';

const erika: RollPerson = {
  familyName: 'Müller',
  givenNames: 'Erika Maria',
  birthDate: '1971-05-04',
  street: 'Hauptstraße',
  houseNumber: '12a',
  postalCode: '71990',
};
const applicant = {
  familyName: 'Mueller',
  givenNames: 'Erika',
  birthDate: '1971-05-04',
  street: 'Hauptstr.',
  houseNumber: '12 A',
  postalCode: '71990',
};

describe('matching an application without the code against the roll', () => {
  it('should tolerate the usual spellings of names, streets and house numbers', () => {
    expect(applicantStreetKey('Hauptstraße')).toBe('hauptstr');
    expect(applicantStreetKey('Haupt-Strasse')).toBe('hauptstr');
    expect(matchesApplicant(erika, applicant)).toBe(true);
    expect(matchesApplicant(erika, { ...applicant, givenNames: 'Erika Maria' })).toBe(true);
  });

  it('should not match on any differing fact', () => {
    expect(matchesApplicant(erika, { ...applicant, birthDate: '1971-05-05' })).toBe(false);
    expect(matchesApplicant(erika, { ...applicant, houseNumber: '12' })).toBe(false);
    expect(matchesApplicant(erika, { ...applicant, postalCode: '71991' })).toBe(false);
    expect(matchesApplicant(erika, { ...applicant, givenNames: 'Maria' })).toBe(false);
    expect(matchesApplicant(erika, { ...applicant, familyName: 'Müllers' })).toBe(false);
  });

  it('should accept exactly one fitting entry and never guess between two', () => {
    const twin = { ...erika, givenNames: 'Erika Sophie' };
    expect(findApplicant([erika, { ...erika, houseNumber: '14' }], applicant)).toEqual({ kind: 'one', person: erika });
    expect(findApplicant([erika, twin], applicant)).toEqual({ kind: 'several' });
    expect(findApplicant([], applicant)).toEqual({ kind: 'none' });
  });
});
