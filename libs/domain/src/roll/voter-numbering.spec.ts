import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDistricts, compareVoters, numberVoters, type NumberableVoter } from './voter-numbering';

const voter = (personId: string, familyName: string, givenNames: string, birthDate: string, district = '1'): NumberableVoter => ({
  personId,
  familyName,
  givenNames,
  birthDate,
  district,
});

const numbersOf = (voters: readonly NumberableVoter[]) => {
  const result = numberVoters(voters);
  if (!result.ok) throw new Error(result.error.code);
  return result.value.map((entry) => `${entry.district}/${entry.voterNumber} ${entry.voter.personId}`);
};

describe('numberVoters (R1.12)', () => {
  it('should number alphabetically by family name, then first names, birth date and person id', () => {
    const voters = [
      voter('p6', 'Schmidt', 'Anna', '1990-01-01'),
      voter('p2', 'Özdemir', 'Ali', '1970-05-05'),
      voter('p5', 'Schmidt', 'Anna', '1980-01-01'),
      voter('p4', 'Schmid', 'Zoe', '2000-01-01'),
      voter('p9', 'Schmidt', 'Anna', '1990-01-01'),
      voter('p1', 'Abel', 'Bernd', '1950-03-03'),
      voter('p3', 'Ostermann', 'Eva', '1960-02-02'),
      voter('p7', 'Schmidt', 'Ännchen', '1999-09-09'),
    ];
    expect(numbersOf(voters)).toEqual([
      '1/1 p1', // Abel
      '1/2 p3', // Ostermann
      '1/3 p2', // Özdemir = Ozdemir: o-s < o-z
      '1/4 p4', // Schmid before Schmidt (nothing before something)
      '1/5 p5', // Schmidt, Anna, 1980
      '1/6 p6', // Schmidt, Anna, 1990, p6
      '1/7 p9', // Schmidt, Anna, 1990, p9
      '1/8 p7', // Schmidt, Ännchen = annchen: anna < annc
    ]);
  });

  it('should number each district from 1 and list districts in natural order', () => {
    const voters = [
      voter('a', 'Zander', 'Kim', '1980-01-01', '10'),
      voter('b', 'Abel', 'Kim', '1980-01-01', '2'),
      voter('c', 'Meyer', 'Kim', '1980-01-01', '10'),
      voter('d', 'Baum', 'Kim', '1980-01-01', '2'),
      voter('e', 'Abt', 'Kim', '1980-01-01', 'B1'),
    ];
    expect(numbersOf(voters)).toEqual(['2/1 b', '2/2 d', '10/1 c', '10/2 a', 'B1/1 e']);
  });

  it('should refuse duplicate person ids', () => {
    const voters = [voter('x', 'A', 'B', '1980-01-01'), voter('y', 'C', 'D', '1980-01-01'), voter('x', 'E', 'F', '1980-01-01', '2')];
    expect(numberVoters(voters)).toEqual({ ok: false, error: { code: 'DUPLICATE_PERSON_ID', personIds: ['x'] } });
  });

  it('should give the same numbers for every input order (permutation-invariant bijection onto 1..n)', () => {
    const nameArb = fc.constantFrom(
      'Müller',
      'Muller',
      'Mueller',
      'müller',
      'Straße',
      'Strasse',
      "O'Brien",
      'Ober',
      'Abel',
      'Çelik',
      'Celik',
    );
    const voterArb = fc.record({
      personId: fc.string({ minLength: 1, maxLength: 6 }),
      familyName: nameArb,
      givenNames: fc.constantFrom('Anna', 'Änne', 'Jan', 'Jan-Erik', 'jan'),
      birthDate: fc.constantFrom('1980-01-01', '1980-01-02', '2000-12-31'),
      district: fc.constantFrom('1', '2', '10', '02'),
    });
    const inputs = fc
      .uniqueArray(voterArb, { selector: (v) => v.personId, maxLength: 60 })
      .chain((voters) =>
        fc.tuple(fc.constant(voters), fc.shuffledSubarray(voters, { minLength: voters.length, maxLength: voters.length })),
      );
    fc.assert(
      fc.property(inputs, ([voters, shuffled]) => {
        const first = numberVoters(voters);
        const second = numberVoters(shuffled);
        expect(first.ok && second.ok).toBe(true);
        if (!first.ok || !second.ok) return;
        expect(second.value).toEqual(first.value);
        expect(first.value).toHaveLength(voters.length);
        const byDistrict = new Map<string, typeof first.value>();
        for (const entry of first.value) byDistrict.set(entry.district, [...(byDistrict.get(entry.district) ?? []), entry]);
        for (const [district, entries] of byDistrict) {
          expect(entries.map((e) => e.voterNumber)).toEqual(entries.map((_, i) => i + 1));
          expect(entries.every((e) => e.voter.district === district)).toBe(true);
          for (let i = 1; i < entries.length; i++) expect(compareVoters(entries[i - 1]!.voter, entries[i]!.voter)).toBeLessThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('should order district numbers naturally', () => {
    expect(['10', '2', 'B', '01', '1', '002', 'A'].sort(compareDistricts)).toEqual(['01', '1', '002', '2', '10', 'A', 'B']);
  });
});
