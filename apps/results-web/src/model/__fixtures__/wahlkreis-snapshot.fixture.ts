import type { PublicAreaResult, PublicContest, PublicElectionSnapshot } from '@wahl/domain';

// A deeper tree with many lists and R8.5 cases: Wahlkreis → Gemeinde → four districts, one of them
// published, two small ones merged with each other, one withheld. Ten lists, so that the charts
// group the smallest into "Andere". Shares worked out by hand (one decimal, half up).

const NAMES = ['CDU', 'SPD', 'GRÜNE', 'AfD', 'FDP', 'Die Linke', 'FREIE WÄHLER', 'Volt', 'ÖDP', 'MLPD'];
const COLORS = ['#32302e', '#ff0000', '#46962b', '#009ee0', '#ffed00', '#9900cc', '#f29204', '#502379', '#ffa338', 'rot'];

const CONTEST: PublicContest = {
  id: 'zweitstimme',
  name: 'Zweitstimme',
  ballotType: 'list',
  lists: NAMES.map((shortName, index) => ({
    id: `l${index + 1}`,
    ballotPosition: index + 1,
    shortName,
    name: shortName,
    color: COLORS[index]!,
  })),
};

const result = (
  areaId: string,
  eligible: number,
  voters: number,
  votes: readonly number[],
  percents: readonly (number | null)[],
  publication: PublicAreaResult['publication'] = { kind: 'published' },
): PublicAreaResult => ({
  areaId,
  reported: 1,
  expected: 1,
  eligible,
  voters,
  turnoutPercent: null,
  previousTurnoutPercent: null,
  contests: [
    {
      contestId: 'zweitstimme',
      invalid: voters - votes.reduce((sum, v) => sum + v, 0),
      valid: votes.reduce((sum, v) => sum + v, 0),
      lists: votes.map((v, index) => ({
        listId: `l${index + 1}`,
        votes: v,
        percent: percents[index] ?? null,
        previousPercent: null,
        changePoints: null,
      })),
    },
  ],
  publication,
});

// 1.055 valid: 300 → 28,4; 250 → 23,7; 200 → 19,0; 120 → 11,4; 80 → 7,6; 40 → 3,8; 30 → 2,8; 20 → 1,9; 10 → 0,9; 5 → 0,5.
const DISTRICT_VOTES = [300, 250, 200, 120, 80, 40, 30, 20, 10, 5];
const DISTRICT_PERCENTS = [28.4, 23.7, 19, 11.4, 7.6, 3.8, 2.8, 1.9, 0.9, 0.5];
// 2 × the district + 0104 (12, 10, 8, 5, 3, 1, 1, 0, 0, 0) = 2.150 valid: 612 → 28,5; 510 → 23,7; 408 → 19,0 …
const TOTAL_VOTES = [612, 510, 408, 245, 163, 81, 61, 40, 20, 10];
const TOTAL_PERCENTS = [28.5, 23.7, 19, 11.4, 7.6, 3.8, 2.8, 1.9, 0.9, 0.5];

const total = (areaId: string): PublicAreaResult => ({
  ...result(areaId, 3000, 2170, TOTAL_VOTES, TOTAL_PERCENTS),
  reported: 4,
  expected: 5,
  // P10: 2.170 / 3.000 = 72,3 %.
  turnoutPercent: 72.3,
  previousTurnoutPercent: 76.6,
});

export const WAHLKREIS_SNAPSHOT: PublicElectionSnapshot = {
  electionId: 'e-wk',
  name: 'Bundestagswahl 2025',
  kind: 'bundestag',
  electionDay: '2025-02-23',
  municipalityName: 'Karlsruhe',
  previousElectionName: null,
  rehearsal: false,
  version: 41,
  updatedAt: '2025-02-23T19:05:00Z',
  status: 'counting',
  contests: [CONTEST],
  areas: [
    { id: 'wk271', parentId: null, level: 'constituency', number: '271', name: 'Karlsruhe-Stadt' },
    { id: 'ka', parentId: 'wk271', level: 'municipality', number: '08212000', name: 'Karlsruhe' },
    { id: 'k0104', parentId: 'ka', level: 'district', number: '0104', name: 'Hafen' },
    { id: 'k0102', parentId: 'ka', level: 'district', number: '0102', name: 'Oststadt Nord' },
    { id: 'k0101', parentId: 'ka', level: 'district', number: '0101', name: 'Innenstadt-West' },
    { id: 'k0103', parentId: 'ka', level: 'district', number: '0103', name: 'Oststadt Süd' },
    { id: 'k0105', parentId: 'ka', level: 'district', number: '0105', name: 'Südstadt' },
  ],
  results: [
    total('wk271'),
    total('ka'),
    result('k0101', 1480, 1070, DISTRICT_VOTES, DISTRICT_PERCENTS),
    // R8.5: 0102 and 0103 are each too small; both carry the sum of the two.
    result('k0102', 1480, 1070, DISTRICT_VOTES, DISTRICT_PERCENTS, { kind: 'merged', withAreaId: 'k0103' }),
    result('k0103', 1480, 1070, DISTRICT_VOTES, DISTRICT_PERCENTS, { kind: 'merged', withAreaId: 'k0102' }),
    { ...result('k0104', 40, 30, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), publication: { kind: 'withheld' } },
    { ...result('k0105', 0, 0, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [null, null, null, null, null, null, null, null, null, null]), reported: 0 },
  ],
};
