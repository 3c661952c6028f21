import type { PublicAreaResult, PublicElectionDelta } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { MUSTERSTADT_SNAPSHOT } from './__fixtures__/musterstadt-snapshot.fixture';
import { applyDelta } from './apply-delta';
import { buildAreaPage } from './area-page.view-model';

const result = (areaId: string): PublicAreaResult => MUSTERSTADT_SNAPSHOT.results.find((r) => r.areaId === areaId)!;

// 0102 reports: the district and the municipality change (version 3 → 4).
const reported0102: PublicAreaResult = { ...result('d0102'), reported: 1, voters: 150, eligible: 1100 };
const municipality: PublicAreaResult = { ...result('musterstadt'), reported: 3, voters: 1230, eligible: 2600 };
const delta = (
  fromVersion: number,
  version: number,
  results: readonly PublicAreaResult[] = [reported0102, municipality],
): PublicElectionDelta => ({
  electionId: 'e2025',
  fromVersion,
  version,
  updatedAt: '2025-02-23T17:55:00Z',
  status: 'provisional-final',
  results,
});

describe('applyDelta', () => {
  it('should replace the results of the changed areas and take version, time and status', () => {
    const outcome = applyDelta(MUSTERSTADT_SNAPSHOT, delta(3, 4));
    expect(outcome.kind).toBe('applied');
    if (outcome.kind !== 'applied') return;
    expect(outcome.snapshot.version).toBe(4);
    expect(outcome.snapshot.updatedAt).toBe('2025-02-23T17:55:00Z');
    expect(outcome.snapshot.status).toBe('provisional-final');
    expect(outcome.snapshot.results.map((r) => [r.areaId, r.reported, r.voters])).toEqual([
      ['musterstadt', 3, 1230],
      ['d0101', 1, 820],
      ['d0102', 1, 150],
      ['d0191', 1, 260],
    ]);
    // Unchanged areas keep their objects; the old snapshot is untouched.
    expect(outcome.snapshot.results[1]).toBe(MUSTERSTADT_SNAPSHOT.results[1]);
    expect(MUSTERSTADT_SNAPSHOT.results[2]!.reported).toBe(0);
  });

  it('should report a gap when a delta was made from another version', () => {
    expect(applyDelta(MUSTERSTADT_SNAPSHOT, delta(4, 5))).toEqual({ kind: 'gap', have: 3, got: 4 });
  });

  it('should ignore a delta it already has and one of another election', () => {
    expect(applyDelta(MUSTERSTADT_SNAPSHOT, delta(2, 3))).toEqual({ kind: 'stale' });
    expect(applyDelta(MUSTERSTADT_SNAPSHOT, { ...delta(3, 4), electionId: 'andere' })).toEqual({ kind: 'stale' });
  });

  it('should append the result of an area the snapshot had none for', () => {
    const narrowed = { ...MUSTERSTADT_SNAPSHOT, results: MUSTERSTADT_SNAPSHOT.results.filter((r) => r.areaId !== 'd0102') };
    const outcome = applyDelta(narrowed, delta(3, 4, [reported0102]));
    expect(outcome.kind === 'applied' && outcome.snapshot.results.map((r) => r.areaId)).toEqual(['musterstadt', 'd0101', 'd0191', 'd0102']);
  });

  // R8.5: 0102's own view (the town and 0102) at version 3; 0102 reports small and is merged with 0101,
  // outside the view. The narrowed delta brings 0101's area entry (no result), so the page names the
  // partner at once instead of "einem anderen Bezirk" until the next snapshot.
  it('should take the area entry of a merge partner outside the view and name it on the page', () => {
    const view = {
      ...MUSTERSTADT_SNAPSHOT,
      areas: MUSTERSTADT_SNAPSHOT.areas.filter((area) => area.id !== 'd0101' && area.id !== 'd0191'),
    };
    const ownView = { ...view, results: view.results.filter((r) => r.areaId === 'musterstadt' || r.areaId === 'd0102') };
    const merged: PublicAreaResult = { ...reported0102, publication: { kind: 'merged', withAreaId: 'd0101' } };
    const partner = MUSTERSTADT_SNAPSHOT.areas.find((area) => area.id === 'd0101')!;
    const outcome = applyDelta(ownView, { ...delta(3, 4, [merged, municipality]), areas: [partner] });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.snapshot.areas.map((area) => area.id)).toEqual(['musterstadt', 'd0102', 'd0101']);
    expect(outcome.snapshot.results.map((r) => r.areaId)).toEqual(['musterstadt', 'd0102']);
    expect(buildAreaPage({ snapshot: outcome.snapshot, areaId: 'd0102', contestId: null })!.publicationNote).toBe(
      'Zum Schutz des Wahlgeheimnisses gemeinsam mit Wahlbezirk 0101 (Altstadt) ausgewiesen: Die Zahlen sind die Summe beider Bezirke.',
    );
    // Named once, however many deltas bring it; a delta without areas keeps the list as it is.
    const again = applyDelta(outcome.snapshot, { ...delta(4, 5, [merged]), areas: [partner] });
    expect(again.kind === 'applied' && again.snapshot.areas).toEqual(outcome.snapshot.areas);
    const plain = applyDelta(outcome.snapshot, delta(4, 5, [municipality]));
    expect(plain.kind === 'applied' && plain.snapshot.areas).toBe(outcome.snapshot.areas);
  });

  // A client that follows one area gets deltas narrowed to its view (issue 16), possibly with no
  // result at all: it must still advance, so that the next delta continues its version.
  it('should take the version of a delta narrowed to the view, even one without results', () => {
    const outcome = applyDelta(MUSTERSTADT_SNAPSHOT, delta(3, 4, []));
    expect(outcome.kind === 'applied' && outcome.snapshot.version).toBe(4);
    expect(outcome.kind === 'applied' && outcome.snapshot.results).toEqual(MUSTERSTADT_SNAPSHOT.results);
    if (outcome.kind !== 'applied') return;
    const next = applyDelta(outcome.snapshot, delta(4, 5, [municipality]));
    expect(next.kind === 'applied' && next.snapshot.results.map((r) => [r.areaId, r.reported])).toEqual([
      ['musterstadt', 3],
      ['d0101', 1],
      ['d0102', 0],
      ['d0191', 1],
    ]);
  });
});
