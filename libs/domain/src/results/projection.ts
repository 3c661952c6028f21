// Hochrechnung (issue 15): the municipality's result projected on election night from the districts
// counted so far against the same districts' result at the previous election.
//
// Method – ratio estimation per list (Cochran, Sampling Techniques, ch. 6): with y_d the votes of a
// list in counted unit d, x_d the same list's votes there at the previous election and X the list's
// previous votes in all units, the list's total is estimated as Ŷ = R̂·X with R̂ = Σy_d / Σx_d. A
// list that did not run last time uses the previous valid votes as x instead (it is then only
// corrected for the size of the counted units). Shares are Ŷ over the sum of all Ŷ.
// Uncertainty: the ratio estimator's standard error, SE(Ŷ) = X·√((1 − f)·s² / (n·x̄²)) with
// s² = Σ(y_d − R̂x_d)² / (n − 1), x̄ = Σx_d / n and f = n/N; for the share it is divided by the
// projected valid votes, and the interval is ±1.96 SE (about 95 %). The formula assumes counted
// units are a random sample; on election night they are not (small and urban districts come
// first), which is why the projection is labelled as such and needs a minimum of counted units.
// R8.5/R8.7: only units whose figures are published anyway (a district, a merged pair) may be used,
// so that the projection reveals nothing that is not public already.

/** A counted unit: one district or a merged pair, with its figures now and at the previous election. */
export type ProjectionUnit = {
  readonly votes: Readonly<Record<string, number>>;
  readonly valid: number;
  readonly previousVotes: Readonly<Record<string, number>>;
  readonly previousValid: number;
};

export type ProjectionInput = {
  readonly listIds: readonly string[];
  readonly counted: readonly ProjectionUnit[];
  /** The previous election in every unit of the municipality that has a previous result. */
  readonly previousTotals: { readonly votes: Readonly<Record<string, number>>; readonly valid: number };
  /** How many units the municipality has (N) and how many of them are counted overall. */
  readonly units: number;
  readonly reportedUnits: number;
};

export type ProjectedList = {
  readonly listId: string;
  /** Projected share of the valid votes in percent, and its standard error in percentage points. */
  readonly percent: number;
  readonly standardError: number;
  /** About 95 %: percent ± 1.96 standard errors, cut to 0 … 100. */
  readonly low: number;
  readonly high: number;
};

export type Projection = { readonly countedUnits: number; readonly lists: readonly ProjectedList[] };

/** Fewer counted units give no projection: the standard error needs some spread to mean anything. */
export const MIN_PROJECTION_UNITS = 5;
const Z_95 = 1.96;

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * The projection, or null when there is nothing to project: every unit is in (the count itself is
 * then the result), fewer than MIN_PROJECTION_UNITS counted units, or no previous valid votes.
 */
export function projectResult(input: ProjectionInput): Projection | null {
  const { counted, previousTotals } = input;
  const n = counted.length;
  if (input.reportedUnits >= input.units || n < MIN_PROJECTION_UNITS || previousTotals.valid <= 0) return null;
  const f = Math.min(1, n / input.units);

  const estimates = input.listIds.map((listId) => {
    const ran = (previousTotals.votes[listId] ?? 0) > 0;
    const y = counted.map((unit) => unit.votes[listId] ?? 0);
    const x = counted.map((unit) => (ran ? (unit.previousVotes[listId] ?? 0) : unit.previousValid));
    const total = ran ? previousTotals.votes[listId]! : previousTotals.valid;
    const sumX = sum(x);
    if (sumX <= 0) return { listId, estimate: sum(y), variance: 0 };
    const ratio = sum(y) / sumX;
    const s2 = sum(y.map((value, d) => (value - ratio * x[d]!) ** 2)) / (n - 1);
    const meanX = sumX / n;
    return { listId, estimate: ratio * total, variance: (total ** 2 * ((1 - f) * s2)) / (n * meanX ** 2) };
  });

  const valid = sum(estimates.map((estimate) => estimate.estimate));
  if (valid <= 0) return null;
  return {
    countedUnits: n,
    lists: estimates.map(({ listId, estimate, variance }) => {
      const percent = (100 * estimate) / valid;
      const standardError = (100 * Math.sqrt(variance)) / valid;
      return {
        listId,
        percent,
        standardError,
        low: Math.max(0, percent - Z_95 * standardError),
        high: Math.min(100, percent + Z_95 * standardError),
      };
    }),
  };
}
