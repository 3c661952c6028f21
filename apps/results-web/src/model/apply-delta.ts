import type { PublicElectionDelta, PublicElectionSnapshot } from '@wahl/domain';

// The live channel sends a snapshot on join, then deltas that carry the changed areas' results (and,
// narrowed to an area's view, the area entry of a merge partner outside it, R8.5). A delta applies
// only to the version it was made from; anything else is a duplicate (ignore) or a gap (ask for a
// fresh snapshot).

export type DeltaOutcome =
  | { readonly kind: 'applied'; readonly snapshot: PublicElectionSnapshot }
  | { readonly kind: 'stale' }
  | { readonly kind: 'gap'; readonly have: number; readonly got: number };

export function applyDelta(snapshot: PublicElectionSnapshot, delta: PublicElectionDelta): DeltaOutcome {
  if (delta.electionId !== snapshot.electionId || delta.version <= snapshot.version) return { kind: 'stale' };
  if (delta.fromVersion !== snapshot.version) return { kind: 'gap', have: snapshot.version, got: delta.fromVersion };
  const changed = new Map(delta.results.map((result) => [result.areaId, result]));
  const known = new Set(snapshot.results.map((result) => result.areaId));
  const results = snapshot.results.map((result) => changed.get(result.areaId) ?? result);
  // An area that had no result yet (e.g. a snapshot narrowed to one area) is appended.
  for (const result of delta.results) if (!known.has(result.areaId)) results.push(result);
  return {
    kind: 'applied',
    snapshot: {
      ...snapshot,
      version: delta.version,
      updatedAt: delta.updatedAt,
      status: delta.status,
      areas: withAreas(snapshot, delta),
      results,
    },
  };
}

// A merge partner outside the view is appended once, after the view's areas, as its snapshot lists it.
function withAreas(snapshot: PublicElectionSnapshot, delta: PublicElectionDelta): PublicElectionSnapshot['areas'] {
  if (!delta.areas?.length) return snapshot.areas;
  const known = new Set(snapshot.areas.map((area) => area.id));
  const added = delta.areas.filter((area) => !known.has(area.id));
  return added.length === 0 ? snapshot.areas : [...snapshot.areas, ...added];
}
