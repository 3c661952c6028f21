// Germany's age structure (Destatis, population by five-year age groups, end of 2023, in thousands),
// spread evenly over single years. Under 18: about 16.7 %; 65 and over: about 22.6 %.

const FIVE_YEAR_GROUPS: readonly number[] = [
  3950, 3960, 3900, 3900, 4400, 4800, 5600, 5600, 5300, 4900, 5900, 6900, 6300, 5400, 4400, 3400, 3400, 1700, 650, 150,
];

/** Weight of each age 0…99. */
export const AGE_WEIGHTS: readonly number[] = FIVE_YEAR_GROUPS.flatMap((group) => Array.from({ length: 5 }, () => group / 5));

export const MAX_AGE = AGE_WEIGHTS.length - 1;

/** The pyramid's share of ages in [from, to] (both included), e.g. (0, 17) for minors. */
export function pyramidShare(from: number, to: number): number {
  const total = AGE_WEIGHTS.reduce((a, b) => a + b, 0);
  return AGE_WEIGHTS.slice(from, to + 1).reduce((a, b) => a + b, 0) / total;
}
