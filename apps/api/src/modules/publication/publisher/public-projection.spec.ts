import { recount, type QuickReport } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { buildElectionNightContext } from '../../elections/read-model/election-night-context';
import { buildPublicResults } from './public-results.builder';
import { buildPublicationSource } from './publication-source';
import { decideRelease, emptyLedger } from './release-decisions';

// The worked example of libs/domain results/projection.spec.ts through the publisher: six districts
// with their previous results (lists a, b), five counted; the municipality's result carries the
// Hochrechnung (A 59.2 %, 58.0 to 60.3), and none once the sixth is in.
const BEFORE: readonly [number, number][] = [
  [100, 100],
  [200, 100],
  [100, 200],
  [150, 150],
  [50, 50],
  [400, 400],
];
const NOW: readonly [number, number][] = [
  [120, 80],
  [230, 70],
  [130, 170],
  [170, 130],
  [60, 40],
  [410, 390],
];
const ids = BEFORE.map((_, index) => `d${index + 1}`);
const context = buildElectionNightContext({
  election: {
    id: 'e',
    officeId: 'o',
    name: 'Wahl',
    kind: 'bundestag',
    electionDay: '2025-02-23',
    previousElectionName: 'Bundestagswahl 2021',
    municipalityAgs: '08999001',
    municipalityName: 'Musterstadt',
    constituencyNumber: null,
    constituencyName: null,
  },
  districts: ids.map((id, ordinal) => ({
    id,
    ordinal,
    number: id,
    name: id,
    kind: 'polling' as const,
    postalDistrictId: null,
    pollingStationId: null,
  })),
  stations: [],
  contests: [{ id: 'z', key: 'z', name: 'Stimme', votesPerBallot: 1, ballotType: 'list' }],
  lists: [
    { id: 'la', contestId: 'z', key: 'a', ballotPosition: 1, shortName: 'A', name: 'Liste A', color: '#111111' },
    { id: 'lb', contestId: 'z', key: 'b', ballotPosition: 2, shortName: 'B', name: 'Liste B', color: '#222222' },
  ],
  previousResults: BEFORE.map(([a, b], index) => ({
    districtId: ids[index]!,
    contestId: 'z',
    eligible: 1000,
    voters: a + b,
    valid: a + b,
    votes: { a, b },
  })),
});
const source = buildPublicationSource(context);
const report = (index: number): QuickReport => {
  const [a, b] = NOW[index]!;
  return {
    districtId: ids[index]!,
    districtKind: 'polling',
    A: 1000,
    A1: 1000,
    A2: 0,
    A3: 0,
    B: a + b,
    B1: 0,
    contests: [{ contestId: 'z', invalid: 0, valid: a + b, votes: { a, b } }],
  };
};
const municipality = (counted: number) => {
  const state = recount(context.tree, [...Array(counted).keys()].map(report));
  if (!state.ok) throw new Error(state.error.message);
  const { released } = decideRelease(source, state.value, { releases: [], record: [] }, emptyLedger());
  return buildPublicResults(source, state.value, released).get('municipality')!.result;
};

describe('the municipality’s Hochrechnung on the public result', () => {
  it('should project from the five counted districts with a 95 % range', () => {
    expect(municipality(5).projections).toEqual([
      {
        contestId: 'z',
        countedUnits: 5,
        lists: [
          { listId: 'a', percent: 59.2, low: 58, high: 60.3 },
          { listId: 'b', percent: 40.8, low: 39.7, high: 42 },
        ],
      },
    ]);
  });

  it('should have none while fewer than five are counted, nor once every district is in', () => {
    expect(municipality(4).projections).toBeUndefined();
    expect(municipality(6).projections).toBeUndefined();
  });
});
