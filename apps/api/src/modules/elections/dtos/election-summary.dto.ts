import { DEADLINE_KEYS, resolveDeadlines, type ElectionDeadlines, type ElectionKind } from '@wahl/domain';
import type { ElectionEntity } from '../entities/election.entity';
import type { ElectionCounts } from '../elections.repository';

/** What the office sees of an election without loading the whole document. */
export type ElectionSummary = {
  readonly id: string;
  readonly officeId: string;
  readonly kind: ElectionKind;
  readonly name: string;
  readonly electionDay: string;
  readonly municipality: { readonly ags: string; readonly name: string };
  readonly constituency: { readonly number: string; readonly name: string } | null;
  /** Derived from kind and day (R0.1) with the document's overrides applied. */
  readonly deadlines: ElectionDeadlines;
  /** Which of the deadlines the document overrides. */
  readonly overriddenDeadlines: readonly (keyof ElectionDeadlines)[];
  readonly counts: ElectionCounts;
  readonly createdAt: string;
};

const NO_COUNTS: ElectionCounts = {
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
