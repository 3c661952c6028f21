import { chooseAggregateRelease, PublicationLog, type AggregateRelease } from '../results/differencing';
import { DEFAULT_PUBLICATION_THRESHOLDS, type PublicationThresholds } from '../results/publication';

// R7.12 with R8.5/R8.7: the municipality's turnout at a report time is a release too. Each report
// time is its own figure (voters by 14:00), published in versions as stations report; a version is
// the sum over its member districts, a district's own turnout is never published. A district is
// protected while it is small in the sense of R8.5 – fewer eligible voters (A1 + A2) or fewer voters
// so far than the thresholds – and a new version must not let it be derived from the versions
// before (the difference of "3 of 4" and "4 of 4" is the fourth station). Such a station is held
// back until it can enter together with another one (chooseAggregateRelease); what was released
// stays as it was.

/** One station's turnout at the report time. */
export type StationTurnout = {
  readonly districtId: string;
  /** Stimmabgabevermerke + Wahlscheine taken so far. */
  readonly voters: number;
  /** A1 + A2 of the closed roll; null if unknown (then only the voters decide). */
  readonly eligible: number | null;
};

const TURNOUT_KEY = 'turnout';

/** R8.5's size test on a station's turnout: fewer voters or eligible voters than the thresholds. */
export const isSmallStation = (station: StationTurnout, thresholds: PublicationThresholds = DEFAULT_PUBLICATION_THRESHOLDS): boolean =>
  station.voters < thresholds.minVoters || (station.eligible !== null && station.eligible < thresholds.minEligible);

/**
 * Which reporting stations the next version of one report time's total may sum, given the member
 * lists of its earlier versions (oldest first). `heldBack` are reporting stations left out for R8.7.
 */
export function chooseTurnoutRelease(
  previousVersions: readonly (readonly string[])[],
  reporting: readonly StationTurnout[],
  thresholds: PublicationThresholds = DEFAULT_PUBLICATION_THRESHOLDS,
): AggregateRelease {
  const log = PublicationLog.empty();
  for (const members of previousVersions) {
    const entry = log.change(TURNOUT_KEY, members);
    if (entry) log.replay(entry);
  }
  const small = new Set(reporting.filter((station) => isSmallStation(station, thresholds)).map((station) => station.districtId));
  return chooseAggregateRelease(
    log,
    TURNOUT_KEY,
    reporting.map((station) => [station.districtId]),
    (unit) => small.has(unit),
  );
}
