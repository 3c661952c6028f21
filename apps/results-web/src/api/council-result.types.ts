// What `GET /api/public/elections/<id>/council-result` answers: the seats of every council contest
// of an election, final once the office has declared it, clearly provisional before (issue 7).
// Aggregates only (R8.5). The shapes live in the wire contract.

export type {
  CouncilCandidate as PublicCouncilCandidate,
  CouncilListResult as PublicCouncilList,
  PublicCouncilContestResult,
  PublicCouncilResults,
} from '@wahl/contracts';
