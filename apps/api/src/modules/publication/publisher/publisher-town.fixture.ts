import type { QuickReport } from '@wahl/domain';
import fc from 'fast-check';
import { buildElectionNightContext } from '../../elections/read-model/election-night-context';
import { buildPublicationSource } from './publication-source';

// A town for the publisher's property tests (issue 16).
// Town: Stadtteile s1 (p1–p4) and s2 (p5–p8); p1–p4 vote by post in b1, p5–p8 in b2 (b1, b2 in the
// municipality). p1, p2, p5 and p6 had a previous result, so the municipality carries a projection.
const POLLING = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
export const DISTRICTS = [...POLLING, 'b1', 'b2'];
export const context = buildElectionNightContext({
  election: {
    id: 'e',
    officeId: 'o',
    name: 'Wahl',
    kind: 'bundestag',
    electionDay: '2025-02-23',
    previousElectionName: 'Wahl 2021',
    municipalityAgs: '08999001',
    municipalityName: 'Musterstadt',
    constituencyNumber: null,
    constituencyName: null,
  },
  areas: [
    { id: 's1', ordinal: 0, key: '1', name: 'Nord', kind: 'stadtteil', parentId: null },
    { id: 's2', ordinal: 1, key: '2', name: 'Süd', kind: 'stadtteil', parentId: null },
  ],
  districts: DISTRICTS.map((id, ordinal) => {
    const postal = id.startsWith('b');
    return {
      id,
      ordinal,
      areaId: postal ? null : ordinal < 4 ? 's1' : 's2',
      number: id.toUpperCase(),
      name: `Bezirk ${id}`,
      kind: postal ? ('postal' as const) : ('polling' as const),
      postalDistrictId: postal ? null : ordinal < 4 ? 'b1' : 'b2',
      pollingStationId: null,
    };
  }),
  stations: [],
  contests: [{ id: 'z', key: 'z', name: 'Stimme', votesPerBallot: 1, ballotType: 'list' }],
  lists: [
    { id: 'lx', contestId: 'z', key: 'x', ballotPosition: 1, shortName: 'X', name: 'Liste X', color: '#111111' },
    { id: 'ly', contestId: 'z', key: 'y', ballotPosition: 2, shortName: 'Y', name: 'Liste Y', color: '#222222' },
  ],
  previousResults: ['p1', 'p2', 'p5', 'p6'].map((districtId) => ({
    districtId,
    contestId: 'z',
    eligible: 400,
    voters: 300,
    valid: 300,
    votes: { x: 180, y: 120 },
  })),
});
export const source = buildPublicationSource(context);

export const reportOf = (districtId: string, size: { eligible: number; x: number; y: number }): QuickReport => {
  const postal = districtId.startsWith('b');
  return {
    districtId,
    districtKind: postal ? 'postal' : 'polling',
    A: postal ? null : size.eligible,
    A1: postal ? null : size.eligible,
    A2: postal ? null : 0,
    A3: postal ? null : 0,
    B: size.x + size.y,
    B1: 0,
    contests: [{ contestId: 'z', invalid: 0, valid: size.x + size.y, votes: { x: size.x, y: size.y } }],
  };
};

// One step: a district's report (first or corrected), or its withdrawal; sizes around the R8.5
// thresholds (50 voters, 50 eligible), so that merges, withholds and R8.7 hold-backs all occur.
export const step = fc.record({
  district: fc.constantFrom(...DISTRICTS),
  size: fc.option(
    fc.record({ eligible: fc.integer({ min: 10, max: 200 }), x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 60 }) }),
    {
      freq: 6,
    },
  ),
  publishAfter: fc.boolean(),
});
