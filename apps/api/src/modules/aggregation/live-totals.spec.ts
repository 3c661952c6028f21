import { areaTotals, indexResultTree, recount, type QuickReport, type ResultContest } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { LiveTotals } from './live-totals';

// DOMAIN.md 4.3: Urnenwahlbezirk 0101 and its Briefwahlbezirk 0191 (list split of 0191 invented, sums as given).
const WORKED_CONTESTS: ResultContest[] = [
  { id: 'erststimme', listIds: ['cdu', 'spd', 'gruene', 'fdp', 'linke'] },
  { id: 'zweitstimme', listIds: ['cdu', 'spd', 'gruene', 'fdp', 'linke', 'bsw'] },
];
const WORKED_POLLING_0101: QuickReport = {
  districtId: '0101',
  districtKind: 'polling',
  A: 1500,
  A1: 1200,
  A2: 300,
  A3: 0,
  B: 820,
  B1: 15,
  contests: [
    { contestId: 'erststimme', invalid: 12, valid: 808, votes: { cdu: 310, spd: 240, gruene: 150, fdp: 70, linke: 38 } },
    { contestId: 'zweitstimme', invalid: 7, valid: 813, votes: { cdu: 290, spd: 220, gruene: 160, fdp: 80, linke: 40, bsw: 23 } },
  ],
  markedCount: 820,
};
const WORKED_POSTAL_0191: QuickReport = {
  districtId: '0191',
  districtKind: 'postal',
  A: null,
  A1: null,
  A2: null,
  A3: null,
  B: 260,
  B1: 260,
  contests: [
    { contestId: 'erststimme', invalid: 5, valid: 255, votes: { cdu: 100, spd: 75, gruene: 45, fdp: 20, linke: 15 } },
    { contestId: 'zweitstimme', invalid: 3, valid: 257, votes: { cdu: 95, spd: 70, gruene: 50, fdp: 22, linke: 12, bsw: 8 } },
  ],
};

const tree = (() => {
  const indexed = indexResultTree({
    areas: [{ id: 'municipality', parent: null }],
    districts: [
      { id: '0101', kind: 'polling', parent: 'municipality', postalDistrictId: '0191' },
      { id: '0191', kind: 'postal', parent: 'municipality' },
    ],
    contests: WORKED_CONTESTS,
  });
  if (!indexed.ok) throw new Error(indexed.error.message);
  return indexed.value;
})();

const corrected: QuickReport = { ...WORKED_POLLING_0101, B: 821, B1: 16, markedCount: 821 };

describe('live totals of one election', () => {
  it('should give the worked example of DOMAIN.md 4.3 after both reports: 1,080 voters, turnout 72.0 %', () => {
    const live = LiveTotals.build(tree, []);
    expect(live.apply({ districtId: '0101', revision: 1, next: WORKED_POLLING_0101 })).toBe(true);
    expect(live.apply({ districtId: '0191', revision: 1, next: WORKED_POSTAL_0191 })).toBe(true);
    const totals = areaTotals(live.state, 'municipality')!;
    expect(totals.B).toBe(1080);
    expect(totals.turnout).toMatchObject({ voters: 1080, eligible: 1500, completeUnits: 1 });
    expect(live.sum).toBe(2);
  });

  it('should equal a recount after a correction and a withdrawal', () => {
    const live = LiveTotals.build(tree, [{ districtId: '0101', revision: 1, report: WORKED_POLLING_0101, seq: 7 }]);
    live.apply({ districtId: '0101', revision: 2, next: corrected });
    live.apply({ districtId: '0191', revision: 1, next: WORKED_POSTAL_0191 });
    live.apply({ districtId: '0191', revision: 2, next: null });
    const expected = recount(tree, [corrected]);
    if (!expected.ok) throw new Error(expected.error.message);
    expect(areaTotals(live.state, 'municipality')).toEqual(areaTotals(expected.value, 'municipality'));
    expect(live.stale).toBe(false);
    expect(live.journal).toEqual(['0101', '0191', '0191']);
  });

  it('should ignore a change already in its snapshot', () => {
    const live = LiveTotals.build(tree, [{ districtId: '0101', revision: 1, report: WORKED_POLLING_0101, seq: 7 }]);
    expect(live.apply({ districtId: '0101', revision: 1, next: WORKED_POLLING_0101 })).toBe(true);
    expect(areaTotals(live.state, 'municipality')!.B).toBe(820);
    // Not a move of the counts, so not in the journal.
    expect(live.journal).toEqual([]);
    expect(live.mark).toBe(7);
  });

  it("should replace a district's count across revisions it never saw (another process's changes)", () => {
    const live = LiveTotals.build(tree, [{ districtId: '0101', revision: 1, report: WORKED_POLLING_0101, seq: 7 }]);
    const caughtUp = live.catchUp([
      { districtId: '0101', revision: 3, report: corrected, seq: 12 },
      { districtId: '0191', revision: 1, report: WORKED_POSTAL_0191, seq: 9 },
    ]);
    expect(caughtUp).toBe(true);
    // 821 + 260 voters (DOMAIN.md 4.3 with 0101 corrected by one).
    expect(areaTotals(live.state, 'municipality')!.B).toBe(1081);
    expect(live.sum).toBe(4);
    expect(live.mark).toBe(12);
    expect(live.journal).toEqual(['0101', '0191']);
    expect(live.stale).toBe(false);
  });
});
