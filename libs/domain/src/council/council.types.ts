import type { Result } from '../result';
import type { ListId, LotRequired } from '../seat-allocation/seat-allocation.types';

// BW Gemeinderatswahl (DOMAIN.md 5): cumulative (R5.2) and split (R5.3) voting on list ballots.
// Unechte Teilortswahl (R5.9: seats reserved per Wohnbezirk) is NOT modelled here.

/** Key of a candidate as the caller names it (unique within the contest). */
export type CandidateId = string;

/** A list (Wahlvorschlag) with its candidates in list order (position 1 first). */
export type CouncilList = {
  readonly id: ListId;
  readonly candidates: readonly CandidateId[];
};

export type CouncilContest = {
  /** Seats of the council = votes per ballot (R5.1, GemO § 26(2)). */
  readonly seats: number;
  /** 3 in BW (R5.2, GemO § 26(2)). */
  readonly maxVotesPerCandidate: number;
  /** In ballot order. */
  readonly lists: readonly CouncilList[];
};

/**
 * Choices the law leaves open in DOMAIN.md (marked [UNCERTAIN] there); each is a per-election
 * setting with the believed rule as default.
 */
export type CouncilPolicy = {
  /**
   * R5.5: more than `maxVotesPerCandidate` votes for one candidate. `void-excess` (default, the
   * believed rule): the candidate keeps the maximum, only the excess votes are void.
   * `invalidate-ballot`: the whole ballot is invalid.
   */
  readonly excessVotesPerCandidate: 'void-excess' | 'invalidate-ballot';
  /**
   * R5.8: equal votes inside a list at the last seat of that list. `list-order` (default): the
   * candidate higher on the list wins. `lot`: reported as a lot, completed by recorded lots.
   */
  readonly candidateTie: 'list-order' | 'lot';
};

export const DEFAULT_COUNCIL_POLICY: CouncilPolicy = { excessVotesPerCandidate: 'void-excess', candidateTie: 'list-order' };

/** Votes the voter wrote next to one candidate (1–3 allowed; more is entered as marked, see policy). */
export type CouncilMark = { readonly candidate: CandidateId; readonly votes: number };

/**
 * A changed ballot (R5.2–R5.4), entered one by one. `paper` is the list whose printed ballot paper
 * was used, or null for the blank paper without a list; the ballot is counted as a changed ballot
 * of that list even when its votes went to candidates of other lists (R5.3).
 */
export type ChangedCouncilBallot = {
  readonly paper: ListId | null;
  readonly marks: readonly CouncilMark[];
};

/** One stack of ballots as a counting team enters it. */
export type CouncilBatch = {
  /** Unchanged list ballots, counted per list (R5.4 exception, R5.6). */
  readonly unchanged: Readonly<Record<ListId, number>>;
  readonly changed: readonly ChangedCouncilBallot[];
  /** Ballots the board rejected on their face (no mark at all, identifying marks, …), counted only. */
  readonly rejected: number;
};

export type InvalidBallotReason =
  /** R5.5: more votes in total than seats. */
  | 'too-many-votes'
  /** More than the maximum for one candidate under the policy `invalidate-ballot`. */
  | 'too-many-for-candidate'
  /** A changed ballot without any vote. */
  | 'no-votes'
  /** Rejected by the board (see CouncilBatch.rejected). */
  | 'rejected';

export const INVALID_BALLOT_REASONS = [
  'too-many-votes',
  'too-many-for-candidate',
  'no-votes',
  'rejected',
] as const satisfies readonly InvalidBallotReason[];

export type ChangedBallotEvaluation =
  | {
      readonly valid: true;
      /** The votes that count, per candidate (excess removed under `void-excess`). */
      readonly votes: ReadonlyMap<CandidateId, number>;
      /** Votes marked beyond the per-candidate maximum and therefore void. */
      readonly voidVotes: number;
    }
  | { readonly valid: false; readonly reason: Exclude<InvalidBallotReason, 'rejected'> };

/** Ballots counted for one list's ballot paper (valid ballots only), for the count record (R5.6). */
export type CouncilPaperCounts = { readonly unchangedBallots: number; readonly changedBallots: number };

/**
 * Sums over any number of ballots. Tallies of batches add up field by field (`mergeCouncilTallies`),
 * so teams can count in parallel and the totals do not depend on the order of batches.
 */
export type CouncilTally = {
  readonly ballots: number;
  readonly validBallots: number;
  readonly invalidBallots: Readonly<Record<InvalidBallotReason, number>>;
  /** Valid changed ballots on the blank paper. */
  readonly blankPaperBallots: number;
  /** Every list of the contest, 0 included. */
  readonly papers: Readonly<Record<ListId, CouncilPaperCounts>>;
  /** Every candidate of the contest, 0 included. */
  readonly candidateVotes: Readonly<Record<CandidateId, number>>;
  /** Excess votes for single candidates that were void (policy `void-excess`). */
  readonly voidVotes: number;
  /** Votes of unchanged ballots lost because the list has fewer candidates than seats (R5.4). */
  readonly lostVotes: number;
};

export type CouncilEntryErrorCode = 'UNKNOWN_LIST' | 'UNKNOWN_CANDIDATE' | 'DUPLICATE_CANDIDATE' | 'INVALID_COUNT';

/** A mistake in the entry itself (not a ballot the law calls invalid): the batch must be corrected. */
export type CouncilEntryError = {
  readonly code: CouncilEntryErrorCode;
  /** JSON path into the batch, e.g. `$.changed[3].marks[1].candidate`. */
  readonly path: string;
  /** German, shown to users. */
  readonly message: string;
};

export type CouncilTallyResult = Result<CouncilTally, readonly CouncilEntryError[]>;

export type CandidateLotRequired = {
  readonly list: ListId;
  /** The tied candidates in list order; `seatsLeft` of them are elected by lot. */
  readonly candidates: readonly CandidateId[];
  readonly seatsLeft: number;
};

export type CouncilListResult = {
  readonly list: ListId;
  /** Sum of the votes of its candidates (R5.6). */
  readonly votes: number;
  /** Certain seats (R5.7); with a lot pending between lists only those not in question. */
  readonly seats: number;
  /** Elected candidates, most votes first (R5.8). */
  readonly elected: readonly CandidateId[];
  /** Everyone else, in order of votes (ties in list order): the Ersatzpersonen (R5.8). */
  readonly substitutes: readonly CandidateId[];
  /** Seats the list won but cannot fill for lack of candidates. */
  readonly unfilledSeats: number;
  /** Under policy `lot`: a tie inside the list at its last seat, still open. */
  readonly lotRequired: CandidateLotRequired | null;
};

export type CouncilAllocation = {
  readonly seats: number;
  /** In contest order. */
  readonly lists: readonly CouncilListResult[];
  /** The Oberverteilung needs a drawing of lots between lists (R5.7). */
  readonly lotRequired: LotRequired | null;
};

export type CouncilAllocationInput = {
  readonly contest: CouncilContest;
  readonly candidateVotes: Readonly<Record<CandidateId, number>>;
  readonly policy?: CouncilPolicy;
  /** Recorded drawing of lots between lists (see SeatAllocationInput.lots). */
  readonly lots?: readonly ListId[];
  /** Recorded drawing of lots inside a list (policy `lot`): winners in draw order. */
  readonly candidateLots?: Readonly<Record<ListId, readonly CandidateId[]>>;
};
