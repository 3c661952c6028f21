// The public results' wire shapes (`GET /api/public/elections…`, the public socket namespace). They
// are defined in libs/domain, whose publication logic builds them; the contract names them here so
// clients import every wire type from one place.
export type {
  PublicArea,
  PublicAreaLevel,
  PublicAreaResult,
  PublicCandidate,
  PublicContest,
  PublicContestResult,
  PublicElectionDelta,
  PublicElectionSnapshot,
  PublicElectionSummary,
  PublicList,
  PublicListResult,
} from '@wahl/domain';
export type { PublicDistrictLookup } from '@wahl/domain';
