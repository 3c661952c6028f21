import { describe, expect, it } from 'vitest';
import { candidateName } from './candidate-name';

describe('candidateName', () => {
  it('should join title, given names and family name as on the ballot', () => {
    expect(candidateName({ title: 'Dr.', givenNames: 'Erika Maria', familyName: 'Mustermann' })).toBe('Dr. Erika Maria Mustermann');
  });

  it('should leave out a missing or empty title', () => {
    expect(candidateName({ givenNames: 'Petra', familyName: 'Winter' })).toBe('Petra Winter');
    expect(candidateName({ title: null, givenNames: 'Petra', familyName: 'Winter' })).toBe('Petra Winter');
    expect(candidateName({ title: ' ', givenNames: 'Petra', familyName: 'Winter' })).toBe('Petra Winter');
  });
});
