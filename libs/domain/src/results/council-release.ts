import type { PublicationLog, ReleaseEntry } from './differencing';
import { DEFAULT_PUBLICATION_THRESHOLDS } from './publication';

// R8.7 (b) for the council count (R5.6). Council ballots are counted in stacks (batches) by counting
// teams, not per district, so the figure sets a reader can subtract are the versions of the contest
// total: the total is a release of its batches, logged in the same publication log as the district
// results. A provisional version goes out only when the batches it adds since the last released
// version hold at least R8.5's minimum of voters together (like a postal district: ballots only, no
// eligible count); until then the last released total stays. The declared final result is the
// official announcement and is released as it stands.

/** One stored batch as a unit of the publication log. */
export type CouncilBatchUnit = { readonly id: string; readonly ballots: number };

export type CouncilRelease = {
  /** The batches the public total sums. */
  readonly members: readonly string[];
  /** Batches entered but not yet in the public total. */
  readonly heldBack: readonly string[];
  /** The log entry this release adds (already applied to the log); null if nothing changed. */
  readonly entry: ReleaseEntry | null;
};

/** The publication log's key of a council contest's total. */
export const councilReleaseKey = (contestKey: string): string => `council:${contestKey}`;

/**
 * Chooses the batches of the contest total to publish now and records the release in `log`
 * (the caller stores `entry` before anything is public).
 */
export const planCouncilRelease = (
  log: PublicationLog,
  input: {
    readonly key: string;
    readonly batches: readonly CouncilBatchUnit[];
    readonly final: boolean;
    readonly minVoters?: number;
  },
): CouncilRelease => {
  const minVoters = input.minVoters ?? DEFAULT_PUBLICATION_THRESHOLDS.minVoters;
  const previous = log.members(input.key) ?? new Set<string>();
  const added = input.batches.filter((batch) => !previous.has(batch.id));
  const addedBallots = added.reduce((sum, batch) => sum + batch.ballots, 0);
  const all = input.batches.map((batch) => batch.id);
  // Batches are only ever added (a rehearsal reset clears the log with them).
  const members = input.final || addedBallots >= minVoters ? all : all.filter((id) => previous.has(id));
  const included = new Set(members);
  const entry = log.change(input.key, members);
  if (entry) log.replay(entry);
  return { members, heldBack: all.filter((id) => !included.has(id)), entry };
};
