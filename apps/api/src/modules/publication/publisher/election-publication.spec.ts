import type { PublicElectionDelta } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { LiveTotals } from '../../aggregation/live-totals';
import { ElectionPublication } from './election-publication';
import { buildPublicResults } from './public-results.builder';
import { context, reportOf, source } from './publisher-town.fixture';
import { decideRelease, emptyLedger } from './release-decisions';

// R8.5 on a page that follows one area (issue 16): a district of the view merged with one outside it
// names its partner. The view's snapshot carries the partner's area entry; a live delta narrowed to
// the view carries it too, so the page need not wait for the next snapshot. Town: Stadtteil s1 holds
// p1–p4, s2 holds p5–p8 (publisher-town.fixture.ts).

const UPDATED_AT = '2025-02-23T18:30:00.000Z';

describe('ElectionPublication.scopedDelta (R8.5 partner outside the view)', () => {
  const live = LiveTotals.build(context.tree, []);
  const ledger = emptyLedger();
  const publish = () =>
    buildPublicResults(source, live.state, decideRelease(source, live.state, { releases: [], record: [] }, ledger).released);
  const report = (districtId: string, eligible: number, x: number, y: number) =>
    live.apply({ districtId, revision: live.revisionOf(districtId) + 1, next: reportOf(districtId, { eligible, x, y }) });

  // p1 is small (A 45, B 30) and alone: withheld. Then p5 in the other Stadtteil reports: the pair p1 + p5.
  report('p1', 45, 10, 20);
  const publication = new ElectionPublication(source.election, source.contests, source.areas, 1, UPDATED_AT, publish());
  const s1Before = publication.snapshot('s1');
  report('p5', 300, 120, 80);
  const next = publish();
  const delta: PublicElectionDelta = {
    electionId: 'e',
    fromVersion: 1,
    version: 2,
    updatedAt: UPDATED_AT,
    status: 'counting',
    results: publication.changedAreas(next, [...next.keys()]),
  };
  publication.apply(delta);
  const areaOf = (id: string) => source.areas.find((area) => area.id === id)!;

  it('should merge p1 with p5 across the Stadtteile in this version', () => {
    expect(s1Before.areas.map((area) => area.id)).not.toContain('p5');
    expect(publication.result('p1')?.publication).toEqual({ kind: 'merged', withAreaId: 'p5' });
    expect(publication.result('p5')?.publication).toEqual({ kind: 'merged', withAreaId: 'p1' });
  });

  it('should give each side the partner’s area entry, as the view’s snapshot of the same version has it', () => {
    const s1 = publication.scopedDelta(delta, 's1');
    // s1's total still holds p1 back (R8.7: p5 is not in s1, so s1 would show p1 alone).
    expect(s1.results.map((result) => result.areaId).sort()).toEqual(['municipality', 'p1']);
    expect(s1.areas).toEqual([areaOf('p5')]);
    const s1Snapshot = publication.snapshot('s1');
    expect(s1Snapshot.areas.filter((area) => !publication.scope('s1').includes(area.id))).toEqual(s1.areas);

    const s2 = publication.scopedDelta(delta, 's2');
    expect(s2.results.map((result) => result.areaId).sort()).toEqual(['municipality', 'p5', 's2']);
    expect(s2.areas).toEqual([areaOf('p1')]);
  });

  it('should carry the area entry only: id, parent, level, number and name, never the partner’s result', () => {
    const { areas, results } = publication.scopedDelta(delta, 's1');
    expect(Object.keys(areas![0]!).sort()).toEqual(['id', 'level', 'name', 'number', 'parentId']);
    expect(results.some((result) => result.areaId === 'p5')).toBe(false);
  });

  it('should add no areas to a view without a merged district', () => {
    // The root's view holds its children only, not the districts.
    const root = publication.scopedDelta(delta, 'municipality');
    expect(root.results.map((result) => result.areaId).sort()).toEqual(['municipality', 's2']);
    expect(root).not.toHaveProperty('areas');
  });
});

describe("ElectionPublication.scope: the root's view (issue 16)", () => {
  const live = LiveTotals.build(context.tree, []);
  const results = buildPublicResults(
    source,
    live.state,
    decideRelease(source, live.state, { releases: [], record: [] }, emptyLedger()).released,
  );
  const publicationOf = (areas: typeof source.areas) =>
    new ElectionPublication(source.election, source.contests, areas, 1, UPDATED_AT, results);

  it('should hold the root and its children, not the districts below them', () => {
    expect(publicationOf(source.areas).scope('municipality')).toEqual(['municipality', 's1', 's2', 'b1', 'b2']);
  });

  it('should go down to where the overview starts when the root has one child only (a constituency around one town)', () => {
    const constituency = { id: 'wk', parentId: null, level: 'constituency' as const, number: '271', name: 'Wahlkreis' };
    const areas = [constituency, ...source.areas.map((area) => (area.parentId === null ? { ...area, parentId: 'wk' } : area))];
    expect(publicationOf(areas).scope('wk')).toEqual(['wk', 'municipality', 's1', 's2', 'b1', 'b2']);
  });
});

describe('ElectionPublication.changedAreas: areas another process set (issue 16)', () => {
  const live = LiveTotals.build(context.tree, []);
  const publish = () =>
    buildPublicResults(source, live.state, decideRelease(source, live.state, { releases: [], record: [] }, emptyLedger()).released);
  const report = (districtId: string, eligible: number, x: number, y: number) =>
    live.apply({ districtId, revision: live.revisionOf(districtId) + 1, next: reportOf(districtId, { eligible, x, y }) });

  it('should compare the areas a delta set, also when this process built the same text as before', () => {
    report('p5', 300, 120, 80);
    const ownBuild = publish();
    const publication = new ElectionPublication(source.election, source.contests, source.areas, 1, UPDATED_AT, ownBuild);
    // Another process's version 2 moved p5's figures; by this process's next build they are back to version 1's.
    report('p5', 300, 90, 110);
    const moved = publish();
    const remote = publication.changedAreas(moved, [...moved.keys()]);
    expect(remote.map((result) => result.areaId)).toEqual(expect.arrayContaining(['p5', 's2', 'municipality']));
    publication.apply({ electionId: 'e', fromVersion: 1, version: 2, updatedAt: UPDATED_AT, status: 'counting', results: remote });
    // No candidate (the build's texts did not change since its last), yet the areas the delta set differ from it.
    expect(publication.changedAreas(ownBuild, [])).toEqual(remote.map((result) => ownBuild.get(result.areaId)!.result));
    publication.settled();
    expect(publication.changedAreas(ownBuild, [])).toEqual([]);
  });
});
