// What the public sees of an election (issue 6): only confirmed, aggregated results (R8.5).
// Served as static JSON under /api/public/... and pushed over socket.io as snapshot + deltas.
import type { ElectionKind, IsoDate } from '../election/election-definition.types';

export type PublicList = {
  readonly id: string;
  readonly ballotPosition: number;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  /** In a candidate contest (Erststimme, mayor) the list's candidate, whose votes the list's are; absent elsewhere. */
  readonly candidate?: PublicCandidate;
};

/** A candidate as the public page names it: "Dr. Erika Mustermann" (candidateName), the family name for short labels. */
export type PublicCandidate = {
  readonly name: string;
  readonly familyName: string;
};

export type PublicContest = {
  readonly id: string;
  readonly name: string;
  readonly ballotType: 'candidate' | 'list' | 'council';
  readonly lists: readonly PublicList[];
};

/**
 * `municipality` and above aggregate, `stadtbezirk`/`stadtteil` are the optional areas between the
 * municipality and its districts (number: the definition's key); `district` is an Urnenwahlbezirk,
 * `postal-district` a Briefwahlbezirk.
 */
export type PublicAreaLevel =
  'land' | 'constituency' | 'county' | 'municipality' | 'stadtbezirk' | 'stadtteil' | 'district' | 'postal-district';

export type PublicArea = {
  readonly id: string;
  readonly parentId: string | null;
  readonly level: PublicAreaLevel;
  /** Official number (district number, AGS …). */
  readonly number: string;
  readonly name: string;
};

export type PublicListResult = {
  readonly listId: string;
  readonly votes: number;
  /** Percent of the valid votes, one decimal; null while nothing is reported. */
  readonly percent: number | null;
  readonly previousPercent: number | null;
  /** Change against the previous election in percentage points. */
  readonly changePoints: number | null;
};

export type PublicContestResult = {
  readonly contestId: string;
  readonly invalid: number;
  readonly valid: number;
  readonly lists: readonly PublicListResult[];
};

export type PublicAreaResult = {
  readonly areaId: string;
  /** P12: districts reported of districts expected below this area. */
  readonly reported: number;
  readonly expected: number;
  /** Eligible voters (A) of the reported polling districts; null for a postal district. */
  readonly eligible: number | null;
  /** Voters (B). */
  readonly voters: number;
  /** P10: turnout over complete units only; null when none is complete. */
  readonly turnoutPercent: number | null;
  readonly previousTurnoutPercent: number | null;
  readonly contests: readonly PublicContestResult[];
  /**
   * R8.5: a small district is shown only merged with another, or not at all. `merged`: both
   * districts carry the sum of the two (progress stays their own). `withheld`: `reported` stays,
   * every number is 0 or null (eligible, turnout and shares null, votes 0).
   * R8.7: `partial` – an area total without `heldBack` reported districts, held back until they can
   * no longer be derived from it (by difference with other figures or an earlier version).
   */
  readonly publication:
    | { readonly kind: 'published' }
    | { readonly kind: 'merged'; readonly withAreaId: string }
    | { readonly kind: 'withheld' }
    | { readonly kind: 'partial'; readonly heldBack: number };
  /** The municipality only, while districts are missing and the previous election allows it: the Hochrechnung per contest. */
  readonly projections?: readonly PublicProjection[];
};

/**
 * Hochrechnung of one contest for the municipality (results/projection.ts): shares in percent with
 * an interval of about 95 %, one decimal; from `countedUnits` published districts or merged pairs.
 */
export type PublicProjection = {
  readonly contestId: string;
  readonly countedUnits: number;
  readonly lists: readonly { readonly listId: string; readonly percent: number; readonly low: number; readonly high: number }[];
};

/** The whole public state of one election at one version. */
export type PublicElectionSnapshot = {
  readonly electionId: string;
  readonly name: string;
  readonly kind: ElectionKind;
  readonly electionDay: IsoDate;
  readonly municipalityName: string;
  readonly previousElectionName: string | null;
  /** Probe: a rehearsal, not real results; every page and file says so (REHEARSAL_WATERMARK). */
  readonly rehearsal: boolean;
  /** Increases by one with every published change; clients detect gaps with it. */
  readonly version: number;
  /** ISO timestamp of the data ("Stand"). */
  readonly updatedAt: string;
  /** `provisional-final` once every district has reported; `final` is for the official final result. */
  readonly status: 'waiting' | 'counting' | 'provisional-final' | 'final';
  readonly contests: readonly PublicContest[];
  readonly areas: readonly PublicArea[];
  readonly results: readonly PublicAreaResult[];
};

/** The change from `fromVersion` to `version`: the results of the areas that changed. */
export type PublicElectionDelta = {
  readonly electionId: string;
  readonly fromVersion: number;
  readonly version: number;
  readonly updatedAt: string;
  readonly status: PublicElectionSnapshot['status'];
  readonly results: readonly PublicAreaResult[];
  /**
   * Narrowed to one area's view only: the area entries outside the view that its results name as
   * their R8.5 merge partner, as the view's snapshot carries them (no result of theirs); absent if none.
   */
  readonly areas?: readonly PublicArea[];
};

/** The list of elections with public results. */
export type PublicElectionSummary = {
  readonly electionId: string;
  readonly name: string;
  readonly kind: ElectionKind;
  readonly electionDay: IsoDate;
  readonly municipalityName: string;
  readonly rehearsal: boolean;
  readonly status: PublicElectionSnapshot['status'];
  readonly reported: number;
  readonly expected: number;
  readonly updatedAt: string;
};

/** The watermark of a rehearsal (Probe) on every public page, file, export and webhook. */
export const REHEARSAL_WATERMARK = 'PROBE – keine echten Ergebnisse';

// The socket events of the public live channel are typed in libs/contracts (realtime.ts).
