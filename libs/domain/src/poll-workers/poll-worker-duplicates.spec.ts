import { describe, expect, it } from 'vitest';
import { findDuplicates, isSamePerson } from './poll-worker-duplicates';

describe('findDuplicates', () => {
  it('should group the same name and birth date, spelled differently', () => {
    const people = [
      { id: 'a', familyName: 'Müller', givenNames: 'Hans Peter', birthDate: '1970-01-01', email: null },
      { id: 'b', familyName: 'MUELLER', givenNames: 'Hans', birthDate: '1970-01-01', email: null },
      { id: 'c', familyName: 'Müller', givenNames: 'Hans', birthDate: '1970-01-02', email: null },
    ];
    expect(findDuplicates(people)).toEqual([{ reason: 'name-and-birth-date', ids: ['a', 'b'] }]);
  });

  it('should group the same e-mail regardless of case', () => {
    const people = [
      { id: 'x', familyName: 'Kraus', givenNames: 'Eva', birthDate: '1990-03-03', email: 'Eva@Example.org' },
      { id: 'y', familyName: 'Kraus-Lang', givenNames: 'Eva', birthDate: '1990-03-03', email: 'eva@example.org ' },
      { id: 'z', familyName: 'Lang', givenNames: 'Udo', birthDate: '1960-01-01', email: null },
    ];
    expect(findDuplicates(people)).toEqual([{ reason: 'email', ids: ['x', 'y'] }]);
  });
});

describe('isSamePerson', () => {
  it('should take the same name, birth date and address as the same person, nothing less', () => {
    const anna = { familyName: 'Groß', givenNames: 'Anna Maria', birthDate: '1980-05-17', street: 'Hauptstraße 1', postalCode: '71990' };
    expect(isSamePerson(anna, { ...anna, familyName: 'GROSS', givenNames: 'Anna', street: 'Hauptstr. 1' })).toBe(true);
    expect(isSamePerson(anna, { ...anna, street: 'Ringstraße 4' })).toBe(false);
    expect(isSamePerson(anna, { ...anna, birthDate: '1980-05-18' })).toBe(false);
  });
});
