import { primaryCollationKey } from '../roll/collation';

// An application without the card's code (R3.8: "the online service re-checks identity"): the voter
// gives name, date of birth and address, and the office accepts it only when exactly one entry of the
// roll fits all of them. Comparison is spelling-tolerant the way a form is filled in by hand:
// DIN 5007-1 primary keys (case, accents, ß = ss ignored) with ae/oe/ue folded to a/o/u, "Straße",
// "Strasse" and "Str." alike, "12 a" = "12a". Given names: the first given name is enough.

export type ApplicantIdentity = {
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly street: string;
  readonly houseNumber: string;
  readonly postalCode: string;
};

export type RollPerson = {
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly street: string;
  readonly houseNumber: string;
  readonly postalCode: string;
};

export function applicantNameKey(name: string): string {
  return primaryCollationKey(name).replace(/([aou])e/g, '$1');
}

export function applicantStreetKey(street: string): string {
  return applicantNameKey(street)
    .replace(/strasse/g, 'str')
    .replace(/[^a-z0-9]/g, '');
}

export function applicantHouseNumberKey(houseNumber: string): string {
  return houseNumber.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const firstWord = (key: string): string => key.split(' ')[0] ?? '';

export function matchesApplicant(person: RollPerson, applicant: ApplicantIdentity): boolean {
  if (person.birthDate !== applicant.birthDate) return false;
  if (person.postalCode.trim() !== applicant.postalCode.trim()) return false;
  if (applicantNameKey(person.familyName) !== applicantNameKey(applicant.familyName)) return false;
  const given = applicantNameKey(applicant.givenNames);
  const personGiven = applicantNameKey(person.givenNames);
  if (!given || (given !== personGiven && firstWord(given) !== firstWord(personGiven))) return false;
  return (
    applicantStreetKey(person.street) === applicantStreetKey(applicant.street) &&
    applicantHouseNumberKey(person.houseNumber) === applicantHouseNumberKey(applicant.houseNumber)
  );
}

export type ApplicantMatch<T> = { readonly kind: 'one'; readonly person: T } | { readonly kind: 'none' } | { readonly kind: 'several' };

/** Exactly one fitting entry, or none, or several (then the office must clarify: never guessed). */
export function findApplicant<T extends RollPerson>(candidates: readonly T[], applicant: ApplicantIdentity): ApplicantMatch<T> {
  const fitting = candidates.filter((person) => matchesApplicant(person, applicant));
  if (fitting.length === 1) return { kind: 'one', person: fitting[0]! };
  return fitting.length === 0 ? { kind: 'none' } : { kind: 'several' };
}
