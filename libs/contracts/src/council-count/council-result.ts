import { z } from 'zod';

// The council result (BW Gemeinderat, issue 7): the office's view (`CouncilResult`, with the number
// of batches) and the public one (`PublicCouncilResults`, aggregates only, R8.5) of
// `GET /api/public/elections/:id/council-result`.

export const CouncilCandidateSchema = z
  .object({
    /** Place on the list (the ballot paper). */
    position: z.number(),
    name: z.string(),
    votes: z.number(),
  })
  .readonly();
export type CouncilCandidate = z.infer<typeof CouncilCandidateSchema>;

export const CouncilListResultSchema = z
  .object({
    /** The election document's list id. */
    id: z.string(),
    ballotPosition: z.number(),
    shortName: z.string(),
    name: z.string(),
    color: z.string(),
    /** Sum of its candidates' votes (R5.6). */
    votes: z.number(),
    /** Valid ballots on this list's paper (R5.6). */
    unchangedBallots: z.number(),
    changedBallots: z.number(),
    /** Includes `unfilledSeats`; excludes seats still awaiting a drawing of lots between lists. */
    seats: z.number(),
    /** Seats the list won but cannot fill: it has fewer candidates than seats. */
    unfilledSeats: z.number(),
    /** Most votes first (R5.8). */
    elected: z.array(CouncilCandidateSchema).readonly(),
    /** Ersatzpersonen in order of votes (R5.8). */
    substitutes: z.array(CouncilCandidateSchema).readonly(),
    /** Equal votes at the list's last seat under the tie policy `lot`: the list places involved. */
    lotRequired: z
      .object({ positions: z.array(z.number()).readonly(), seatsLeft: z.number() })
      .readonly()
      .nullable(),
  })
  .readonly();
export type CouncilListResult = z.infer<typeof CouncilListResultSchema>;

export const CouncilRulesSchema = z
  .object({
    seatMethod: z.literal('sainte-lague'),
    excessVotesPerCandidate: z.enum(['void-excess', 'invalidate-ballot']),
    candidateTie: z.enum(['list-order', 'lot']),
  })
  .readonly();

const councilResultShape = {
  electionId: z.string(),
  electionName: z.string(),
  contest: z
    .object({ id: z.string(), name: z.string(), seats: z.number(), votesPerBallot: z.number(), maxVotesPerCandidate: z.number() })
    .readonly(),
  status: z.enum(['provisional', 'final']),
  final: z.boolean(),
  /** ISO timestamp of the office's declaration; null while provisional. */
  declaredAt: z.string().nullable(),
  /** German, for display. */
  notice: z.string(),
  rules: CouncilRulesSchema,
  ballots: z
    .object({
      total: z.number(),
      valid: z.number(),
      invalid: z.number(),
      invalidByReason: z
        .object({ tooManyVotes: z.number(), tooManyForCandidate: z.number(), noVotes: z.number(), rejected: z.number() })
        .readonly(),
      blankPaper: z.number(),
    })
    .readonly(),
  votes: z.object({ valid: z.number(), void: z.number(), lost: z.number() }).readonly(),
  /** False until there is at least one valid vote. */
  seatsAllocated: z.boolean(),
  lists: z.array(CouncilListResultSchema).readonly(),
  /** Equal quotients at the last seat(s) between lists (R5.7): their ids and the seats still open. */
  lotRequired: z
    .object({ lists: z.array(z.string()).readonly(), seatsLeft: z.number() })
    .readonly()
    .nullable(),
  /** The drawing of lots recorded with the final declaration (list ids, winners first). */
  lots: z.array(z.string()).readonly().nullable(),
};

/** The public result of one council contest: aggregates only. */
export const PublicCouncilContestResultSchema = z.object(councilResultShape).readonly();
export type PublicCouncilContestResult = z.infer<typeof PublicCouncilContestResultSchema>;

/** The office's view of a council contest's result. */
export const CouncilResultSchema = z
  .object({
    ...councilResultShape,
    /** Office only: the number of batches entered. */
    batches: z.number().optional(),
  })
  .readonly();
export type CouncilResult = z.infer<typeof CouncilResultSchema>;

export const PublicCouncilResultsSchema = z
  .object({ electionId: z.string(), electionName: z.string(), contests: z.array(PublicCouncilContestResultSchema).readonly() })
  .readonly();
export type PublicCouncilResults = z.infer<typeof PublicCouncilResultsSchema>;
