import {
  areaResultView,
  areaTotals,
  partialAreaTotals,
  roundedPercent,
  type AggregationState,
  type AreaTotals,
  type ContestTotals,
  type PreviousContestResult,
  type PublicAreaResult,
  type PublicationDecision,
  type PublicationDistrict,
  type QuickReport,
} from '@wahl/domain';
import { MUNICIPALITY_AREA } from '../../elections/read-model/election-night-context';
import { municipalityProjections } from './public-projection';
import type { AreaPrevious, PublicationSource } from './publication-source';
import type { Released } from './release-decisions';

// The public results of every area from the running totals (confirmed and corrected reports only –
// the totals never hold anything else) and the R8.5 decisions. Only what the contract names leaves
// here: no B1, no A1/A2 ("W"), no names of the people who entered or confirmed, no comments.

const districtsOf = new WeakMap<PublicationSource, readonly PublicationDistrict[]>();

/** The districts in publication order (the document's order), for `decidePublication`; made once per source. */
export const publicationDistricts = (source: PublicationSource): readonly PublicationDistrict[] => {
  let districts = districtsOf.get(source);
  if (!districts) {
    districts = source.context.districts.map((district) => ({
      id: district.id,
      kind: district.kind,
      parent: 'municipality',
      postalDistrictId: district.postalDistrictId,
    }));
    districtsOf.set(source, districts);
  }
  return districts;
};

/** A district's own totals are exactly its counted report; `decidePublication` needs only A and B of them. */
export const countedReports = (source: PublicationSource, state: AggregationState): QuickReport[] => {
  const reports: QuickReport[] = [];
  for (const district of source.context.districts) {
    const totals = areaTotals(state, district.id);
    if (!totals || totals.reported === 0) continue;
    const postal = district.kind === 'postal';
    reports.push({
      districtId: district.id,
      districtKind: district.kind,
      A: postal ? null : totals.A,
      A1: postal ? null : totals.A1,
      A2: postal ? null : totals.A2,
      A3: postal ? null : totals.A3,
      B: totals.B,
      B1: totals.B1,
      contests: Object.entries(totals.contests).map(([contestId, counts]) => ({
        contestId,
        invalid: counts.invalid,
        valid: counts.valid,
        votes: counts.votes,
      })),
    });
  }
  return reports;
};

const sumTotals = (a: AreaTotals, b: AreaTotals): AreaTotals => ({
  id: a.id,
  reported: a.reported + b.reported,
  expected: a.expected + b.expected,
  A: a.A + b.A,
  A1: a.A1 + b.A1,
  A2: a.A2 + b.A2,
  A3: a.A3 + b.A3,
  B: a.B + b.B,
  B1: a.B1 + b.B1,
  contests: Object.fromEntries(
    Object.entries(a.contests).map(([contestId, counts]): [string, ContestTotals] => {
      const other = b.contests[contestId];
      const votes: Record<string, number> = { ...counts.votes };
      for (const [listId, count] of Object.entries(other?.votes ?? {})) votes[listId] = (votes[listId] ?? 0) + count;
      return [contestId, { invalid: counts.invalid + (other?.invalid ?? 0), valid: counts.valid + (other?.valid ?? 0), votes }];
    }),
  ),
  turnout: {
    voters: a.turnout.voters + b.turnout.voters,
    eligible: a.turnout.eligible + b.turnout.eligible,
    completeUnits: a.turnout.completeUnits + b.turnout.completeUnits,
    totalUnits: a.turnout.totalUnits + b.turnout.totalUnits,
  },
});

const sumPrevious = (a: AreaPrevious | undefined, b: AreaPrevious | undefined): AreaPrevious | undefined => {
  if (!a || !b) return undefined;
  const contests: PreviousContestResult[] = a.contests.flatMap((contest) => {
    const other = b.contests.find((candidate) => candidate.contest === contest.contest);
    if (!other) return [];
    const votes: Record<string, number> = { ...contest.votes };
    for (const [listId, count] of Object.entries(other.votes)) votes[listId] = (votes[listId] ?? 0) + count;
    return [{ contest: contest.contest, valid: contest.valid + other.valid, votes }];
  });
  const add = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);
  return { contests, eligible: add(a.eligible, b.eligible), voters: add(a.voters, b.voters) };
};

const previousTurnout = (previous: AreaPrevious | undefined): number | null =>
  previous?.eligible && previous.voters !== null ? roundedPercent(previous.voters, previous.eligible) : null;

const result = (
  source: PublicationSource,
  areaId: string,
  totals: AreaTotals,
  progress: { readonly reported: number; readonly expected: number },
  eligible: number | null,
  previous: AreaPrevious | undefined,
  showPreviousTurnout: boolean,
  publication: PublicAreaResult['publication'],
): PublicAreaResult => {
  const view = areaResultView(source.context.tree, totals, previous?.contests ?? []);
  return {
    areaId,
    reported: progress.reported,
    expected: progress.expected,
    eligible,
    voters: totals.B,
    turnoutPercent: view.turnout.percent,
    previousTurnoutPercent: showPreviousTurnout ? previousTurnout(previous) : null,
    contests: view.contests.map((contest) => ({
      contestId: contest.contestId,
      invalid: contest.invalid,
      valid: contest.valid,
      lists: contest.lists.map((list) => ({
        listId: list.listId,
        votes: list.votes,
        percent: list.percent,
        previousPercent: list.previousPercent,
        changePoints: list.changePoints,
      })),
    })),
    publication,
  };
};

// R8.5: a withheld district shows that it has reported, and no number of its own.
const withheld = (source: PublicationSource, totals: AreaTotals): PublicAreaResult => ({
  areaId: totals.id,
  reported: totals.reported,
  expected: totals.expected,
  eligible: null,
  voters: 0,
  turnoutPercent: null,
  previousTurnoutPercent: null,
  contests: source.contests.map((contest) => ({
    contestId: contest.id,
    invalid: 0,
    valid: 0,
    lists: contest.lists.map((list) => ({ listId: list.id, votes: 0, percent: null, previousPercent: null, changePoints: null })),
  })),
  publication: { kind: 'withheld' },
});

/** A result with its JSON text, made once per change. */
export type BuiltResult = { readonly result: PublicAreaResult; readonly json: string };

/** One area's public result with its text, from the totals and what `released` admits. */
export const buildAreaResult = (
  source: PublicationSource,
  state: AggregationState,
  released: Released,
  areaId: string,
  totals: AreaTotals,
): BuiltResult => {
  const result = source.context.districtById.has(areaId)
    ? districtResult(source, state, areaId, totals, released.decisions[areaId])
    : aggregateResult(source, state, released, areaId, totals);
  return { result, json: JSON.stringify(result) };
};

/** Every area's public result with its text, keyed by area id, in the order of `source.areas` (a full build). */
export const buildPublicResults = (source: PublicationSource, state: AggregationState, released: Released): Map<string, BuiltResult> => {
  const results = new Map<string, BuiltResult>();
  for (const area of source.areas) {
    const totals = areaTotals(state, area.id);
    if (totals) results.set(area.id, buildAreaResult(source, state, released, area.id, totals));
  }
  return results;
};

const hiddenByArea = new WeakMap<Released, Map<string, string[]>>();

// The hidden districts below an area, grouped once per `released` (not a pass over them per area).
const hiddenIn = (state: AggregationState, released: Released, areaId: string): readonly string[] => {
  let byArea = hiddenByArea.get(released);
  if (!byArea) {
    byArea = new Map();
    for (const districtId of released.hidden) {
      for (const area of state.tree.pathOf.get(districtId) ?? []) {
        const list = byArea.get(area);
        if (list) list.push(districtId);
        else byArea.set(area, [districtId]);
      }
    }
    hiddenByArea.set(released, byArea);
  }
  return byArea.get(areaId) ?? [];
};

/** R8.7: an area's totals as released – without its held-back districts, turnout over releasable units. */
export const releasedAreaTotals = (state: AggregationState, released: Released, areaId: string, whole: AreaTotals): AreaTotals => {
  const heldBack = released.aggregates.get(areaId)?.heldBack ?? [];
  const hidden = hiddenIn(state, released, areaId);
  if (heldBack.length === 0 && hidden.length === 0) return whole;
  return partialAreaTotals(state, { areaId, heldBack, hidden, isReleasable: released.isReleasable }) ?? whole;
};

function aggregateResult(
  source: PublicationSource,
  state: AggregationState,
  released: Released,
  areaId: string,
  whole: AreaTotals,
): PublicAreaResult {
  const totals = releasedAreaTotals(state, released, areaId, whole);
  const heldBack = released.aggregates.get(areaId)?.heldBack.length ?? 0;
  const publication: PublicAreaResult['publication'] = heldBack === 0 ? { kind: 'published' } : { kind: 'partial', heldBack };
  const view = result(source, areaId, totals, whole, totals.A, source.previous.get(areaId), true, publication);
  const projections = areaId === MUNICIPALITY_AREA ? municipalityProjections(source, state, released.decisions) : [];
  return projections.length > 0 ? { ...view, projections } : view;
}

function districtResult(
  source: PublicationSource,
  state: AggregationState,
  districtId: string,
  totals: AreaTotals,
  decision: PublicationDecision | undefined,
): PublicAreaResult {
  const districts = source.context.districtById;
  const district = districts.get(districtId)!;
  const previous = source.previous.get(districtId);
  // P10: a district's own turnout exists only where it is a unit by itself (no linked postal district).
  const ownUnit = district.kind === 'polling' && district.postalDistrictId === null;
  const eligible = district.kind === 'postal' ? null : totals.A;
  if (totals.reported === 0 || !decision || (decision.decision === 'withhold' && decision.reason === 'not-reported')) {
    return result(source, districtId, totals, totals, eligible, previous, ownUnit, { kind: 'published' });
  }
  if (decision.decision === 'publish')
    return result(source, districtId, totals, totals, eligible, previous, ownUnit, { kind: 'published' });
  if (decision.decision === 'withhold') return withheld(source, totals);
  const partner = areaTotals(state, decision.districtId);
  if (!partner) return withheld(source, totals);
  // Both districts show the sum of the two (R8.5); progress stays the district's own.
  const sum = sumTotals(totals, partner);
  const partnerKind = districts.get(decision.districtId)?.kind;
  return result(
    source,
    districtId,
    sum,
    totals,
    district.kind === 'postal' || partnerKind === 'postal' ? null : sum.A,
    sumPrevious(previous, source.previous.get(decision.districtId)),
    ownUnit,
    { kind: 'merged', withAreaId: decision.districtId },
  );
}
