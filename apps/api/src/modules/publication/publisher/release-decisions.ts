import {
  PublicationLog,
  planRelease,
  type AggregateRelease,
  type AggregationState,
  type PublicationDecision,
  type ReleaseEntry,
  type ReleasePlan,
} from '@wahl/domain';
import { countedReports, publicationDistricts } from './public-results.builder';
import { decideDistricts, recordAdditions, type RecordAdditions } from './publication-decisions';
import type { PublicationSource } from './publication-source';
import type { RecordRow } from './publication.repository';

// R8.5 and R8.7 for one publication: the district decisions over time (publication-decisions.ts),
// then every figure set checked against the publication log (libs/domain release-plan.ts). Every
// public output – versions and deltas, the static JSON, the socket stream, the open-data files –
// is built from one `Released`, so none shows what the log has not admitted.

/**
 * One process's copy of an election's publication log (R8.7) and of the record of what has been
 * public (R8.5, publication-decisions.ts), with how many stored log entries it holds and the last
 * record row it holds.
 */
export type Ledger = {
  log: PublicationLog;
  length: number;
  record: { readonly publishedAlone: Set<string>; readonly mergedPairs: Map<string, string> };
  recordSeq: number;
};

export const emptyLedger = (): Ledger => ({
  log: PublicationLog.empty(),
  length: 0,
  record: { publishedAlone: new Set(), mergedPairs: new Map() },
  recordSeq: 0,
});

/** What was stored after the ledger's position, read under the lock. */
export type StoredAfter = { readonly releases: readonly ReleaseEntry[]; readonly record: readonly RecordRow[] };

/** Applies the stored entries and record rows read under the lock that the ledger lacks. */
export const catchUp = (ledger: Ledger, stored: StoredAfter): void => {
  for (const entry of stored.releases) ledger.log.replay(entry);
  ledger.length += stored.releases.length;
  for (const row of stored.record) {
    if (row.partnerId === null) ledger.record.publishedAlone.add(row.districtId);
    else ledger.record.mergedPairs.set(row.districtId, row.partnerId);
    ledger.recordSeq = Math.max(ledger.recordSeq, row.seq);
  }
};

/** Adds what a publication adds to the record; its rows are numbered after the stored ones. */
export const addToRecord = (ledger: Ledger, additions: RecordAdditions): void => {
  for (const id of additions.publishedAlone) ledger.record.publishedAlone.add(id);
  for (const [id, partner] of additions.mergedPairs) ledger.record.mergedPairs.set(id, partner);
  ledger.recordSeq += additions.publishedAlone.length + additions.mergedPairs.length;
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
  /** What the record gains, to be stored with the state (the ledger holds it already). */
  readonly additions: RecordAdditions;
  /** New log entries, to be stored with the state (the ledger holds them already). */
  readonly entries: readonly ReleaseEntry[];
  /**
   * IncrementalRelease only: every district whose decision may have moved since `released.decisions`
   * was made, appended at each decision (a new list when it starts over). Absent: any may have.
   */
  readonly decisionJournal?: readonly string[];
};

/**
 * Applies the stored entries and rows the ledger lacks, then decides and plans. The ledger records
 * the new entries and additions at once: a caller whose transaction fails must drop it (the next
 * use reads everything again).
 */
export const decideRelease = (source: PublicationSource, totals: AggregationState, stored: StoredAfter, ledger: Ledger): ReleaseOutcome => {
  catchUp(ledger, stored);
  const reports = countedReports(source, totals);
  const decisions = decideDistricts(publicationDistricts(source), reports, ledger.record);
  const reported = new Set(reports.map((report) => report.districtId));
  const plan = planRelease(ledger.log, { decisions, reported, areas: source.releaseAreas });
  ledger.length += plan.entries.length;
  // Recorded as released: a district R8.7 withheld has not been public alone and may still be a partner.
  const additions = recordAdditions(plan.decisions, ledger.record);
  addToRecord(ledger, additions);
  return { released: released(plan, reported, ledger.log), additions, entries: plan.entries };
};

/** A copy of `released` that does not move with the next decision (IncrementalRelease hands out its own). */
export const keptReleased = (released: Released): Released => ({
  ...released,
  decisions: { ...released.decisions },
  aggregates: new Map(released.aggregates),
});

/** What `plan` admits, for every public output. */
export const released = (plan: ReleasePlan, reported: ReadonlySet<string>, log: PublicationLog): Released => ({
  decisions: plan.decisions,
  aggregates: plan.aggregates,
  hidden: [...reported].filter((districtId) => !log.isDerivable(districtId)),
  isReleasable: (districtIds) => log.inSpan(districtIds),
});
