import type { ElectionKind, IsoDate } from '../election/election-definition.types';
import { completionDay, requireIsoDate } from './calendar-month';
import { EU_MEMBER_STATES, GERMANY } from './country-codes';

// Entry in the roll ex officio (R1.1–R1.8): who is entered as of the Stichtag, and if not, why.
// Pure: election day and cut-off day are parameters; no clock is read.

/** Where the three months of residence (R1.3) must have been spent. */
export type ResidenceArea =
  /** Moves between German municipalities keep the period; only a move from abroad restarts it. */
  | 'germany'
  /** As `germany`, but a dwelling in another EU member state counts too (EuWG § 6(1) S. 1 Nr. 2, S. 2). */
  | 'germany-or-eu'
  /** The period runs from the move into this municipality. */
  | 'municipality';

export type KindEligibilityRules = {
  /** Completed years on election day (R1.2). */
  readonly minAge: number;
  /** `german`: only Germans (Art. 116(1) GG); `german-or-eu`: also citizens of other EU member states. */
  readonly citizenship: 'german' | 'german-or-eu';
  /** EU citizens who are not German are entered only on application (Europawahl, EuWO § 17a(1)). */
  readonly euCitizensOnApplication: boolean;
  readonly residenceArea: ResidenceArea;
  /** Months of residence before election day (R1.3, R1.6). */
  readonly residenceMonths: number;
};

/**
 * Per election kind (R0.2). Uncertain items stay overridable per election through `rules`.
 * - bundestag: BWahlG § 12(1): German, 18, three months in Germany.
 * - europawahl: EuWG § 6(1),(3): Germans and EU citizens, 16 since the Sechstes Gesetz zur Änderung
 *   des EuWG v. 11.01.2023 (BGBl. 2023 I Nr. 11; passed Nov 2022, first applied 09.06.2024);
 *   three months in Germany or another EU state. EU citizens: on application (EuWO § 17a(1)) unless
 *   entered before (EuWO § 17b(1)), see `euElectionEntryOnRecord`.
 * - landtag-bw: LWG § 7 as amended 26.04.2022 (GBl. S. 237): German, 16, three months in the Land
 *   [UNCERTAIN exact wording]. The register format only tells a move from abroad, not one from another
 *   Land, so the period is checked against Germany: a person who moved from another Land less than
 *   three months ago is not caught here.
 * - gemeinderat-bw, buergermeister-bw: GemO § 12(1): German or EU citizen, 16, three months in the
 *   municipality (main dwelling, KomWO § 51d(3)).
 * - kreistag-bw: LKrO § 10: three months in the Landkreis [UNCERTAIN]. The register does not tell
 *   whether a move came from within the county, so the municipality move-in is used (conservative:
 *   a move within the county restarts the period here; override `residenceArea` if the office knows better).
 */
export const ELIGIBILITY_RULES: Readonly<Record<ElectionKind, KindEligibilityRules>> = {
  bundestag: { minAge: 18, citizenship: 'german', euCitizensOnApplication: false, residenceArea: 'germany', residenceMonths: 3 },
  europawahl: {
    minAge: 16,
    citizenship: 'german-or-eu',
    euCitizensOnApplication: true,
    residenceArea: 'germany-or-eu',
    residenceMonths: 3,
  },
  'landtag-bw': { minAge: 16, citizenship: 'german', euCitizensOnApplication: false, residenceArea: 'germany', residenceMonths: 3 },
  'gemeinderat-bw': {
    minAge: 16,
    citizenship: 'german-or-eu',
    euCitizensOnApplication: false,
    residenceArea: 'municipality',
    residenceMonths: 3,
  },
  'kreistag-bw': {
    minAge: 16,
    citizenship: 'german-or-eu',
    euCitizensOnApplication: false,
    residenceArea: 'municipality',
    residenceMonths: 3,
  },
  'buergermeister-bw': {
    minAge: 16,
    citizenship: 'german-or-eu',
    euCitizensOnApplication: false,
    residenceArea: 'municipality',
    residenceMonths: 3,
  },
};

/** Why a resident is not entered ex officio; listed in this order, the first is the main reason. */
export const INELIGIBILITY_REASONS = [
  'MOVED_IN_AFTER_CUTOFF',
  'SECONDARY_DWELLING',
  'NOT_CITIZEN',
  'EU_CITIZEN_NEEDS_APPLICATION',
  'UNDER_AGE',
  'RESIDENCE_TOO_SHORT',
  'RESIDENCE_ABROAD_UNVERIFIED',
  'EXCLUDED_BY_COURT',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export const INELIGIBILITY_REASON_LABELS: Readonly<Record<IneligibilityReason, string>> = {
  MOVED_IN_AFTER_CUTOFF: 'Am Stichtag noch nicht in der Gemeinde gemeldet (Zuzug nach dem Stichtag).',
  SECONDARY_DWELLING: 'Nur mit Nebenwohnung gemeldet; eingetragen wird in der Gemeinde der Hauptwohnung.',
  NOT_CITIZEN:
    'Keine Staatsangehörigkeit, die zu dieser Wahl berechtigt (deutsch; bei Kommunal- und Europawahlen auch die eines anderen EU-Mitgliedstaats).',
  EU_CITIZEN_NEEDS_APPLICATION: 'Unionsbürgerin oder Unionsbürger: Eintragung bei der Europawahl nur auf Antrag.',
  UNDER_AGE: 'Hat am Wahltag das Mindestalter noch nicht erreicht.',
  RESIDENCE_TOO_SHORT: 'Wohnt am Wahltag noch keine drei Monate im Wahlgebiet.',
  RESIDENCE_ABROAD_UNVERIFIED:
    'Vor weniger als drei Monaten aus dem Ausland zugezogen; eine vorherige Wohnung in einem anderen EU-Mitgliedstaat zählt mit – bitte prüfen.',
  EXCLUDED_BY_COURT: 'Infolge Richterspruchs vom Wahlrecht ausgeschlossen.',
};

/** The facts of one resident the decision needs (a `RegisterRecord` fits). */
export type EligibilityResident = {
  readonly birthDate: IsoDate;
  /** ISO 3166-1 alpha-2 codes; empty for stateless or unknown. */
  readonly nationalities: readonly string[];
  /** `H`: main or only dwelling; `N`: secondary dwelling (the main one is elsewhere in Germany). */
  readonly dwellingStatus: 'H' | 'N';
  /** Day of the move into the municipality; null if living here since birth or before records. */
  readonly moveInDate: IsoDate | null;
  /** Day the person came to Germany from abroad (Zuzug aus dem Ausland); null when not applicable. */
  readonly arrivedFromAbroad: IsoDate | null;
  /** Deprived of the right to vote by a court decision (BWahlG § 13). */
  readonly excludedFromVoting: boolean;
  /**
   * EU citizen already entered on application at an earlier Europawahl (EuWO § 17b(1); kept in the
   * register under BMG § 3(2) Nr. 1 b). Not a column of the register CSV; defaults to false.
   */
  readonly euElectionEntryOnRecord?: boolean;
};

export type RollEntryDecision =
  { readonly entered: true } | { readonly entered: false; readonly reasons: readonly [IneligibilityReason, ...IneligibilityReason[]] };

/**
 * R1.5: `min_age` years completed on election day. The day of birth counts (BGB § 187(2) S. 2), so
 * the year of life ends with the day before the birthday, and a person whose 18th birthday is the
 * election day is eligible; a birthday on the day after is not (standard practice; DOMAIN R1.5 notes
 * the literal-reading doubt). Born 29 Feb: in a non-leap year the period ends with 28 Feb (§ 188(3)),
 * so the age is completed on 1 Mar — born 2008-02-29 is 18 on 2026-03-01, not on 2026-02-28.
 * Equivalent to `birth + min_age years <= election day` with 29 Feb + n → 1 Mar.
 */
export function hasCompletedAge(birthDate: IsoDate, minAge: number, electionDay: IsoDate): boolean {
  return completionDay(birthDate, minAge * 12) <= electionDay;
}

/**
 * R1.6: three months of residence on election day. The day of moving in counts into the period
 * (BWahlG § 12(5) [verify wording]; assumed likewise for LWG and GemO), so the period is computed like
 * an age: moved in 2024-11-23 → three months completed on 2025-02-23, eligible at the Bundestag
 * election that day (municipal notices for 2025: "seit mindestens 23. November 2024").
 * Equivalent to DOMAIN's `move_in <= election_day − 3 months` with month-end clamping
 * (30 Nov 2025 − 3 months = 30 Aug: moved in 31 Aug is not yet eligible).
 */
export function hasCompletedResidence(moveInDate: IsoDate, months: number, electionDay: IsoDate): boolean {
  return completionDay(moveInDate, months) <= electionDay;
}

/**
 * Whether `resident` is entered in this municipality's roll ex officio for an election of `kind`
 * on `electionDay`, registered as of `cutoffDay` (Stichtag, R1.7/R1.8; day 42 or 35, see the
 * election's deadlines). Entry on application (R1.9) is outside this decision.
 */
export function decideRollEntry(
  resident: EligibilityResident,
  kind: ElectionKind,
  electionDay: IsoDate,
  cutoffDay: IsoDate,
  overrides: Partial<KindEligibilityRules> = {},
): RollEntryDecision {
  requireIsoDate(electionDay);
  requireIsoDate(cutoffDay);
  requireIsoDate(resident.birthDate);
  if (resident.moveInDate !== null) requireIsoDate(resident.moveInDate);
  if (cutoffDay > electionDay) throw new RangeError(`Cut-off day ${cutoffDay} is after election day ${electionDay}`);
  const rules = { ...ELIGIBILITY_RULES[kind], ...overrides };
  const reasons: IneligibilityReason[] = [];

  // R1.7/R1.8: registered in the municipality on the Stichtag. The register's move-in date stands
  // for the registration; a move within the municipality does not change it.
  if (resident.moveInDate !== null && resident.moveInDate > cutoffDay) reasons.push('MOVED_IN_AFTER_CUTOFF');

  // BWO § 16(1) Nr. 1, EuWO § 15(1) Nr. 1: "bei mehreren Wohnungen für ihre Hauptwohnung"; BW municipal:
  // KomWO § 51d(3) / GemO § 12. A secondary dwelling here means the main one is in another German
  // municipality (BMG § 21, § 22), which enters the person; so never ex officio here, for every kind.
  if (resident.dwellingStatus === 'N') reasons.push('SECONDARY_DWELLING');

  // R1.1: DE among the nationalities makes a German, whatever else they hold.
  const german = resident.nationalities.includes(GERMANY);
  const euCitizen = !german && resident.nationalities.some((code) => EU_MEMBER_STATES.has(code));
  if (!german && !(euCitizen && rules.citizenship === 'german-or-eu')) reasons.push('NOT_CITIZEN');
  else if (euCitizen && rules.euCitizensOnApplication && resident.euElectionEntryOnRecord !== true) {
    // EuWO § 17a(1) application; § 17b(1) ex officio after an earlier entry [UNCERTAIN whether the
    // register extract marks that entry; until it does, such persons are listed here to check].
    reasons.push('EU_CITIZEN_NEEDS_APPLICATION');
  }

  // R1.2, R1.5
  if (!hasCompletedAge(resident.birthDate, rules.minAge, electionDay)) reasons.push('UNDER_AGE');

  // R1.3, R1.6: which move restarts the period depends on the area that counts.
  // Municipal kinds count from the move into the municipality; the others from the arrival in
  // Germany, so a move from another German municipality keeps the months already lived here.
  const restartingMove = rules.residenceArea === 'municipality' ? resident.moveInDate : resident.arrivedFromAbroad;
  if (restartingMove !== null && !hasCompletedResidence(restartingMove, rules.residenceMonths, electionDay)) {
    // Europawahl: a dwelling in another EU state counts (EuWG § 6(1) S. 2), but the register does not
    // say where the person came from, so the case is flagged for a check rather than decided.
    reasons.push(rules.residenceArea === 'germany-or-eu' ? 'RESIDENCE_ABROAD_UNVERIFIED' : 'RESIDENCE_TOO_SHORT');
  }

  // R1.4: BWahlG § 13, EuWG § 6a; BW kinds the same principle (GemO § 14, LWG) [UNCERTAIN paragraphs].
  if (resident.excludedFromVoting) reasons.push('EXCLUDED_BY_COURT');

  const [first, ...rest] = reasons;
  return first === undefined ? { entered: true } : { entered: false, reasons: [first, ...rest] };
}
