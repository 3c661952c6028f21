import { describe, expect, it } from 'vitest';
import { MIN_PROJECTION_UNITS, projectResult, type ProjectionUnit } from './projection';

// Worked example: 6 districts, lists A and B each had 1,000 of 2,000 valid votes last time; 5 are
// counted, the sixth (previously 400 : 400) is not.
//   district   before A  B    now A  B
//   1             100  100      120  80
//   2             200  100      230  70
//   3             100  200      130 170
//   4             150  150      170 130
//   5              50   50       60  40
// A: R = 710 / 600 = 1.18333, Ŷ = 1,183.33; B: R = 490 / 600 = 0.81667, Ŷ = 816.67; valid 2,000.
// Shares: A 59.1667 %, B 40.8333 % (the raw count says 59.17 % too, but only because the missing
// district is as even as the counted ones were; see the second case).
// A's residuals y − R·x: 1.667, −6.667, 11.667, −7.5, 0.833; s² = 240.278 / 4 = 60.069;
// Var(Ŷ) = 1000² · (1 − 5/6) · 60.069 / (5 · 120²) = 139.05; SE = 11.792 votes = 0.5896 points.
const unit = (before: [number, number], now: [number, number]): ProjectionUnit => ({
  previousVotes: { a: before[0], b: before[1] },
  previousValid: before[0] + before[1],
  votes: { a: now[0], b: now[1] },
  valid: now[0] + now[1],
});
const COUNTED = [
  unit([100, 100], [120, 80]),
  unit([200, 100], [230, 70]),
  unit([100, 200], [130, 170]),
  unit([150, 150], [170, 130]),
  unit([50, 50], [60, 40]),
];
const INPUT = {
  listIds: ['a', 'b'],
  counted: COUNTED,
  previousTotals: { votes: { a: 1000, b: 1000 }, valid: 2000 },
  units: 6,
  reportedUnits: 5,
};

describe('projectResult (ratio estimation per list)', () => {
  it('should project the worked example with its standard error and 95 % interval', () => {
    const projection = projectResult(INPUT)!;
    expect(projection.countedUnits).toBe(5);
    const [a, b] = projection.lists;
    expect(a!.percent).toBeCloseTo(59.1667, 4);
    expect(b!.percent).toBeCloseTo(40.8333, 4);
    expect(a!.standardError).toBeCloseTo(0.5896, 4);
    expect(a!.low).toBeCloseTo(59.1667 - 1.96 * 0.5896, 3);
    expect(a!.high).toBeCloseTo(59.1667 + 1.96 * 0.5896, 3);
  });

  it('should correct for where the counted districts lie: strongholds of A counted first do not overstate A', () => {
    // Counted: only A's strongholds (A had 2/3 there) – A gains 5 points of the 2,000 everywhere.
    const strongholds = [0, 1, 2, 3, 4].map(() => unit([200, 100], [215, 85]));
    const previousTotals = { votes: { a: 1000 + 1000, b: 500 + 1500 }, valid: 4000 };
    const projection = projectResult({ ...INPUT, counted: strongholds, previousTotals, units: 10 })!;
    // Raw share among the counted: 215/300 = 71.7 %; projected: A R = 1.075 → 2,150; B R = 0.85 → 1,700; 2,150 / 3,850.
    expect(projection.lists[0]!.percent).toBeCloseTo((100 * 2150) / 3850, 6);
    // Every counted district moved alike: no spread, no error.
    expect(projection.lists[0]!.standardError).toBe(0);
  });

  it('should estimate a list new since the previous election by the valid votes', () => {
    const withNew = COUNTED.map((u) => ({ ...u, votes: { ...u.votes, c: 20 }, valid: u.valid + 20 }));
    const projection = projectResult({ ...INPUT, listIds: ['a', 'b', 'c'], counted: withNew })!;
    // C: 100 votes over 1,200 previous valid votes, times 2,000 = 166.67 of 2,166.67 projected.
    expect(projection.lists[2]!.percent).toBeCloseTo((100 * 166.6667) / 2166.6667, 3);
  });

  it('should be off when every district is in, or too few are counted', () => {
    expect(projectResult({ ...INPUT, reportedUnits: 6 })).toBeNull();
    expect(projectResult({ ...INPUT, counted: COUNTED.slice(0, MIN_PROJECTION_UNITS - 1) })).toBeNull();
    expect(projectResult({ ...INPUT, previousTotals: { votes: {}, valid: 0 } })).toBeNull();
  });
});
