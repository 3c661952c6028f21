import { applicantNameKey, decidePollWorkerEligibility } from '@wahl/domain';
import type { ElectionNightContext } from '../elections/read-model/election-night-context';
import type { CandidateMatchRow, PersonRow, PollWorkersRepository, PoolRow } from './poll-workers.repository';

const firstWord = (text: string): string => applicantNameKey(text).split(' ')[0] ?? '';

const identityKey = (person: { birthDate: string; familyName: string; givenNames: string }): string =>
  `${person.birthDate}|${applicantNameKey(person.familyName)}|${firstWord(person.givenNames)}`;

const nameKey = (person: { familyName: string; givenNames: string }): string =>
  `${applicantNameKey(person.familyName)}|${firstWord(person.givenNames)}`;

/**
 * BWahlG § 9(3): a candidate of the election may not sit on a board. Matched by family name and
 * first given name, and by birth year where the nomination gives one (candidates carry no full date).
 */
export const candidateMatcher = (candidates: readonly CandidateMatchRow[]) => {
  const years = new Map<string, (number | null)[]>();
  for (const candidate of candidates) years.set(nameKey(candidate), [...(years.get(nameKey(candidate)) ?? []), candidate.birthYear]);
  return (person: Pick<PersonRow, 'familyName' | 'givenNames' | 'birthDate'>): boolean =>
    (years.get(nameKey(person)) ?? []).some((year) => year === null || year === Number(person.birthDate.slice(0, 4)));
};

/**
 * Whether the address is in the election's municipality: the town of the address is a word of the
 * municipality's name ("Wahlingen" in "Stadt Wahlingen"), compared spelling-tolerant.
 */
export const livesIn = (person: Pick<PersonRow, 'city'>, municipalityName: string): boolean => {
  const town = firstWord(person.city);
  return (
    town !== '' &&
    applicantNameKey(municipalityName)
      .split(/[\s-]+/)
      .includes(town)
  );
};

/**
 * Decides the eligibility of every pool entry of the election (BWahlG § 9(2)) against its roll:
 * residents by name and birth date in the roll (their home district comes with it), others by
 * their declaration. One query per run, not one per person.
 */
export async function refreshEligibility(
  repository: PollWorkersRepository,
  context: ElectionNightContext,
  people: readonly PersonRow[],
  pool: readonly PoolRow[],
): Promise<
  {
    personId: string;
    eligibility: ReturnType<typeof decidePollWorkerEligibility>['state'];
    reason: string | null;
    homeDistrictId: string | null;
  }[]
> {
  const byId = new Map(people.map((person) => [person.id, person]));
  const entries = pool.filter((entry) => byId.has(entry.personId));
  const [rollImported, candidates] = await Promise.all([
    repository.rollExists(context.electionId),
    repository.candidates(context.electionId),
  ]);
  const isCandidate = candidateMatcher(candidates);
  const roll = rollImported
    ? await repository.rollEntriesBornOn(
        context.electionId,
        entries.map((entry) => byId.get(entry.personId)!.birthDate),
      )
    : [];
  const rollByKey = new Map(roll.map((row) => [identityKey(row), row]));
  return entries.map((entry) => {
    const person = byId.get(entry.personId)!;
    const match = rollByKey.get(identityKey(person));
    const decision = decidePollWorkerEligibility(
      {
        birthDate: person.birthDate,
        livesInMunicipality: livesIn(person, context.municipality.name),
        rollImported,
        foundInRoll: match !== undefined,
        declaredEligible: entry.declaredEligible,
        isCandidate: isCandidate(person),
      },
      context.kind,
      context.electionDay,
    );
    return { personId: entry.personId, eligibility: decision.state, reason: decision.reason, homeDistrictId: match?.districtId ?? null };
  });
}
