import type { QuickReport, ResultContest } from '../src/results/quick-report.types';

// DOMAIN.md 4.3 worked example (Bundestag type), shared by the results specs.
// The per-list split of the postal district 0191 is not given there and is invented (sums match).

export const WORKED_CONTESTS: readonly ResultContest[] = [
  { id: 'erststimme', listIds: ['cdu', 'spd', 'gruene', 'fdp', 'linke'] },
  { id: 'zweitstimme', listIds: ['cdu', 'spd', 'gruene', 'fdp', 'linke', 'bsw'] },
];

/** Urnenwahlbezirk 0101, closing count 1,500. */
export const WORKED_POLLING_0101: QuickReport = {
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
  // 805 Stimmabgabevermerke + 15 Wahlscheine.
  markedCount: 820,
};

export const WORKED_CLOSING_COUNT_0101 = 1500;

/** Briefwahlbezirk 0191, linked to 0101. */
export const WORKED_POSTAL_0191: QuickReport = {
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
