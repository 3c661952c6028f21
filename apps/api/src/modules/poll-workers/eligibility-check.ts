import { applicantNameKey, decidePollWorkerEligibility } from '@wahl/domain';
import type { ElectionNightContext } from '../elections/read-model/election-night-context';
import type { PersonRow, PollWorkersRepository, PoolRow } from './poll-workers.repository';

const firstWord = (text: string): string => applicantNameKey(text).split(' ')[0] ?? '';

const identityKey = (person: { birthDate: string; familyName: string; givenNames: string }): string =>
  `${person.birthDate}|${applicantNameKey(person.familyName)}|${firstWord(person.givenNames)}`;

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
  const rollImported = await repository.rollExists(context.electionId);
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
        isCandidate: false,
      },
      context.kind,
      context.electionDay,
    );
    return { personId: entry.personId, eligibility: decision.state, reason: decision.reason, homeDistrictId: match?.districtId ?? null };
  });
}
