import { areaTotals, type AggregationState, type AreaTotals, type ContestTotals } from './aggregation';

// R8.7: an area total as released – without the districts held back from it – and its turnout
// (P10) over only those complete units whose sum can already be computed from what is public.
// Turnout is a figure of its own (voters and eligible of its units): a unit that completes when its
// postal district reports would otherwise reveal a withheld polling district's B and A by the step.

export type PartialTotalsInput = {
  readonly areaId: string;
  /** Reported districts left out of the total (chooseAggregateRelease). */
  readonly heldBack: readonly string[];
  /** Reported districts that are not derivable from what is public: their units are checked. */
  readonly hidden: Iterable<string>;
  /** Whether the sum over these districts is already derivable (PublicationLog.inSpan). */
  readonly isReleasable: (districtIds: readonly string[]) => boolean;
};

const subtract = (from: AreaTotals, part: AreaTotals): AreaTotals => ({
  ...from,
  A: from.A - part.A,
  A1: from.A1 - part.A1,
  A2: from.A2 - part.A2,
  A3: from.A3 - part.A3,
  B: from.B - part.B,
  B1: from.B1 - part.B1,
  contests: Object.fromEntries(
    Object.entries(from.contests).map(([contestId, counts]): [string, ContestTotals] => {
      const other = part.contests[contestId];
      const votes: Record<string, number> = {};
      for (const [listId, count] of Object.entries(counts.votes)) votes[listId] = count - (other?.votes[listId] ?? 0);
      return [contestId, { invalid: counts.invalid - (other?.invalid ?? 0), valid: counts.valid - (other?.valid ?? 0), votes }];
    }),
  ),
});

/** The area's totals as released; `reported` stays the count of reported districts (P12). */
export const partialAreaTotals = (state: AggregationState, input: PartialTotalsInput): AreaTotals | undefined => {
  const whole = areaTotals(state, input.areaId);
  if (!whole) return undefined;
  let totals = whole;
  for (const districtId of input.heldBack) {
    const own = areaTotals(state, districtId);
    if (own) totals = subtract(totals, own);
  }
  const heldBack = new Set(input.heldBack);
  // The complete units of the area with a hidden district: those without a held-back district, all
  // together if their sum is releasable (a merged pair's two units), otherwise each one releasable alone.
  const candidates = new Map<string, { readonly members: readonly string[]; readonly voters: number; readonly eligible: number }>();
  for (const districtId of input.hidden) {
    const unitId = state.tree.unitOf.get(districtId);
    const unit = unitId === undefined ? undefined : state.tree.units.get(unitId);
    const unitState = unitId === undefined ? undefined : state.units.get(unitId);
    if (!unit || !unitState || candidates.has(unit.id) || unitState.reported !== unit.members.length) continue;
    if (unit.anchor === null || !(state.tree.pathOf.get(unit.anchor) ?? []).includes(input.areaId)) continue;
    candidates.set(unit.id, { members: unit.members, voters: unitState.voters, eligible: unitState.eligible });
  }
  const fit = [...candidates.values()].filter((unit) => unit.members.every((member) => !heldBack.has(member)));
  const together = input.isReleasable(fit.flatMap((unit) => unit.members));
  const turnout = { ...totals.turnout };
  for (const unit of candidates.values()) {
    if (fit.includes(unit) && (together || input.isReleasable(unit.members))) continue;
    turnout.voters -= unit.voters;
    turnout.eligible -= unit.eligible;
    turnout.completeUnits -= 1;
  }
  return { ...totals, turnout };
};
