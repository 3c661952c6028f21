import type { ElectionCounts, ElectionSummary } from '@wahl/contracts';
import { DEADLINE_KEYS, resolveDeadlines } from '@wahl/domain';
import type { ElectionEntity } from '../entities/election.entity';

export type { ElectionSummary } from '@wahl/contracts';

const NO_COUNTS: ElectionCounts = {
  areas: 0,
  pollingStations: 0,
  pollingDistricts: 0,
  postalDistricts: 0,
  contests: 0,
  lists: 0,
  candidates: 0,
  streets: 0,
  streetSegments: 0,
  previousResults: 0,
};

/** The contract's ElectionSummary of a stored election. */
export function toElectionSummary(e: ElectionEntity, counts: ElectionCounts | undefined): ElectionSummary {
  const overrides = e.deadlineOverrides ?? {};
  return {
    id: e.id,
    officeId: e.officeId,
    kind: e.kind,
    name: e.name,
    electionDay: e.electionDay,
    municipality: { ags: e.municipalityAgs, name: e.municipalityName },
    constituency:
      e.constituencyNumber !== null && e.constituencyName !== null ? { number: e.constituencyNumber, name: e.constituencyName } : null,
    deadlines: resolveDeadlines(e.kind, e.electionDay, overrides),
    overriddenDeadlines: DEADLINE_KEYS.filter((k) => overrides[k] !== undefined),
    counts: counts ?? NO_COUNTS,
    createdAt: e.createdAt.toISOString(),
  };
}
