import type { ElectionKind, IsoDate } from '../election/election-definition.types';
import { addDays } from '../election/iso-date';
import { completionDay, requireIsoDate } from './calendar-month';
import { EU_MEMBER_STATES, GERMANY } from './country-codes';
import {
  ELIGIBILITY_RULES,
  type EligibilityResident,
  type IneligibilityReason,
  type KindEligibilityRules,
  type RollEntryDecision,
} from './eligibility';

// decideRollEntry (R1.1–R1.8) for a whole register: the same decisions, with the election's dates
// turned into thresholds once. Completing an age or a residence period is monotonic in the start
// day, so "completed on election day" is "started on or before the last such start day", a string
// comparison of ISO dates per resident instead of calendar arithmetic. A property test checks it
// against decideRollEntry. Dates of residents are taken as valid (the register parser checked them).

/** The last start day from which `months` calendar months (start day counted in) have run by `day`. */
export function latestStartCompletedBy(day: IsoDate, months: number): IsoDate {
  const { year, month } = requireIsoDate(day);
  // The same day number `months` earlier is a candidate; month-end rules (BGB § 188(3)) move the
  // answer by a few days at most, so a short walk from a week later finds it.
  const index = year * 12 + (month - 1) - months;
  const candidate = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  let latest: IsoDate | null = null;
  for (let start = addDays(candidate, -3); start <= addDays(candidate, 40); start = addDays(start, 1)) {
    if (completionDay(start, months) <= day) latest = start;
    else if (latest !== null) break;
  }
  if (latest === null) throw new RangeError(`No start day completes ${months} months by ${day}`);
  return latest;
}

const ENTERED: RollEntryDecision = { entered: true };

/** decideRollEntry with the election fixed: `(resident) => decision`, for millions of residents. */
export function createRollEntryDecider(
  kind: ElectionKind,
  electionDay: IsoDate,
  cutoffDay: IsoDate,
  overrides: Partial<KindEligibilityRules> = {},
): (resident: EligibilityResident) => RollEntryDecision {
  requireIsoDate(electionDay);
  requireIsoDate(cutoffDay);
  if (cutoffDay > electionDay) throw new RangeError(`Cut-off day ${cutoffDay} is after election day ${electionDay}`);
  const rules = { ...ELIGIBILITY_RULES[kind], ...overrides };
  const bornBy = latestStartCompletedBy(electionDay, rules.minAge * 12);
  const livingSince = latestStartCompletedBy(electionDay, rules.residenceMonths);
  const euAllowed = rules.citizenship === 'german-or-eu';
  const residenceReason: IneligibilityReason =
    rules.residenceArea === 'germany-or-eu' ? 'RESIDENCE_ABROAD_UNVERIFIED' : 'RESIDENCE_TOO_SHORT';

  return (resident) => {
    let reasons: IneligibilityReason[] | null = null;
    const add = (reason: IneligibilityReason): void => {
      (reasons ??= []).push(reason);
    };
    // Same order as decideRollEntry: the first reason is the main one.
    if (resident.moveInDate !== null && resident.moveInDate > cutoffDay) add('MOVED_IN_AFTER_CUTOFF');
    if (resident.dwellingStatus === 'N') add('SECONDARY_DWELLING');
    const german = resident.nationalities.includes(GERMANY);
    const euCitizen = !german && resident.nationalities.some((code) => EU_MEMBER_STATES.has(code));
    if (!german && !(euCitizen && euAllowed)) add('NOT_CITIZEN');
    else if (euCitizen && rules.euCitizensOnApplication && resident.euElectionEntryOnRecord !== true) add('EU_CITIZEN_NEEDS_APPLICATION');
    if (resident.birthDate > bornBy) add('UNDER_AGE');
    const restartingMove = rules.residenceArea === 'municipality' ? resident.moveInDate : resident.arrivedFromAbroad;
    if (restartingMove !== null && restartingMove > livingSince) add(residenceReason);
    if (resident.excludedFromVoting) add('EXCLUDED_BY_COURT');
    if (reasons === null) return ENTERED;
    const [first, ...rest] = reasons as IneligibilityReason[];
    return { entered: false, reasons: [first!, ...rest] };
  };
}
