import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeUnitOrderSafe, createRollOrderKeyer, rollOrderKey, type RollOrderVoter } from './roll-order-key';
import { compareVoters } from './voter-numbering';

// The order a database with COLLATE "C" applies: Unicode code points, one after the other.
function compareCodePoints(a: string, b: string): number {
  const left = [...a].map((c) => c.codePointAt(0)!);
  const right = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! - right[i]!;
  }
  return left.length - right.length;
}

const voter = (personId: string, familyName: string, givenNames: string, birthDate: string): RollOrderVoter => ({
  personId,
  familyName,
  givenNames,
  birthDate,
});

const byKey = (voters: readonly RollOrderVoter[]) =>
  [...voters].sort((a, b) => compareCodePoints(rollOrderKey(a), rollOrderKey(b))).map((v) => v.personId);

describe('rollOrderKey (R1.12 for a database sort)', () => {
  it('should order the worked example of numberVoters the same way', () => {
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
    expect(byKey(voters)).toEqual(['p1', 'p3', 'p2', 'p4', 'p5', 'p6', 'p9', 'p7']);
  });

  it('should put a shorter family name first even when the given names say otherwise', () => {
    // "Müller" + "Zoe" before "Müller-Lüdenscheidt" + "Anna": the family name decides first.
    expect(byKey([voter('b', 'Müller-Lüdenscheidt', 'Anna', '1980-01-01'), voter('a', 'Müller', 'Zoe', '1980-01-01')])).toEqual(['a', 'b']);
  });

  it('should keep code unit order for characters beyond the BMP and above U+E000', () => {
    // '\uFF21' (fullwidth A) is above a surrogate pair in code points, below it in code units.
    expect(compareCodePoints(codeUnitOrderSafe('\uFF21'), codeUnitOrderSafe('\u{1D400}'))).toBeGreaterThan(0);
    expect('\uFF21' > '\u{1D400}').toBe(true);
    expect(codeUnitOrderSafe('Müller')).toBe('Müller');
  });

  it('should order every set of voters exactly like compareVoters (property)', () => {
    const name = fc.oneof(
      fc.constantFrom(
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
        'de la Cruz',
        'Łucja',
      ),
      fc.string({
        unit: fc.constantFrom('a', 'ä', 'A', ' ', '-', 'ß', 'é', '\uFF21', '\u{1D400}', 'z', '\u0308'),
        minLength: 1,
        maxLength: 5,
      }),
    );
    const arbitraryVoter = fc.record({
      personId: fc.string({ unit: fc.constantFrom('1', '2', 'A', 'a', '\uFF21', '\u{1D400}'), minLength: 1, maxLength: 3 }),
      familyName: name,
      givenNames: name,
      birthDate: fc.constantFrom('1950-01-01', '1980-06-15', '2001-12-31'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryVoter, { selector: (v) => v.personId, maxLength: 30 }), (voters) => {
        const expected = [...voters].sort(compareVoters).map((v) => v.personId);
        expect(byKey(voters)).toEqual(expected);
      }),
    );
  });

  it('should give the same keys with and without the name cache, also after the cache starts over', () => {
    const keyer = createRollOrderKeyer(2);
    const voters = [
      voter('1', 'Weiß', 'Jörg', '1970-01-01'),
      voter('2', 'Weiss', 'Jorg', '1970-01-01'),
      voter('3', 'Weiß', 'Anne', '1999-02-03'),
    ];
    for (let round = 0; round < 3; round++) {
      for (const v of voters) expect(keyer(v)).toBe(rollOrderKey(v));
    }
  });
});
