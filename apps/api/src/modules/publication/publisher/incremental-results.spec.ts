import type { QuickReport } from '@wahl/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveTotals } from '../../aggregation/live-totals';
import { buildElectionNightContext } from '../../elections/read-model/election-night-context';
import { ElectionPublication } from './election-publication';
import { IncrementalResults } from './incremental-results';
import { buildPublicResults, type BuiltResult } from './public-results.builder';
import { buildPublicationSource } from './publication-source';
import { decideRelease, emptyLedger } from './release-decisions';

// Issue 16: the publisher rebuilds only the paths of the districts that changed. Whatever the order
// of reports, corrections and withdrawals – small districts merged or withheld (R8.5), totals held
// back (R8.7) – every published version must be byte for byte what a full rebuild gives.
// Town: Stadtteile s1 (p1–p4) and s2 (p5–p8); p1–p4 vote by post in b1, p5–p8 in b2 (b1, b2 in the
// municipality). p1, p2, p5 and p6 had a previous result, so the municipality carries a projection.
const POLLING = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
const DISTRICTS = [...POLLING, 'b1', 'b2'];
const context = buildElectionNightContext({
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
const source = buildPublicationSource(context);

const reportOf = (districtId: string, size: { eligible: number; x: number; y: number }): QuickReport => {
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
const step = fc.record({
  district: fc.constantFrom(...DISTRICTS),
  size: fc.option(
    fc.record({ eligible: fc.integer({ min: 10, max: 200 }), x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 60 }) }),
    {
      freq: 6,
    },
  ),
  publishAfter: fc.boolean(),
});

// The ledger holds the log and the record from one decision to the next; nothing else stores any.
const NOTHING_STORED = { releases: [], record: [] };
const UPDATED_AT = '2025-02-23T18:00:00.000Z';
const publicationOf = (results: ReadonlyMap<string, BuiltResult>, version: number) =>
  new ElectionPublication(source.election, source.contests, source.areas, version, UPDATED_AT, results);

describe('incremental public results (issue 16)', () => {
  it('should publish byte for byte what a full rebuild gives, for any sequence of reports', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const live = LiveTotals.build(context.tree, []);
        const ledger = emptyLedger();
        const incremental = new IncrementalResults(source);
        const first = decideRelease(source, live.state, NOTHING_STORED, ledger);
        const published = publicationOf(incremental.update(live.state, live.journal, first.released).results, 0);
        incremental.sent();
        for (const { district, size, publishAfter } of steps) {
          live.apply({ districtId: district, revision: live.revisionOf(district) + 1, next: size ? reportOf(district, size) : null });
          if (!publishAfter) continue;
          const decided = decideRelease(source, live.state, NOTHING_STORED, ledger);
          const update = incremental.update(live.state, live.journal, decided.released);
          const full = buildPublicResults(source, live.state, decided.released);
          expect(new Map([...update.results].map(([id, built]) => [id, built.json]))).toEqual(
            new Map([...full].map(([id, built]) => [id, built.json])),
          );
          const fresh = new IncrementalResults(source).update(live.state, live.journal, decided.released);
          expect(update.digest).toBe(fresh.digest);
          // The delta of only the candidates brings the public state to the full rebuild's.
          const version = published.version + 1;
          const changed = published.changedAreas(update.results, update.candidates);
          expect(
            published.apply({
              electionId: 'e',
              fromVersion: published.version,
              version,
              updatedAt: UPDATED_AT,
              status: 'counting',
              results: changed,
            }),
          ).toBe(true);
          incremental.sent();
          expect(published.body().text).toBe(publicationOf(full, version).body().text);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('should rebuild only the reporting district and the areas above it', () => {
    const live = LiveTotals.build(context.tree, []);
    const ledger = emptyLedger();
    const incremental = new IncrementalResults(source);
    const decide = () => decideRelease(source, live.state, NOTHING_STORED, ledger).released;
    incremental.update(live.state, live.journal, decide());
    incremental.sent();
    const before = new Map(incremental.update(live.state, live.journal, decide()).results);
    live.apply({ districtId: 'p7', revision: 1, next: reportOf('p7', { eligible: 900, x: 300, y: 200 }) });
    const after = incremental.update(live.state, live.journal, decide());
    expect(after.candidates).toEqual(['municipality', 's2', 'p7']);
    for (const id of ['p1', 'p8', 'b2', 's1']) expect(after.results.get(id)).toBe(before.get(id));
  });
});
