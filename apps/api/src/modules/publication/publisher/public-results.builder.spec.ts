import { recount, type QuickReport } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { buildElectionNightContext } from '../../elections/read-model/election-night-context';
import { buildPublicResults } from './public-results.builder';
import { buildPublicationSource } from './publication-source';
import { decideRelease, emptyLedger } from './release-decisions';

// A town with four polling districts and one contest (lists x, y). d1 is large; d2 and d3 are too
// small for R8.5 on their own but not together; d4 is small and its only possible partner d1 has
// been public on its own already, so d4 is withheld.
const context = buildElectionNightContext({
  election: {
    id: 'e',
    officeId: 'o',
    name: 'Wahl',
    kind: 'bundestag',
    electionDay: '2025-02-23',
    previousElectionName: null,
    municipalityAgs: '08999001',
    municipalityName: 'Musterstadt',
    constituencyNumber: null,
    constituencyName: null,
  },
  districts: ['d1', 'd2', 'd3', 'd4'].map((id, ordinal) => ({
    id,
    ordinal,
    number: id.toUpperCase(),
    name: `Bezirk ${id}`,
    kind: 'polling' as const,
    postalDistrictId: null,
    pollingStationId: null,
  })),
  stations: [],
  contests: [{ id: 'z', key: 'z', name: 'Stimme', votesPerBallot: 1, ballotType: 'list' }],
  lists: [
    { id: 'lx', contestId: 'z', key: 'x', ballotPosition: 1, shortName: 'X', name: 'Liste X', color: '#111111' },
    { id: 'ly', contestId: 'z', key: 'y', ballotPosition: 2, shortName: 'Y', name: 'Liste Y', color: '#222222' },
  ],
  previousResults: [],
});
const source = buildPublicationSource(context);

const report = (districtId: string, eligible: number, x: number, y: number): QuickReport => ({
  districtId,
  districtKind: 'polling',
  A: eligible,
  A1: eligible,
  A2: 0,
  A3: 0,
  B: x + y,
  B1: 3,
  contests: [{ contestId: 'z', invalid: 0, valid: x + y, votes: { x, y } }],
});

const REPORTS = [report('d1', 800, 300, 200), report('d2', 40, 20, 10), report('d3', 45, 5, 30), report('d4', 30, 12, 8)];

const build = () => {
  const state = recount(context.tree, REPORTS);
  if (!state.ok) throw new Error(state.error.message);
  const { released } = decideRelease(
    source,
    state.value,
    { releases: [], record: [{ districtId: 'd1', partnerId: null, seq: 1 }] },
    emptyLedger(),
  );
  return buildPublicResults(source, state.value, released);
};

const shares = (areaId: string) =>
  build()
    .get(areaId)!
    .result.contests[0]!.lists.map((list) => [list.listId, list.votes, list.percent]);

describe('public results of areas and districts', () => {
  it('should show both districts of a merged pair with the sum of the two', () => {
    const results = build();
    // d2 + d3: 65 voters; x 25 / 65 = 38.46 → 38.5 %, y 40 / 65 = 61.54 → 61.5 %.
    expect(shares('d2')).toEqual([
      ['x', 25, 38.5],
      ['y', 40, 61.5],
    ]);
    expect(shares('d3')).toEqual(shares('d2'));
    expect(results.get('d2')!.result).toMatchObject({
      reported: 1,
      expected: 1,
      eligible: 85,
      voters: 65,
      publication: { kind: 'merged', withAreaId: 'd3' },
    });
    expect(results.get('d3')!.result.publication).toEqual({ kind: 'merged', withAreaId: 'd2' });
  });

  it('should withhold every number of a district that cannot be merged, and hold it back from the town (R8.7)', () => {
    const results = build();
    expect(results.get('d4')!.result).toEqual({
      areaId: 'd4',
      reported: 1,
      expected: 1,
      eligible: null,
      voters: 0,
      turnoutPercent: null,
      previousTurnoutPercent: null,
      contests: [
        {
          contestId: 'z',
          invalid: 0,
          valid: 0,
          lists: [
            { listId: 'x', votes: 0, percent: null, previousPercent: null, changePoints: null },
            { listId: 'y', votes: 0, percent: null, previousPercent: null, changePoints: null },
          ],
        },
      ],
      publication: { kind: 'withheld' },
    });
    // Town with d4 it would be d4 = town − d1 − (d2 + d3). Without d4: 500 + 30 + 35 = 565 voters;
    // x 325 / 565 = 57.52 → 57.5 %; turnout over d1 and the pair d2 + d3: 565 / 885 = 63.84 → 63.8 %.
    expect(results.get('municipality')!.result).toMatchObject({
      reported: 4,
      expected: 4,
      eligible: 885,
      voters: 565,
      turnoutPercent: 63.8,
      publication: { kind: 'partial', heldBack: 1 },
    });
    expect(shares('municipality')).toEqual([
      ['x', 325, 57.5],
      ['y', 240, 42.5],
    ]);
  });

  it('should never carry B1, A1/A2 or a report comment', () => {
    const text = [...build().values()].map((built) => built.json).join('\n');
    for (const key of ['"B1"', '"A1"', '"A2"', 'markedCount', 'comment']) expect(text).not.toContain(key);
  });
});
