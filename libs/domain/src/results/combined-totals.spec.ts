import { describe, expect, it } from 'vitest';
import type { AreaTotals } from './aggregation';
import { combinedResultView, combineMunicipalityTotals, type MunicipalityTotals } from './combined-totals';

const unwrap = <T, E>(result: { ok: true; value: T } | { ok: false; error: E }): T => {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  return result.value;
};

// Musterstadt: the DOMAIN.md 4.3 worked example, 0101 with its postal district 0191, both reported.
const MUSTERSTADT: MunicipalityTotals = {
  contests: [{ id: 'zweitstimme', listIds: ['cdu', 'spd'] }],
  totals: {
    id: 'municipality',
    reported: 2,
    expected: 2,
    A: 1500,
    A1: 1200,
    A2: 300,
    A3: 0,
    B: 1080,
    B1: 275,
    contests: { zweitstimme: { invalid: 10, valid: 1070, votes: { cdu: 385, spd: 685 } } },
    turnout: { voters: 1080, eligible: 1500, completeUnits: 1, totalUnits: 1 },
  },
};

// Kleindorf: one of three districts reported, its postal district not yet – no complete unit.
// Its ballot has a list Musterstadt's has not.
const KLEINDORF: MunicipalityTotals = {
  contests: [{ id: 'zweitstimme', listIds: ['spd', 'cdu', 'bsw'] }],
  totals: {
    id: 'municipality',
    reported: 1,
    expected: 3,
    A: 1000,
    A1: 990,
    A2: 8,
    A3: 2,
    B: 500,
    B1: 10,
    contests: { zweitstimme: { invalid: 10, valid: 490, votes: { spd: 340, cdu: 100, bsw: 50 } } },
    turnout: { voters: 0, eligible: 0, completeUnits: 0, totalUnits: 2 },
  },
};

describe('combineMunicipalityTotals', () => {
  it('should sum every raw count of the municipalities (P11) and merge their lists in order of first appearance', () => {
    const combined = unwrap(combineMunicipalityTotals('kreis', [MUSTERSTADT, KLEINDORF]));
    expect(combined.contests).toEqual([{ id: 'zweitstimme', listIds: ['cdu', 'spd', 'bsw'], votesPerBallot: 1 }]);
    expect(combined.totals).toEqual<AreaTotals>({
      id: 'kreis',
      reported: 3,
      expected: 5,
      A: 2500,
      A1: 2190,
      A2: 308,
      A3: 2,
      B: 1580,
      B1: 285,
      contests: { zweitstimme: { invalid: 20, valid: 1560, votes: { cdu: 485, spd: 1025, bsw: 50 } } },
      turnout: { voters: 1080, eligible: 1500, completeUnits: 1, totalUnits: 3 },
    });
  });

  it("should compute shares from the summed votes, not as the mean of the municipalities' shares (P12)", () => {
    const view = combinedResultView(unwrap(combineMunicipalityTotals('kreis', [MUSTERSTADT, KLEINDORF])));
    // 485 / 1560 = 31.09 %; the mean of 36.0 % and 20.4 % would be 28.2 %.
    expect(view.contests[0]!.lists.map(({ listId, votes, percent }) => ({ listId, votes, percent }))).toEqual([
      { listId: 'cdu', votes: 485, percent: 31.1 },
      { listId: 'spd', votes: 1025, percent: 65.7 },
      { listId: 'bsw', votes: 50, percent: 3.2 },
    ]);
    expect(view.contests[0]).toMatchObject({ invalid: 20, valid: 1560, invalidPercent: 1.3 });
    expect(view).toMatchObject({ id: 'kreis', reported: 3, expected: 5, complete: false });
  });

  it("should take turnout over the complete units only (P10): Kleindorf's reported district has no postal result yet", () => {
    const view = combinedResultView(unwrap(combineMunicipalityTotals('kreis', [MUSTERSTADT, KLEINDORF])));
    // 1,080 / 1,500 = 72.0 % over 1 of 3 units; B / A over everything reported would say 63.2 %.
    expect(view.turnout).toEqual({ percent: 72, completeUnits: 1, totalUnits: 3 });
  });

  it('should give empty totals without a turnout when no municipality has an election yet', () => {
    const combined = unwrap(combineMunicipalityTotals('kreis', []));
    expect(combined.totals).toMatchObject({ reported: 0, expected: 0, B: 0, contests: {} });
    expect(combinedResultView(combined)).toMatchObject({
      complete: true,
      turnout: { percent: null, completeUnits: 0, totalUnits: 0 },
      contests: [],
    });
  });

  it('should refuse to merge a contest whose votes per ballot differ between municipalities (R5.6)', () => {
    const cumulative: MunicipalityTotals = {
      ...KLEINDORF,
      contests: [{ id: 'zweitstimme', listIds: ['spd', 'cdu', 'bsw'], votesPerBallot: 3 }],
    };
    const result = combineMunicipalityTotals('kreis', [MUSTERSTADT, cumulative]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INCOMPATIBLE_CONTESTS');
  });
});
