import { describe, expect, it } from 'vitest';
import { candidateMatcher } from './eligibility-check';

// BWahlG § 9(3): candidates may not sit on a board. Worked examples of the match on name and birth year.
describe('candidateMatcher', () => {
  const isCandidate = candidateMatcher([
    { familyName: 'Müller', givenNames: 'Erika Maria', birthYear: 1968 },
    { familyName: 'Schmidt', givenNames: 'Jonas', birthYear: null },
  ]);

  it('should match a candidate by family name, first given name and birth year, spelling-tolerant', () => {
    expect(isCandidate({ familyName: 'Mueller', givenNames: 'Erika', birthDate: '1968-03-02' })).toBe(true);
    expect(isCandidate({ familyName: 'Müller', givenNames: 'Erika', birthDate: '1971-03-02' })).toBe(false);
    expect(isCandidate({ familyName: 'Müller', givenNames: 'Eva', birthDate: '1968-03-02' })).toBe(false);
  });

  it('should match on the name alone where the nomination gives no birth year', () => {
    expect(isCandidate({ familyName: 'Schmidt', givenNames: 'Jonas Paul', birthDate: '1990-01-01' })).toBe(true);
  });
});
