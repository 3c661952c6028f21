// Schnellmeldung (quick report) of one district for one election, as entered on election night.
// Plain JSON data: a server stores each version as is and feeds it to `checkQuickReport`,
// `applyReport` and `decidePublication`. Keys A…B1 are the Kennbuchstaben of DOMAIN.md 4.1.

/** Urnenwahlbezirk (Bezirksart 0) or Briefwahlbezirk (Bezirksart 5), R2.5. */
export type DistrictKind = 'polling' | 'postal';

/**
 * Counts of one contest (ballot) of the report. The first contest of an election maps to the
 * letters C/D/D1…Dn (Erststimme or the single vote), the second to E/F/F1…Fn (Zweitstimme),
 * see `contestLetters`.
 */
export type ContestCounts = {
  readonly contestId: string;
  /** C (resp. E): invalid votes. For a council ballot (R5.6): invalid ballots. */
  readonly invalid: number;
  /** D (resp. F): valid votes. For a council ballot (R5.6): valid ballots. */
  readonly valid: number;
  /** D1…Dn (resp. F1…Fn) keyed by list id; ballot order comes from the election definition. */
  readonly votes: Readonly<Record<string, number>>;
};

export type QuickReport = {
  readonly districtId: string;
  readonly districtKind: DistrictKind;
  /**
   * Eligible voters A = A1 + A2 + A3 and its parts (4.1). A postal district has no eligible voters
   * of its own (R2.5), so all four are `null` there – "not applicable", never 0 (P9).
   */
  readonly A: number | null;
  /** In the roll without Sperrvermerk "W". */
  readonly A1: number | null;
  /** In the roll with Sperrvermerk "W" (Wahlschein issued). */
  readonly A2: number | null;
  /** Not in the roll, Wahlschein under BWO § 25(2). */
  readonly A3: number | null;
  /** Voters: ballots in the urn resp. admitted ballot envelopes. */
  readonly B: number;
  /** Of which voters with Wahlschein. */
  readonly B1: number;
  readonly contests: readonly ContestCounts[];
  /** Stimmabgabevermerke + eingenommene Wahlscheine, stored beside B (P7, BWO § 68). Not public. */
  readonly markedCount?: number | null;
  /** Free text, mandatory when `markedCount` differs from B (P7). Not public. */
  readonly comment?: string | null;
};

/** A contest as the results functions need it: its list ids in ballot order. */
export type ResultContest = {
  readonly id: string;
  readonly listIds: readonly string[];
  /** Votes per ballot; 1 unless a council ballot with cumulative voting (R5.1). Default 1. */
  readonly votesPerBallot?: number;
};

export type ContestLetters = { readonly invalid: string; readonly valid: string };

// 4.1: C/D for the first contest, E/F for the second; further contests continue the alphabet.
export const contestLetters = (contestIndex: number): ContestLetters => {
  const code = 'C'.charCodeAt(0) + 2 * contestIndex;
  return { invalid: String.fromCharCode(code), valid: String.fromCharCode(code + 1) };
};

/** D1, D2 … for the first contest, F1, F2 … for the second (ballot order, 1-based). */
export const listLetter = (contestIndex: number, listIndex: number): string => `${contestLetters(contestIndex).valid}${listIndex + 1}`;
