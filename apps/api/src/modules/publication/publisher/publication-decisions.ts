import {
  decidePublication,
  DEFAULT_PUBLICATION_THRESHOLDS,
  isLarge,
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
  readonly publishedAlone: ReadonlySet<string>;
  /** Merged pairs as published, both directions, in the order they were recorded. */
  readonly mergedPairs: ReadonlyMap<string, string>;
};

/** What a publication adds to the record (stored as rows, publication.repository.ts). */
export type RecordAdditions = {
  readonly publishedAlone: readonly string[];
  /** New pairs, or a district's changed partner. */
  readonly mergedPairs: readonly (readonly [string, string])[];
};

export type DecisionOutcome = {
  readonly decisions: Readonly<Record<string, PublicationDecision>>;
  readonly recorded: RecordedPublication;
  /** Whether `recorded` grew (it must be stored before the decisions become public). */
  readonly recordedChanged: boolean;
};

export const EMPTY_RECORD: RecordedPublication = { publishedAlone: new Set(), mergedPairs: new Map() };

/** What the rule for recorded pairs needs of a district's report (R8.5 thresholds). */
export type DistrictFacts = { readonly isReported: (id: string) => boolean; readonly isLarge: (id: string) => boolean };

/** Whether a recorded pair stands as decided: together, both alone or both withheld. */
export const pairHolds = (decisions: Readonly<Record<string, PublicationDecision>>, id: string, partner: string): boolean => {
  const own = decisions[id];
  const other = decisions[partner];
  if (!own || !other) return true;
  const together = own.decision === 'merge-with' && own.districtId === partner;
  const bothAlone = own.decision === 'publish' && other.decision === 'publish';
  const bothOpen = own.decision === 'withhold' && other.decision === 'withhold';
  return together || bothAlone || bothOpen;
};

/**
 * A recorded pair that does not hold is withheld (both), and a district merged with one of them
 * goes alone if it is large enough and in no recorded pair, else is withheld. `pairs` in the
 * record's order; only pairs that do not hold change anything. Changes `decisions` in place.
 */
export const keepRecordedPairs = (
  decisions: Record<string, PublicationDecision>,
  pairs: Iterable<readonly [string, string]>,
  facts: DistrictFacts,
  recorded: RecordedPublication,
): void => {
  const alone = (id: string): PublicationDecision => {
    if (!facts.isReported(id)) return { decision: 'withhold', reason: 'not-reported' };
    return facts.isLarge(id) && !recorded.mergedPairs.has(id)
      ? { decision: 'publish' }
      : { decision: 'withhold', reason: 'below-threshold' };
  };
  // Merges are symmetric pairs (decidePublication, and kept so here): only the district's own
  // partner merges with it, so no pass over every decision is needed.
  const withhold = (id: string): void => {
    const before = decisions[id];
    decisions[id] = { decision: 'withhold', reason: facts.isReported(id) ? 'below-threshold' : 'not-reported' };
    const other = before?.decision === 'merge-with' ? before.districtId : undefined;
    const mirror = other === undefined ? undefined : decisions[other];
    if (other !== undefined && mirror?.decision === 'merge-with' && mirror.districtId === id) decisions[other] = alone(other);
  };
  for (const [id, partner] of pairs) {
    if (pairHolds(decisions, id, partner)) continue;
    withhold(id);
    withhold(partner);
  }
};

/** The R8.5 decisions of this moment under `recorded`; what they add to it: `recordDecisions`. */
export const decideDistricts = (
  districts: readonly PublicationDistrict[],
  reports: readonly QuickReport[],
  recorded: RecordedPublication,
): Record<string, PublicationDecision> => {
  // Only the districts of a recorded pair differ from the given ones (no copy of every district).
  const withPartners = districts.map((district) => {
    const partner = recorded.mergedPairs.get(district.id);
    return partner === undefined ? district : { ...district, mergePartner: partner };
  });
  // A fresh object of this call's own: changed in place below.
  const decisions = decidePublication({ districts: withPartners, reports, alreadyPublished: recorded.publishedAlone });

  // Needed only when a recorded pair broke up: made then, not on every call.
  let lookups: { byId: Map<string, PublicationDistrict>; reportOf: Map<string, QuickReport> } | null = null;
  const lookup = () =>
    (lookups ??= {
      byId: new Map(districts.map((district) => [district.id, district])),
      reportOf: new Map(reports.map((report) => [report.districtId, report])),
    });
  const facts: DistrictFacts = {
    isReported: (id) => lookup().reportOf.has(id),
    isLarge: (id) => {
      const report = lookup().reportOf.get(id);
      const kind = lookup().byId.get(id)?.kind ?? 'polling';
      return !!report && isLarge(kind, { voters: report.B, eligible: report.A ?? 0 }, DEFAULT_PUBLICATION_THRESHOLDS);
    },
  };
  keepRecordedPairs(decisions, recorded.mergedPairs, facts, recorded);
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

/**
 * What the decisions of `districtIds` add to the record of what has been public (also for decisions
 * R8.7 changed). A caller that recorded the last decisions passes only the districts whose decision
 * changed since: an unchanged decision was recorded then.
 */
export const recordAdditions = (
  decisions: Readonly<Record<string, PublicationDecision>>,
  recorded: RecordedPublication,
  districtIds: Iterable<string> = Object.keys(decisions),
): RecordAdditions => {
  const publishedAlone: string[] = [];
  const mergedPairs: [string, string][] = [];
  for (const id of districtIds) {
    const decision = decisions[id];
    if (decision?.decision === 'publish' && !recorded.publishedAlone.has(id)) publishedAlone.push(id);
    if (decision?.decision === 'merge-with' && recorded.mergedPairs.get(id) !== decision.districtId)
      mergedPairs.push([id, decision.districtId]);
  }
  return { publishedAlone, mergedPairs };
};

/** The record with `additions` (a new object; `recorded` stays as it is). */
export const withAdditions = (recorded: RecordedPublication, additions: RecordAdditions): RecordedPublication => ({
  publishedAlone: new Set([...recorded.publishedAlone, ...additions.publishedAlone]),
  mergedPairs: new Map([...recorded.mergedPairs, ...additions.mergedPairs]),
});

export const isEmpty = (additions: RecordAdditions): boolean => additions.publishedAlone.length === 0 && additions.mergedPairs.length === 0;

/** What `decisions` add to the record of what has been public; also for decisions R8.7 changed. */
export const recordDecisions = (
  decisions: Readonly<Record<string, PublicationDecision>>,
  recorded: RecordedPublication,
): Omit<DecisionOutcome, 'decisions'> => {
  const additions = recordAdditions(decisions, recorded);
  const recordedChanged = !isEmpty(additions);
  return { recorded: recordedChanged ? withAdditions(recorded, additions) : recorded, recordedChanged };
};
