import {
  PublicationLog,
  planRelease,
  type AggregateRelease,
  type AggregationState,
  type PublicationDecision,
  type ReleaseEntry,
} from '@wahl/domain';
import { countedReports, publicationDistricts } from './public-results.builder';
import { decideDistricts, recordDecisions, type RecordedPublication } from './publication-decisions';
import type { PublicationSource } from './publication-source';

// R8.5 and R8.7 for one publication: the district decisions over time (publication-decisions.ts),
// then every figure set checked against the publication log (libs/domain release-plan.ts). Every
// public output – versions and deltas, the static JSON, the socket stream, the open-data files –
// is built from one `Released`, so none shows what the log has not admitted.

/** One process's copy of an election's publication log and how many stored entries it holds. */
export type Ledger = { log: PublicationLog; length: number };

export const emptyLedger = (): Ledger => ({ log: PublicationLog.empty(), length: 0 });

/** Applies the stored entries read under the lock that the ledger lacks. */
export const catchUp = (ledger: Ledger, stored: readonly ReleaseEntry[]): void => {
  for (const entry of stored) ledger.log.replay(entry);
  ledger.length += stored.length;
};

/** What may be public now, per district and per area. */
export type Released = {
  readonly decisions: Readonly<Record<string, PublicationDecision>>;
  readonly aggregates: ReadonlyMap<string, AggregateRelease>;
  /** Reported districts whose own figures are not derivable: their turnout units are checked (partial-totals.ts). */
  readonly hidden: readonly string[];
  readonly isReleasable: (districtIds: readonly string[]) => boolean;
};

export type ReleaseOutcome = {
  readonly released: Released;
  readonly recorded: RecordedPublication;
  readonly recordedChanged: boolean;
  /** New log entries, to be stored with the state (the ledger holds them already). */
  readonly entries: readonly ReleaseEntry[];
};

/**
 * Applies the stored entries the ledger lacks, then decides and plans. The ledger records the new
 * entries at once: a caller whose transaction fails must drop it (the next use replays the log).
 */
export const decideRelease = (
  source: PublicationSource,
  totals: AggregationState,
  state: RecordedPublication & { readonly releases: readonly ReleaseEntry[] },
  ledger: Ledger,
): ReleaseOutcome => {
  catchUp(ledger, state.releases);
  const reports = countedReports(source, totals);
  const decisions = decideDistricts(publicationDistricts(source), reports, state);
  const reported = new Set(reports.map((report) => report.districtId));
  const plan = planRelease(ledger.log, { decisions, reported, areas: source.releaseAreas });
  ledger.length += plan.entries.length;
  const log = ledger.log;
  // Recorded as released: a district R8.7 withheld has not been public alone and may still be a partner.
  const record = recordDecisions(plan.decisions, state);
  return {
    released: {
      decisions: plan.decisions,
      aggregates: plan.aggregates,
      hidden: [...reported].filter((districtId) => !log.isDerivable(districtId)),
      isReleasable: (districtIds) => log.inSpan(districtIds),
    },
    recorded: record.recorded,
    recordedChanged: record.recordedChanged,
    entries: plan.entries,
  };
};
