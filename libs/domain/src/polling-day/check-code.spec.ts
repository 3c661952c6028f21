import { describe, expect, it } from 'vitest';
import type { QuickReport, ResultContest } from '../results/quick-report.types';
import { checkCodeFigures, checkCodeMatches, checkCodeOf, reportCheckCode } from './check-code';

// DOMAIN.md 4.3: Urnenwahlbezirk 0101 with five Kreiswahlvorschläge and six Landeslisten.
const contests: ResultContest[] = [
  { id: 'erst', listIds: ['d1', 'd2', 'd3', 'd4', 'd5'] },
  { id: 'zweit', listIds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'] },
];
const report: QuickReport = {
  districtId: '0101',
  districtKind: 'polling',
  A: 1500,
  A1: 1200,
  A2: 300,
  A3: 0,
  B: 820,
  B1: 15,
  contests: [
    // Stored reports may hold the lists in any key order (jsonb): the code follows the ballot order.
    { contestId: 'zweit', invalid: 7, valid: 813, votes: { f6: 23, f1: 290, f2: 220, f3: 160, f4: 80, f5: 40 } },
    { contestId: 'erst', invalid: 12, valid: 808, votes: { d1: 310, d2: 240, d3: 150, d4: 70, d5: 38 } },
  ],
};

describe('check code of the second channel (R7.16)', () => {
  it('should compute the worked example by hand: figures 2 and 1 give 3 · 1009 + 2 = 3029', () => {
    expect(checkCodeOf([2, 1])).toBe('3029');
  });

  it('should pad to four digits and count an empty figure as 0', () => {
    // (0 · 1009 + 0) → 0; (0 · 1009 + 5) → 5
    expect(checkCodeOf([null, 4])).toBe('0005');
  });

  it('should list the figures of 4.3 in form order A1, A2, A3, B, B1, C, D, D1…D5, E, F, F1…F6', () => {
    expect(checkCodeFigures(report, contests)).toEqual([
      1200, 300, 0, 820, 15, 12, 808, 310, 240, 150, 70, 38, 7, 813, 290, 220, 160, 80, 40, 23,
    ]);
  });

  it('should give the 4.3 example the code 3812 and match it as read out with a space', () => {
    expect(reportCheckCode(report, contests)).toBe('3812');
    expect(checkCodeMatches('38 12', report, contests)).toBe(true);
    expect(checkCodeMatches('3821', report, contests)).toBe(false);
  });

  it('should change the code for any single figure off by 1 to 9972', () => {
    const figures = checkCodeFigures(report, contests).map((figure) => figure ?? 0);
    const original = checkCodeOf(figures);
    for (const position of [0, 3, 7, 19]) {
      for (const delta of [1, 9, 10, 100, 9972]) {
        const changed = figures.map((figure, index) => (index === position ? figure + delta : figure));
        expect(checkCodeOf(changed)).not.toBe(original);
      }
    }
  });

  it('should change the code when two neighbouring figures are swapped', () => {
    expect(checkCodeOf([310, 240])).not.toBe(checkCodeOf([240, 310]));
  });
});
