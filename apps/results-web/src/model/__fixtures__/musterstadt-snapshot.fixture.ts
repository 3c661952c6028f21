import type { PublicAreaResult, PublicContest, PublicContestResult, PublicElectionSnapshot, PublicListResult } from '@wahl/domain';

// The worked example of DOMAIN.md 4.3 as the public would see it at 18:42 on election night:
// Urnenwahlbezirk 0101 and its Briefwahlbezirk 0191 are counted, 0102 is still missing. Every share is
// worked out by hand below (one decimal, half up, P12: over the reported districts only).

const lists = (ids: readonly (readonly [string, string, string, string])[]) =>
  ids.map(([id, shortName, name, color], index) => ({ id, ballotPosition: index + 1, shortName, name, color }));

const PARTIES = lists([
  ['cdu', 'CDU', 'Christlich Demokratische Union Deutschlands', '#000000'],
  ['spd', 'SPD', 'Sozialdemokratische Partei Deutschlands', '#e3000f'],
  ['gruene', 'GRÜNE', 'BÜNDNIS 90/DIE GRÜNEN', '#46962b'],
  ['fdp', 'FDP', 'Freie Demokratische Partei', '#ffed00'],
  ['linke', 'Die Linke', 'Die Linke', '#be3075'],
]);

/** The direct candidates on the Erststimme side of the ballot, one per party. */
const CANDIDATES: Readonly<Record<string, readonly [name: string, familyName: string]>> = {
  cdu: ['Dr. Anna Berger', 'Berger'],
  spd: ['Mehmet Yıldız', 'Yıldız'],
  gruene: ['Jule Sommerfeld', 'Sommerfeld'],
  fdp: ['Karl-Heinz Ostermann', 'Ostermann'],
  linke: ['Rosa Lindner', 'Lindner'],
};

const ERST: PublicContest = {
  id: 'erststimme',
  name: 'Erststimme',
  ballotType: 'candidate',
  lists: PARTIES.map((list) => {
    const [name, familyName] = CANDIDATES[list.id]!;
    return { ...list, candidate: { name, familyName } };
  }),
};

const ZWEIT: PublicContest = {
  id: 'zweitstimme',
  name: 'Zweitstimme',
  ballotType: 'list',
  lists: [...PARTIES, { id: 'bsw', ballotPosition: 6, shortName: 'BSW', name: 'Bündnis Sahra Wagenknecht', color: '#a31e4a' }],
};

type Row = readonly [listId: string, votes: number, percent: number | null, previousPercent: number | null, changePoints: number | null];
const contest = (contestId: string, invalid: number, valid: number, rows: readonly Row[]): PublicContestResult => ({
  contestId,
  invalid,
  valid,
  lists: rows.map(([listId, votes, percent, previousPercent, changePoints]): PublicListResult => ({
    listId,
    votes,
    percent,
    previousPercent,
    changePoints,
  })),
});

/** Municipality: 0101 + 0191. Zweitstimme 1.070 valid; previous (2021) 300/280/180/140/60/0 of 1.000. */
const MUNICIPALITY: PublicAreaResult = {
  areaId: 'musterstadt',
  reported: 2,
  expected: 3,
  eligible: 1500,
  voters: 1080,
  // P10: the unit 0101 + 0191 is complete: 1.080 / 1.500 = 72,0 %.
  turnoutPercent: 72,
  previousTurnoutPercent: null,
  contests: [
    // 410/1063 = 38,57 → 38,6; 315 → 29,63 → 29,6; 195 → 18,34 → 18,3; 90 → 8,47 → 8,5; 53 → 4,99 → 5,0.
    contest('erststimme', 17, 1063, [
      ['cdu', 410, 38.6, null, null],
      ['spd', 315, 29.6, null, null],
      ['gruene', 195, 18.3, null, null],
      ['fdp', 90, 8.5, null, null],
      ['linke', 53, 5, null, null],
    ]),
    // 385/1070 = 35,98 → 36,0; 290 → 27,10 → 27,1; 210 → 19,63 → 19,6; 102 → 9,53 → 9,5; 52 → 4,86 → 4,9; 31 → 2,90 → 2,9.
    contest('zweitstimme', 10, 1070, [
      ['cdu', 385, 36, 30, 6],
      ['spd', 290, 27.1, 28, -0.9],
      ['gruene', 210, 19.6, 18, 1.6],
      ['fdp', 102, 9.5, 14, -4.5],
      ['linke', 52, 4.9, 6, -1.1],
      ['bsw', 31, 2.9, 0, 2.9],
    ]),
  ],
  publication: { kind: 'published' },
};

const DISTRICT_0101: PublicAreaResult = {
  areaId: 'd0101',
  reported: 1,
  expected: 1,
  eligible: 1500,
  voters: 820,
  // P10: without its postal district 0191 the unit is incomplete.
  turnoutPercent: null,
  previousTurnoutPercent: null,
  contests: [
    // 310/808 = 38,37 → 38,4; 240 → 29,70 → 29,7; 150 → 18,56 → 18,6; 70 → 8,66 → 8,7; 38 → 4,70 → 4,7.
    contest('erststimme', 12, 808, [
      ['cdu', 310, 38.4, null, null],
      ['spd', 240, 29.7, null, null],
      ['gruene', 150, 18.6, null, null],
      ['fdp', 70, 8.7, null, null],
      ['linke', 38, 4.7, null, null],
    ]),
    // 290/813 = 35,67 → 35,7; 220 → 27,06 → 27,1; 160 → 19,68 → 19,7; 80 → 9,84 → 9,8; 40 → 4,92 → 4,9; 23 → 2,83 → 2,8.
    contest('zweitstimme', 7, 813, [
      ['cdu', 290, 35.7, null, null],
      ['spd', 220, 27.1, null, null],
      ['gruene', 160, 19.7, null, null],
      ['fdp', 80, 9.8, null, null],
      ['linke', 40, 4.9, null, null],
      ['bsw', 23, 2.8, null, null],
    ]),
  ],
  publication: { kind: 'published' },
};

const nothingYet = (areaId: string, eligible: number | null): PublicAreaResult => ({
  areaId,
  reported: 0,
  expected: 1,
  eligible,
  voters: 0,
  turnoutPercent: null,
  previousTurnoutPercent: null,
  contests: [ERST, ZWEIT].map((c) =>
    contest(
      c.id,
      0,
      0,
      c.lists.map((list): Row => [list.id, 0, null, null, null]),
    ),
  ),
  publication: { kind: 'published' },
});

const POSTAL_0191: PublicAreaResult = {
  areaId: 'd0191',
  reported: 1,
  expected: 1,
  // R2.5: a postal district has no eligible voters of its own.
  eligible: null,
  voters: 260,
  turnoutPercent: null,
  previousTurnoutPercent: null,
  contests: [
    // 100/255 = 39,22 → 39,2; 75 → 29,41 → 29,4; 45 → 17,65 → 17,6; 20 → 7,84 → 7,8; 15 → 5,88 → 5,9.
    contest('erststimme', 5, 255, [
      ['cdu', 100, 39.2, null, null],
      ['spd', 75, 29.4, null, null],
      ['gruene', 45, 17.6, null, null],
      ['fdp', 20, 7.8, null, null],
      ['linke', 15, 5.9, null, null],
    ]),
    // 95/257 = 36,96 → 37,0; 70 → 27,24 → 27,2; 50 → 19,46 → 19,5; 22 → 8,56 → 8,6; 12 → 4,67 → 4,7; 8 → 3,11 → 3,1.
    contest('zweitstimme', 3, 257, [
      ['cdu', 95, 37, null, null],
      ['spd', 70, 27.2, null, null],
      ['gruene', 50, 19.5, null, null],
      ['fdp', 22, 8.6, null, null],
      ['linke', 12, 4.7, null, null],
      ['bsw', 8, 3.1, null, null],
    ]),
  ],
  publication: { kind: 'published' },
};

export const MUSTERSTADT_SNAPSHOT: PublicElectionSnapshot = {
  electionId: 'e2025',
  name: 'Bundestagswahl 2025',
  kind: 'bundestag',
  electionDay: '2025-02-23',
  municipalityName: 'Musterstadt',
  previousElectionName: 'Bundestagswahl 2021',
  rehearsal: false,
  version: 3,
  updatedAt: '2025-02-23T17:42:10Z',
  status: 'counting',
  contests: [ERST, ZWEIT],
  areas: [
    { id: 'musterstadt', parentId: null, level: 'municipality', number: '08999201', name: 'Musterstadt' },
    { id: 'd0191', parentId: 'musterstadt', level: 'postal-district', number: '0191', name: 'Briefwahl Altstadt' },
    { id: 'd0102', parentId: 'musterstadt', level: 'district', number: '0102', name: 'Neustadt' },
    { id: 'd0101', parentId: 'musterstadt', level: 'district', number: '0101', name: 'Altstadt' },
  ],
  results: [MUNICIPALITY, DISTRICT_0101, nothingYet('d0102', 0), POSTAL_0191],
};

/** The same election before the first report (version 0, status waiting). */
export const MUSTERSTADT_WAITING: PublicElectionSnapshot = {
  ...MUSTERSTADT_SNAPSHOT,
  version: 0,
  updatedAt: '2025-02-23T17:00:00Z',
  status: 'waiting',
  results: [{ ...nothingYet('musterstadt', 0), expected: 3 }, nothingYet('d0101', 0), nothingYet('d0102', 0), nothingYet('d0191', null)],
};
