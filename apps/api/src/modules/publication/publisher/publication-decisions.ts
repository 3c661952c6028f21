import {
  decidePublication,
  DEFAULT_PUBLICATION_THRESHOLDS,
  type PublicationDecision,
  type PublicationDistrict,
  type QuickReport,
} from '@wahl/domain';

// R8.5 over time. `decidePublication` decides one moment; the public sees a sequence of versions,
// and a district must not become derivable from two of them. What has been public is therefore
// recorded (per election, in the database) and constrains every later decision:
// - a district once published on its own is never chosen as a merge partner afterwards (its
//   result minus the merged sum would reveal the small district) – `alreadyPublished`;
// - a pair once published as a sum stays together: the partner is tried first, and if the pair no
//   longer qualifies (a correction) both are withheld rather than one shown alone, which would
//   reveal the other by subtraction from the earlier sum.

export type RecordedPublication = {
  /** Districts whose own result has been public. */
  readonly publishedAlone: readonly string[];
  /** Merged pairs as published, both directions. */
  readonly mergedPairs: Readonly<Record<string, string>>;
};

export type DecisionOutcome = {
  readonly decisions: Readonly<Record<string, PublicationDecision>>;
  readonly recorded: RecordedPublication;
  /** Whether `recorded` grew (it must be stored before the decisions become public). */
  readonly recordedChanged: boolean;
};

export const EMPTY_RECORD: RecordedPublication = { publishedAlone: [], mergedPairs: {} };

/** The R8.5 decisions of this moment under `recorded`; what they add to it: `recordDecisions`. */
export const decideDistricts = (
  districts: readonly PublicationDistrict[],
  reports: readonly QuickReport[],
  recorded: RecordedPublication,
): Record<string, PublicationDecision> => {
  // Only the districts of a recorded pair differ from the given ones (no copy of every district).
  const withPartners = districts.map((district) => {
    const partner = recorded.mergedPairs[district.id];
    return partner === undefined ? district : { ...district, mergePartner: partner };
  });
  // A fresh object of this call's own: changed in place below.
  const decisions = decidePublication({ districts: withPartners, reports, alreadyPublished: recorded.publishedAlone });

  const thresholds = DEFAULT_PUBLICATION_THRESHOLDS;
  // Needed only when a recorded pair broke up: made then, not on every call.
  let lookups: { byId: Map<string, PublicationDistrict>; reportOf: Map<string, QuickReport> } | null = null;
  const lookup = () =>
    (lookups ??= {
      byId: new Map(districts.map((district) => [district.id, district])),
      reportOf: new Map(reports.map((report) => [report.districtId, report])),
    });
  // A district that loses its partner: alone if it is large enough by itself, otherwise withheld.
  const alone = (id: string): PublicationDecision => {
    const { byId, reportOf } = lookup();
    const report = reportOf.get(id);
    if (!report) return { decision: 'withhold', reason: 'not-reported' };
    const large = report.B >= thresholds.minVoters && (byId.get(id)?.kind === 'postal' || (report.A ?? 0) >= thresholds.minEligible);
    return large && !recorded.mergedPairs[id] ? { decision: 'publish' } : { decision: 'withhold', reason: 'below-threshold' };
  };
  const withhold = (id: string): void => {
    decisions[id] = { decision: 'withhold', reason: lookup().reportOf.has(id) ? 'below-threshold' : 'not-reported' };
    for (const [other, decision] of Object.entries(decisions)) {
      if (decision.decision === 'merge-with' && decision.districtId === id) decisions[other] = alone(other);
    }
  };
  for (const [id, partner] of Object.entries(recorded.mergedPairs)) {
    const own = decisions[id];
    const other = decisions[partner];
    if (!own || !other) continue;
    const together = own.decision === 'merge-with' && own.districtId === partner;
    const bothAlone = own.decision === 'publish' && other.decision === 'publish';
    const bothOpen = own.decision === 'withhold' && other.decision === 'withhold';
    if (together || bothAlone || bothOpen) continue;
    withhold(id);
    withhold(partner);
  }

  return decisions;
};

export const decideWithRecord = (
  districts: readonly PublicationDistrict[],
  reports: readonly QuickReport[],
  recorded: RecordedPublication,
): DecisionOutcome => {
  const decisions = decideDistricts(districts, reports, recorded);
  return { decisions, ...recordDecisions(decisions, recorded) };
};

/** What `decisions` add to the record of what has been public; also for decisions R8.7 changed. */
export const recordDecisions = (
  decisions: Readonly<Record<string, PublicationDecision>>,
  recorded: RecordedPublication,
): Omit<DecisionOutcome, 'decisions'> => {
  const publishedAlone = new Set(recorded.publishedAlone);
  const mergedPairs: Record<string, string> = { ...recorded.mergedPairs };
  let recordedChanged = false;
  for (const id in decisions) {
    const decision = decisions[id]!;
    if (decision.decision === 'publish' && !publishedAlone.has(id)) {
      publishedAlone.add(id);
      recordedChanged = true;
    }
    if (decision.decision === 'merge-with' && mergedPairs[id] !== decision.districtId) {
      mergedPairs[id] = decision.districtId;
      recordedChanged = true;
    }
  }
  // Unchanged, the stored list is kept as it is (it was sorted when it was written).
  const alone = recordedChanged ? [...publishedAlone].sort() : recorded.publishedAlone;
  return { recorded: { publishedAlone: alone, mergedPairs }, recordedChanged };
};
