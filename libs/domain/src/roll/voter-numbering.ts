import type { IsoDate } from '../election/election-definition.types';
import { err, ok, type Result } from '../result';
import { primaryCollationKey, secondaryCollationKey, tertiaryCollationKey } from './collation';

// R1.12 (BWO § 14(2)): running numbers per polling district in alphabetical order of family names,
// ties by first names, then date of birth and person id so that a re-run gives the same numbers.
// R1.14: the numbers are printed on the polling cards; the caller freezes them once cards exist.

export type NumberableVoter = {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: IsoDate;
  /** Number of the polling district the voter belongs to. */
  readonly district: string;
};

export type NumberedVoter<T> = {
  readonly voter: T;
  readonly district: string;
  /** Wählerverzeichnis-Nummer, 1..n within the district. */
  readonly voterNumber: number;
};

export type VoterNumberingError = { readonly code: 'DUPLICATE_PERSON_ID'; readonly personIds: readonly string[] };

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The roll order (R1.12): family name and first names on the primary DIN 5007-1 level, then both on
 * the secondary and on the tertiary level, then date of birth, then person id. This is the
 * reference definition; `numberVoters` computes the same order faster.
 */
export function compareVoters(a: Omit<NumberableVoter, 'district'>, b: Omit<NumberableVoter, 'district'>): number {
  return (
    compareStrings(primaryCollationKey(a.familyName), primaryCollationKey(b.familyName)) ||
    compareStrings(primaryCollationKey(a.givenNames), primaryCollationKey(b.givenNames)) ||
    compareStrings(secondaryCollationKey(a.familyName), secondaryCollationKey(b.familyName)) ||
    compareStrings(secondaryCollationKey(a.givenNames), secondaryCollationKey(b.givenNames)) ||
    compareStrings(tertiaryCollationKey(a.familyName), tertiaryCollationKey(b.familyName)) ||
    compareStrings(tertiaryCollationKey(a.givenNames), tertiaryCollationKey(b.givenNames)) ||
    compareStrings(a.birthDate, b.birthDate) ||
    compareStrings(a.personId, b.personId)
  );
}

/** District numbers in natural order: `2` before `10`; non-numeric ones by code unit after. */
export function compareDistricts(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) {
    const trimmedA = a.replace(/^0+(?=\d)/, '');
    const trimmedB = b.replace(/^0+(?=\d)/, '');
    if (trimmedA.length !== trimmedB.length) return trimmedA.length - trimmedB.length;
    if (trimmedA !== trimmedB) return trimmedA < trimmedB ? -1 : 1;
  } else if (numericA !== numericB) {
    return numericA ? -1 : 1;
  }
  return compareStrings(a, b);
}

/**
 * Numbers every voter within their district, 1..n in roll order (`compareVoters`). The result lists
 * the districts in natural order and each district's voters by number; it does not depend on the
 * input order. Person ids must be unique (they are the final tie-break).
 */
export function numberVoters<T extends NumberableVoter>(voters: readonly T[]): Result<NumberedVoter<T>[], VoterNumberingError> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const voter of voters) {
    if (seen.has(voter.personId)) duplicates.add(voter.personId);
    seen.add(voter.personId);
  }
  if (duplicates.size > 0) return err({ code: 'DUPLICATE_PERSON_ID', personIds: [...duplicates].sort() });

  // Speed for a million voters: names repeat a lot, so each distinct name gets its collation keys
  // once and is replaced by its rank on each level; the sort then compares small integers and
  // looks at person ids only on a full tie. Ranks preserve the order of the keys, so the result
  // equals sorting with `compareVoters`.
  const family = rankNames(voters.map((voter) => voter.familyName));
  const given = rankNames(voters.map((voter) => voter.givenNames));
  const birth = denseRanks(voters.map((voter) => voter.birthDate));

  const byDistrict = new Map<string, number[]>();
  voters.forEach((voter, index) => {
    const indices = byDistrict.get(voter.district);
    if (indices) indices.push(index);
    else byDistrict.set(voter.district, [index]);
  });

  const compare = (a: number, b: number): number =>
    family.primary[a] - family.primary[b] ||
    given.primary[a] - given.primary[b] ||
    family.secondary[a] - family.secondary[b] ||
    given.secondary[a] - given.secondary[b] ||
    family.tertiary[a] - family.tertiary[b] ||
    given.tertiary[a] - given.tertiary[b] ||
    birth[a] - birth[b] ||
    compareStrings(voters[a].personId, voters[b].personId);

  const numbered: NumberedVoter<T>[] = [];
  for (const district of [...byDistrict.keys()].sort(compareDistricts)) {
    const indices = byDistrict.get(district) ?? [];
    indices.sort(compare);
    indices.forEach((index, position) => numbered.push({ voter: voters[index], district, voterNumber: position + 1 }));
  }
  return ok(numbered);
}

type NameRanks = { readonly primary: Int32Array; readonly secondary: Int32Array; readonly tertiary: Int32Array };

function rankNames(names: readonly string[]): NameRanks {
  const distinct = [...new Set(names)];
  const position = new Map(distinct.map((name, index) => [name, index]));
  const atDistinct = (ranks: Int32Array): Int32Array => Int32Array.from(names, (name) => ranks[position.get(name) ?? -1] ?? -1);
  return {
    primary: atDistinct(denseRanks(distinct.map(primaryCollationKey))),
    secondary: atDistinct(denseRanks(distinct.map(secondaryCollationKey))),
    tertiary: atDistinct(denseRanks(distinct.map(tertiaryCollationKey))),
  };
}

/** Each value's position among the distinct values in code-unit order. */
function denseRanks(values: readonly string[]): Int32Array {
  const sorted = [...new Set(values)].sort();
  const rank = new Map(sorted.map((value, index) => [value, index]));
  return Int32Array.from(values, (value) => rank.get(value) ?? -1);
}
