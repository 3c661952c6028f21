import { err, ok, type Result } from '../result';
import { areaResultView, indexResultTree, type AreaResultView, type AreaTotals, type ContestTotals } from './aggregation';
import type { ResultContest } from './quick-report.types';

// Totals above the municipality (a county, a constituency, the Land): each municipality imports and
// counts its own election; the office above sums their municipality totals (P11: all keys are
// summed, A3 once, as each municipality already holds it once). Only raw counts are summed –
// shares and turnout are rounded afterwards from the summed numerators and denominators, never
// averaged from the municipalities' percentages.

/** One municipality's election: its contests (lists in ballot order) and its municipality totals. */
export type MunicipalityTotals = {
  readonly contests: readonly ResultContest[];
  readonly totals: AreaTotals;
};

export type CombinedTotals = {
  /** Contests by id in order of first appearance; lists likewise (Erststimme candidates differ between constituencies). */
  readonly contests: readonly ResultContest[];
  readonly totals: AreaTotals;
};

export type CombineTotalsError = { readonly code: 'INCOMPATIBLE_CONTESTS'; readonly message: string };

type MutableContest = { invalid: number; valid: number; votes: Record<string, number> };

/** Sums the municipalities' raw counts into the totals of area `id`. */
export const combineMunicipalityTotals = (id: string, parts: readonly MunicipalityTotals[]): Result<CombinedTotals, CombineTotalsError> => {
  const contests: { id: string; listIds: string[]; votesPerBallot: number }[] = [];
  const counts: Record<string, MutableContest> = {};
  const sum = { reported: 0, expected: 0, A: 0, A1: 0, A2: 0, A3: 0, B: 0, B1: 0 };
  // P10: every unit (postal district with its polling districts) lies inside one municipality, so
  // complete units and their voters/eligible add up across municipalities.
  const turnout = { voters: 0, eligible: 0, completeUnits: 0, totalUnits: 0 };

  for (const { contests: partContests, totals } of parts) {
    for (const key of ['reported', 'expected', 'A', 'A1', 'A2', 'A3', 'B', 'B1'] as const) sum[key] += totals[key];
    for (const key of ['voters', 'eligible', 'completeUnits', 'totalUnits'] as const) turnout[key] += totals.turnout[key];
    for (const contest of partContests) {
      const votesPerBallot = contest.votesPerBallot ?? 1;
      let target = contests.find((known) => known.id === contest.id);
      if (!target) {
        target = { id: contest.id, listIds: [], votesPerBallot };
        contests.push(target);
        counts[contest.id] = { invalid: 0, valid: 0, votes: {} };
      } else if (target.votesPerBallot !== votesPerBallot) {
        // Shares of cumulative ballots use a different base (R5.6); such contests cannot be merged.
        return err({
          code: 'INCOMPATIBLE_CONTESTS',
          message: `Die Stimme „${contest.id}“ hat nicht in allen Gemeinden gleich viele Stimmen je Stimmzettel.`,
        });
      }
      const into = counts[contest.id] as MutableContest;
      const from: ContestTotals | undefined = totals.contests[contest.id];
      into.invalid += from?.invalid ?? 0;
      into.valid += from?.valid ?? 0;
      for (const listId of contest.listIds) {
        if (!target.listIds.includes(listId)) target.listIds.push(listId);
        into.votes[listId] = (into.votes[listId] ?? 0) + (from?.votes[listId] ?? 0);
      }
    }
  }
  return ok({ contests, totals: { id, ...sum, contests: counts, turnout } });
};

/** The rounded view of combined totals: shares over the reported districts (P12), turnout over complete units (P10). */
export const combinedResultView = (combined: CombinedTotals, decimals = 1): AreaResultView => {
  // A one-area tree only carries the contests into the existing view; it cannot fail.
  const tree = indexResultTree({ areas: [{ id: combined.totals.id, parent: null }], districts: [], contests: combined.contests });
  if (!tree.ok) throw new Error(tree.error.message);
  return areaResultView(tree.value, combined.totals, [], decimals);
};
