import type { ElectionKind } from '../election/election-definition.types';
import { ELIGIBILITY_RULES, hasCompletedAge } from '../roll/eligibility';
import type { EligibilityState, PollWorkerIneligibilityReason, RefusalGround } from './poll-worker.types';

// Board members must be eligible voters of the election (BWahlG § 9(2) S. 1; BW Kommunal: KomWG
// § 14(1), R7.1) and never candidates or Vertrauenspersonen (§ 9(3), R7.3). A person living in the
// municipality is checked against the election's roll import; one living elsewhere declares it.

export type PollWorkerEligibilityFacts = {
  readonly birthDate: string;
  /** The person's address is in the election's municipality. */
  readonly livesInMunicipality: boolean;
  /** Whether a roll is imported for the election, and whether the person was found in it. */
  readonly rollImported: boolean;
  readonly foundInRoll: boolean;
  /** Declared to be an eligible voter (for people living elsewhere). */
  readonly declaredEligible: boolean;
  /** On a list of candidates or Vertrauenspersonen of the election. */
  readonly isCandidate: boolean;
};

export type PollWorkerEligibility =
  | { readonly state: Exclude<EligibilityState, 'ineligible'>; readonly reason: null }
  | { readonly state: 'ineligible'; readonly reason: PollWorkerIneligibilityReason };

export function decidePollWorkerEligibility(
  facts: PollWorkerEligibilityFacts,
  kind: ElectionKind,
  electionDay: string,
): PollWorkerEligibility {
  // § 9(3) BWahlG: candidates and Vertrauenspersonen may not be members, whatever else holds.
  if (facts.isCandidate) return { state: 'ineligible', reason: 'candidate' };
  // R1.2/R1.5: the election's minimum age, completed on election day.
  if (!hasCompletedAge(facts.birthDate, ELIGIBILITY_RULES[kind].minAge, electionDay)) return { state: 'ineligible', reason: 'under-age' };
  if (facts.livesInMunicipality) {
    if (facts.foundInRoll) return { state: 'register', reason: null };
    return facts.rollImported ? { state: 'ineligible', reason: 'not-in-roll' } : { state: 'unchecked', reason: null };
  }
  return facts.declaredEligible ? { state: 'declared', reason: null } : { state: 'unchecked', reason: null };
}

/** Only these may take a seat. */
export const canServe = (state: EligibilityState): boolean => state === 'register' || state === 'declared';

/** BWO § 9 Nr. 3 (as of 2024): who has completed 67 years on election day may refuse (65 before; parametrised). */
export const REFUSAL_AGE = 67;

export const mayRefuseForAge = (birthDate: string, electionDay: string, refusalAge: number = REFUSAL_AGE): boolean =>
  hasCompletedAge(birthDate, refusalAge, electionDay);

/** German labels of the refusal grounds (BWahlG § 11(1); BWO § 9; R7.4). */
export const REFUSAL_GROUND_LABELS: Readonly<Record<RefusalGround, string>> = {
  'government-member': 'Mitglied der Bundes- oder einer Landesregierung (§ 9 Nr. 1 BWO)',
  'parliament-member': 'Mitglied des Europäischen Parlaments, des Bundestages oder eines Landtages (§ 9 Nr. 2 BWO)',
  age: 'Hat am Wahltag das 67. Lebensjahr vollendet (§ 9 Nr. 3 BWO)',
  'family-care': 'Sorge für die Familie erschwert die Ausübung erheblich (§ 9 Nr. 4 BWO)',
  'urgent-work': 'Dringende berufliche Gründe (§ 9 Nr. 5 BWO)',
  illness: 'Krankheit oder Behinderung (§ 9 Nr. 6 BWO)',
  'other-important': 'Sonstiger wichtiger Grund, glaubhaft gemacht (§ 9 Nr. 7 BWO)',
};

/** German labels of the reasons a person cannot serve. */
export const POLL_WORKER_INELIGIBILITY_LABELS: Readonly<Record<PollWorkerIneligibilityReason, string>> = {
  'not-in-roll': 'Wohnt in der Gemeinde, steht aber nicht im Wählerverzeichnis dieser Wahl (§ 9 Abs. 2 BWahlG).',
  'under-age': 'Hat am Wahltag das Mindestalter für das Wahlrecht noch nicht erreicht.',
  'declared-not-eligible': 'Nach eigener Erklärung nicht wahlberechtigt.',
  candidate: 'Bewerberin, Bewerber oder Vertrauensperson dieser Wahl (§ 9 Abs. 3 BWahlG).',
};
