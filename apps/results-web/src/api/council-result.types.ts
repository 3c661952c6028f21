import type { CouncilPolicy } from '@wahl/domain';

// What `GET /api/public/elections/<id>/council-result` answers: the seats of every council contest
// of an election, final once the office has declared it, clearly provisional before (issue 7). It
// mirrors the public part of the API's council result (apps/api council-count module); the browser
// test checks at compile time that the API's type still fits this one. Aggregates only (R8.5).

export type PublicCouncilCandidate = {
  /** Place on the list (the ballot paper). */
  readonly position: number;
  readonly name: string;
  readonly votes: number;
};

export type PublicCouncilList = {
  /** The election document's list id. */
  readonly id: string;
  readonly ballotPosition: number;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  /** Sum of its candidates' votes (R5.6). */
  readonly votes: number;
  readonly unchangedBallots: number;
  readonly changedBallots: number;
  /** Includes `unfilledSeats`; excludes seats still awaiting a drawing of lots between lists. */
  readonly seats: number;
  /** Seats the list won but cannot fill: it has fewer candidates than seats. */
  readonly unfilledSeats: number;
  /** Most votes first (R5.8). */
  readonly elected: readonly PublicCouncilCandidate[];
  /** Ersatzpersonen in order of votes (R5.8). */
  readonly substitutes: readonly PublicCouncilCandidate[];
  /** Equal votes at the list's last seat under the tie policy `lot`: the list places involved. */
  readonly lotRequired: { readonly positions: readonly number[]; readonly seatsLeft: number } | null;
};

export type PublicCouncilContestResult = {
  readonly electionId: string;
  readonly electionName: string;
  readonly contest: {
    readonly id: string;
    readonly name: string;
    readonly seats: number;
    readonly votesPerBallot: number;
    readonly maxVotesPerCandidate: number;
  };
  readonly status: 'provisional' | 'final';
  readonly final: boolean;
  /** ISO timestamp of the office's declaration; null while provisional. */
  readonly declaredAt: string | null;
  /** German, for display. */
  readonly notice: string;
  readonly rules: { readonly seatMethod: 'sainte-lague' } & CouncilPolicy;
  readonly ballots: {
    readonly total: number;
    readonly valid: number;
    readonly invalid: number;
    readonly invalidByReason: {
      readonly tooManyVotes: number;
      readonly tooManyForCandidate: number;
      readonly noVotes: number;
      readonly rejected: number;
    };
    readonly blankPaper: number;
  };
  readonly votes: { readonly valid: number; readonly void: number; readonly lost: number };
  /** False until there is at least one valid vote. */
  readonly seatsAllocated: boolean;
  readonly lists: readonly PublicCouncilList[];
  /** Equal quotients at the last seat(s) between lists (R5.7): their ids and the seats still open. */
  readonly lotRequired: { readonly lists: readonly string[]; readonly seatsLeft: number } | null;
  /** The drawing of lots recorded with the final declaration (list ids, winners first). */
  readonly lots: readonly string[] | null;
};

export type PublicCouncilResults = {
  readonly electionId: string;
  readonly electionName: string;
  readonly contests: readonly PublicCouncilContestResult[];
};
