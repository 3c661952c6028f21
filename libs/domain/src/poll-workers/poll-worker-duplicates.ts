import { applicantNameKey, applicantStreetKey } from '../postal/applicant-match';

// Duplicates (issue #14): the same person signed up twice, came with a staff list and from an earlier
// election, … Same family and first given name and the same birth date, or the same e-mail, make a
// group; names compare spelling-tolerant like the postal applications (ß = ss, ä = ae, case).

export type DuplicateCandidate = {
  readonly id: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly email: string | null;
};

export type DuplicateFinding = { readonly reason: 'name-and-birth-date' | 'email'; readonly ids: readonly string[] };

const firstGivenName = (givenNames: string): string => applicantNameKey(givenNames).split(' ')[0] ?? '';

export const personKey = (person: Omit<DuplicateCandidate, 'id' | 'email'>): string =>
  `${applicantNameKey(person.familyName)}|${firstGivenName(person.givenNames)}|${person.birthDate}`;

export const emailKey = (email: string): string => email.trim().toLowerCase();

function groupsBy(people: readonly DuplicateCandidate[], key: (person: DuplicateCandidate) => string | null): string[][] {
  const groups = new Map<string, string[]>();
  for (const person of people) {
    const k = key(person);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(person.id);
    else groups.set(k, [person.id]);
  }
  return [...groups.values()].filter((ids) => ids.length > 1).map((ids) => ids.sort());
}

/** Every group of two or more, by name and birth date first, then by e-mail (a pair may show in both). */
export function findDuplicates(people: readonly DuplicateCandidate[]): DuplicateFinding[] {
  const byName = groupsBy(people, personKey).map((ids) => ({ reason: 'name-and-birth-date' as const, ids }));
  const byEmail = groupsBy(people, (person) => (person.email ? emailKey(person.email) : null)).map((ids) => ({
    reason: 'email' as const,
    ids,
  }));
  return [...byName, ...byEmail].sort((a, b) => (a.ids[0]! < b.ids[0]! ? -1 : a.ids[0]! > b.ids[0]! ? 1 : 0));
}

type Identity = Omit<DuplicateCandidate, 'id' | 'email'> & { readonly street: string; readonly postalCode: string };

/**
 * The same person coming again (a second sign-up, a list imported twice): same name, birth date and
 * address. Only then are the data updated in place; anything less is kept apart and shown as a
 * possible duplicate, for the office to merge by hand.
 */
export const samePersonKey = (person: Identity): string =>
  `${personKey(person)}|${person.postalCode.trim()}|${applicantStreetKey(person.street)}`;

export const isSamePerson = (a: Identity, b: Identity): boolean => samePersonKey(a) === samePersonKey(b);
