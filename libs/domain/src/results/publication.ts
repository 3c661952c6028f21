import type { ResultDistrict } from './aggregation';
import type { ContestCounts, DistrictKind, QuickReport } from './quick-report.types';

// R8.5 (with R2.2, BWO § 12(2) S. 3): results are public per district and above, never per person.
// A district with fewer than 50 voters (B) or 50 eligible voters (A) is published only merged with
// another district. The thresholds are practice, not statute – [UNCERTAIN, confirm with the
// Wahlleiter] – hence configurable.

export type PublicationThresholds = {
  readonly minVoters: number;
  /** Applies to polling districts only: a postal district has no A (R2.5). */
  readonly minEligible: number;
};

export const DEFAULT_PUBLICATION_THRESHOLDS: PublicationThresholds = { minVoters: 50, minEligible: 50 };

export type PublicationDistrict = ResultDistrict & {
  /** The partner the office chose for merging, tried first. */
  readonly mergePartner?: string | null;
};

export type PublicationDecision =
  | { readonly decision: 'publish' }
  /** Published only as the sum of both districts; the partner carries the mirror decision. */
  | { readonly decision: 'merge-with'; readonly districtId: string }
  /** `differencing`: R8.7 – its release would let a withheld district be derived (release-plan.ts). */
  | { readonly decision: 'withhold'; readonly reason: 'not-reported' | 'below-threshold' | 'differencing' };

export type PublicationInput = {
  /** In publication order (district number); neighbours in this order are preferred partners. */
  readonly districts: readonly PublicationDistrict[];
  /** The current version of every reported district. */
  readonly reports: readonly QuickReport[];
  /**
   * Districts whose own result is already public. They are never chosen as a partner: the merged
   * sum minus their public result would reveal the small district.
   */
  readonly alreadyPublished?: readonly string[] | ReadonlySet<string>;
  readonly thresholds?: Partial<PublicationThresholds>;
};

type Size = { readonly voters: number; readonly eligible: number };

export const isLarge = (kind: DistrictKind, size: Size, thresholds: PublicationThresholds): boolean =>
  size.voters >= thresholds.minVoters && (kind === 'postal' || size.eligible >= thresholds.minEligible);

/**
 * Decides per district: publish, merge with one partner of the same kind and area whose sum meets
 * the thresholds, or withhold. Merges are symmetric pairs so that no district appears both alone
 * and inside a sum. Area totals and versions are checked by R8.7 (release-plan.ts), so that a
 * withheld district is never revealed by a difference of published figures.
 */
export const decidePublication = (input: PublicationInput): Record<string, PublicationDecision> => {
  const thresholds = { ...DEFAULT_PUBLICATION_THRESHOLDS, ...input.thresholds };
  const reports = new Map(input.reports.map((report) => [report.districtId, report]));
  const published: ReadonlySet<string> = input.alreadyPublished instanceof Set ? input.alreadyPublished : new Set(input.alreadyPublished);
  const byId = new Map(input.districts.map((district) => [district.id, district]));
  const size = (id: string): Size => {
    const report = reports.get(id) as QuickReport;
    return { voters: report.B, eligible: report.A ?? 0 };
  };

  const decisions: Record<string, PublicationDecision> = {};
  // Every district's key in publication order first, so that the record's order does not depend on
  // which districts merged (release-plan.ts walks the decisions in this order).
  for (const district of input.districts) decisions[district.id] = { decision: 'withhold', reason: 'below-threshold' };
  const decided = new Set<string>();
  for (const district of input.districts) {
    if (!reports.has(district.id)) decisions[district.id] = { decision: 'withhold', reason: 'not-reported' };
    else if (isLarge(district.kind, size(district.id), thresholds)) decisions[district.id] = { decision: 'publish' };
    else continue;
    decided.add(district.id);
  }

  const merged = new Set<string>();
  input.districts.forEach((district, index) => {
    if (decided.has(district.id) || merged.has(district.id)) return;
    const own = size(district.id);
    const fits = (candidate: PublicationDistrict | undefined): candidate is PublicationDistrict => {
      if (!candidate || candidate.id === district.id || merged.has(candidate.id) || published.has(candidate.id)) return false;
      if (!reports.has(candidate.id) || candidate.kind !== district.kind) return false;
      const other = size(candidate.id);
      return isLarge(district.kind, { voters: own.voters + other.voters, eligible: own.eligible + other.eligible }, thresholds);
    };
    const preferred = district.mergePartner ? byId.get(district.mergePartner) : undefined;
    const partner = fits(preferred)
      ? preferred
      : firstNeighbour(input.districts, index, (candidate) => candidate.parent === district.parent && fits(candidate));
    if (!partner) {
      decisions[district.id] = { decision: 'withhold', reason: 'below-threshold' };
      return;
    }
    merged.add(district.id);
    merged.add(partner.id);
    decisions[district.id] = { decision: 'merge-with', districtId: partner.id };
    decisions[partner.id] = { decision: 'merge-with', districtId: district.id };
  });
  return decisions;
};

// The nearest district in publication order that `fits`, by distance: next, previous, second next,
// second previous … Stops at the first that fits: a small district costs its distance to a partner,
// not a pass over every district.
const firstNeighbour = (
  districts: readonly PublicationDistrict[],
  index: number,
  fits: (candidate: PublicationDistrict) => boolean,
): PublicationDistrict | undefined => {
  for (let distance = 1; distance < districts.length; distance += 1) {
    const after = districts[index + distance];
    if (after && fits(after)) return after;
    const before = districts[index - distance];
    if (before && fits(before)) return before;
  }
  return undefined;
};

/** One public result row: a district, or a merged pair shown only as their sum. */
export type PublicDistrictResult = {
  readonly districtIds: readonly string[];
  readonly districtKind: DistrictKind;
  readonly A: number | null;
  readonly A1: number | null;
  readonly A2: number | null;
  readonly A3: number | null;
  readonly B: number;
  readonly B1: number;
  readonly contests: readonly ContestCounts[];
};

const sumNullable = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

/**
 * The rows a public feed may show. B1 and the "W" count (A2) appear only at district level or
 * above – nothing finer exists in a row (R8.5); `markedCount` and `comment` never leave the office
 * (the marks come from the roll, R8.6).
 */
export const publicDistrictResults = (
  districts: readonly PublicationDistrict[],
  reports: readonly QuickReport[],
  decisions: Readonly<Record<string, PublicationDecision>>,
): PublicDistrictResult[] => {
  const byId = new Map(reports.map((report) => [report.districtId, report]));
  const rows: PublicDistrictResult[] = [];
  const done = new Set<string>();
  for (const district of districts) {
    const decision = decisions[district.id];
    const report = byId.get(district.id);
    if (!decision || !report || done.has(district.id) || decision.decision === 'withhold') continue;
    const partner = decision.decision === 'merge-with' ? byId.get(decision.districtId) : undefined;
    if (decision.decision === 'merge-with' && !partner) continue;
    const parts = partner ? [report, partner] : [report];
    parts.forEach((part) => done.add(part.districtId));
    rows.push(parts.slice(1).reduce(addToRow, toPublic(report)));
  }
  return rows;
};

const addToRow = (sum: PublicDistrictResult, part: QuickReport): PublicDistrictResult => ({
  districtIds: [...sum.districtIds, part.districtId],
  districtKind: sum.districtKind,
  A: sumNullable(sum.A, part.A),
  A1: sumNullable(sum.A1, part.A1),
  A2: sumNullable(sum.A2, part.A2),
  A3: sumNullable(sum.A3, part.A3),
  B: sum.B + part.B,
  B1: sum.B1 + part.B1,
  contests: sum.contests.map((contest) => {
    const other = part.contests.find((candidate) => candidate.contestId === contest.contestId);
    const votes = { ...contest.votes };
    for (const [listId, count] of Object.entries(other?.votes ?? {})) votes[listId] = (votes[listId] ?? 0) + count;
    return {
      contestId: contest.contestId,
      invalid: contest.invalid + (other?.invalid ?? 0),
      valid: contest.valid + (other?.valid ?? 0),
      votes,
    };
  }),
});

const toPublic = (report: QuickReport): PublicDistrictResult => ({
  districtIds: [report.districtId],
  districtKind: report.districtKind,
  A: report.A,
  A1: report.A1,
  A2: report.A2,
  A3: report.A3,
  B: report.B,
  B1: report.B1,
  contests: report.contests.map((contest) => ({
    contestId: contest.contestId,
    invalid: contest.invalid,
    valid: contest.valid,
    votes: { ...contest.votes },
  })),
});
